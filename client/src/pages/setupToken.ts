/**
 * The setup token travels in the fragment (#token=…) because browsers never send a fragment to
 * a server, so it stays out of request logs and Referer headers.
 */
export function readSetupToken(hash: string): string | undefined {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token ? token : undefined;
}
