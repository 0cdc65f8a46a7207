import { Transform, type TransformCallback } from 'node:stream';

/** Bytes `[start, end)` of a stream replaced: by `bytes`, or by zeros when it is absent. */
export interface BytePatch {
  start: number;
  end: number;
  bytes?: Buffer;
}

/** Rewrites the given ranges of a stream as it flows, keeping every other byte and the length. */
export function applyPatches(patches: BytePatch[]): Transform {
  let offset = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      const chunkEnd = offset + chunk.length;
      const touching = patches.filter((patch) => patch.start < chunkEnd && patch.end > offset);
      let output = chunk;
      if (touching.length) {
        output = Buffer.from(chunk); // read buffers may be shared; never write into them
        for (const patch of touching) {
          const from = Math.max(patch.start, offset);
          const to = Math.min(patch.end, chunkEnd);
          if (patch.bytes)
            patch.bytes.copy(output, from - offset, from - patch.start, to - patch.start);
          else output.fill(0, from - offset, to - offset);
        }
      }
      offset = chunkEnd;
      done(null, output);
    },
  });
}
