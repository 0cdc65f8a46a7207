import { startTestApp, type TestApp } from '../../../../test/support/app';
import { aFiledReport, caseApi } from '../../../../test/support/cases';
import { aStaffMember, type StaffMember } from '../../../../test/support/staff';

let testApp: TestApp;
let officer: StaffMember;
beforeEach(async () => {
  testApp = await startTestApp();
  officer = await aStaffMember(testApp, { roles: ['officer'] });
});
afterEach(() => testApp.close());

const statusOf = async (id: string) => (await testApp.storage.cases.get(id))!.status;

describe('duplicate suggestions', () => {
  it('when two reports name one URL in different forms, then each case page suggests the other, without the URL', async () => {
    const first = await aFiledReport(testApp, { urls: ['http://www.scam-shop.example/offer/'] });
    const second = await aFiledReport(testApp, {
      urls: ['https://scam-shop.example/offer?utm_source=newsletter&fbclid=abc'],
    });
    await aFiledReport(testApp, { urls: ['https://scam-shop.example/other-page'] });

    const page = await caseApi(testApp, officer).open(second.id);

    expect(page.body.suggestedDuplicates).toEqual([
      {
        id: first.id,
        reference: first.reference,
        status: 'new',
        receivedAt: expect.any(String),
        shared: ['url'],
      },
    ]);
    expect(JSON.stringify(page.body.suggestedDuplicates)).not.toContain('scam-shop');
    expect(JSON.stringify(page.body)).not.toContain('blindIndexes');
    const queue = await caseApi(testApp, officer).queue({ sort: 'oldest' });
    expect(
      queue.body.items.map(
        (row: { duplicateSuggestionCount: number }) => row.duplicateSuggestionCount,
      ),
    ).toEqual([1, 1, 0]);
  });

  it('when the other case is merged, then it is no longer suggested', async () => {
    const first = await aFiledReport(testApp, { urls: ['https://scam-shop.example/offer'] });
    const second = await aFiledReport(testApp, { urls: ['https://scam-shop.example/offer/'] });
    const api = caseApi(testApp, officer);

    const merged = await api.post(first.id, 'links', {
      version: 1,
      otherCaseId: second.id,
      reason: 'Same shop',
    });

    expect(merged.body.suggestedDuplicates).toEqual([]);
  });
});

describe('merging duplicates', () => {
  it('when two cases are merged from the older one, then the newer becomes its duplicate and both are linked', async () => {
    const older = await aFiledReport(testApp);
    const newer = await aFiledReport(testApp);
    const api = caseApi(testApp, officer);
    await api.post(newer.id, 'transitions', { version: 1, to: 'triaged' }).expect(200);

    const response = await api.post(older.id, 'links', {
      version: 1,
      otherCaseId: newer.id,
      reason: 'Same phishing page, same day',
    });

    expect(response.status).toBe(200);
    expect(response.body.duplicates).toEqual([
      { id: newer.id, reference: newer.reference, status: 'duplicate' },
    ]);
    const duplicate = await api.open(newer.id);
    expect(duplicate.body.status).toBe('duplicate');
    expect(duplicate.body.duplicateOf).toEqual({
      id: older.id,
      reference: older.reference,
      status: 'new',
    });
    expect(duplicate.body.timeline.at(-1)).toMatchObject({
      kind: 'link',
      link: 'merged_into',
      otherCase: { id: older.id, reference: older.reference },
      reason: 'Same phishing page, same day',
    });
    const reporterSees = await testApp.services.reporter.view(newer.id);
    expect(reporterSees.status).toBe('closed');
  });

  it('when the merge is undone, then the duplicate gets back the state it had and the links go', async () => {
    const older = await aFiledReport(testApp);
    const newer = await aFiledReport(testApp);
    const api = caseApi(testApp, officer);
    await api.post(newer.id, 'transitions', { version: 1, to: 'triaged' }).expect(200);
    const merged = await api.post(newer.id, 'links', {
      version: 2,
      otherCaseId: older.id,
      reason: 'Same report',
    });

    const undone = await api.unlink(newer.id, older.id, merged.body.version);

    expect(undone.status).toBe(200);
    expect(undone.body.status).toBe('triaged');
    expect(undone.body.duplicateOf).toBeNull();
    expect((await api.open(older.id)).body.duplicates).toEqual([]);
    const actions = (await testApp.storage.audit.list({ limit: 100_000 })).map(
      (entry) => entry.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'case.merged',
        'case.duplicate_linked',
        'case.unmerged',
        'case.duplicate_unlinked',
      ]),
    );
  });

  it('when the version is stale, then 409 and neither case changes', async () => {
    const older = await aFiledReport(testApp);
    const newer = await aFiledReport(testApp);

    const response = await caseApi(testApp, officer).post(older.id, 'links', {
      version: 7,
      otherCaseId: newer.id,
      reason: 'Same report',
    });

    expect(response.status).toBe(409);
    expect(await statusOf(newer.id)).toBe('new');
    expect((await testApp.storage.cases.get(older.id))!.version).toBe(1);
  });

  it.each([
    ['the case itself', 'self'],
    ['a case already a duplicate', 'duplicate'],
    ['a finished case', 'finished'],
  ])('when linked to %s, then 422 and nothing changes', async (_, kind) => {
    const older = await aFiledReport(testApp);
    const newer = await aFiledReport(testApp);
    const third = await aFiledReport(testApp);
    const api = caseApi(testApp, officer);
    if (kind === 'duplicate') {
      await api
        .post(older.id, 'links', { version: 1, otherCaseId: newer.id, reason: 'Same' })
        .expect(200);
    }
    if (kind === 'finished') {
      await api
        .post(third.id, 'transitions', { version: 1, to: 'rejected', reason: 'Spam' })
        .expect(200);
    }
    const other = kind === 'self' ? older.id : kind === 'duplicate' ? newer.id : third.id;
    const before = (await testApp.storage.cases.get(other))!;

    const response = await api.post(older.id, 'links', {
      version: await api.version(older.id),
      otherCaseId: other,
      reason: 'Same',
    });

    expect(response.status).toBe(422);
    expect(await testApp.storage.cases.get(other)).toEqual(before);
  });

  it('when the cases are not linked, then undoing is refused with 422', async () => {
    const one = await aFiledReport(testApp);
    const two = await aFiledReport(testApp);
    const response = await caseApi(testApp, officer).unlink(one.id, two.id, 1);
    expect(response.status).toBe(422);
  });
});
