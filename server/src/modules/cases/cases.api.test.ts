import request from 'supertest';
import { startTestApp, type TestApp } from '../../../../test/support/app';
import { aFiledReport, caseApi } from '../../../../test/support/cases';
import { aStaffMember, type StaffMember } from '../../../../test/support/staff';

let testApp: TestApp;
let officer: StaffMember;
let supervisor: StaffMember;
beforeEach(async () => {
  testApp = await startTestApp();
  officer = await aStaffMember(testApp, { roles: ['officer'] });
  supervisor = await aStaffMember(testApp, { roles: ['supervisor'] });
});
afterEach(() => testApp.close());

const auditActions = async (caseId?: string) =>
  (await testApp.storage.audit.list({ limit: 100_000 }))
    .filter((entry) => caseId === undefined || entry.subject?.id === caseId)
    .map((entry) => entry.action);

describe('the queue', () => {
  it('when an officer lists the queue, then each row carries only redacted text, and the tabs count every status', async () => {
    const filed = await aFiledReport(testApp, {
      narrative: 'They wrote to me from mallory@example.org with threats every night.',
    });
    await aFiledReport(testApp);

    const response = await caseApi(testApp, officer).queue({ sort: 'newest' });

    expect(response.status).toBe(200);
    expect(response.body.counts).toEqual({ new: 2 });
    const row = response.body.items.find((item: { id: string }) => item.id === filed.id);
    expect(row).toMatchObject({ reference: filed.reference, status: 'new', tlp: 'AMBER' });
    expect(row.excerpt).toContain('[EMAIL-1]');
    expect(JSON.stringify(response.body)).not.toContain('mallory');
  });

  it('when filtered by status, assignee `me` and words, then only matching cases come, with counts per status', async () => {
    const mine = await aFiledReport(testApp, {
      narrative: 'A ransomware note appeared on every screen.',
    });
    const other = await aFiledReport(testApp, {
      narrative: 'Ransomware again, on the school network.',
    });
    await aFiledReport(testApp, { narrative: 'A defacement of our web site.' });
    const api = caseApi(testApp, officer);
    await api
      .post(mine.id, 'assign', { version: await api.version(mine.id), assigneeId: officer.user.id })
      .expect(200);
    await api
      .post(other.id, 'transitions', { version: await api.version(other.id), to: 'triaged' })
      .expect(200);

    const words = await api.queue({ q: 'ransomware', sort: 'oldest' });
    const mineOnly = await api.queue({ assignee: 'me' });
    const triaged = await api.queue({ status: 'triaged,investigating' });
    const unassigned = await api.queue({ assignee: 'none', q: 'ransomware' });

    expect(words.body.items.map((item: { id: string }) => item.id)).toEqual([mine.id, other.id]);
    expect(words.body.counts).toEqual({ new: 1, triaged: 1 });
    expect(mineOnly.body.items.map((item: { id: string }) => item.id)).toEqual([mine.id]);
    expect(mineOnly.body.items[0].assignee).toEqual({
      id: officer.user.id,
      displayName: 'Test Staff',
    });
    expect(triaged.body.items.map((item: { id: string }) => item.id)).toEqual([other.id]);
    expect(unassigned.body.items.map((item: { id: string }) => item.id)).toEqual([other.id]);
  });

  it('when a case is acknowledged, then its row moves on to the next legal deadline, the answer', async () => {
    const filed = await aFiledReport(testApp);
    const api = caseApi(testApp, officer);
    const receivedOn = (await testApp.storage.cases.get(filed.id))!.createdAt.getTime();
    const day = (days: number) =>
      new Date(receivedOn + days * 86_400_000).toISOString().slice(0, 10);

    const before = (await api.queue()).body.items[0].legalDeadline;
    await api.post(filed.id, 'messages', { text: 'We received your report.' }).expect(201);
    const after = (await api.queue()).body.items[0].legalDeadline;

    expect(before).toEqual({ kind: 'acknowledgement', due: day(7) });
    expect(after).toEqual({ kind: 'answer', due: day(90) });
  });

  it('when the search is a case reference, in any letter case, then that case comes alone', async () => {
    const wanted = await aFiledReport(testApp);
    await aFiledReport(testApp);
    const api = caseApi(testApp, officer);

    const found = await api.queue({ q: wanted.reference.toLowerCase(), status: 'closed' });
    const missing = await api.queue({ q: 'HV-0000-00' });

    expect(found.body.items.map((item: { id: string }) => item.id)).toEqual([wanted.id]);
    expect(found.body.counts).toEqual({ new: 1 });
    expect(missing.body).toEqual({ items: [], nextCursor: null, counts: {} });
  });

  it('when paged, then the cursor walks every case once', async () => {
    const ids = [];
    for (let index = 0; index < 5; index += 1) ids.push((await aFiledReport(testApp)).id);
    const api = caseApi(testApp, officer);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.queue({ sort: 'oldest', limit: '2', ...(cursor ? { cursor } : {}) });
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);

    expect(seen).toEqual(ids);
  });

  it.each([
    [{ status: 'open' }, 'status'],
    [{ severity: 'urgent' }, 'severity'],
    [{ sort: 'random' }, 'sort'],
    [{ from: '2026-13-01' }, 'from'],
    [{ limit: '1000' }, 'limit'],
    [{ cursor: 'not-a-cursor' }, 'cursor'],
    [{ colour: 'red' }, ''],
  ])('when the query has %j, then 400 names %s', async (query, path) => {
    const response = await caseApi(testApp, officer).queue(query as Record<string, string>);

    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    if (path) expect(JSON.stringify(response.body.errors)).toContain(path);
  });

  it('when the queue is listed, then the audit log records the filters used but not the words searched', async () => {
    await caseApi(testApp, officer).queue({ q: 'secretword', overdue: 'true' }).expect(200);

    const [entry] = (await testApp.storage.audit.list({ limit: 100_000 })).filter(
      (item) => item.action === 'cases.listed',
    );
    expect(entry).toMatchObject({
      actorId: officer.user.id,
      details: { filters: ['overdueAt', 'text'] },
    });
    expect(JSON.stringify(entry)).not.toContain('secretword');
  });

  it('when an auditor or an admin asks for the queue, then 403', async () => {
    for (const roles of [['auditor'], ['admin']] as const) {
      const member = await aStaffMember(testApp, { roles: [...roles] });
      expect((await caseApi(testApp, member).queue()).status).toBe(403);
    }
  });
});

describe('one case', () => {
  it('when opened, then the page shows the redacted report and clocks, never a sealed value, and the view is audited', async () => {
    const filed = await aFiledReport(testApp, {
      narrative: 'Call me on +44 20 7946 0958 about the leak.',
      contact: { email: 'reporter@example.net' },
    });

    const response = await caseApi(testApp, officer).open(filed.id);

    expect(response.status).toBe(200);
    expect(response.body.text.narrative).toBe('Call me on [PHONE-1] about the leak.');
    expect(response.body.hasContact).toBe(true);
    expect(response.body.clocks).toMatchObject({ acknowledgedAt: null, answeredAt: null });
    expect(response.body.clocks.acknowledgeBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const text = JSON.stringify(response.body);
    expect(text).not.toContain('7946');
    expect(text).not.toContain('reporter@example.net');
    expect(text).not.toMatch(/sealed|redactionState|requestHash|receipt/i);
    expect(response.headers['cache-control']).toContain('no-store');
    expect(await auditActions(filed.id)).toContain('case.viewed');
  });

  it('when the reporter wrote since, then the queue shows it unread until an officer opens the case', async () => {
    const filed = await aFiledReport(testApp);
    const session = await request(testApp.app)
      .post('/api/v1/public/session')
      .send({ receipt: filed.receipt });
    await request(testApp.app)
      .post('/api/v1/public/case/messages')
      .set('Authorization', `Bearer ${session.body.token}`)
      .send({ text: 'One more thing: it happened again today.' })
      .expect(201);
    const api = caseApi(testApp, officer);

    const unread = await api.queue({ unread: 'true' });
    const opened = await api.open(filed.id);
    const after = await api.queue({ unread: 'true' });

    expect(unread.body.items.map((item: { id: string }) => item.id)).toEqual([filed.id]);
    expect(unread.body.items[0].unreadFromReporter).toBe(1);
    expect(opened.body.unreadFromReporter).toBe(0);
    expect(opened.body.timeline).toEqual([
      expect.objectContaining({
        kind: 'message_from_reporter',
        text: 'One more thing: it happened again today.',
      }),
    ]);
    expect(after.body.items).toEqual([]);
  });

  it('when an unknown case is asked for, then 404', async () => {
    expect((await caseApi(testApp, officer).open('no-such-case')).status).toBe(404);
  });
});

describe('classifying', () => {
  it('when a severity is set, then the SLA runs from receipt by the configured hours', async () => {
    const filed = await aFiledReport(testApp);
    const api = caseApi(testApp, officer);

    const response = await api.patch(filed.id, {
      version: 1,
      severity: 'critical',
      tlp: 'RED',
      tags: ['Ransomware', 'school'],
    });

    expect(response.status).toBe(200);
    const record = (await testApp.storage.cases.get(filed.id))!;
    expect(record.slaDueAt!.getTime() - record.createdAt.getTime()).toBe(4 * 3_600_000);
    expect(response.body).toMatchObject({
      severity: 'critical',
      tlp: 'RED',
      tags: ['ransomware', 'school'],
    });
    expect(response.body.timeline).toEqual([
      expect.objectContaining({ kind: 'classification', changed: ['severity', 'tlp', 'tags'] }),
    ]);
    expect(await auditActions(filed.id)).toContain('case.classified');
  });

  it.each([
    [{ category: 'weather' }, 'category'],
    [{ subcategory: 'hurricane' }, 'subcategory'],
    [{ severity: 'urgent' }, 'severity'],
    [{ tlp: 'PURPLE' }, 'tlp'],
    [{ tags: ['two words'] }, 'tags'],
    [{ assigneeId: 'someone' }, ''],
    [{ status: 'closed' }, ''],
    [{}, ''],
  ])('when the change is %j, then 400 and nothing is written', async (change, path) => {
    const filed = await aFiledReport(testApp);
    const before = (await testApp.storage.cases.get(filed.id))!;

    const response = await caseApi(testApp, officer).patch(filed.id, { version: 1, ...change });

    expect(response.status).toBe(400);
    if (path) expect(JSON.stringify(response.body.errors)).toContain(path);
    expect(await testApp.storage.cases.get(filed.id)).toEqual(before);
  });
});

describe('assignment', () => {
  it('when an officer takes an unassigned case, then it is theirs; a taken case they cannot take', async () => {
    const filed = await aFiledReport(testApp);
    const api = caseApi(testApp, officer);
    const colleague = caseApi(testApp, await aStaffMember(testApp, { roles: ['officer'] }));

    const taken = await api.post(filed.id, 'assign', { version: 1, assigneeId: officer.user.id });
    const again = await colleague.post(filed.id, 'assign', {
      version: taken.body.version,
      assigneeId: (await testApp.storage.users.getByUsername(officer.username))!.id,
    });

    expect(taken.status).toBe(200);
    expect(taken.body.assignee).toEqual({ id: officer.user.id, displayName: 'Test Staff' });
    expect(again.status).toBe(403);
    expect(await auditActions(filed.id)).toContain('case.claimed');
  });

  it('when an officer assigns a case to someone else, then 403; a supervisor may, and may unassign', async () => {
    const filed = await aFiledReport(testApp);

    const byOfficer = await caseApi(testApp, officer).post(filed.id, 'assign', {
      version: 1,
      assigneeId: supervisor.user.id,
    });
    const bySupervisor = await caseApi(testApp, supervisor).post(filed.id, 'assign', {
      version: 1,
      assigneeId: officer.user.id,
    });
    const unassigned = await caseApi(testApp, supervisor).post(filed.id, 'assign', {
      version: bySupervisor.body.version,
      assigneeId: null,
    });

    expect(byOfficer.status).toBe(403);
    expect(bySupervisor.status).toBe(200);
    expect(unassigned.body.assignee).toBeNull();
    expect(unassigned.body.timeline.map((entry: { kind: string }) => entry.kind)).toEqual([
      'assignment',
      'assignment',
    ]);
  });

  it('when a supervisor assigns to an auditor or an unknown user, then 400 and nothing changes', async () => {
    const filed = await aFiledReport(testApp);
    const auditor = await aStaffMember(testApp, { roles: ['auditor'] });

    for (const assigneeId of [auditor.user.id, 'nobody']) {
      const response = await caseApi(testApp, supervisor).post(filed.id, 'assign', {
        version: 1,
        assigneeId,
      });
      expect(response.status).toBe(400);
    }
    expect((await testApp.storage.cases.get(filed.id))!.version).toBe(1);
  });

  it('lists who can hold cases: active officers and supervisors', async () => {
    await aStaffMember(testApp, { roles: ['auditor'] });
    await aStaffMember(testApp, { roles: ['officer'], disabled: true });

    const response = await caseApi(testApp, officer).get('assignees');

    expect(response.body.items.map((item: { id: string }) => item.id).sort()).toEqual(
      [officer.user.id, supervisor.user.id].sort(),
    );
  });
});

describe('escalation requests', () => {
  it('when an officer asks for escalation, then the case is flagged until a supervisor escalates it', async () => {
    const filed = await aFiledReport(testApp);
    const api = caseApi(testApp, officer);
    const triaged = await api.post(filed.id, 'transitions', { version: 1, to: 'triaged' });

    const flagged = await api.post(filed.id, 'escalation-request', {
      version: triaged.body.version,
      reason: 'Threats to life: needs a decision today',
    });
    const escalated = await caseApi(testApp, supervisor).post(filed.id, 'transitions', {
      version: flagged.body.version,
      to: 'escalated',
      reason: 'Agreed',
    });

    expect(flagged.status).toBe(200);
    expect(flagged.body.escalationRequested).toBe(true);
    expect(flagged.body.status).toBe('triaged');
    expect(flagged.body.timeline.at(-1)).toMatchObject({
      kind: 'escalation_requested',
      reason: 'Threats to life: needs a decision today',
    });
    expect(escalated.body.escalationRequested).toBe(false);
  });

  it('when escalation is asked for a new case, then 422', async () => {
    const filed = await aFiledReport(testApp);
    const response = await caseApi(testApp, officer).post(filed.id, 'escalation-request', {
      version: 1,
      reason: 'Too early',
    });
    expect(response.status).toBe(422);
  });
});

describe('notes and messages', () => {
  it('when an officer writes a note, then staff see it and the reporter does not', async () => {
    const filed = await aFiledReport(testApp);

    const response = await caseApi(testApp, officer).post(filed.id, 'notes', {
      text: 'Looks like the campaign from last week.',
    });
    const reporter = await testApp.services.reporter.view(filed.id);

    expect(response.status).toBe(201);
    expect(response.body.timeline).toEqual([
      expect.objectContaining({
        kind: 'note',
        text: 'Looks like the campaign from last week.',
        reporterVisible: false,
      }),
    ]);
    expect(reporter.timeline).toEqual([]);
  });

  it('when an officer messages the reporter, then it shows on their status page and acknowledges the case', async () => {
    const filed = await aFiledReport(testApp);

    const response = await caseApi(testApp, officer).post(filed.id, 'messages', {
      text: 'Thank you. We are looking into it.',
    });
    const reporter = await testApp.services.reporter.view(filed.id);

    expect(response.status).toBe(201);
    expect(response.body.clocks.acknowledgedAt).not.toBeNull();
    expect(reporter.timeline).toEqual([
      expect.objectContaining({
        kind: 'message_from_staff',
        text: 'Thank you. We are looking into it.',
      }),
    ]);
  });

  it.each([{ text: '' }, { text: ' ' }, { text: 'x'.repeat(5_001) }, { note: 'wrong field' }])(
    'when the text is %j, then 400 and nothing is added',
    async (body) => {
      const filed = await aFiledReport(testApp);
      const response = await caseApi(testApp, officer).post(filed.id, 'notes', body);
      expect(response.status).toBe(400);
      expect(await testApp.storage.timeline.listByCase(filed.id)).toEqual([]);
    },
  );
});
