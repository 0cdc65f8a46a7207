import { randomBytes } from 'node:crypto';
import { blindIndexesOf, kindOf } from './blindIndexes';

const secret = randomBytes(32);
const SHA256 = 'a'.repeat(64);

describe('blind indexes', () => {
  it('when addresses are written differently, then they give one key', () => {
    const keys = [
      'http://example.org/a',
      'https://www.example.org/a/',
      'https://example.org/a?utm_source=x&fbclid=y',
      'HTTPS://EXAMPLE.org:443/a#top',
    ].map((url) => blindIndexesOf({ urls: [url] }, secret));

    expect(keys[0]).toEqual([expect.stringMatching(/^url:[0-9a-f]{32}$/)]);
    for (const other of keys) expect(other).toEqual(keys[0]);
    expect(blindIndexesOf({ urls: ['https://example.org/b'] }, secret)).not.toEqual(keys[0]);
  });

  it('when a profile address and a handle name one account, then they share the handle key', () => {
    const fromUrl = blindIndexesOf({ urls: ['https://x.com/Name'] }, secret);
    const fromHandle = blindIndexesOf({ handles: ['@name'] }, secret);

    expect(fromUrl.map(kindOf)).toEqual(['url', 'handle']);
    expect(fromHandle).toEqual([expect.stringMatching(/^handle:/)]);
    expect(fromUrl).toContain(fromHandle[0]);
  });

  it('when keys are made, then none holds a value in clear: only the kind is readable', () => {
    const keys = blindIndexesOf(
      {
        urls: ['https://bank-login.example.com/verify'],
        handles: ['@scammer_account'],
        platform: 'Telegram',
        attachments: [{ sha256: SHA256, perceptualHash: '0123456789abcdef' }],
      },
      secret,
    );
    const text = keys.join(' ');

    for (const clear of ['bank-login', 'example.com', 'verify', 'scammer', SHA256.slice(0, 16)]) {
      expect(text).not.toContain(clear);
    }
    // Nothing but the kind (and an image's band number) before the keyed hash.
    for (const key of keys) expect(key).toMatch(/^(url|handle|file|image:[0-3]):[0-9a-f]{32}$/);
    expect(keys.map(kindOf)).toEqual(['url', 'handle', 'file', 'image', 'image', 'image', 'image']);
    expect(keys.filter((key) => key.startsWith('image:')).map((key) => key.split(':')[1])).toEqual([
      '0',
      '1',
      '2',
      '3',
    ]);
  });

  it('when the secret differs, then the same values give other keys', () => {
    const sources = { urls: ['https://example.org/a'], handles: ['name'] };

    expect(blindIndexesOf(sources, randomBytes(32))).not.toEqual(blindIndexesOf(sources, secret));
  });

  it('when two images are within 3 bits, then they share an image key; far apart, none', () => {
    const image = (perceptualHash: string) =>
      blindIndexesOf(
        { attachments: [{ sha256: randomBytes(32).toString('hex'), perceptualHash }] },
        secret,
      );
    const shared = (one: string[], other: string[]) =>
      one.filter((key) => key.startsWith('image:') && other.includes(key));

    const original = image('3c5a96e1f00f1248');
    // One bit flipped in each of three bands.
    const near = image('3c5b96e0f00e1248');
    const far = image('c3a5691e0ff0edb7');

    expect(shared(original, near)).toHaveLength(1);
    expect(shared(original, far)).toEqual([]);
  });

  it('when a band of an image has no edge (all 0 or all 1), then it gives no key', () => {
    const keys = blindIndexesOf(
      { attachments: [{ sha256: SHA256, perceptualHash: '0000ffff12345678' }] },
      secret,
    );

    expect(keys.filter((key) => key.startsWith('image:')).map((key) => key.split(':')[1])).toEqual([
      '2',
      '3',
    ]);
  });

  it('when a file is not an image or values repeat, then it gives its file key once and nothing more', () => {
    const keys = blindIndexesOf(
      {
        urls: ['https://example.org/a', 'https://example.org/a/'],
        attachments: [
          { sha256: SHA256, perceptualHash: null },
          { sha256: SHA256.toUpperCase(), perceptualHash: null },
        ],
      },
      secret,
    );

    expect(keys.map(kindOf)).toEqual(['url', 'file']);
  });

  it('when an address is not one or a handle is blank, then it gives no key', () => {
    expect(blindIndexesOf({ urls: ['not an address'], handles: ['  ', '@'] }, secret)).toEqual([]);
  });

  it('when a handle is written as a page address, then it gives that page’s URL key too', () => {
    const fromHandle = blindIndexesOf({ handles: ['https://example.org/someone'] }, secret);

    expect(fromHandle).toEqual(blindIndexesOf({ urls: ['https://example.org/someone/'] }, secret));
  });
});
