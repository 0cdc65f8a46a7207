import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { loadConfig } from './config';
import { loadMasterKey } from './crypto/masterKey';
import { ConfigError } from './errors';
import { Lifecycle } from './lifecycle';
import { createLogger } from './logger';
import { issueSetupToken, setupUrl } from './modules/setup/setupToken';
import { shutDownOnSignals } from './shutdown';
import { createServices } from './services';
import { openStorage } from './storage';

const KEY_REFRESH_MS = 60_000;
const PURGE_MS = 3_600_000;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config);
  const masterKey = await loadMasterKey(config, logger);
  const storage = await openStorage(config.database, config);
  const services = await createServices(config, storage, masterKey);
  const lifecycle = new Lifecycle();
  const app = createApp({ config, storage, logger, lifecycle, services });
  const server = app.listen(config.port, config.host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  logger.info({ port, host: config.host, storage: storage.engine }, 'Haven is listening');
  shutDownOnSignals({ server, storage, lifecycle, logger, graceMs: config.shutdownGraceMs });
  // Another instance may rotate the data key; follow it.
  setInterval(() => {
    services.keyRing
      .refresh()
      .catch((error: unknown) => logger.error({ err: error }, 'Key refresh failed'));
  }, KEY_REFRESH_MS).unref();
  // Ended staff sessions and old failed sign-in counts are of no further use.
  setInterval(() => {
    services.identity
      .purgeStale()
      .catch((error: unknown) => logger.error({ err: error }, 'Purging old sessions failed'));
  }, PURGE_MS).unref();

  const token = await issueSetupToken(storage);
  if (token) {
    // Printed, not logged: the token is a secret and logs travel further than a terminal.
    process.stdout.write(
      `\nNo admin exists yet. Create the first one within 24 hours at:\n\n  ${setupUrl(config.publicUrl, token)}\n\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    error instanceof ConfigError
      ? `${error.message}\n`
      : `Haven could not start: ${String(error)}\n`,
  );
  process.exit(1);
});
