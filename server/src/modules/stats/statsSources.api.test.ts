import { startTestApp, type TestApp } from '../../../../test/support/app';
import { aFiledReport, caseApi } from '../../../../test/support/cases';
import { aStaffMember, type StaffMember } from '../../../../test/support/staff';

/** Where the statistics' fields come from: intake, and the case's first moves. */

let testApp: TestApp;
let officer: StaffMember;
let supervisor: StaffMember;
beforeAll(async () => {
  testApp = await startTestApp();
  officer = await aStaffMember(testApp, { roles: ['officer'] });
  supervisor = await aStaffMember(testApp, { roles: ['supervisor'] });
});
afterAll(() => testApp.close());

const stored = async (id: string) => (await testApp.storage.cases.get(id))!;

describe('at intake', () => {
  it('when a report names a platform in its own words and targeted characteristics, then the case keeps the platform from the known list and the characteristics', async () => {
    const { id } = await aFiledReport(testApp, {
      category: 'online_hate',
      subcategory: 'harassment',
      platform: 'Insta (my private account)',
      urls: [],
      targets: ['religion', 'gender'],
    });

    expect(await stored(id)).toMatchObject({
      platform: 'other',
      targets: ['gender', 'religion'],
      triagedAt: null,
      resolvedAt: null,
    });
    const named = await aFiledReport(testApp, { platform: 'Insta' });
    expect((await stored(named.id)).platform).toBe('instagram');
  });

  it('when a report names no platform, then its first web address decides, and without any there is none', async () => {
    const linked = await aFiledReport(testApp, {
      platform: undefined,
      urls: ['https://t.me/some_channel/42'],
    });
    const bare = await aFiledReport(testApp, { platform: undefined, urls: [] });

    expect((await stored(linked.id)).platform).toBe('telegram');
    expect((await stored(bare.id)).platform).toBeNull();
  });
});

describe('as a case moves', () => {
  it('when a case first leaves new and first reaches a finished state, then both times are kept, and a reopening keeps them', async () => {
    const { id } = await aFiledReport(testApp);
    const officers = caseApi(testApp, officer);
    const supervisors = caseApi(testApp, supervisor);

    await officers.post(id, 'transitions', { version: 1, to: 'triaged' }).expect(200);
    const triaged = await stored(id);
    expect(triaged.triagedAt).toBeInstanceOf(Date);
    expect(triaged.resolvedAt).toBeNull();

    const reason = 'Out of scope for this service';
    await officers
      .post(id, 'transitions', { version: triaged.version, to: 'investigating' })
      .expect(200);
    await supervisors
      .post(id, 'transitions', { version: triaged.version + 1, to: 'resolved' })
      .expect(200);
    const resolved = await stored(id);
    expect(resolved.triagedAt).toEqual(triaged.triagedAt);
    expect(resolved.resolvedAt).toBeInstanceOf(Date);

    await supervisors
      .post(id, 'transitions', { version: resolved.version, to: 'investigating', reason })
      .expect(200);
    await supervisors
      .post(id, 'transitions', { version: resolved.version + 1, to: 'resolved' })
      .expect(200);
    expect(await stored(id)).toMatchObject({
      triagedAt: triaged.triagedAt,
      resolvedAt: resolved.resolvedAt,
    });
  });

  it('when a new case is merged into another as its duplicate, then it counts as triaged and finished', async () => {
    const older = await aFiledReport(testApp);
    const newer = await aFiledReport(testApp);

    await caseApi(testApp, officer)
      .post(newer.id, 'links', { version: 1, otherCaseId: older.id, reason: 'The same report' })
      .expect(200);

    const merged = await stored(newer.id);
    expect(merged.status).toBe('duplicate');
    expect(merged.triagedAt).toBeInstanceOf(Date);
    expect(merged.resolvedAt).toEqual(merged.triagedAt);
  });
});
