import request from 'supertest';
import type { NewCase } from '../../server/src/storage/types';
import type { TestApp } from './app';
import { aCase, anAudit } from './factories';
import { bearer, type StaffMember } from './staff';

/** Cases with known milestones, and an auditor's calls to the statistics API. */

const DAY = 86_400_000;

/**
 * `count` cases of a category received on the 10th of `month`, taking the given whole days to
 * triage and to resolution (cycled through; `null`: not yet).
 */
export function casesOf(
  count: number,
  category: string,
  month: string,
  days: { triage?: (number | null)[]; resolution?: (number | null)[] } = {},
  overrides: Partial<NewCase> = {},
): NewCase[] {
  return Array.from({ length: count }, (_, index) => {
    const createdAt = new Date(`${month}-10T08:00:00Z`);
    const after = (list: (number | null)[] | undefined) => {
      const value = list?.[index % list.length] ?? null;
      // Half a day more, which whole days count down.
      return value === null ? null : new Date(createdAt.getTime() + (value + 0.5) * DAY);
    };
    return aCase({
      category,
      month,
      createdAt,
      status: 'closed',
      triagedAt: after(days.triage),
      resolvedAt: after(days.resolution),
      ...overrides,
    });
  });
}

export async function store(testApp: TestApp, cases: NewCase[]): Promise<void> {
  await testApp.storage.cases.insertMany(cases, anAudit());
}

/** An auditor's view of the statistics API. */
export function statsApi(testApp: TestApp, member: StaffMember) {
  const auth = bearer(member.accessToken);
  return {
    view: (query: Record<string, string> | string) =>
      request(testApp.app).get('/api/v1/stats').query(query).set(auth),
    budget: () => request(testApp.app).get('/api/v1/stats/budget').set(auth),
    /** The export's exact bytes as `body`. */
    export: (query: Record<string, string> | string) =>
      request(testApp.app)
        .get('/api/v1/stats/export')
        .query(query)
        .set(auth)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        }),
  };
}

export async function lastAuditEntry(testApp: TestApp) {
  const head = await testApp.storage.audit.head();
  return (await testApp.storage.audit.list({ afterSeq: head!.seq - 1, limit: 1 }))[0]!;
}
