import request from 'supertest';
import { startTestApp, type TestApp } from '../../../../test/support/app';
import { aReport } from '../../../../test/support/factories';
import { aScene } from '../../../../test/fixtures/attachments/scenes';

let testApp: TestApp;
beforeEach(async () => {
  testApp = await startTestApp();
});
afterEach(() => testApp.close());

/** Files a report (with files, as multipart) and answers its stored case. */
async function fileReport(overrides: Record<string, unknown> = {}, files: Buffer[] = []) {
  const call = request(testApp.app).post('/api/v1/public/reports');
  let response;
  if (files.length === 0) response = await call.send(aReport(overrides));
  else {
    call.field('report', JSON.stringify(aReport(overrides)));
    files.forEach((file, index) => call.attach('files', file, { filename: `${index}.png` }));
    response = await call;
  }
  expect(response.status).toBe(201);
  const record = await testApp.storage.cases.getByReference(response.body.reference);
  return { ...record!, receipt: response.body.receipt as string };
}

const candidatesFor = async (caseId: string) =>
  testApp.services.duplicates.candidatesFor((await testApp.storage.cases.get(caseId))!);

describe('duplicate suggestions', () => {
  it('when two reports give one address written differently, then the later one is offered the first, sharing a URL', async () => {
    const first = await fileReport({
      urls: ['https://bank-login.example.com/verify?session=abc123'],
    });
    const second = await fileReport({
      urls: [
        'http://www.bank-login.example.com/verify/?utm_source=sms&fbclid=xyz&session=abc123#login',
      ],
    });

    expect(await candidatesFor(second.id)).toEqual([
      {
        caseId: first.id,
        reference: first.reference,
        status: 'new',
        createdAt: first.createdAt,
        shared: ['url'],
      },
    ]);
    expect(await candidatesFor(first.id)).toEqual([
      expect.objectContaining({ caseId: second.id, shared: ['url'] }),
    ]);
  });

  it('when reports give other addresses, then none is offered', async () => {
    await fileReport({ urls: ['https://bank-login.example.com/verify'] });
    const second = await fileReport({ urls: ['https://bank-login.example.com/other'] });

    expect(await candidatesFor(second.id)).toEqual([]);
  });

  it('when a handle and a profile address name one account, then the reports share a handle', async () => {
    const first = await fileReport({ urls: [], handles: ['@Impostor_Bank'], platform: 'X' });
    const second = await fileReport({ urls: ['https://twitter.com/impostor_bank?s=20'] });

    expect(await candidatesFor(second.id)).toEqual([
      expect.objectContaining({ caseId: first.id, shared: ['handle'] }),
    ]);
  });

  it('when two reports carry the same picture, then they share the file and the image', async () => {
    const picture = await aScene('shapes');
    const first = await fileReport({ urls: [] }, [picture]);
    const second = await fileReport({ urls: [] }, [picture]);

    expect(await candidatesFor(second.id)).toEqual([
      expect.objectContaining({ caseId: first.id, shared: ['file', 'image'] }),
    ]);
  });

  it('when the matching case is finished or a duplicate, then it is not offered', async () => {
    const url = 'https://bank-login.example.com/verify';
    const closed = await fileReport({ urls: [url] });
    const duplicate = await fileReport({ urls: [url] });
    const open = await fileReport({ urls: [url] });
    for (const [record, status] of [
      [closed, 'closed'],
      [duplicate, 'duplicate'],
    ] as const) {
      await testApp.storage.cases.update(
        record.id,
        record.version,
        { status },
        {
          action: 'test.finish',
          actorId: null,
        },
      );
    }
    const latest = await fileReport({ urls: [url] });

    expect((await candidatesFor(latest.id)).map((candidate) => candidate.caseId)).toEqual([
      open.id,
    ]);
  });

  it('when a reporter adds a picture another report carries, then their cases are offered to each other', async () => {
    const picture = await aScene('shapes');
    const first = await fileReport({ urls: [] }, [picture]);
    const second = await fileReport({ urls: ['https://example.org/unrelated'] });
    expect(await candidatesFor(second.id)).toEqual([]);

    const session = await request(testApp.app)
      .post('/api/v1/public/session')
      .send({ receipt: second.receipt });
    const added = await request(testApp.app)
      .post('/api/v1/public/case/attachments')
      .set('Authorization', `Bearer ${session.body.token}`)
      .attach('files', picture, { filename: 'again.png' });
    expect(added.status).toBe(201);

    expect(await candidatesFor(second.id)).toEqual([
      expect.objectContaining({ caseId: first.id, shared: ['file', 'image'] }),
    ]);
    const updated = await testApp.storage.cases.get(second.id);
    // The report's own address keeps its key beside the file's.
    expect(updated!.blindIndexes.filter((key) => key.startsWith('url:'))).toHaveLength(1);
  });

  it('when a case is stored, then its blind indexes hold no address, handle or digest in clear', async () => {
    const record = await fileReport(
      { urls: ['https://bank-login.example.com/verify'], handles: ['@impostor_bank'] },
      [await aScene('shapes')],
    );
    const keys = record.blindIndexes.join(' ');

    expect(record.blindIndexes.length).toBeGreaterThan(0);
    expect(keys).not.toMatch(/bank-login|example|verify|impostor/);
    expect(JSON.stringify(record.body)).not.toContain('perceptualHash');
  });
});
