import { PLATFORMS, type Platform } from '@haven/shared';
import { havenCommandForEachTest } from '../support/cli';

jest.setTimeout(60_000);

describe('haven seed', () => {
  const haven = havenCommandForEachTest();

  it('when 2,000 cases are seeded in batches of 500, then all are stored with a realistic spread and one audit entry per batch', async () => {
    const { code, output } = await haven.run(['seed', '--cases', '2000', '--batch', '500']);
    expect(code).toBe(0);
    expect(output).toMatch(/Seeded 2000 cases in [\d.]+ s \(\d+ cases\/s\)/);

    await haven.withStorage(async (storage) => {
      const counts = await storage.cases.countByStatus({});
      expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(2000);
      // Mostly finished, with a tail of open cases.
      const finished = counts.closed! + counts.resolved! + counts.rejected! + counts.duplicate!;
      expect(finished / 2000).toBeGreaterThan(0.7);
      expect((counts.new ?? 0) + (counts.investigating ?? 0)).toBeGreaterThan(0);

      const page = await storage.cases.list({ sort: 'newest', limit: 2000 });
      const cases = page.items;
      expect(new Set(cases.map((item) => item.category))).toEqual(
        new Set(['cyberattack', 'online_hate', 'rights_violation']),
      );
      expect(new Set(cases.map((item) => item.country)).size).toBeGreaterThan(15);
      expect(new Set(cases.map((item) => item.tlp)).size).toBe(5);
      expect(cases.some((item) => item.tags.length > 0)).toBe(true);
      const oldest = cases[cases.length - 1]!.createdAt.getTime();
      expect(Date.now() - oldest).toBeGreaterThan(2 * 365 * 86_400_000);
      expect(Date.now() - oldest).toBeLessThanOrEqual(3 * 365 * 86_400_000 + 60_000);
      expect(cases[0]!.body).toMatchObject({
        text: { narrative: expect.any(String) },
        synthetic: true,
      });
      // What statistics read: a platform from the known list, targets where the form asks,
      // and the first triage and resolution of the cases that got there.
      expect(
        cases.every(
          (item) => item.platform === null || PLATFORMS.includes(item.platform as Platform),
        ),
      ).toBe(true);
      expect(cases.some((item) => item.targets.length > 0)).toBe(true);
      const isFinished = (item: (typeof cases)[number]) =>
        ['resolved', 'closed', 'rejected', 'duplicate'].includes(item.status);
      expect(
        cases.filter((item) => item.status === 'new').every((item) => item.triagedAt === null),
      ).toBe(true);
      expect(cases.filter(isFinished).every((item) => item.resolvedAt !== null)).toBe(true);
      expect(cases.every((item) => (item.resolvedAt ?? item.createdAt) >= item.createdAt)).toBe(
        true,
      );
      expect(
        (await storage.cases.list({ sort: 'newest', limit: 5, text: 'spyware' })).items.length,
      ).toBeGreaterThan(0);

      const entries = await storage.audit.list({ limit: 100 });
      expect(entries.map((entry) => [entry.action, entry.details])).toEqual(
        Array.from({ length: 4 }, () => ['cases.seeded', { count: 500 }]),
      );
    });
  });

  it('when the count is missing, then it explains its usage and fails', async () => {
    const { code, output } = await haven.run(['seed', '--batch', '10']);
    expect(code).toBe(2);
    expect(output).toContain('Usage: haven seed --cases N');
  });
});
