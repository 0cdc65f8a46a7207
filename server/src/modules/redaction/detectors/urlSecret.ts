import type { Detection } from '../types';

/**
 * A query or fragment parameter: `?name=value`, `&name=value`, `#name=value`, `;name=value`. The
 * value is printable ASCII short of the delimiters `" # & ' < >`: URLs percent-encode the rest,
 * so a value stops where the sentence resumes (`…?token=abc，不是` ends at the comma).
 */
const PARAMETER = /[?&;#]([A-Za-z0-9_.\-[\]]{1,64})=([!$%(-;=?-~]+)/g;

/** The password in a URL's user information: `scheme://user:password@host`. */
const USER_PASSWORD = /:\/\/[^\s/?#@:]{1,256}:([^\s/?#@]{1,256})@/g;

/** Parameter names (lower case, letters and digits only) whose value opens an account or a file. */
const CREDENTIAL_NAMES = new Set([
  'token',
  'auth',
  'authorization',
  'password',
  'passwd',
  'pwd',
  'pass',
  'passcode',
  'key',
  'secret',
  'sig',
  'signature',
  'session',
  'sid',
  'code',
  'authcode',
  'otp',
  'jwt',
  'ticket',
  'credential',
  'credentials',
]);

/** Endings that make a parameter name a credential: `access_token`, `api_key`, `X-Amz-Signature`. */
const CREDENTIAL_ENDINGS = [
  'token',
  'secret',
  'password',
  'passwd',
  'apikey',
  'accesskey',
  'signature',
  'sessionid',
  'sessid',
  'credential',
];

export function isCredentialName(name: string): boolean {
  const compact = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return CREDENTIAL_NAMES.has(compact) || CREDENTIAL_ENDINGS.some((end) => compact.endsWith(end));
}

/** Sentence punctuation that may follow a URL without being part of it. */
const TRAILING_PUNCTUATION = /[.,;:!?)\]}]+$/;

/**
 * Credentials carried in URLs: values of credential parameters (`?token=…`, `&password=…`) and
 * user-information passwords. Only the value is reported, so the URL stays readable around its
 * placeholder. The value is kept as written: the same link pasted twice gets the same placeholder.
 */
export function detectUrlSecrets(text: string): Detection[] {
  const found: Detection[] = [];
  for (const match of text.matchAll(PARAMETER)) {
    const [whole, name = '', written = ''] = match;
    if (!isCredentialName(name)) continue;
    // Punctuation closing the sentence is not the value's, unless more of the URL follows.
    const endsUrl = !/[&#]/.test(text.charAt(match.index + whole.length));
    const value = endsUrl ? written.replace(TRAILING_PUNCTUATION, '') : written;
    if (value === '') continue;
    const start = match.index + whole.length - written.length;
    found.push({ type: 'SECRET', start, end: start + value.length, value });
  }
  for (const match of text.matchAll(USER_PASSWORD)) {
    const [whole, password = ''] = match;
    const end = match.index + whole.length - 1;
    found.push({ type: 'SECRET', start: end - password.length, end, value: password });
  }
  return found;
}
