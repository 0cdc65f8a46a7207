import { createHash, randomBytes } from 'node:crypto';
import { open, readdir, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import {
  aJpegWithGps,
  aPdfWithMetadata,
  aPng,
  anAnimatedGif,
  anEncryptedPdf,
  anExecutable,
  anMp4WithGps,
  MARKERS,
} from '../../../../test/fixtures/attachments/files';
import { aScene } from '../../../../test/fixtures/attachments/scenes';
import { enginesUnderTest, type TestDatabase } from '../../../../test/support/engines';
import { makeTempDir } from '../../../../test/support/tempDir';
import { KeyRing } from '../../crypto/KeyRing';
import { SealedDataError } from '../../crypto/SealedDataError';
import { NotFoundError } from '../../errors';
import { perceptualHash } from '../duplicates/perceptualHash';
import type { BlobStore, Storage } from '../../storage/types';
import { AttachmentService } from './AttachmentService';
import { readBoxes } from './isoBoxes';
import type { StoredAttachment } from './StoredAttachment';

describe.each(enginesUnderTest())('attachments on the $name engine', (engine) => {
  let database: TestDatabase;
  let storage: Storage;
  let uploads: ReturnType<typeof makeTempDir>;
  let written: string[];
  let service: AttachmentService;

  beforeEach(async () => {
    database = await engine.fresh();
    storage = await database.open();
    uploads = makeTempDir('haven-upload-');
    written = [];
    const keyRing = await KeyRing.open(storage, { masterKey: randomBytes(32) });
    service = new AttachmentService({ blobs: recording(storage.blobs, written) }, keyRing);
  });
  afterEach(async () => {
    uploads.cleanup();
    await database.dispose();
  });

  /** Writes an upload as the multipart step would: a temp file under a random name. */
  async function upload(bytes: Buffer): Promise<string> {
    const path = join(uploads.path, randomBytes(8).toString('hex'));
    await writeFile(path, bytes);
    return path;
  }

  async function expectNothingLeft(): Promise<void> {
    for (const id of written) {
      await expect(storage.blobs.get(id)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await readdir(uploads.path)).toEqual([]);
    if (engine.name === 'sqlite')
      expect(await filesUnder(join(database.dataDir, 'blobs'))).toEqual([]);
  }

  const scrubbedBytes = async (attachment: StoredAttachment) =>
    buffer(await service.readScrubbed(attachment));
  const originalBytes = async (attachment: StoredAttachment) =>
    buffer(await service.readOriginal(attachment));

  it('when a JPEG carries EXIF GPS, XMP and ICC, then the copy has none and the original is kept exactly', async () => {
    const photo = await aJpegWithGps();
    const [attachment] = await service.ingestAll([await upload(photo)]);

    expect(attachment).toMatchObject({
      kind: 'image',
      mediaType: 'image/jpeg',
      size: photo.length,
      sha256: sha256(photo),
      removed: expect.arrayContaining(['exif', 'gps', 'xmp', 'icc_profile']),
    });
    const copy = await scrubbedBytes(attachment!);
    const metadata = await sharp(copy).metadata();
    expect(metadata).toMatchObject({ format: 'jpeg', width: 20, height: 40 }); // turned upright
    expect([
      metadata.exif,
      metadata.xmp,
      metadata.icc,
      metadata.iptc,
      metadata.orientation,
    ]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    for (const marker of [MARKERS.camera, MARKERS.gps, MARKERS.xmp, 'Exif\0']) {
      expect(photo.includes(marker)).toBe(true);
      expect(copy.includes(marker)).toBe(false);
    }
    expect(attachment!.scrubbedSha256).toBe(sha256(copy));
    expect(attachment!.scrubbedSize).toBe(copy.length);
    expect(sha256(await originalBytes(attachment!))).toBe(sha256(photo));
  });

  it('when stored, then both blobs are sealed: neither holds the plaintext', async () => {
    const [attachment] = await service.ingestAll([await upload(await aJpegWithGps())]);
    for (const id of [attachment!.originalBlobId, attachment!.scrubbedBlobId]) {
      const stored = await buffer(await storage.blobs.get(id));
      expect(stored.subarray(0, 3).toString()).toBe('HVS');
      expect(stored.includes(MARKERS.camera)).toBe(false);
      expect(stored.includes(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
    }
  });

  it('when an animated GIF is scrubbed, then its frames and timing stay', async () => {
    const [attachment] = await service.ingestAll([await upload(await anAnimatedGif())]);
    const metadata = await sharp(await scrubbedBytes(attachment!), { animated: true }).metadata();
    expect(metadata).toMatchObject({ format: 'gif', pages: 3, delay: [100, 200, 300] });
  });

  it('when a PDF has author, title, XMP, an ID and a photo with GPS, then the copy has none of them and the same pages', async () => {
    const pdf = await aPdfWithMetadata();
    const [attachment] = await service.ingestAll([await upload(pdf)]);

    expect(attachment).toMatchObject({ kind: 'pdf', mediaType: 'application/pdf' });
    expect([...attachment!.removed].sort()).toEqual(
      ['document_id', 'document_info', 'embedded_image_metadata', 'private_data', 'xmp'].sort(),
    );
    const copy = await scrubbedBytes(attachment!);
    const markers = [MARKERS.author, MARKERS.title, MARKERS.xmp, MARKERS.camera, MARKERS.gps];
    for (const marker of [...markers, 'HAVEN-DOC-ID', 'HavenTestProducer']) {
      expect(pdf.includes(marker)).toBe(true);
      expect(copy.includes(marker)).toBe(false);
    }
    const reread = await PDFDocument.load(copy, { updateMetadata: false });
    expect(reread.getPageCount()).toBe(2);
    expect([reread.getAuthor(), reread.getTitle(), reread.getProducer()]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(sha256(await originalBytes(attachment!))).toBe(sha256(pdf));
  });

  it('when a PDF is encrypted, then it is refused with the reason and nothing is left', async () => {
    await expect(service.ingestAll([await upload(await anEncryptedPdf())])).rejects.toMatchObject({
      status: 422,
      code: 'attachment_encrypted',
    });
    await expectNothingLeft();
  });

  it.each([
    ['isom', 'video/mp4'],
    ['qt  ', 'video/quicktime'],
  ] as const)(
    'when a movie (brand %j) holds a ©xyz location and time stamps, then the copy has neither and the same size',
    async (brand, mediaType) => {
      const movie = anMp4WithGps(brand);
      const [attachment] = await service.ingestAll([await upload(movie)]);

      expect(attachment).toMatchObject({ kind: 'video', mediaType });
      expect([...attachment!.removed].sort()).toEqual(['gps', 'timestamps', 'user_data']);
      const copy = await scrubbedBytes(attachment!);
      expect(copy.length).toBe(movie.length);
      expect(movie.includes(MARKERS.location)).toBe(true);
      for (const marker of [MARKERS.location, MARKERS.camera, '\u00a9xyz', 'udta']) {
        expect(copy.includes(Buffer.from(marker, 'latin1'))).toBe(false);
      }
      // Same boxes where they were; the user data is now padding; no time stamp is left.
      const path = await upload(copy);
      const file = await open(path, 'r');
      try {
        const top = await readBoxes(file, 0, copy.length);
        expect(top.map((box) => box.type)).toEqual(['ftyp', 'moov', 'mdat']);
        const moov = await readBoxes(file, top[1]!.payload, top[1]!.end);
        expect(moov.map((box) => box.type)).toEqual(['mvhd', 'trak', 'free']);
        expect(copy.readUInt32BE(moov[0]!.payload + 4)).toBe(0);
        expect(copy.readUInt32BE(moov[0]!.payload + 8)).toBe(0);
      } finally {
        await file.close();
      }
    },
  );

  it('when a file sent as a photo is an executable, then it is refused and nothing is left', async () => {
    await expect(service.ingestAll([await upload(anExecutable())])).rejects.toMatchObject({
      status: 415,
    });
    await expectNothingLeft();
  });

  it('when a file sent as a photo is HTML, then it is refused', async () => {
    const page = Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>');
    await expect(service.ingestAll([await upload(page)])).rejects.toMatchObject({ status: 415 });
    await expectNothingLeft();
  });

  it('when a PNG is cut short, then it is refused with a 4xx and nothing is left', async () => {
    const png = await aPng();
    await expect(
      service.ingestAll([await upload(png.subarray(0, png.length - 30))]),
    ).rejects.toMatchObject({ status: 422, code: 'attachment_unreadable' });
    await expectNothingLeft();
  });

  it('when text holds a NUL, then it is refused', async () => {
    const text = Buffer.from('a report\0with a NUL', 'latin1');
    await expect(service.ingestAll([await upload(text)])).rejects.toMatchObject({ status: 415 });
    await expectNothingLeft();
  });

  it('when a file is plain UTF-8 text, then its copy is identical', async () => {
    const text = Buffer.from('Message reçu le 3 mars :\r\n\t« tu es le prochain »\n他威胁我\n');
    const [attachment] = await service.ingestAll([await upload(text)]);
    expect(attachment).toMatchObject({ kind: 'text', mediaType: 'text/plain', removed: [] });
    expect(await scrubbedBytes(attachment!)).toEqual(text);
    expect(attachment!.scrubbedSha256).toBe(attachment!.sha256);
  });

  it('when a file is empty or over the size limit, then it is refused', async () => {
    await expect(service.ingestAll([await upload(Buffer.alloc(0))])).rejects.toMatchObject({
      status: 422,
      code: 'attachment_empty',
    });
    const large = await upload(Buffer.alloc(0));
    await truncate(large, 25 * 1024 * 1024 + 1);
    await expect(service.ingestAll([large])).rejects.toMatchObject({ status: 413 });
    await expectNothingLeft();
  });

  it('when one file of several is refused, then those stored before it are removed too', async () => {
    const png = await aPng();
    const paths = [
      await upload(await aJpegWithGps()),
      await upload(png.subarray(0, 100)),
      await upload(Buffer.from('never reached')),
    ];
    await expect(service.ingestAll(paths)).rejects.toMatchObject({ status: 422 });
    expect(written.length).toBeGreaterThan(0);
    await expectNothingLeft();
  });

  it('when more files than allowed arrive, then all are refused and their temp files removed', async () => {
    const paths = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) => upload(Buffer.from(`file ${n}`))),
    );
    await expect(service.ingestAll(paths)).rejects.toMatchObject({ status: 413 });
    await expectNothingLeft();
  });

  it('when several files are accepted, then their temp files are removed and each reads back', async () => {
    const files = [await aPng(), Buffer.from('notes')];
    const stored = await service.ingestAll(await Promise.all(files.map(upload)));
    expect(await readdir(uploads.path)).toEqual([]);
    expect(stored.map((attachment) => attachment.kind)).toEqual(['image', 'text']);
    for (const [index, attachment] of stored.entries()) {
      expect(await originalBytes(attachment)).toEqual(files[index]);
    }
  });

  it('when an image is stored, then it comes with the perceptual hash of its upright scrubbed copy; other files with none', async () => {
    const sideways = await sharp(await aScene('shapes'))
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const [photo, notes] = await service.ingestAll([
      await upload(sideways),
      await upload(Buffer.from('notes')),
    ]);

    expect(photo!.perceptualHash).toBe(await perceptualHash(await scrubbedBytes(photo!)));
    expect(photo!.perceptualHash).not.toBe(await perceptualHash(sideways));
    expect(notes!.perceptualHash).toBeNull();
  });

  it('when a stored blob is altered or swapped for another, then reading it fails', async () => {
    const [attachment] = await service.ingestAll([await upload(await aPng())]);
    const sealed = await buffer(await storage.blobs.get(attachment!.scrubbedBlobId));
    const original = await buffer(await storage.blobs.get(attachment!.originalBlobId));

    sealed[sealed.length - 20]! ^= 0x01;
    await storage.blobs.delete(attachment!.scrubbedBlobId);
    await storage.blobs.put(attachment!.scrubbedBlobId, sealed);
    await expect(scrubbedBytes(attachment!)).rejects.toBeInstanceOf(SealedDataError);

    await storage.blobs.delete(attachment!.scrubbedBlobId);
    await storage.blobs.put(attachment!.scrubbedBlobId, original);
    await expect(scrubbedBytes(attachment!)).rejects.toMatchObject({ reason: 'not_authentic' });
  });

  it('when an attachment is discarded, then both its blobs are gone', async () => {
    const [attachment] = await service.ingestAll([await upload(Buffer.from('notes'))]);
    await service.discard([attachment!]);
    await expectNothingLeft();
  });
});

/** The real blob store, noting every id written, so a test can check each was removed. */
function recording(blobs: BlobStore, written: string[]): BlobStore {
  return {
    put: (id, source) => {
      written.push(id);
      return blobs.put(id, source);
    },
    get: (id) => blobs.get(id),
    delete: (id) => blobs.delete(id),
  };
}

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true }).catch(
    () => [],
  );
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
