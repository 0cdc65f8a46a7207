/**
 * The form of a web address that two reporters pasting the same page would share: scheme, `www.`,
 * default port, fragment, trailing slash and tracking parameters dropped, a platform's other
 * names (`twitter.com`, `youtu.be/<id>`) made its main one, the rest in one order and one
 * encoding. `null` for anything that is not an http(s) address with a host.
 */
export function canonicalUrl(raw: string): string | null {
  const url = parseUrl(raw.trim());
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  let host = siteHost(url);
  if (!host) return null;
  if (host === 'youtu.be' && url.pathname.length > 1) {
    url.searchParams.set('v', url.pathname.slice(1));
    url.pathname = '/watch';
    host = 'youtube.com';
  }
  host = HOST_ALIASES[host] ?? host;
  // The scheme is left out, so a default port of either scheme is a default port.
  const port = url.port === '' || url.port === '80' || url.port === '443' ? '' : `:${url.port}`;
  const path = normalisePercentEncoding(url.pathname).replace(/\/+$/, '');
  const kept = new URLSearchParams(
    [...url.searchParams].filter(([name]) => !isTracking(name.toLowerCase(), host)),
  );
  kept.sort();
  const query = kept.toString();
  return `${host}${port}${path}${query ? `?${query}` : ''}`;
}

/** The WHATWG parse of `text`, or `null` when it is not a URL. */
export function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/**
 * The host (lower case and punycode, as the URL class gives it) without a trailing dot or the
 * prefixes that name the same site for another device (`www.`, `m.`, `mobile.`).
 */
export function siteHost(url: URL): string {
  let host = url.hostname.replace(/\.$/, '');
  for (;;) {
    const shorter = host.replace(/^(www\d*|m|mobile)\./, '');
    if (shorter === host || !shorter.includes('.')) return host;
    host = shorter;
  }
}

/** Whether `host` is `site` or one of its subdomains. */
export function isOnSite(host: string, site: string): boolean {
  return host === site || host.endsWith(`.${site}`);
}

/** Other names of a site that serve the same pages. */
const HOST_ALIASES: Record<string, string> = {
  'twitter.com': 'x.com',
  'fb.com': 'facebook.com',
  'telegram.me': 't.me',
  'instagr.am': 'instagram.com',
};

/** Parameters that only say who shared a link or where it was clicked, on any site. */
const TRACKING_EVERYWHERE = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'igsh',
  'si',
  'ref',
  'ref_src',
  'ref_url',
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'wickedid',
  'spm',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_'];

/** Parameters that track on one site and may mean something elsewhere (`s`, `t`, `feature`). */
const TRACKING_ON_SITE: Record<string, ReadonlySet<string>> = {
  'x.com': new Set(['s', 't']),
  'youtube.com': new Set(['feature', 'pp']),
  'tiktok.com': new Set([
    '_r',
    '_t',
    'is_from_webapp',
    'is_copy_url',
    'sender_device',
    'sender_web_id',
    'web_id',
  ]),
  'facebook.com': new Set(['mibextid', 'rdid', 'sfnsn', 'share_url']),
  'instagram.com': new Set(['img_index']),
};

function isTracking(name: string, host: string): boolean {
  if (TRACKING_EVERYWHERE.has(name)) return true;
  if (TRACKING_PREFIXES.some((prefix) => name.startsWith(prefix))) return true;
  return Object.entries(TRACKING_ON_SITE).some(
    ([site, names]) => names.has(name) && isOnSite(host, site),
  );
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** RFC 3986 §6.2.2: escapes of unreserved characters decoded, the others in upper-case hex. */
function normalisePercentEncoding(path: string): string {
  return path.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => {
    const character = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(character) ? character : `%${hex.toUpperCase()}`;
  });
}
