import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { killStartedProcesses, runNode, waitForOutput } from './support/processes';
import { makeTempDir } from './support/tempDir';

/** The promise of `npm start`: zero set-up, the embedded engine, the console and the API on one port. */
describe('starting the server on a fresh machine', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => {
    killStartedProcesses();
    dir.cleanup();
  });

  it('when started with no configuration, then it serves probes, API and console, prints a setup link, and stops cleanly on SIGTERM', async () => {
    const server = runNode('server/dist/main.js', [], { PORT: '0', HAVEN_DATA_DIR: dir.path });
    const output = await waitForOutput(
      server,
      (text) => /#token=/.test(text) && /"port":\d+/.test(text),
    );
    const port = Number(/"port":(\d+)/.exec(output)![1]);
    const base = `http://127.0.0.1:${port}`;

    expect(output).toMatch(/Generated a master key file/);
    expect(output).toMatch(new RegExp(`http://localhost:0/console/setup#token=[A-Za-z0-9_-]{43}`));
    expect((await stat(join(dir.path, 'master.key'))).mode & 0o777).toBe(0o600);
    await expect(stat(join(dir.path, 'haven.db'))).resolves.toBeTruthy();

    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', storage: 'sqlite' });

    // The site's root is the reporter's pages; the staff console lives under /console.
    const start = await fetch(`${base}/`, { headers: { Accept: 'text/html' } });
    expect(start.status).toBe(200);
    expect(await start.text()).toMatch(/<link rel="stylesheet" href="\/public-assets\/[^"]+\.css"/);

    const page = await fetch(`${base}/console/`, { headers: { Accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    const script = /<script[^>]+src="(\/console\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    const asset = await fetch(`${base}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);

    const missing = await fetch(`${base}/console/assets/nope.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/problem\+json/);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toMatch(/Stopped/);
  });

  it('when the configuration is invalid, then it names every problem and exits with status 1', async () => {
    const server = runNode('server/dist/main.js', [], {
      PORT: 'eighty',
      DATABASE_URL: 'postgres://db',
      HAVEN_DATA_DIR: dir.path,
    });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/PORT must be a number/);
    expect(server.output()).toMatch(/DATABASE_URL must be a mongodb:\/\//);
  });

  it('when NODE_ENV is production without a master key, then it refuses to start', async () => {
    const server = runNode('server/dist/main.js', [], {
      NODE_ENV: 'production',
      HAVEN_DATA_DIR: dir.path,
    });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/HAVEN_MASTER_KEY is required in production/);
  });
});
