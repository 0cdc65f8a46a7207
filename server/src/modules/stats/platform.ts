import type { Platform } from '@haven/shared';

/**
 * The platform a report names, mapped onto the short list statistics break down by
 * (`PLATFORMS`): what the reporter typed is free text ("Insta", "fb messenger", "t.me/…") and may
 * identify them, so it never becomes a dimension itself. Without a platform, the first web
 * address of the report says where; without either, there is none.
 */
export function platformOf(report: {
  platform?: string | undefined;
  urls?: readonly string[];
}): Platform | null {
  const named = report.platform?.trim();
  if (named) return platformOfName(named);
  for (const url of report.urls ?? []) {
    const host = hostOf(url);
    if (host) return platformOfHost(host) ?? 'website';
  }
  return null;
}

/** Host names (and their subdomains) of each platform. */
const HOSTS: [Platform, string[]][] = [
  ['facebook', ['facebook.com', 'fb.com', 'fb.me', 'messenger.com']],
  ['instagram', ['instagram.com', 'instagr.am']],
  ['x', ['x.com', 'twitter.com', 't.co']],
  ['tiktok', ['tiktok.com']],
  ['youtube', ['youtube.com', 'youtu.be']],
  ['telegram', ['telegram.org', 'telegram.me', 't.me']],
  ['whatsapp', ['whatsapp.com', 'wa.me']],
  ['signal', ['signal.org', 'signal.me']],
];

/** Words people use for each platform, folded (lower case, no accents, letters and digits). */
const NAMES: [Platform, string[]][] = [
  ['facebook', ['facebook', 'fb', 'messenger', 'facebookmessenger', 'fbmessenger']],
  ['instagram', ['instagram', 'insta', 'ig']],
  ['x', ['x', 'twitter', 'xtwitter', 'twitterx', 'tweet', 'tweets']],
  ['tiktok', ['tiktok']],
  ['youtube', ['youtube', 'yt']],
  ['telegram', ['telegram', 'tg']],
  ['whatsapp', ['whatsapp', 'wa']],
  ['signal', ['signal']],
  ['sms', ['sms', 'text', 'texts', 'textmessage', 'textmessages', 'mms', 'imessage']],
  [
    'email',
    [
      ...['email', 'emails', 'mail', 'gmail', 'outlook', 'hotmail', 'yahoomail', 'protonmail'],
      ...['courriel', 'correo', 'correoelectronico', 'электроннаяпочта', 'почта', '电子邮件'],
    ],
  ],
  ['website', ['website', 'web', 'site', 'webpage', 'blog', 'forum', 'siteweb', 'sitioweb']],
];

function platformOfName(named: string): Platform {
  const host = /^[a-z][a-z0-9+.-]*:\/\//i.test(named) ? hostOf(named) : hostLike(named);
  if (host) return platformOfHost(host) ?? 'website';
  const folded = named
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
  for (const [platform, names] of NAMES) if (names.includes(folded)) return platform;
  return 'other';
}

function platformOfHost(host: string): Platform | null {
  for (const [platform, hosts] of HOSTS) {
    if (hosts.some((name) => host === name || host.endsWith(`.${name}`))) return platform;
  }
  return null;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}

/** `facebook.com`, `www.t.me/channel`: a bare host name, possibly with a path. */
function hostLike(text: string): string | null {
  const match = /^((?:[a-z0-9-]+\.)+[a-z]{2,})(?:[/:?#]|$)/i.exec(text);
  return match ? match[1]!.toLowerCase() : null;
}
