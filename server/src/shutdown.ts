import type { Server } from 'node:http';
import type { Lifecycle } from './lifecycle';
import type { Logger } from './logger';
import type { Storage } from './storage';

interface ShutdownParts {
  server: Server;
  storage: Storage;
  lifecycle: Lifecycle;
  logger: Logger;
  graceMs: number;
}

/**
 * Stops in order: readiness turns false, the server stops accepting connections, in-flight
 * requests finish (cut off after `graceMs`), then storage closes. Resolves when all is closed.
 */
export async function shutDown({ server, storage, lifecycle, logger, graceMs }: ShutdownParts) {
  lifecycle.shuttingDown = true;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const deadline = setTimeout(() => {
    logger.warn('Requests still running after the grace period; closing their connections.');
    server.closeAllConnections();
  }, graceMs);
  await closed;
  clearTimeout(deadline);
  await storage.close();
}

/** Runs `shutDown` once on SIGTERM or SIGINT, then exits. */
export function shutDownOnSignals(parts: ShutdownParts): void {
  let started = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    parts.logger.info({ signal }, 'Shutting down');
    shutDown(parts).then(
      () => {
        parts.logger.info('Stopped');
        process.exit(0);
      },
      (error: unknown) => {
        parts.logger.error({ err: error }, 'Shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
