import { canonicalHandle } from './canonicalHandle';
import { canonicalUrl } from './canonicalUrl';

describe('canonical URLs', () => {
  it.each([
    'http://example.org/a',
    'https://www.example.org/a/',
    'https://example.org/a?utm_source=x&fbclid=y',
    'HTTPS://EXAMPLE.org:443/a#top',
    'http://example.org:80/a',
    'https://m.example.org/a',
    'https://mobile.example.org/a',
    'https://example.org./a',
    '  https://user:secret@example.org/a  ',
    'https://example.org/a?UTM_Medium=social&gclid=1&igshid=2&si=3&ref=4&ref_src=5&mc_cid=6&mc_eid=7',
  ])('when %j is canonicalised, then it is example.org/a', (raw) => {
    expect(canonicalUrl(raw)).toBe('example.org/a');
  });

  it.each([
    [
      'query parameters in any order',
      'https://example.org/p?b=2&a=1',
      'https://example.org/p?a=1&b=2',
    ],
    ['escapes of plain letters', 'https://example.org/%7Euser/%61', 'https://example.org/~user/a'],
    ['escapes in either case', 'https://example.org/caf%c3%a9', 'https://example.org/café'],
    ['spaces written either way', 'https://example.org/s?q=a%20b', 'https://example.org/s?q=a+b'],
    ['an international host', 'https://münchen.de/', 'https://xn--mnchen-3ya.de'],
    [
      'X share parameters',
      'https://x.com/name/status/1?s=20&t=Ab',
      'https://twitter.com/name/status/1',
    ],
    [
      'a YouTube share',
      'https://www.youtube.com/watch?v=abc&feature=share',
      'https://m.youtube.com/watch?v=abc',
    ],
  ])('when two addresses differ only by %s, then they are the same', (_, one, other) => {
    expect(canonicalUrl(one)).not.toBeNull();
    expect(canonicalUrl(one)).toBe(canonicalUrl(other));
  });

  it.each([
    ['another path', 'https://example.org/a', 'https://example.org/b'],
    ['a path in another case', 'https://example.org/a', 'https://example.org/A'],
    ['another meaningful parameter', 'https://example.org/p?id=1', 'https://example.org/p?id=2'],
    ['another port', 'https://example.org/a', 'https://example.org:8443/a'],
    ['another subdomain', 'https://example.org/a', 'https://shop.example.org/a'],
    ['a parameter that tracks only on X', 'https://example.org/p?s=1', 'https://example.org/p'],
  ])('when two addresses differ by %s, then they differ', (_, one, other) => {
    expect(canonicalUrl(one)).not.toBe(canonicalUrl(other));
  });

  it.each([
    'not a url',
    '',
    'example.org/a',
    'mailto:someone@example.org',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'https://',
  ])('when %j is not a web address with a host, then it has no canonical form', (raw) => {
    expect(canonicalUrl(raw)).toBeNull();
  });
});

describe('canonical handles', () => {
  it.each([
    '@Name',
    'name',
    ' NAME ',
    '＠Ｎａｍｅ',
    'na\u200bme',
    'https://x.com/Name',
    'twitter.com/name?s=20',
    'https://mobile.twitter.com/name/status/123',
    'https://www.instagram.com/name/',
    'https://instagram.com/stories/name/321',
    'https://www.tiktok.com/@Name/video/1',
    'https://www.youtube.com/@Name',
    'https://t.me/name',
    'https://t.me/s/name',
    'https://github.com/Name',
    'https://www.linkedin.com/in/name/',
    'https://www.threads.net/@name',
    'https://old.reddit.com/user/name',
  ])('when %j is canonicalised, then it is "name"', (raw) => {
    expect(canonicalHandle(raw)).toBe('name');
  });

  it('when the platform is Facebook, then dots do not count, written as a handle or as a profile', () => {
    expect(canonicalHandle('John.Smith', 'Facebook')).toBe('johnsmith');
    expect(canonicalHandle('https://www.facebook.com/john.smith')).toBe('johnsmith');
    expect(canonicalHandle('https://www.facebook.com/profile.php?id=1000123')).toBe('1000123');
    expect(canonicalHandle('John.Smith', 'Instagram')).toBe('john.smith');
  });

  it('when a handle names its server (the fediverse), then the server stays part of it', () => {
    expect(canonicalHandle('@Name@Mastodon.social')).toBe('name@mastodon.social');
  });

  it.each([
    'https://www.youtube.com/watch?v=abc',
    'https://x.com/search?q=name',
    'https://www.instagram.com/p/Cx1/',
    'https://t.me/+AbCdEf',
    'https://www.facebook.com/groups/123',
    'https://example.org/name',
    '   ',
    '@',
  ])('when %j names no account, then it has no canonical handle', (raw) => {
    expect(canonicalHandle(raw)).toBeNull();
  });
});
