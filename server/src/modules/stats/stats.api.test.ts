import request from 'supertest';
import { StatsTableSchema, type StatsTable, type StatsValue } from '@haven/shared';
import { startTestApp, type TestApp } from '../../../../test/support/app';
import { listRoutes, samplePath } from '../../../../test/support/routes';
import { aStaffMember, bearer, type StaffMember } from '../../../../test/support/staff';
import { casesOf, lastAuditEntry, statsApi, store } from '../../../../test/support/stats';

let testApp: TestApp;
let auditor: StaffMember;
beforeEach(async () => {
  testApp = await startTestApp();
  auditor = await aStaffMember(testApp, { roles: ['auditor'] });
});
afterEach(() => testApp.close());

/**
 * 105 cases, suppression at the default k = 10:
 *
 *                    2026-01  2026-02  total
 *   cyberattack          12       15     27
 *   online_hate           3       20     23   ← 3 is withheld, and so is what would give it away
 *   rights_violation     30       25     55
 *   total                45       60    105
 */
async function storeKnownCases() {
  await store(testApp, [
    ...casesOf(12, 'cyberattack', '2026-01', {
      triage: [0, 0, 0, 1, 1, 3],
      resolution: [2, 4, 6, 8, 10, 12, 14, 16, 18, 20, null, null],
    }),
    ...casesOf(15, 'cyberattack', '2026-02', { triage: [2] }),
    ...casesOf(3, 'online_hate', '2026-01', { triage: [5], resolution: [7] }),
    ...casesOf(20, 'online_hate', '2026-02', { triage: [1] }),
    ...casesOf(30, 'rights_violation', '2026-01', { triage: [1], resolution: [40] }),
    ...casesOf(25, 'rights_violation', '2026-02', { triage: [null] }),
  ]);
}

const counts = (values: StatsValue[]) => values.map((value) => value.count);

describe('a breakdown', () => {
  it('when an auditor asks for category by month, then every cell and margin has its count, and the small cell and what would give it away are withheld', async () => {
    await storeKnownCases();

    const response = await statsApi(testApp, auditor).view({ dims: 'category,month' });

    expect(response.status).toBe(200);
    const table = StatsTableSchema.parse(response.body);
    expect(table.rows).toEqual(['cyberattack', 'online_hate', 'rights_violation']);
    expect(table.columns).toEqual(['2026-01', '2026-02']);
    expect(counts(table.cells[2]!)).toEqual([30, 25]);
    expect(counts(table.rowTotals)).toEqual([27, 23, 55]);
    expect(counts(table.columnTotals)).toEqual([45, 60]);
    expect(table.total).toMatchObject({ count: 105, suppressed: false });
    expect(table.cells[1]![0]).toEqual({
      count: null,
      suppressed: true,
      medianDaysToTriage: null,
      medianDaysToResolution: null,
    });
    // The withheld 3 is protected: its row and its column each hold another withheld cell.
    expect(table.cells[1]!.filter((value) => value.suppressed).length).toBeGreaterThanOrEqual(2);
    expect(table.cells.filter((row) => row[0]!.suppressed).length).toBeGreaterThanOrEqual(2);
    expect(table.k).toBe(10);
    expect(table.noise).toBeNull();
    expect(table.parameters).toMatchObject({ dims: ['category', 'month'], from: null });
  });

  it('when medians are shown, then they are whole days over the cell’s own cases, margins from all their cases, and left out over fewer than k cases', async () => {
    await storeKnownCases();

    const table: StatsTable = (await statsApi(testApp, auditor).view({ dims: 'category,month' }))
      .body;

    expect(table.cells[2]![0]).toMatchObject({
      count: 30,
      medianDaysToTriage: 1,
      medianDaysToResolution: 40,
    });
    // Not yet triaged: no median, though the count shows.
    expect(table.cells[2]![1]).toMatchObject({ count: 25, medianDaysToTriage: null });
    // 0 0 0 0 1 1 1 1 3 3 … over 12 cyberattacks in January, then 15 at 2 days: the middle of 27.
    expect(table.rowTotals[0]).toMatchObject({ medianDaysToTriage: 2 });
    // Ten resolved cyberattacks, 2 … 20 days: (10 + 12) / 2.
    expect(table.rowTotals[0]).toMatchObject({ medianDaysToResolution: 11 });
    // Online hate: 3 resolved, fewer than k.
    expect(table.rowTotals[1]).toMatchObject({ count: 23, medianDaysToResolution: null });
  });

  it('when a breakdown has one dimension, then each row has one cell and the rows add up to the total', async () => {
    await storeKnownCases();

    const table: StatsTable = (await statsApi(testApp, auditor).view({ dims: 'category' })).body;

    expect(table.columns).toBeNull();
    expect(table.cells.map((row) => counts(row))).toEqual([[27], [23], [55]]);
    expect(table.total.count).toBe(105);
  });

  it('when filters are given, then only matching cases count, and a filtered dimension shows only what the filter allows', async () => {
    await storeKnownCases();
    await store(testApp, casesOf(40, 'cyberattack', '2026-01', {}, { status: 'new' }));

    const table: StatsTable = (
      await statsApi(testApp, auditor).view({
        dims: 'status,category',
        from: '2026-01-15',
        to: '2026-01',
        status: 'closed,new',
      })
    ).body;

    // The cases are received on the 10th: none from the 15th of January to its end.
    expect(table.total.count).toBe(0);
    const january: StatsTable = (
      await statsApi(testApp, auditor).view({ dims: 'status', to: '2026-01', status: 'closed,new' })
    ).body;
    expect(january.rows).toEqual(['new', 'closed']);
    expect(counts(january.cells.flat())).toEqual([40, 45]);
  });

  it('when an auditor views a breakdown, then the viewing is audited with its parameters and no numbers', async () => {
    await storeKnownCases();

    await statsApi(testApp, auditor).view({ dims: 'month', category: 'cyberattack' }).expect(200);

    const entry = await lastAuditEntry(testApp);
    expect(entry).toMatchObject({
      action: 'stats.viewed',
      actorId: auditor.user.id,
      details: {
        parameters: { dims: ['month'], category: 'cyberattack', epsilon: null },
        k: 10,
        rows: 2,
      },
    });
    expect(JSON.stringify(entry.details)).not.toMatch(/\b(12|15|27)\b/);
  });

  it('when the suppression threshold is changed, then tables are withheld at the new k', async () => {
    await storeKnownCases();
    await testApp.storage.settings.put('suppression.k', 13);

    const table: StatsTable = (await statsApi(testApp, auditor).view({ dims: 'category,month' }))
      .body;

    expect(table.k).toBe(13);
    expect(table.cells[0]![0]!.suppressed).toBe(true);
  });
});

describe('differential privacy', () => {
  it('when an auditor asks for noise, then counts carry it, medians are left out, and the epsilon is spent from the month’s budget', async () => {
    await storeKnownCases();

    const response = await statsApi(testApp, auditor).view({ dims: 'category', dp: '1' });

    expect(response.status).toBe(200);
    const table = StatsTableSchema.parse(response.body);
    expect(table.noise).toMatchObject({ epsilon: 1, budget: { spent: 1, remaining: 9 } });
    const values = [...table.cells.flat(), ...table.rowTotals, table.total];
    expect(values.every((value) => value.medianDaysToTriage === null)).toBe(true);
    expect(values.every((value) => value.medianDaysToResolution === null)).toBe(true);
    expect((await lastAuditEntry(testApp)).details).toMatchObject({ epsilon: 1 });
  });

  it('when an auditor asks what is left of the budget, then the month’s balance comes, and asking spends nothing', async () => {
    await storeKnownCases();
    const api = statsApi(testApp, auditor);
    const untouched = await api.budget();
    await api.view({ dims: 'category', dp: '2.5' }).expect(200);

    const after = await api.budget();
    const again = await api.budget();

    expect(untouched.body).toMatchObject({ budget: 10, spent: 0, remaining: 10 });
    expect(untouched.body.period).toMatch(/^\d{4}-\d{2}$/);
    expect(after.body).toMatchObject({ spent: 2.5, remaining: 7.5 });
    expect(again.body).toEqual(after.body);
  });

  it('when the epsilon asked for is more than the budget has left, then 422 and nothing is released or audited', async () => {
    await storeKnownCases();
    await statsApi(testApp, auditor).view({ dims: 'category', dp: '6' }).expect(200);
    const before = await lastAuditEntry(testApp);

    const response = await statsApi(testApp, auditor).view({ dims: 'category', dp: '5' });

    expect(response.status).toBe(422);
    expect(response.body.code).toBe('privacy_budget_exhausted');
    expect(await lastAuditEntry(testApp)).toEqual(before);
  });
});

describe('limits', () => {
  it('when a table would have more than 5,000 cells, then 422, and nothing is spent or audited', async () => {
    await storeKnownCases();
    const before = await lastAuditEntry(testApp);

    const response = await statsApi(testApp, auditor).view({
      dims: 'month,country',
      from: '1990-01',
      to: '2026-12',
      dp: '1',
    });

    expect(response.status).toBe(422);
    expect(response.body.code).toBe('stats_table_too_large');
    expect(await lastAuditEntry(testApp)).toEqual(before);
    const small = await statsApi(testApp, auditor).view({ dims: 'category', dp: '1' });
    expect(small.body.noise.budget).toMatchObject({ spent: 1 });
  });
});

describe('who may see statistics', () => {
  it.each([['officer'], ['supervisor'], ['admin']] as const)(
    'when a%s asks for statistics or an export, then 403',
    async (role) => {
      const member = await aStaffMember(testApp, { roles: [role] });
      const api = statsApi(testApp, member);

      expect((await api.view({ dims: 'category' })).status).toBe(403);
      expect((await api.export({ dims: 'category', format: 'csv' })).status).toBe(403);
    },
  );

  it('when nobody is signed in, then 401', async () => {
    expect((await request(testApp.app).get('/api/v1/stats?dims=category')).status).toBe(401);
  });

  it('when an auditor calls any case route, then 403: auditors never see case content', async () => {
    const caseRoutes = listRoutes(testApp.app).filter((entry) =>
      entry.path.startsWith('/api/v1/cases'),
    );
    expect(caseRoutes.length).toBeGreaterThan(10);
    const answers: string[] = [];
    for (const entry of caseRoutes) {
      const method = entry.method as 'get' | 'post' | 'patch' | 'delete';
      const path = samplePath(entry, 'a-case-id')!;
      const response = await request(testApp.app)[method](path).set(bearer(auditor.accessToken));
      answers.push(`${entry.method} ${entry.path} ${response.status}`);
    }
    expect(answers).toEqual(caseRoutes.map((entry) => `${entry.method} ${entry.path} 403`));
  });
});

describe('bad requests', () => {
  it.each([
    ['no dimension', {}],
    ['an unknown dimension', { dims: 'reference' }],
    ['a dimension twice', { dims: 'month,month' }],
    ['three dimensions', { dims: 'category,month,status' }],
    ['the dimensions given twice', 'dims=category&dims=month'],
    ['a month that does not exist', { dims: 'month', from: '2026-13' }],
    ['a day that does not exist', { dims: 'month', to: '2026-02-30' }],
    ['an end before the start', { dims: 'month', from: '2026-03', to: '2026-02-28' }],
    ['an unknown status', { dims: 'month', status: 'lost' }],
    ['an epsilon of 0', { dims: 'month', dp: '0' }],
    ['an epsilon that is not a number', { dims: 'month', dp: 'much' }],
    ['an unknown parameter', { dims: 'month', q: 'narrative' }],
  ])('when the query has %s, then 400 and nothing is audited', async (_, query) => {
    const before = await lastAuditEntry(testApp);

    const view = await statsApi(testApp, auditor).view(query);
    const exported = await statsApi(testApp, auditor).export(
      typeof query === 'string' ? `${query}&format=csv` : { ...query, format: 'csv' },
    );

    expect(view.status).toBe(400);
    expect(view.type).toBe('application/problem+json');
    expect(exported.status).toBe(400);
    expect(await lastAuditEntry(testApp)).toEqual(before);
  });

  it.each([['xlsx'], ['']])(
    'when an export asks for the format "%s", then 400 and nothing is audited',
    async (format) => {
      const before = await lastAuditEntry(testApp);

      const response = await statsApi(testApp, auditor).export({ dims: 'category', format });

      expect(response.status).toBe(400);
      expect(await lastAuditEntry(testApp)).toEqual(before);
    },
  );
});
