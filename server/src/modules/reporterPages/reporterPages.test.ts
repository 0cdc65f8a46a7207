import request from 'supertest';
import { aJpegWithGps } from '../../../../test/fixtures/attachments/files';
import { startTestApp, type TestApp } from '../../../../test/support/app';

let testApp: TestApp;
beforeEach(async () => {
  testApp = await startTestApp();
});
afterEach(() => testApp.close());

/** The fields of a complete report as the form sends them. */
const A_REPORT = {
  topic: 'cyberattack/phishing',
  narrative: 'A message pretending to be my bank asked me to log in on a fake page.',
  country: 'GB',
  occurredOn: '2026-01',
  platform: 'E-mail',
  urls: 'https://bank-login.example.com/verify\r\nhttps://bank-login.example.com/step2',
  handles: '',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
  website: '',
};

const valueOf = (html: string, name: string) =>
  new RegExp(`name="${name.replace('.', '\\.')}" value="([^"]*)"`).exec(html)?.[1];

async function openForm(): Promise<string> {
  const response = await request(testApp.app).get('/report');
  expect(response.status).toBe(200);
  return valueOf(response.text, 'idempotencyKey')!;
}

function postReport(fields: Record<string, string | string[]>, photo?: Buffer) {
  const call = request(testApp.app).post('/report');
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) call.field(name, item);
  }
  if (photo) call.attach('files', photo, { filename: 'photo.jpg', contentType: 'image/jpeg' });
  return call;
}

async function caseCount(): Promise<number> {
  return (await testApp.storage.cases.list({ sort: 'newest', limit: 100 })).items.length;
}

const receiptIn = (html: string) => /<output[^>]*><code>([^<]+)<\/code>/.exec(html)?.[1];
const referenceIn = (html: string) => /class="reference-code"[^>]*>([^<]+)</.exec(html)?.[1];

/** Files a report through the form and answers its receipt and reference. */
async function fileReport(): Promise<{ receipt: string; reference: string; caseId: string }> {
  const response = await postReport({ ...A_REPORT, idempotencyKey: await openForm() });
  expect(response.status).toBe(200);
  const reference = referenceIn(response.text)!;
  const stored = await testApp.storage.cases.getByReference(reference);
  return { receipt: receiptIn(response.text)!, reference, caseId: stored!.id };
}

/** Opens the case with its receipt, as the status form does, and answers the session cookie. */
async function openCase(receipt: string): Promise<string> {
  const response = await request(testApp.app).post('/status').type('form').send({ receipt });
  expect(response.status).toBe(303);
  return response.headers['set-cookie']![0]!.split(';')[0]!;
}

async function csrfFor(cookie: string): Promise<string> {
  const page = await request(testApp.app).get('/status/case').set('Cookie', cookie);
  expect(page.status).toBe(200);
  return valueOf(page.text, 'csrf')!;
}

describe('the reporter pages', () => {
  it.each(['/', '/report', '/status', '/safety'])(
    'when %s is fetched, then it is HTML under the strict policy, never cached, with no inline script or style',
    async (path) => {
      const response = await request(testApp.app).get(path);

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.headers['content-security-policy']).toContain("style-src 'self'");
      expect(response.headers['content-security-policy']).not.toMatch(/unsafe-inline|https?:/);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.text).toMatch(/^<!doctype html><html lang="en" dir="ltr">/);
      expect(response.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(response.text).not.toMatch(/\sstyle=/);
      expect(response.text).toContain('href="https://www.wikipedia.org/" rel="noreferrer"');
      expect(response.text).toMatch(/<link rel="stylesheet" href="\/public-assets\/assets\//);
    },
  );

  it('when ?lang=ar is given, then the page is Arabic, right-to-left, and its links keep the language', async () => {
    const response = await request(testApp.app).get('/?lang=ar');

    expect(response.text).toMatch(/<html lang="ar" dir="rtl">/);
    expect(response.text).toContain('href="/report?lang=ar"');
    expect(response.text).toContain('تقديم بلاغ');
  });

  it('when the browser prefers French and no language is asked for, then the page is French and its links stay plain', async () => {
    const response = await request(testApp.app).get('/report').set('Accept-Language', 'fr-FR,fr');

    expect(response.text).toMatch(/<html lang="fr" dir="ltr">/);
    expect(response.text).toContain('action="/report"');
  });

  it('when the page assets are fetched, then they are cached for a year, and a missing one is a 404 problem', async () => {
    const page = await request(testApp.app).get('/');
    const stylesheet = /href="(\/public-assets\/[^"]+\.css)"/.exec(page.text)![1]!;

    const asset = await request(testApp.app).get(stylesheet);
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toMatch(/max-age=31536000.*immutable/);

    const missing = await request(testApp.app).get('/public-assets/assets/nope.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/problem\+json/);
  });

  it('when a browser asks for an unknown page, then a 404 page answers in its language', async () => {
    const response = await request(testApp.app)
      .get('/no/such/page')
      .set('Accept', 'text/html')
      .set('Accept-Language', 'es');

    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.text).toMatch(/<html lang="es"/);
  });
});

describe('the report form', () => {
  it('when it is opened, then it carries a fresh idempotency key of at least 128 bits and every step', async () => {
    const first = await openForm();
    const second = await openForm();

    expect(first).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(second).not.toBe(first);
    const page = await request(testApp.app).get('/report');
    expect(page.text.match(/<fieldset class="step"/g)).toHaveLength(5);
    // React writes some attribute names in camel case; HTML does not mind.
    expect(page.text).toMatch(/enctype="multipart\/form-data"/i);
    expect(page.text).toContain('<optgroup label="Online hate">');
  });

  it('when a complete form with a photo is posted, then the receipt page answers it and the case is stored', async () => {
    const response = await postReport(
      { ...A_REPORT, targets: ['religion', 'ethnicity'], idempotencyKey: await openForm() },
      await aJpegWithGps(),
    );

    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const receipt = receiptIn(response.text);
    expect(receipt).toMatch(/^([0-9A-Z]{5}-){4}[0-9A-Z]{5}$/);
    expect(response.text).toContain('cannot be recovered');
    expect(response.text).toContain('download="haven-receipt.txt"');
    expect(response.text).toContain(`data:text/plain;charset=utf-8,`);
    const stored = await testApp.storage.cases.getByReference(referenceIn(response.text)!);
    expect(stored).toMatchObject({ category: 'cyberattack', country: 'GB', status: 'new' });
    expect(stored!.body).toMatchObject({
      subcategory: 'phishing',
      occurredOn: '2026-01',
      targets: ['religion', 'ethnicity'],
      attachments: [expect.objectContaining({ kind: 'image' })],
    });
  });

  it('when the same form is posted twice, then both answers carry the same receipt and one case is stored', async () => {
    const fields = { ...A_REPORT, idempotencyKey: await openForm() };

    const first = await postReport(fields);
    const second = await postReport(fields);

    expect(receiptIn(second.text)).toBe(receiptIn(first.text));
    expect(await caseCount()).toBe(1);
  });

  it('when the form has errors, then it comes back with an error summary linked to the fields, the values kept, and nothing stored', async () => {
    const response = await postReport(
      {
        ...A_REPORT,
        narrative: 'Too short',
        occurredOn: '2099-01',
        urls: 'not a web address',
        idempotencyKey: await openForm(),
      },
      await aJpegWithGps(),
    );

    expect(response.status).toBe(400);
    expect(response.text).toContain('<title>Error: Make a report · Haven</title>');
    expect(response.text).toMatch(/<div class="error-summary"[^>]*tabindex="-1"/);
    expect(response.text).toContain('href="#narrative"');
    expect(response.text).toContain('href="#occurredOn"');
    expect(response.text).toContain('href="#urls"');
    expect(response.text).toMatch(/aria-describedby="narrative-hint narrative-error"/);
    expect(response.text).toContain('aria-invalid="true"');
    expect(response.text).toContain('>Too short</textarea>');
    expect(response.text).toContain('value="cyberattack/phishing" selected=""');
    expect(response.text).toContain('Please choose them again');
    expect(await caseCount()).toBe(0);
  });

  it('when the form is posted from another site, then 403 and nothing is stored', async () => {
    const response = await postReport({
      ...A_REPORT,
      idempotencyKey: await openForm(),
    }).set('Sec-Fetch-Site', 'cross-site');

    expect(response.status).toBe(403);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(await caseCount()).toBe(0);
  });

  it('when the sender has used up the budget for reports without proof of work, then the form comes back with the answers kept and when to retry', async () => {
    await testApp.close();
    testApp = await startTestApp({ HAVEN_POW_BITS: '4' });
    const form = await request(testApp.app).get('/report');
    expect(form.text).toMatch(/data-difficulty="4" name="proofOfWork\.challenge" value="[^"]+"/);
    for (let sent = 0; sent < 3; sent += 1) {
      expect((await postReport({ ...A_REPORT, idempotencyKey: await openForm() })).status).toBe(
        200,
      );
    }

    const response = await postReport({ ...A_REPORT, idempotencyKey: await openForm() });

    expect(response.status).toBe(429);
    expect(response.headers['retry-after']).toMatch(/^\d+$/);
    expect(response.text).toContain('Too many reports have come from your connection');
    expect(response.text).toContain(A_REPORT.narrative);
    expect(await caseCount()).toBe(3);
  });
});

describe('coming back with the receipt', () => {
  it('when the receipt is right, then a session cookie is set (httpOnly, SameSite=Strict, ending with the browser) and the case page follows', async () => {
    const { receipt, reference } = await fileReport();

    const response = await request(testApp.app)
      .post('/status')
      .type('form')
      .send({ receipt: receipt.toLowerCase().replace(/-/g, ' ') });

    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/status/case');
    const cookie = response.headers['set-cookie']![0]!;
    expect(cookie).toMatch(/^haven_session=[\w.-]+; Path=\/; HttpOnly; SameSite=Strict$/);
    const page = await request(testApp.app)
      .get('/status/case')
      .set('Cookie', cookie.split(';')[0]!);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`Your report ${reference}`);
    expect(page.text).toContain('Received');
    expect(page.text).not.toContain(receipt);
  });

  it('when Haven is served over https, then the cookie is __Host- prefixed and Secure', async () => {
    await testApp.close();
    testApp = await startTestApp({ HAVEN_PUBLIC_URL: 'https://haven.example' });
    const { receipt } = await fileReport();

    const response = await request(testApp.app).post('/status').type('form').send({ receipt });

    expect(response.headers['set-cookie']![0]).toMatch(
      /^__Host-haven_session=[\w.-]+; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
    );
  });

  it('when the receipt is wrong, unknown or malformed, then the same page answers with the same status and no cookie', async () => {
    const { receipt } = await fileReport();
    const wrong = `${receipt.slice(0, -1)}${receipt.endsWith('0') ? '1' : '0'}`;

    const answers = await Promise.all(
      [wrong, 'ABCDE-ABCDE-ABCDE-ABCDE-ABCDE', 'nonsense', ''].map((attempt) =>
        request(testApp.app).post('/status').type('form').send({ receipt: attempt }),
      ),
    );

    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.headers['set-cookie']).toBeUndefined();
      expect(answer.text).toContain('That receipt does not open a report');
    }
    const pages = answers.map((answer) => answer.text.replace(/lang=\w+/g, ''));
    expect(new Set(pages).size).toBe(1);
  });

  it('when the case page is opened without a session, then a 401 page offers to open the report again', async () => {
    const response = await request(testApp.app).get('/status/case');

    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.text).toContain('href="/status"');
  });

  it('when a message is posted with the form’s token, then it is stored and the case page follows with a notice', async () => {
    const { receipt, caseId } = await fileReport();
    const cookie = await openCase(receipt);

    const response = await request(testApp.app)
      .post('/status/case/messages')
      .set('Cookie', cookie)
      .type('form')
      .send({ csrf: await csrfFor(cookie), text: 'Here is more about what happened.' });

    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/status/case?done=message');
    const events = await testApp.storage.timeline.listByCase(caseId, {
      reporterVisibleOnly: true,
    });
    expect(events.map((event) => event.kind)).toEqual(['message.reporter']);
    const page = await request(testApp.app).get('/status/case?done=message').set('Cookie', cookie);
    expect(page.text).toContain('Your message was sent.');
    expect(page.text).toContain('Here is more about what happened.');
  });

  it.each([
    ['without a token', {}],
    ['with a wrong token', { csrf: 'A'.repeat(43) }],
  ])('when a message is posted %s, then 403 and nothing is written', async (_case, token) => {
    const { receipt, caseId } = await fileReport();
    const cookie = await openCase(receipt);

    const response = await request(testApp.app)
      .post('/status/case/messages')
      .set('Cookie', cookie)
      .type('form')
      .send({ ...token, text: 'Written by another site.' });

    expect(response.status).toBe(403);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(await testApp.storage.timeline.listByCase(caseId, {})).toEqual([]);
  });

  it('when files are added with the form’s token, then they are stored and the case page follows', async () => {
    const { receipt, caseId } = await fileReport();
    const cookie = await openCase(receipt);

    const response = await request(testApp.app)
      .post('/status/case/attachments')
      .set('Cookie', cookie)
      .field('csrf', await csrfFor(cookie))
      .attach('files', await aJpegWithGps(), { filename: 'more.jpg', contentType: 'image/jpeg' });

    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/status/case?done=files');
    const stored = await testApp.storage.cases.get(caseId);
    expect((stored!.body as { attachments: unknown[] }).attachments).toHaveLength(1);
  });

  it('when files are posted with a wrong token, then 403 and nothing is stored', async () => {
    const { receipt, caseId } = await fileReport();
    const cookie = await openCase(receipt);

    const response = await request(testApp.app)
      .post('/status/case/attachments')
      .set('Cookie', cookie)
      .field('csrf', 'forged')
      .attach('files', await aJpegWithGps(), { filename: 'more.jpg', contentType: 'image/jpeg' });

    expect(response.status).toBe(403);
    const stored = await testApp.storage.cases.get(caseId);
    expect((stored!.body as { attachments: unknown[] }).attachments).toHaveLength(0);
  });

  it('when the reporter leaves, then the cookie is cleared and the start page follows', async () => {
    const { receipt } = await fileReport();
    const cookie = await openCase(receipt);

    const response = await request(testApp.app)
      .post('/status/leave')
      .set('Cookie', cookie)
      .type('form')
      .send({ csrf: await csrfFor(cookie) });

    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/');
    expect(response.headers['set-cookie']![0]).toMatch(
      /^haven_session=; .*Expires=Thu, 01 Jan 1970/,
    );
  });
});
