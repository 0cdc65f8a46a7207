import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createApp } from '../../server/src/app';
import { loadConfig, type Config } from '../../server/src/config';
import { Lifecycle } from '../../server/src/lifecycle';
import { createLogger } from '../../server/src/logger';
import { createServices, type Services } from '../../server/src/services';
import { openStorage, type Storage } from '../../server/src/storage';
import { makeTempDir } from './tempDir';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  config: Config;
  storage: Storage;
  lifecycle: Lifecycle;
  services: Services;
  /** Every log line the app wrote, as text. */
  logs: string[];
  /** Serves the app on a free loopback port, for clients that need a real URL (a browser). */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** The real app on a fresh embedded database in a temp directory, logging into `logs`. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dir = makeTempDir();
  const config = loadConfig({
    NODE_ENV: 'test',
    HAVEN_DATA_DIR: dir.path,
    HAVEN_LOG_LEVEL: 'info',
    ...env,
  });
  const logs: string[] = [];
  const logger = createLogger(
    config,
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push(chunk.toString());
        done();
      },
    }),
  );
  const storage = await openStorage(config.database, config);
  const services = await createServices(config, storage, randomBytes(32));
  const lifecycle = new Lifecycle();
  const app = createApp({ config, storage, logger, lifecycle, services });
  let server: ReturnType<typeof app.listen> | undefined;
  return {
    app,
    config,
    storage,
    lifecycle,
    services,
    logs,
    async listen() {
      server = app.listen(0, '127.0.0.1');
      await once(server, 'listening');
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    async close() {
      if (server) {
        server.closeAllConnections();
        await new Promise((resolve) => server!.close(resolve));
      }
      await storage.close();
      dir.cleanup();
    },
  };
}
