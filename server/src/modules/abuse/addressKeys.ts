import { createHmac, randomBytes } from 'node:crypto';

/**
 * Throttling must tell senders apart without keeping who they are. An address is only ever used
 * as an HMAC under a key that lives in this process's memory and is replaced every UTC day, so
 * no stored or logged value can be traced back to an address, not even by the operator.
 */
export class DailyAddressKeys {
  private day = '';
  private key = Buffer.alloc(0);

  keyFor(address: string, now = new Date()): string {
    const today = now.toISOString().slice(0, 10);
    if (today !== this.day) {
      this.day = today;
      this.key = randomBytes(32);
    }
    return createHmac('sha256', this.key).update(address).digest('base64url');
  }
}
