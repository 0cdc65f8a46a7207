import { platformOf } from './platform';

describe('the platform statistics count a report under', () => {
  it.each([
    ['Facebook', 'facebook'],
    ['fb messenger', 'facebook'],
    ['Insta', 'instagram'],
    ['Twitter / X', 'x'],
    ['X', 'x'],
    ['TikTok', 'tiktok'],
    ['You Tube', 'youtube'],
    ['t.me/some_channel', 'telegram'],
    ['https://www.facebook.com/groups/123', 'facebook'],
    ['WhatsApp', 'whatsapp'],
    ['E-mail', 'email'],
    ['Correo electrónico', 'email'],
    ['SMS', 'sms'],
    ['Signal', 'signal'],
    ['our-association.example.org', 'website'],
    ['Blog', 'website'],
    ['Reddit', 'other'],
    ['the bus stop near my flat', 'other'],
  ])('when the reporter names "%s", then it is %s', (platform, expected) => {
    expect(platformOf({ platform })).toBe(expected);
  });

  it('when no platform is named, then the first web address says where, and without one there is none', () => {
    expect(platformOf({ urls: ['https://youtu.be/abc', 'https://x.com/a'] })).toBe('youtube');
    expect(platformOf({ platform: '  ', urls: ['https://news.example/article'] })).toBe('website');
    expect(platformOf({ urls: [] })).toBeNull();
    expect(platformOf({})).toBeNull();
  });

  it('when a host only ends like a platform’s, then it is not that platform', () => {
    expect(platformOf({ platform: 'notfacebook.com' })).toBe('website');
    expect(platformOf({ urls: ['https://evilx.com/'] })).toBe('website');
  });
});
