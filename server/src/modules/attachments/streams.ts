import { pipeline, type Readable, type Transform } from 'node:stream';

/**
 * `source` piped through `transforms`, errors carried along: a failure anywhere destroys every
 * stream with that error, and the reader sees it on the last one (so the callback has nothing
 * to do). A reader that stops early likewise releases the source.
 */
export function chain(source: Readable, ...transforms: [Transform, ...Transform[]]): Transform {
  return pipeline([source, ...transforms], () => undefined) as Transform;
}
