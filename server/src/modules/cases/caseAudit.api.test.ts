import { startTestApp, type TestApp } from '../../../../test/support/app';
import { aFiledReport, caseApi } from '../../../../test/support/cases';
import { aStaffMember, type StaffMember } from '../../../../test/support/staff';

let testApp: TestApp;
let supervisor: StaffMember;
beforeAll(async () => {
  testApp = await startTestApp();
  supervisor = await aStaffMember(testApp, { roles: ['supervisor'] });
});
afterAll(() => testApp.close());

/** The audit entries one call to the API left, in order. */
async function entriesOf(call: () => Promise<{ status: number }>) {
  const before = (await testApp.storage.audit.head())?.seq ?? 0;
  const response = await call();
  expect(response.status).toBeLessThan(300);
  return testApp.storage.audit.list({ afterSeq: before, limit: 100 });
}

describe('every staff action on a case leaves its audit entry', () => {
  const api = () => caseApi(testApp, supervisor);
  const version = (id: string) => api().version(id);

  it.each([
    ['viewing', 'case.viewed', (id: string) => api().open(id)],
    [
      'classifying',
      'case.classified',
      async (id: string) => api().patch(id, { version: await version(id), severity: 'low' }),
    ],
    [
      'a transition',
      'case.transitioned',
      async (id: string) =>
        api().post(id, 'transitions', { version: await version(id), to: 'triaged' }),
    ],
    [
      'assigning',
      'case.assigned',
      async (id: string) =>
        api().post(id, 'assign', { version: await version(id), assigneeId: supervisor.user.id }),
    ],
    [
      'a note',
      'case.timeline_event_added',
      (id: string) => api().post(id, 'notes', { text: 'Internal' }),
    ],
    [
      'a message',
      'case.timeline_event_added',
      (id: string) => api().post(id, 'messages', { text: 'Hello' }),
    ],
    [
      'a reveal',
      'case.revealed',
      (id: string) =>
        api().post(id, 'reveal', { field: 'narrative', reason: 'Checking the wording' }),
    ],
  ] as const)('%s', async (_, action, call) => {
    const { id } = await aFiledReport(testApp);

    const entries = await entriesOf(() => call(id));

    expect(entries).toContainEqual(
      expect.objectContaining({
        action,
        actorId: supervisor.user.id,
        subject: { type: 'case', id },
      }),
    );
  });

  it('the queue, merging and undoing a merge', async () => {
    const one = await aFiledReport(testApp);
    const two = await aFiledReport(testApp);

    const listed = await entriesOf(() => api().queue());
    const merged = await entriesOf(async () =>
      api().post(one.id, 'links', {
        version: await version(one.id),
        otherCaseId: two.id,
        reason: 'Same',
      }),
    );
    const undone = await entriesOf(async () => api().unlink(one.id, two.id, await version(one.id)));

    expect(listed.map((entry) => entry.action)).toEqual(['cases.listed']);
    expect(merged.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['case.merged', 'case.duplicate_linked']),
    );
    expect(undone.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['case.unmerged', 'case.duplicate_unlinked']),
    );
  });

  it('and the log still verifies after all of them', async () => {
    const verified = await testApp.services.audit.verify(supervisor.user.id);
    expect(verified.ok).toBe(true);
  });
});
