import { isOnSite, parseUrl, siteHost } from './canonicalUrl';

/**
 * The form of an account name that reporters writing it differently would share: `@Name`, `name`
 * and the profile address `https://x.com/Name` all give `name`. The platform is not part of it:
 * reporters name platforms loosely or not at all, and a suggestion is checked by an officer.
 * `platform` (the report's free-text platform) only brings a platform's own rule, such as
 * Facebook ignoring dots. `null` for an empty handle, or an address that is no known profile.
 */
export function canonicalHandle(raw: string, platform?: string | null): string | null {
  // NFKC folds look-alike forms (full-width letters); invisible format characters go.
  const text = raw
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .trim();
  const url = asUrl(text);
  if (url) {
    const profile = profileOf(url);
    return profile && canonicalName(profile.name, profile.platform);
  }
  return canonicalName(text, platformNamed(platform));
}

type Platform =
  | 'x'
  | 'instagram'
  | 'tiktok'
  | 'facebook'
  | 'youtube'
  | 'telegram'
  | 'github'
  | 'linkedin'
  | 'threads'
  | 'bluesky'
  | 'reddit';

function canonicalName(name: string, platform: Platform | null): string | null {
  let canonical = name.replace(/^@/, '').replace(/\s+/g, ' ').trim().toLowerCase();
  // Facebook: "periods and capitalisation don't count as part of a username".
  if (platform === 'facebook') canonical = canonical.replace(/\./g, '');
  return canonical || null;
}

/** A handle written as an address, with or without its scheme (`twitter.com/name?s=20`). */
function asUrl(text: string): URL | null {
  if (/^https?:\/\//i.test(text)) return parseUrl(text);
  if (/^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+\//u.test(text)) return parseUrl(`https://${text}`);
  return null;
}

interface ProfileRule {
  platform: Platform;
  sites: string[];
  /** The account name in a path of that site, if the path names one. */
  name(segments: string[], url: URL): string | undefined;
}

/** The first path segment, unless it is one of the site's own pages. */
const firstUnless =
  (...reserved: string[]) =>
  (segments: string[]) =>
    reserved.includes(segments[0]!.toLowerCase()) ? undefined : segments[0];
/** The segment after one of `prefixes` (`/in/name`, `/user/name`). */
const after =
  (...prefixes: string[]) =>
  (segments: string[]) =>
    prefixes.includes(segments[0]!.toLowerCase()) ? segments[1] : undefined;
/** The first segment when it is `@name` (TikTok, YouTube and Threads profiles). */
const atName = (segments: string[]) => (segments[0]!.startsWith('@') ? segments[0] : undefined);

const PROFILE_RULES: ProfileRule[] = [
  {
    platform: 'x',
    sites: ['x.com', 'twitter.com'],
    name: firstUnless(
      ...['home', 'explore', 'search', 'i', 'intent', 'share', 'hashtag', 'settings'],
      ...['messages', 'notifications', 'login', 'logout', 'signup', 'tos', 'privacy', 'compose'],
    ),
  },
  {
    platform: 'instagram',
    sites: ['instagram.com'],
    name: (segments) =>
      segments[0]!.toLowerCase() === 'stories'
        ? segments[1]
        : firstUnless(
            ...['p', 'reel', 'reels', 'tv', 'explore', 'accounts', 'direct', 'about', 'legal'],
          )(segments),
  },
  { platform: 'tiktok', sites: ['tiktok.com'], name: atName },
  {
    platform: 'facebook',
    sites: ['facebook.com', 'fb.com'],
    name: (segments, url) => {
      const first = segments[0]!.toLowerCase();
      if (first === 'profile.php') return url.searchParams.get('id') ?? undefined;
      if (first === 'people') return segments[2];
      return firstUnless(
        ...['groups', 'pages', 'events', 'watch', 'share', 'sharer', 'sharer.php', 'story.php'],
        ...['permalink.php', 'photo.php', 'photo', 'photos', 'video.php', 'reel', 'login'],
        ...['marketplace', 'gaming', 'hashtag', 'help', 'policies', 'privacy', 'settings'],
        ...['notifications', 'messages', 'friends', 'search', 'home.php', 'dialog', 'plugins'],
      )(segments);
    },
  },
  {
    platform: 'youtube',
    sites: ['youtube.com'],
    name: (segments) => atName(segments) ?? after('c', 'user', 'channel')(segments),
  },
  {
    platform: 'telegram',
    sites: ['t.me', 'telegram.me'],
    name: (segments) => {
      if (segments[0]!.startsWith('+')) return undefined; // an invitation, not a name
      if (segments[0]!.toLowerCase() === 's') return segments[1];
      return firstUnless(
        'joinchat',
        'addstickers',
        'share',
        'proxy',
        'socks',
        'iv',
        'login',
      )(segments);
    },
  },
  {
    platform: 'github',
    sites: ['github.com'],
    name: (segments) =>
      after('orgs', 'sponsors')(segments) ??
      firstUnless(
        ...['features', 'topics', 'about', 'login', 'logout', 'settings', 'marketplace'],
        ...['explore', 'pricing', 'search', 'notifications', 'pulls', 'issues', 'new'],
        ...['organizations', 'enterprise', 'collections', 'trending', 'apps', 'site'],
      )(segments),
  },
  { platform: 'linkedin', sites: ['linkedin.com'], name: after('in', 'company', 'school') },
  { platform: 'threads', sites: ['threads.net', 'threads.com'], name: atName },
  { platform: 'bluesky', sites: ['bsky.app'], name: after('profile') },
  { platform: 'reddit', sites: ['reddit.com'], name: after('user', 'u') },
];

function profileOf(url: URL): { platform: Platform; name: string } | null {
  const host = siteHost(url);
  const rule = PROFILE_RULES.find((candidate) =>
    candidate.sites.some((site) => isOnSite(host, site)),
  );
  const segments = url.pathname.split('/').filter(Boolean).map(decodeSegment);
  if (!rule || segments.length === 0) return null;
  const name = rule.name(segments, url);
  return name ? { platform: rule.platform, name } : null;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment).normalize('NFKC');
  } catch {
    return segment;
  }
}

/** The platform a report's free-text platform field names, for the rules that differ. */
function platformNamed(platform: string | null | undefined): Platform | null {
  const words = platform?.normalize('NFKC').toLowerCase() ?? '';
  return /\b(facebook|fb)\b/.test(words) ? 'facebook' : null;
}
