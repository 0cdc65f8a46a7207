/**
 * Finds a nonce such that SHA-256(`challenge:nonce`) starts with `difficulty` zero bits, as the
 * server's ProofOfWork checks. Digests run in batches, since each is asynchronous.
 */
const BATCH = 256;

self.addEventListener(
  'message',
  (event: MessageEvent<{ challenge: string; difficulty: number }>) => {
    void solve(event.data.challenge, event.data.difficulty).then((nonce) =>
      self.postMessage(nonce),
    );
  },
);

async function solve(challenge: string, difficulty: number): Promise<string> {
  const encoder = new TextEncoder();
  for (let start = 0; ; start += BATCH) {
    const digests = await Promise.all(
      Array.from({ length: BATCH }, (_, offset) =>
        crypto.subtle.digest('SHA-256', encoder.encode(`${challenge}:${start + offset}`)),
      ),
    );
    const found = digests.findIndex((digest) =>
      leadingZeroBits(new Uint8Array(digest), difficulty),
    );
    if (found >= 0) return String(start + found);
  }
}

function leadingZeroBits(digest: Uint8Array, bits: number): boolean {
  const whole = Math.floor(bits / 8);
  for (let index = 0; index < whole; index += 1) if (digest[index] !== 0) return false;
  const rest = bits % 8;
  return rest === 0 || digest[whole]! >> (8 - rest) === 0;
}
