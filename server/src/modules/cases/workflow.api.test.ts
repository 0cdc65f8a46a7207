import { TRANSITIONS, type CaseStatus, type Role } from '@haven/shared';
import { startTestApp, type TestApp } from '../../../../test/support/app';
import { aFiledReport, caseApi } from '../../../../test/support/cases';
import { aStaffMember, type StaffMember } from '../../../../test/support/staff';

let testApp: TestApp;
let staff: Record<'officer' | 'supervisor' | 'auditor' | 'admin', StaffMember>;
beforeAll(async () => {
  testApp = await startTestApp();
  staff = {
    officer: await aStaffMember(testApp, { roles: ['officer'] }),
    supervisor: await aStaffMember(testApp, { roles: ['supervisor'] }),
    auditor: await aStaffMember(testApp, { roles: ['auditor'] }),
    admin: await aStaffMember(testApp, { roles: ['admin'] }),
  };
});
afterAll(() => testApp.close());

/** A filed case brought to `status` directly in storage, assigned as asked. */
async function aCaseIn(status: CaseStatus, assigneeId: string | null = null) {
  const { id } = await aFiledReport(testApp);
  const record = (await testApp.storage.cases.get(id))!;
  await testApp.storage.cases.update(
    id,
    record.version,
    { status, assigneeId },
    { action: 'test.setup', actorId: null },
  );
  return id;
}

const reasonFor = (to: CaseStatus) => ({ reason: `Moving to ${to} for the test` });

describe('the workflow, role by role', () => {
  const moves = TRANSITIONS.filter((rule) => !rule.viaLink).flatMap((rule) =>
    rule.from.map((from) => ({ from, to: rule.to })),
  );
  const expected: Record<string, Partial<Record<Role, boolean>>> = {
    'new→triaged': { officer: true, supervisor: true },
    'new→rejected': { officer: true, supervisor: true },
    'triaged→investigating': { officer: true, supervisor: true },
    'triaged→escalated': { supervisor: true },
    'investigating→escalated': { supervisor: true },
    'investigating→resolved': { supervisor: true },
    'escalated→resolved': { supervisor: true },
    'escalated→investigating': { supervisor: true },
    'resolved→closed': { supervisor: true },
    'resolved→investigating': { supervisor: true },
    'closed→investigating': { supervisor: true },
    'rejected→investigating': { supervisor: true },
  };

  it('covers every move of the shared workflow', () => {
    expect(moves.map(({ from, to }) => `${from}→${to}`).sort()).toEqual(
      Object.keys(expected).sort(),
    );
  });

  for (const { from, to } of moves) {
    for (const role of ['officer', 'supervisor', 'auditor', 'admin'] as const) {
      const allowed = expected[`${from}→${to}`]![role] ?? false;
      it(`when ${role === 'admin' ? 'an' : 'a'} ${role} moves a case from ${from} to ${to}, then it is ${allowed ? 'done' : 'refused'}`, async () => {
        const id = await aCaseIn(from);
        const before = (await testApp.storage.cases.get(id))!;
        const response = await caseApi(testApp, staff[role]).post(id, 'transitions', {
          version: before.version,
          to,
          ...reasonFor(to),
        });

        const after = (await testApp.storage.cases.get(id))!;
        if (allowed) {
          expect(response.status).toBe(200);
          expect(response.body.status).toBe(to);
          expect(after.status).toBe(to);
        } else {
          expect([403, 404]).toContain(response.status);
          expect(after).toEqual(before);
        }
      });
    }
  }

  it('when an officer resolves a case assigned to them, then it is done; someone else’s, refused', async () => {
    const own = await aCaseIn('investigating', staff.officer.user.id);
    const others = await aCaseIn('investigating', staff.supervisor.user.id);
    const officer = caseApi(testApp, staff.officer);

    const resolved = await officer.post(own, 'transitions', {
      version: await officer.version(own),
      to: 'resolved',
    });
    const refused = await officer.post(others, 'transitions', {
      version: await officer.version(others),
      to: 'resolved',
    });

    expect(resolved.status).toBe(200);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/assigned to them/);
    expect((await testApp.storage.cases.get(others))!.status).toBe('investigating');
  });
});

describe('rules every change follows', () => {
  it('when the version sent is stale, then 409 and nothing is written', async () => {
    const id = await aCaseIn('new');
    const officer = caseApi(testApp, staff.officer);
    const read = await officer.version(id);
    await officer.patch(id, { version: read, severity: 'high' }).expect(200);
    const before = (await testApp.storage.cases.get(id))!;
    const eventsBefore = await testApp.storage.timeline.listByCase(id);
    const auditBefore = await testApp.storage.audit.head();

    const stale = await officer.post(id, 'transitions', { version: read, to: 'triaged' });

    expect(stale.status).toBe(409);
    expect(stale.headers['content-type']).toMatch(/problem\+json/);
    expect(await testApp.storage.cases.get(id)).toEqual(before);
    expect(await testApp.storage.timeline.listByCase(id)).toEqual(eventsBefore);
    expect(await testApp.storage.audit.head()).toEqual(auditBefore);
  });

  it.each(['rejected', 'escalated'] as const)(
    'when a move to %s comes without a reason, then it is refused with nothing written',
    async (to) => {
      const id = await aCaseIn(to === 'rejected' ? 'new' : 'investigating');
      const supervisor = caseApi(testApp, staff.supervisor);
      const before = (await testApp.storage.cases.get(id))!;

      const response = await supervisor.post(id, 'transitions', { version: before.version, to });

      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ path: 'reason' })]);
      expect(await testApp.storage.cases.get(id)).toEqual(before);
    },
  );

  it('when a move is not in the workflow, then 422 names it and nothing changes', async () => {
    const id = await aCaseIn('new');
    const supervisor = caseApi(testApp, staff.supervisor);

    const response = await supervisor.post(id, 'transitions', {
      version: await supervisor.version(id),
      to: 'closed',
    });

    expect(response.status).toBe(422);
    expect(response.body.detail).toBe('A case cannot go from new to closed.');
    expect((await testApp.storage.cases.get(id))!.status).toBe('new');
  });

  it('when a case is marked duplicate by a plain transition, then it is sent to link instead', async () => {
    const id = await aCaseIn('new');
    const officer = caseApi(testApp, staff.officer);

    const response = await officer.post(id, 'transitions', {
      version: await officer.version(id),
      to: 'duplicate',
      reason: 'Same as another',
    });

    expect(response.status).toBe(422);
    expect(response.body.code).toBe('duplicate_needs_link');
  });

  it('when a case moves, then the timeline records who, from, to and why, and the audit log the move', async () => {
    const id = await aCaseIn('new');
    const officer = caseApi(testApp, staff.officer);

    const response = await officer.post(id, 'transitions', {
      version: await officer.version(id),
      to: 'rejected',
      reason: 'Spam: an advertisement',
    });

    const moved = response.body.timeline.find(
      (entry: { kind: string }) => entry.kind === 'transition',
    );
    expect(moved).toMatchObject({
      actor: { id: staff.officer.user.id, displayName: 'Test Staff' },
      from: 'new',
      to: 'rejected',
      reason: 'Spam: an advertisement',
    });
    const entries = await testApp.storage.audit.list({ limit: 100_000 });
    expect(
      entries.filter((entry) => entry.subject?.id === id).map((entry) => entry.action),
    ).toEqual(expect.arrayContaining(['case.transitioned', 'case.timeline_event_added']));
    const transitioned = entries.find(
      (e) => e.action === 'case.transitioned' && e.subject?.id === id,
    )!;
    expect(transitioned).toMatchObject({
      actorId: staff.officer.user.id,
      details: { from: 'new', to: 'rejected' },
    });
    expect(JSON.stringify(transitioned)).not.toContain('advertisement');
  });

  it('when a case is first moved on from new, then the acknowledgement clock is met', async () => {
    const id = await aCaseIn('new');
    const officer = caseApi(testApp, staff.officer);
    const before = await officer.open(id);
    expect(before.body.clocks.acknowledgedAt).toBeNull();

    const after = await officer.post(id, 'transitions', {
      version: before.body.version,
      to: 'triaged',
    });

    expect(after.body.clocks.acknowledgedAt).not.toBeNull();
    expect(after.body.clocks.answeredAt).toBeNull();
  });
});
