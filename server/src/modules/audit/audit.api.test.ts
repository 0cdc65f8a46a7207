import { generateKeyPairSync } from 'node:crypto';
import request from 'supertest';
import {
  AuditPageSchema,
  AuditPublicKeySchema,
  CheckpointSchema,
  VerifyResultSchema,
  type AuditEntryView,
  type Checkpoint,
} from '@haven/shared';
import { startTestApp, type TestApp } from '../../../../test/support/app';
import { aStaffMember, bearer, type StaffMember } from '../../../../test/support/staff';
import { SigningKey } from '../../crypto/signingKey';
import { entryHash } from '../../storage/auditChain';
import { signCheckpoint } from './checkpoint';

let testApp: TestApp;
let auditor: StaffMember;
beforeEach(async () => {
  testApp = await startTestApp();
  auditor = await aStaffMember(testApp, { roles: ['auditor'] });
  for (let index = 0; index < 5; index += 1) {
    await testApp.storage.audit.append({ action: 'auth.login', actorId: `user-${index}` });
  }
});
afterEach(() => testApp.close());

const asAuditor = (call: request.Test) => call.set(bearer(auditor.accessToken));
const get = (path: string) => asAuditor(request(testApp.app).get(`/api/v1${path}`));
const verifyAgainst = (checkpoint: unknown) =>
  asAuditor(request(testApp.app).post('/api/v1/audit/verify')).send(checkpoint as object);
const lastEntry = async () => (await testApp.storage.audit.list({ limit: 10_000 })).at(-1)!;

describe('reading the audit log', () => {
  it('when an auditor pages through the log, then the pages join up and each entry can be rehashed', async () => {
    const seen: AuditEntryView[] = [];
    let afterSeq = 0;
    for (;;) {
      const response = await get(`/audit?afterSeq=${afterSeq}&limit=3`);
      expect(response.status).toBe(200);
      const page = AuditPageSchema.parse(response.body);
      seen.push(...page.items);
      if (page.nextAfterSeq === null) break;
      afterSeq = page.nextAfterSeq;
    }
    expect(seen.map((entry) => entry.seq)).toEqual(seen.map((_, index) => index + 1));
    for (const entry of seen) {
      expect(entryHash({ ...entry, at: new Date(entry.at) } as never)).toBe(entry.hash);
    }
  });

  it('when an auditor reads a page, then the reading is audited under their id', async () => {
    await get('/audit?limit=2').expect(200);
    expect(await lastEntry()).toMatchObject({
      action: 'audit.read',
      actorId: auditor.user.id,
      details: { afterSeq: 0, count: 2 },
    });
  });

  it.each([
    ['limit=501', 'limit'],
    ['limit=0', 'limit'],
    ['afterSeq=-1', 'afterSeq'],
    ['afterSeq=two', 'afterSeq'],
    ['limit=1&limit=2', 'limit'],
    ['offset=3', ''],
  ])('when the paging is %s, then it answers 400 and reads nothing', async (query, path) => {
    const before = await lastEntry();
    const response = await get(`/audit?${query}`);
    expect(response.status).toBe(400);
    expect(response.type).toBe('application/problem+json');
    expect(response.body.errors[0].path).toBe(path);
    expect(await lastEntry()).toEqual(before);
  });

  it.each([
    ['nobody signed in', null, 401],
    ['an officer', 'officer', 403],
    ['a supervisor', 'supervisor', 403],
    ['an admin', 'admin', 403],
  ] as const)('when %s asks, then every audit route refuses', async (_who, role, status) => {
    const headers = role
      ? bearer((await aStaffMember(testApp, { roles: [role] })).accessToken)
      : ({} as Record<string, string>);
    const app = request(testApp.app);
    const calls = [
      app.get('/api/v1/audit'),
      app.get('/api/v1/audit/verify'),
      app.post('/api/v1/audit/verify').send({}),
      app.get('/api/v1/audit/checkpoint'),
      app.get('/api/v1/audit/public-key'),
    ];
    for (const call of calls) expect((await call.set(headers)).status).toBe(status);
  });
});

describe('verifying the audit log', () => {
  it('when the log is intact, then it answers ok with its length and head, and audits the check', async () => {
    const before = await lastEntry();
    const response = await get('/audit/verify');
    expect(response.status).toBe(200);
    expect(VerifyResultSchema.parse(response.body)).toEqual({
      ok: true,
      entries: before.seq,
      head: before.hash,
    });
    expect(await lastEntry()).toMatchObject({
      seq: before.seq + 1,
      action: 'audit.verified',
      actorId: auditor.user.id,
      details: { ok: true, entries: before.seq },
    });
  });
});

describe('checkpoints', () => {
  async function download(): Promise<Checkpoint> {
    const response = await get('/audit/checkpoint');
    expect(response.status).toBe(200);
    return CheckpointSchema.parse(JSON.parse(response.text));
  }

  it('when an auditor downloads a checkpoint, then it is a signed file covering the log as it was', async () => {
    const before = await lastEntry();
    const response = await get('/audit/checkpoint');
    expect(response.status).toBe(200);
    const checkpoint = CheckpointSchema.parse(JSON.parse(response.text));
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="haven-audit-checkpoint-${before.seq}.json"`,
    );
    expect(checkpoint).toMatchObject({ v: 1, entries: before.seq, head: before.hash });
    const publicKey = AuditPublicKeySchema.parse((await get('/audit/public-key')).body);
    expect(checkpoint.publicKey).toBe(publicKey.publicKey);
    expect(await lastEntry()).toMatchObject({
      action: 'audit.checkpoint_issued',
      actorId: auditor.user.id,
      details: { entries: before.seq, head: before.hash },
    });
  });

  it('when a kept checkpoint is checked later, then the log still extends it', async () => {
    const checkpoint = await download();
    await testApp.storage.audit.append({ action: 'auth.login', actorId: 'user-9' });
    const response = await verifyAgainst(checkpoint);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      ok: true,
      checkpoint: { entries: checkpoint.entries, extends: true },
    });
    expect(await lastEntry()).toMatchObject({
      action: 'audit.verified',
      details: { checkpointEntries: checkpoint.entries, checkpointExtends: true },
    });
  });

  it('when a checkpoint was altered, then its signature fails', async () => {
    const checkpoint = await download();
    const response = await verifyAgainst({ ...checkpoint, entries: checkpoint.entries - 1 });
    expect(response.body).toMatchObject({
      ok: false,
      checkpoint: { extends: false, reason: 'bad_signature' },
    });
  });

  it('when a checkpoint was signed by another key, then it is refused as foreign, whatever key it names', async () => {
    const checkpoint = await download();
    const other = new SigningKey(generateKeyPairSync('ed25519').privateKey);
    const forged = signCheckpoint(other, { entries: 1, head: checkpoint.head, at: checkpoint.at });
    expect((await verifyAgainst(forged)).body.checkpoint).toEqual({
      entries: 1,
      extends: false,
      reason: 'foreign_key',
    });
    const relabelled = { ...forged, publicKey: checkpoint.publicKey };
    expect((await verifyAgainst(relabelled)).body.checkpoint).toMatchObject({
      reason: 'bad_signature',
    });
  });

  it.each([
    ['an empty body', {}],
    ['another version', { v: 2 }],
    ['a negative count', { entries: -1 }],
    ['a short head', { head: 'abc' }],
    ['an extra field', { note: 'mine' }],
  ])('when the checkpoint sent has %s, then it answers 400', async (_what, change) => {
    const checkpoint = await download();
    const body = Object.keys(change).length ? { ...checkpoint, ...change } : {};
    const response = await verifyAgainst(body);
    expect(response.status).toBe(400);
    expect(response.type).toBe('application/problem+json');
  });
});

describe('the API description', () => {
  it('when served, then it lists the audit routes', async () => {
    const response = await request(testApp.app).get('/api/openapi.json');
    expect(
      Object.keys(response.body.paths)
        .filter((path) => path.startsWith('/api/v1/audit'))
        .sort(),
    ).toEqual([
      '/api/v1/audit',
      '/api/v1/audit/checkpoint',
      '/api/v1/audit/public-key',
      '/api/v1/audit/verify',
    ]);
  });
});
