import pino, { type Logger } from 'pino';
import type { Config } from './config';

export type { Logger };

/**
 * Structured JSON logs. They never carry personal data: no IP addresses, user agents, bodies,
 * tokens or receipts. Request logging records only method, path and status (`http/requestLog.ts`);
 * the redaction below is a second line of defence for anything logged by mistake.
 */
export function createLogger(
  config: Pick<Config, 'logLevel'>,
  destination?: pino.DestinationStream,
): Logger {
  return pino(
    {
      level: config.logLevel,
      base: { service: 'haven' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          'password',
          'receipt',
          'token',
          'secret',
          'authorization',
          'cookie',
          '*.password',
          '*.receipt',
          '*.token',
          '*.secret',
          '*.authorization',
          '*.cookie',
          '*.headers',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
