import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** Temporary files being written right now, for a signal handler to remove (see `removePendingWrites`). */
const pending = new Set<string>();

/**
 * Writes a file atomically: to a hidden temporary name in the same folder, then renamed into place, so a
 * reader (or a build killed midway) sees the old file or the new one, never half of one. A leftover
 * temporary file of an earlier write to the same target, from a process killed outright, is swept first.
 */
export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  const dir = dirname(resolve(file));
  await mkdir(dir, { recursive: true });
  const prefix = `.${basename(file)}.stratdoc-`;
  for (const name of await readdir(dir)) {
    if (name.startsWith(prefix) && name.endsWith('.tmp') && !pending.has(join(dir, name)))
      await rm(join(dir, name), { force: true });
  }
  const temp = join(dir, `${prefix}${randomBytes(4).toString('hex')}.tmp`);
  pending.add(temp);
  try {
    await writeFile(temp, data);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    pending.delete(temp);
  }
}

/** Removes the temporary files of writes still under way: for a process about to exit on a signal. */
export function removePendingWrites(): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
}

/** A file to write: its path relative to the output folder and its bytes. */
export interface FileToWrite {
  readonly fileName: string;
  readonly data: Uint8Array;
}

/** Writes files into a folder, each atomically; returns the paths written, in order. */
export async function writeFiles(files: readonly FileToWrite[], outDir: string): Promise<string[]> {
  const written: string[] = [];
  for (const file of files) {
    const target = join(outDir, file.fileName);
    await writeFileAtomic(target, file.data);
    written.push(target);
  }
  return written;
}
