import sharp from 'sharp';
import { perceptualHash } from './perceptualHash';
import { aScene } from '../../../../test/fixtures/attachments/scenes';

/** How many of the 64 bits differ. */
function distance(one: string, other: string): number {
  return [...(BigInt(`0x${one}`) ^ BigInt(`0x${other}`)).toString(2)].filter((bit) => bit === '1')
    .length;
}

describe('the perceptual hash of an image', () => {
  it('when computed, then it is 64 bits in hex, the same every time', async () => {
    const image = await aScene('shapes');
    const hash = await perceptualHash(image);

    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(await perceptualHash(image)).toBe(hash);
  });

  it.each([
    ['re-encoded as JPEG', (image: Buffer) => sharp(image).jpeg({ quality: 70 }).toBuffer()],
    ['halved', (image: Buffer) => sharp(image).resize(240).png().toBuffer()],
    ['doubled and made WebP', (image: Buffer) => sharp(image).resize(960).webp().toBuffer()],
    ['squeezed', (image: Buffer) => sharp(image).resize(400, 320, { fit: 'fill' }).toBuffer()],
  ])('when the image is %s, then its hash is within 3 bits', async (_, change) => {
    const image = await aScene('shapes');

    const hash = await perceptualHash(image);
    const changed = await perceptualHash(await change(image));

    expect(distance(hash, changed)).toBeLessThanOrEqual(3);
  });

  it('when two images show different things, then their hashes are far apart', async () => {
    const one = await perceptualHash(await aScene('shapes'));
    const other = await perceptualHash(await aScene('others'));

    expect(distance(one, other)).toBeGreaterThan(12);
  });

  it('when an image is transparent, then it is hashed as laid on white', async () => {
    const transparent = await sharp({
      create: { width: 40, height: 30, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const white = await sharp({
      create: { width: 40, height: 30, channels: 3, background: '#ffffff' },
    })
      .png()
      .toBuffer();

    expect(await perceptualHash(transparent)).toBe(await perceptualHash(white));
  });

  it('when the bytes are no image, then it fails', async () => {
    await expect(perceptualHash(Buffer.from('not an image'))).rejects.toThrow();
  });
});
