import { once } from 'node:events';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { Lifecycle } from './lifecycle';
import { shutDown } from './shutdown';
import { enginesUnderTest, type TestDatabase } from '../../test/support/engines';
import type { Storage } from './storage';

function get(port: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request({ port, path: '/', agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('graceful shutdown', () => {
  let server: Server;
  let port: number;
  let database: TestDatabase;
  let storage: Storage;

  beforeEach(async () => {
    database = await enginesUnderTest()[0]!.fresh();
    storage = await database.open();
    server = createServer((_req, res) => setTimeout(() => res.end('finished'), 300));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
  });
  afterEach(() => database.dispose());

  it('when shutdown starts during a request, then that request finishes, new ones are refused, then storage closes', async () => {
    const lifecycle = new Lifecycle();
    const inFlight = get(port);
    await new Promise((resolve) => setTimeout(resolve, 50));

    const stopped = shutDown({
      server,
      storage,
      lifecycle,
      logger: pino({ level: 'silent' }),
      graceMs: 5_000,
    });

    expect(lifecycle.shuttingDown).toBe(true);
    await expect(get(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await expect(storage.ping()).resolves.toBeUndefined();
    expect(await inFlight).toEqual({ status: 200, body: 'finished' });
    await stopped;
    await expect(storage.ping()).rejects.toThrow();
  });

  it('when a request outlives the grace period, then its connection is cut and shutdown completes', async () => {
    const slowServer = createServer(() => undefined); // never answers
    slowServer.listen(0, '127.0.0.1');
    await once(slowServer, 'listening');
    const inFlight = get((slowServer.address() as AddressInfo).port);
    await new Promise((resolve) => setTimeout(resolve, 50));

    await shutDown({
      server: slowServer,
      storage,
      lifecycle: new Lifecycle(),
      logger: pino({ level: 'silent' }),
      graceMs: 100,
    });

    await expect(inFlight).rejects.toMatchObject({ code: 'ECONNRESET' });
    server.close();
  });
});
