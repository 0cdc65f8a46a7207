import request from 'supertest';
import { startTestApp, type TestApp } from '../../../test/support/app';

let testApp: TestApp;

beforeEach(async () => {
  testApp = await startTestApp();
});
afterEach(() => testApp.close());

function expectProblem(response: request.Response, status: number, code: string): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status, code, type: `urn:haven:problem:${code}` });
  expect(typeof response.body.title).toBe('string');
}

describe('bad requests', () => {
  it('when the JSON is malformed, then 400 problem+json', async () => {
    const response = await request(testApp.app)
      .post('/api/v1/anything')
      .set('Content-Type', 'application/json')
      .send('{"category": ');
    expectProblem(response, 400, 'malformed_request');
  });

  it('when the body is larger than the limit, then 413 problem+json', async () => {
    const response = await request(testApp.app)
      .post('/api/v1/anything')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ narrative: 'x'.repeat(300 * 1024) }));
    expectProblem(response, 413, 'payload_too_large');
  });

  it('when the content type is not JSON, then 415 problem+json', async () => {
    const response = await request(testApp.app)
      .post('/api/v1/anything')
      .set('Content-Type', 'text/plain')
      .send('hello');
    expectProblem(response, 415, 'unsupported_media_type');
  });

  it('when the body claims an unsupported charset, then 415 problem+json', async () => {
    const response = await request(testApp.app)
      .post('/api/v1/anything')
      .set('Content-Type', 'application/json; charset=latin-9')
      .send('{}');
    expectProblem(response, 415, 'unsupported_media_type');
  });

  it('when an API route does not exist, then 404 problem+json', async () => {
    expectProblem(await request(testApp.app).get('/api/v1/nope'), 404, 'not_found');
    expectProblem(await request(testApp.app).delete('/api/v2/cases/1'), 404, 'not_found');
  });

  it('when a non-browser asks for an unknown page, then 404 problem+json', async () => {
    const response = await request(testApp.app)
      .get('/no/such/page')
      .set('Accept', 'application/json');
    expectProblem(response, 404, 'not_found');
  });

  it('when the path has a malformed escape, then 4xx problem+json, not 5xx', async () => {
    const response = await request(testApp.app).get('/api/v1/cases/%E0%A4%A');
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('probes', () => {
  it('when the process is up, then /healthz answers ok', async () => {
    const response = await request(testApp.app).get('/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('when storage answers, then /readyz is ready and names the engine', async () => {
    const response = await request(testApp.app).get('/readyz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ready', storage: 'sqlite' });
  });

  it('when shutting down, then /readyz is 503', async () => {
    testApp.lifecycle.shuttingDown = true;
    expectProblem(await request(testApp.app).get('/readyz'), 503, 'unavailable');
  });

  it('when storage is closed, then /readyz is 503 and /healthz still ok', async () => {
    await testApp.storage.close();
    expectProblem(await request(testApp.app).get('/readyz'), 503, 'unavailable');
    expect((await request(testApp.app).get('/healthz')).status).toBe(200);
  });
});

describe('security headers', () => {
  it('when any page is served, then the CSP allows only the own origin and nothing is cached', async () => {
    for (const path of ['/healthz', '/api/v1/nope', '/api/openapi.json']) {
      const response = await request(testApp.app).get(path);
      const csp = response.headers['content-security-policy'];
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });
});

describe('request logs', () => {
  it('when requests come in, then logs record method, path and status, but no address, agent, query or body', async () => {
    await request(testApp.app)
      .post('/api/v1/anything?token=secret-in-query')
      .set('User-Agent', 'Reporter-Browser/1.0')
      .set('X-Forwarded-For', '203.0.113.7')
      .set('Cookie', 'session=cookie-secret')
      .send({ narrative: 'my email is reporter@example.org' });

    const text = testApp.logs.join('');
    expect(text).toContain('"path":"/api/v1/anything"');
    expect(text).toContain('"method":"POST"');
    for (const secret of [
      '127.0.0.1',
      '::1',
      '::ffff',
      '203.0.113.7',
      'Reporter-Browser',
      'secret-in-query',
      'cookie-secret',
      'reporter@example.org',
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('the OpenAPI document', () => {
  it('when fetched, then it is OpenAPI 3.1 generated from the shared schemas', async () => {
    const response = await request(testApp.app).get('/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/healthz', '/readyz']),
    );
    expect(response.body.components.schemas.Problem.required).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'code']),
    );
  });
});

describe('fuzzed requests', () => {
  it('when random methods, paths, content types and bodies arrive, then none gets a 5xx', async () => {
    const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;
    const paths = [
      '/api/v1/public/reports',
      '/api/v1/cases/%00',
      '/api/v1/../../etc/passwd',
      '/readyz?x[y]=1',
      '/api/openapi.json/..%2f',
    ];
    const types = [
      'application/json',
      'application/json; charset=utf-16',
      'multipart/form-data',
      'text/html',
      'application/x-www-form-urlencoded',
      '',
    ];
    const bodies = [
      '{"a":',
      '[]',
      'null',
      '{"__proto__":{"admin":true}}',
      '\u0000\uffff',
      '{"constructor":{"prototype":{}}}',
      'x'.repeat(5000),
    ];
    let seed = 7;
    const pick = <T>(items: readonly T[]): T =>
      items[(seed = (seed * 48_271) % 2_147_483_647) % items.length]!;

    for (let round = 0; round < 60; round += 1) {
      const method = pick(methods);
      const call = request(testApp.app)[method](pick(paths));
      const type = pick(types);
      if (type) call.set('Content-Type', type);
      const response =
        method === 'get' || method === 'delete' ? await call : await call.send(pick(bodies));
      expect(response.status).toBeLessThan(500);
      expect(response.headers['content-type'] ?? '').not.toMatch(/text\/html.*error/);
    }
  });
});
