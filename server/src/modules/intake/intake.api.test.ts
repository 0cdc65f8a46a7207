import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { aJpegWithGps, anExecutable, MARKERS } from '../../../../test/fixtures/attachments/files';
import { startTestApp, type TestApp } from '../../../../test/support/app';
import { aReport } from '../../../../test/support/factories';
import { caseBody } from '../cases/caseBody';

let testApp: TestApp;
beforeEach(async () => {
  testApp = await startTestApp();
});
afterEach(() => testApp.close());

const submit = (body: unknown, key?: string) => {
  const call = request(testApp.app).post('/api/v1/public/reports');
  if (key) call.set('Idempotency-Key', key);
  return call.send(body as object);
};

async function caseCount(): Promise<number> {
  return (await testApp.storage.cases.list({ sort: 'newest', limit: 1000 })).items.length;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the form definition', () => {
  it('when fetched, then it offers the default categories, every country, the six languages and the file rules', async () => {
    const response = await request(testApp.app).get('/api/v1/public/form');
    expect(response.status).toBe(200);
    expect(response.body.categories.map((category: { id: string }) => category.id)).toEqual([
      'cyberattack',
      'online_hate',
      'rights_violation',
    ]);
    expect(response.body.countries).toHaveLength(249);
    expect(response.body.languages.map((language: { code: string }) => language.code)).toEqual([
      'ar',
      'en',
      'es',
      'fr',
      'ru',
      'zh',
    ]);
    expect(response.body.attachments.mediaTypes).toEqual(
      expect.arrayContaining(['image/jpeg', 'application/pdf', 'video/mp4']),
    );
    expect(response.body.attachments.removed.image).toContain('gps');
    expect(response.body.proofOfWork).toBeNull();
  });
});

describe('submitting a report', () => {
  it('when a valid report is sent, then it answers 201 with a reference and a 125-bit receipt, and stores a redacted, sealed case', async () => {
    const response = await submit(
      aReport({
        narrative:
          'They wrote to me at alice@example.org and called +44 20 7946 0958 to threaten me.',
        contact: { name: 'Alice Marlowe', email: 'alice@example.org', phone: '+44 20 7946 0958' },
      }),
    );

    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      reference: expect.stringMatching(/^HV-[0-9A-Z]{4}-[0-9A-Z]{2}$/),
      receipt: expect.stringMatching(/^([0-9A-Z]{5}-){4}[0-9A-Z]{5}$/),
    });
    const stored = await testApp.storage.cases.getByReference(response.body.reference);
    expect(stored).toMatchObject({
      status: 'new',
      category: 'cyberattack',
      country: 'GB',
      month: expect.any(String),
    });
    const body = caseBody(stored!);
    expect(body.text.narrative).toBe(
      'They wrote to me at [EMAIL-1] and called [PHONE-1] to threaten me.',
    );
    expect(body.text.urls).toEqual(['https://bank-login.example.com/verify?session=[SECRET-1]']);
    expect(JSON.stringify(stored)).not.toMatch(/alice@example\.org|7946|Marlowe/);
    expect(JSON.stringify(stored)).not.toContain(response.body.receipt);
    const entries = await testApp.storage.audit.list({ limit: 100 });
    expect(entries.find((entry) => entry.action === 'report.received')).toMatchObject({
      actorId: null,
      subject: { type: 'case', id: stored!.id },
    });
  });

  it('when the report has personal data, then nothing under the data directory or in the logs holds it in clear', async () => {
    const jpeg = await aJpegWithGps();
    const response = await request(testApp.app)
      .post('/api/v1/public/reports')
      .field(
        'report',
        JSON.stringify(
          aReport({
            narrative: 'Write to alice@example.org or call +44 20 7946 0958, they said.',
            contact: { email: 'alice@example.org', phone: '+44 20 7946 0958' },
          }),
        ),
      )
      .attach('files', jpeg, { filename: 'alice@example.org.jpg', contentType: 'image/jpeg' });
    expect(response.status).toBe(201);
    await testApp.storage.close(); // flush the WAL into view as well

    const needles = [
      'alice@example.org',
      '+44 20 7946 0958',
      '7946 0958',
      '442079460958',
      MARKERS.gps,
      MARKERS.camera,
    ];
    for (const file of await filesUnder(testApp.config.dataDir)) {
      const bytes = await readFile(file);
      for (const needle of needles) {
        expect({ file, found: bytes.includes(needle) }).toEqual({ file, found: false });
      }
    }
    for (const needle of needles) expect(testApp.logs.join('')).not.toContain(needle);
  });

  it('when sent as multipart with a photo, then the photo is kept sealed and its scrubbed copy lists what was removed', async () => {
    const response = await request(testApp.app)
      .post('/api/v1/public/reports')
      .field('report', JSON.stringify(aReport()))
      .attach('files', await aJpegWithGps(), { filename: 'photo.jpg', contentType: 'image/jpeg' });
    expect(response.status).toBe(201);
    const { attachments } = caseBody(
      (await testApp.storage.cases.getByReference(response.body.reference))!,
    );
    expect(attachments).toHaveLength(1);
    expect(attachments[0]).toMatchObject({
      kind: 'image',
      mediaType: 'image/jpeg',
      removed: expect.arrayContaining(['exif', 'gps']),
    });
    expect(attachments[0]).not.toHaveProperty('sha256');
  });

  it('when a file is not an accepted type, then 415, no case, and no blob or temp file left behind', async () => {
    const uploadsBefore = await filesUnder(join(tmpdir(), 'haven-uploads')).catch(() => []);
    const response = await request(testApp.app)
      .post('/api/v1/public/reports')
      .field('report', JSON.stringify(aReport()))
      .attach('files', anExecutable(), { filename: 'photo.jpg', contentType: 'image/jpeg' });

    expect(response.status).toBe(415);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(await caseCount()).toBe(0);
    expect(await filesUnder(join(testApp.config.dataDir, 'blobs')).catch(() => [])).toEqual([]);
    expect(await filesUnder(join(tmpdir(), 'haven-uploads'))).toEqual(uploadsBefore);
  });
});

describe('bad and hostile reports', () => {
  const cases: Array<[string, unknown]> = [
    ['an unknown field', aReport({ isAdmin: true })],
    ['an operator object for a field', aReport({ category: { $ne: null } })],
    [
      'a __proto__ key',
      JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(aReport()).slice(1)}`),
    ],
    ['a wrong type', aReport({ urls: 'https://example.org' })],
    ['an oversized narrative', aReport({ narrative: 'x'.repeat(20_001) })],
    ['a too-short narrative', aReport({ narrative: 'hi' })],
    ['an unknown category', aReport({ category: 'weather' })],
    ['a subcategory of another category', aReport({ subcategory: 'censorship' })],
    ['an unknown country', aReport({ country: 'XX' })],
    ['a date in the future', aReport({ occurredOn: '2999-01-01' })],
    ['an impossible date', aReport({ occurredOn: '2026-02-30' })],
    ['a javascript: URL', aReport({ urls: ['javascript:alert(1)'] })],
    ['a bad e-mail in the contact', aReport({ contact: { email: 'not-an-email' } })],
    ['an unknown language', aReport({ language: 'xx' })],
    ['a filled honeypot', aReport({ website: 'http://spam.example' })],
    ['an array body', [aReport()]],
    ['a null body', null],
  ];

  it.each(cases)(
    'when the report has %s, then 400 problem+json naming the field, and nothing is stored',
    async (_name, body) => {
      const response = await request(testApp.app)
        .post('/api/v1/public/reports')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(body));
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
      expect(response.body.code).toMatch(/validation_failed|malformed_request/);
      expect(await caseCount()).toBe(0);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it('when the multipart report field is missing or not JSON, then 400 and nothing is stored', async () => {
    const missing = await request(testApp.app).post('/api/v1/public/reports').field('other', 'x');
    const broken = await request(testApp.app)
      .post('/api/v1/public/reports')
      .field('report', '{nope');
    expect([missing.status, broken.status]).toEqual([400, 400]);
    expect(await caseCount()).toBe(0);
  });

  it('when too many files are sent, then 413 and nothing is stored', async () => {
    const call = request(testApp.app)
      .post('/api/v1/public/reports')
      .field('report', JSON.stringify(aReport()));
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    for (let index = 0; index < 6; index += 1)
      call.attach('files', png, { filename: `${index}.png` });
    const response = await call;
    expect(response.status).toBe(413);
    expect(await caseCount()).toBe(0);
  });

  it('when the multipart body is cut off, then 400, not 5xx', async () => {
    const response = await request(testApp.app)
      .post('/api/v1/public/reports')
      .set('Content-Type', 'multipart/form-data; boundary=xyz')
      .send('--xyz\r\nContent-Disposition: form-data; name="report"\r\n\r\n{"a":');
    expect(response.status).toBe(400);
  });
});

describe('idempotent submission', () => {
  const key = 'b6f1d7a2-7d5e-4a53-9a43-0f1f3b2c9e11';

  it('when a submission is retried with the same key and body, then the first reference and receipt come back and one case exists', async () => {
    const first = await submit(aReport(), key);
    const retry = await submit(aReport(), key);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await caseCount()).toBe(1);
  });

  it('when the same key comes with a different body, then 422 and nothing new is stored', async () => {
    await submit(aReport(), key);
    const response = await submit(
      aReport({ narrative: 'A different report entirely, about something else.' }),
      key,
    );
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('idempotency_key_reused');
    expect(await caseCount()).toBe(1);
  });

  it('when two deliveries of one submission race, then one case results and both get the same answer', async () => {
    const [a, b] = await Promise.all([submit(aReport(), key), submit(aReport(), key)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body).toEqual(b.body);
    expect(await caseCount()).toBe(1);
  });

  it('when the key is malformed, then 400', async () => {
    expect((await submit(aReport(), 'short')).status).toBe(400);
  });

  it('when the retried receipt is used, then it opens the case', async () => {
    await submit(aReport(), key);
    const { receipt } = (await submit(aReport(), key)).body;
    const session = await request(testApp.app).post('/api/v1/public/session').send({ receipt });
    expect(session.status).toBe(200);
  });
});

describe('throttling', () => {
  it('when one sender submits past the budget, then 429 with Retry-After, and nothing more is stored', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 11; index += 1) statuses.push((await submit(aReport())).status);
    expect(statuses.slice(0, 10).every((status) => status === 201)).toBe(true);
    const refused = await submit(aReport());
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(await caseCount()).toBe(10);
  });
});
