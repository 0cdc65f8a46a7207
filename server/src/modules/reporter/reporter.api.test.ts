import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { aPng, anExecutable } from '../../../../test/fixtures/attachments/files';
import { startTestApp, type TestApp } from '../../../../test/support/app';
import { aReport } from '../../../../test/support/factories';
import { caseBody, toJson } from '../cases/caseBody';

let testApp: TestApp;
beforeEach(async () => {
  testApp = await startTestApp();
});
afterEach(() => testApp.close());

async function fileReport(overrides: Record<string, unknown> = {}) {
  const response = await request(testApp.app)
    .post('/api/v1/public/reports')
    .send(aReport(overrides));
  expect(response.status).toBe(201);
  return response.body as { reference: string; receipt: string };
}

async function openCase(receipt: string): Promise<string> {
  const response = await request(testApp.app).post('/api/v1/public/session').send({ receipt });
  expect(response.status).toBe(200);
  return response.body.token as string;
}

const asReporter = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('opening a report with its receipt', () => {
  it('when the receipt is right, then a short-lived token opens the case', async () => {
    const { receipt, reference } = await fileReport();
    const response = await request(testApp.app).post('/api/v1/public/session').send({ receipt });
    expect(response.status).toBe(200);
    expect(Date.parse(response.body.expiresAt) - Date.now()).toBeLessThanOrEqual(30 * 60_000);
    const view = await request(testApp.app)
      .get('/api/v1/public/case')
      .set(asReporter(response.body.token));
    expect(view.status).toBe(200);
    expect(view.body.reference).toBe(reference);
  });

  it('when typed loosely (lower case, spaces), then the receipt still opens the case', async () => {
    const { receipt } = await fileReport();
    const typed = receipt.toLowerCase().replace(/-/g, ' ');
    expect(
      (await request(testApp.app).post('/api/v1/public/session').send({ receipt: typed })).status,
    ).toBe(200);
  });

  it('when the receipt is wrong, unknown or malformed, then every answer is the same 401', async () => {
    const { receipt } = await fileReport();
    const wrong = receipt.replace(/^./, (symbol) => (symbol === '0' ? '1' : '0'));
    const answers = await Promise.all(
      [wrong, 'ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ', 'not a receipt', ''].map((candidate) =>
        request(testApp.app).post('/api/v1/public/session').send({ receipt: candidate }),
      ),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual(answers[0]!.body);
    }
  });

  it('when the receipt is an operator object, then 400 and no case opens', async () => {
    await fileReport();
    const response = await request(testApp.app)
      .post('/api/v1/public/session')
      .send({ receipt: { $ne: null } });
    expect(response.status).toBe(400);
  });

  it('when one sender tries too many receipts, then 429', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 11; index += 1) {
      statuses.push(
        (
          await request(testApp.app)
            .post('/api/v1/public/session')
            .send({ receipt: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA' })
        ).status,
      );
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
  });

  it('when the receipt has not been used for longer than the lapse period, then it no longer opens the case', async () => {
    const { receipt, reference } = await fileReport();
    await testApp.storage.settings.put('reporter.access_lapse_days', 30);
    const record = (await testApp.storage.cases.getByReference(reference))!;
    const longAgo = new Date(Date.now() - 31 * 86_400_000).toISOString();
    await testApp.storage.cases.update(
      record.id,
      record.version,
      { body: toJson({ ...caseBody(record), reporterLastSeenAt: longAgo }) },
      { action: 'test.age', actorId: null },
    );
    expect(
      (await request(testApp.app).post('/api/v1/public/session').send({ receipt })).status,
    ).toBe(401);
  });
});

describe('reporter tokens', () => {
  it('when no token, a tampered one, an alg:none one or one for staff is sent, then 401', async () => {
    const { receipt } = await fileReport();
    const token = await openCase(receipt);
    const [header, payload] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    const otherCase = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: randomUUID() })).toString('base64url')}.${token.split('.')[2]}`;
    const wrongAudience = jwt.sign(
      { ...claims, aud: 'haven:staff' },
      testApp.services.secrets.reporterSession,
    );
    for (const headers of [
      {},
      asReporter(unsigned),
      asReporter(otherCase),
      asReporter(wrongAudience),
      asReporter('garbage'),
    ]) {
      const response = await request(testApp.app).get('/api/v1/public/case').set(headers);
      expect(response.status).toBe(401);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
    }
  });
});

describe("the reporter's view", () => {
  it('when opened, then it shows the coarse status, the dates to expect answers, and no internal content', async () => {
    const { receipt } = await fileReport();
    const view = (
      await request(testApp.app)
        .get('/api/v1/public/case')
        .set(asReporter(await openCase(receipt)))
    ).body;
    const submitted = new Date(view.submittedAt);
    expect(view.status).toBe('received');
    expect(view.acknowledgeBy).toBe(
      new Date(submitted.getTime() + 7 * 86_400_000).toISOString().slice(0, 10),
    );
    expect(view.answerBy).toBe(
      new Date(submitted.getTime() + 90 * 86_400_000).toISOString().slice(0, 10),
    );
    expect(view.timeline).toEqual([]);
    expect(JSON.stringify(view)).not.toMatch(/narrative|sealed|redaction|requestHash/);
  });

  it('when staff write to the reporter and keep an internal note, then only the message shows', async () => {
    const { receipt, reference } = await fileReport();
    const caseId = (await testApp.storage.cases.getByReference(reference))!.id;
    for (const [kind, reporterVisible, text] of [
      ['message.staff', true, 'Thank you. Could you tell us when it started?'],
      ['note', false, 'Looks like the campaign from last week.'],
    ] as const) {
      await testApp.storage.timeline.append(
        {
          id: randomUUID(),
          caseId,
          at: new Date(),
          kind,
          actorId: 'officer-1',
          reporterVisible,
          body: { text },
        },
        { action: 'test.staff', actorId: 'officer-1' },
      );
    }
    const view = (
      await request(testApp.app)
        .get('/api/v1/public/case')
        .set(asReporter(await openCase(receipt)))
    ).body;
    expect(view.timeline).toEqual([
      expect.objectContaining({
        kind: 'message_from_staff',
        text: 'Thank you. Could you tell us when it started?',
      }),
    ]);
  });
});

describe('writing to the officers', () => {
  it('when the reporter writes, then the message is stored redacted with the case placeholders, sealed, and marks the case unread', async () => {
    const { receipt, reference } = await fileReport({
      narrative: 'The attacker wrote from mallory@example.net to my account.',
    });
    const token = await openCase(receipt);
    const response = await request(testApp.app)
      .post('/api/v1/public/case/messages')
      .set(asReporter(token))
      .send({ text: 'He wrote again from mallory@example.net, and from eve@example.net.' });

    expect(response.status).toBe(201);
    expect(response.body.timeline).toEqual([
      expect.objectContaining({
        kind: 'message_from_reporter',
        text: 'He wrote again from [EMAIL-1], and from [EMAIL-2].',
      }),
    ]);
    const record = (await testApp.storage.cases.getByReference(reference))!;
    expect(record.unreadFromReporter).toBe(1);
    const [event] = await testApp.storage.timeline.listByCase(record.id);
    expect(JSON.stringify(event)).not.toContain('example.net');
    expect(
      (
        await testApp.services.keyRing.open(
          String(event!.body.sealedOriginal),
          `event:${event!.id}:original`,
        )
      ).toString(),
    ).toBe('He wrote again from mallory@example.net, and from eve@example.net.');
  });

  it('when the message contains the receipt itself, then it is refused with a warning and nothing is written', async () => {
    const { receipt, reference } = await fileReport();
    const token = await openCase(receipt);
    const response = await request(testApp.app)
      .post('/api/v1/public/case/messages')
      .set(asReporter(token))
      .send({ text: `my code is ${receipt.toLowerCase().replace(/-/g, ' ')} in case you need it` });

    expect(response.status).toBe(422);
    expect(response.body.code).toBe('message_contains_receipt');
    const record = (await testApp.storage.cases.getByReference(reference))!;
    expect(await testApp.storage.timeline.listByCase(record.id)).toEqual([]);
  });

  it('when the message is empty, too long or not text, then 400', async () => {
    const token = await openCase((await fileReport()).receipt);
    for (const body of [
      { text: '   ' },
      { text: 'x'.repeat(5_001) },
      { text: 42 },
      { text: 'hi', extra: true },
    ]) {
      const response = await request(testApp.app)
        .post('/api/v1/public/case/messages')
        .set(asReporter(token))
        .send(body);
      expect(response.status).toBe(400);
    }
  });
});

describe('adding files', () => {
  it('when the reporter adds a picture, then it is stored like the report’s and shown in the view', async () => {
    const token = await openCase((await fileReport()).receipt);
    const response = await request(testApp.app)
      .post('/api/v1/public/case/attachments')
      .set(asReporter(token))
      .attach('files', await aPng(), { filename: 'screenshot.png' });
    expect(response.status).toBe(201);
    expect(response.body.attachments).toEqual([
      expect.objectContaining({ kind: 'image', mediaType: 'image/png' }),
    ]);
    expect(response.body.timeline).toEqual([
      expect.objectContaining({ kind: 'files_added', files: 1 }),
    ]);
  });

  it('when a file is not accepted or none is sent, then 4xx and nothing is added', async () => {
    const { receipt, reference } = await fileReport();
    const token = await openCase(receipt);
    const refused = await request(testApp.app)
      .post('/api/v1/public/case/attachments')
      .set(asReporter(token))
      .attach('files', anExecutable(), { filename: 'a.png' });
    const empty = await request(testApp.app)
      .post('/api/v1/public/case/attachments')
      .set(asReporter(token))
      .field('x', '');
    expect(refused.status).toBe(415);
    expect(empty.status).toBeGreaterThanOrEqual(400);
    expect(empty.status).toBeLessThan(500);
    expect(caseBody((await testApp.storage.cases.getByReference(reference))!).attachments).toEqual(
      [],
    );
  });
});
