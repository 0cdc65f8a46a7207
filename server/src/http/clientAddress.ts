import type { Request } from 'express';
import type { DailyAddressKeys } from '../modules/abuse/addressKeys';

/**
 * The sender's throttling key: a daily-rotating keyed hash of the address Express reports (which
 * honours `trust proxy`). The address itself goes no further than this function.
 */
export function senderKey(req: Request, keys: DailyAddressKeys): string {
  return keys.keyFor(req.ip ?? req.socket.remoteAddress ?? 'unknown');
}
