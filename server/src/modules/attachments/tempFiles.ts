import { rm } from 'node:fs/promises';

/** Removes a request's uploaded temp files; a path already gone is not an error. */
export async function removeTempFiles(paths: readonly string[]): Promise<void> {
  await Promise.all(paths.map((path) => rm(path, { force: true })));
}
