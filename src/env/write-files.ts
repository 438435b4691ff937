import { randomBytes } from 'node:crypto';
import { closeSync, openSync, rmSync, writeSync, writevSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** Temporary files being written right now, for a signal handler to remove (see `removePendingWrites`). */
const pending = new Set<string>();

/**
 * Writes a file atomically: to a hidden temporary name in the same folder, then renamed into place, so a
 * reader (or a build killed midway) sees the old file or the new one, never half of one. A leftover
 * temporary file of an earlier write to the same target, from a process killed outright, is swept first.
 */
export async function writeFileAtomic(file: string, data: Uint8Array | string | readonly Uint8Array[]): Promise<void> {
  const dir = dirname(resolve(file));
  await mkdir(dir, { recursive: true });
  const prefix = `.${basename(file)}.stratdoc-`;
  for (const name of await readdir(dir)) {
    if (name.startsWith(prefix) && name.endsWith('.tmp') && !pending.has(join(dir, name)))
      await rm(join(dir, name), { force: true });
  }
  const temp = join(dir, `${prefix}${randomBytes(4).toString('hex')}.tmp`);
  // Created here, on this thread, and noted at once: a signal handler finds it, or finds nothing yet made. (A
  // file a worker thread created after the handler had run would be left behind as the process exits.)
  const fd = openSync(temp, 'wx');
  pending.add(temp);
  try {
    try {
      writeAll(fd, typeof data === 'string' ? [Buffer.from(data, 'utf8')] : data instanceof Uint8Array ? [data] : data);
    } finally {
      closeSync(fd);
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    pending.delete(temp);
  }
}

/** Writes bytes given in chunks, without joining them: a few chunks a call, a short write gone on with. */
function writeAll(fd: number, chunks: readonly Uint8Array[]): void {
  // Within the usual limit of chunks per call (IOV_MAX).
  for (let from = 0; from < chunks.length; from += 1024) {
    const batch = chunks.slice(from, from + 1024);
    let left = batch.reduce((sum, c) => sum + c.length, 0);
    let written = writevSync(fd, batch as Uint8Array[]);
    left -= written;
    if (left > 0) {
      const rest = Buffer.concat(batch).subarray(-left);
      for (let at = 0; at < rest.length; at += written) written = writeSync(fd, rest, at);
    }
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
  /** The same bytes in chunks (a build's DOCX): written as they are, `data` left unread. */
  readonly chunks?: readonly Uint8Array[];
}

/** Writes files into a folder, each atomically; returns the paths written, in order. */
export async function writeFiles(files: readonly FileToWrite[], outDir: string): Promise<string[]> {
  const written: string[] = [];
  for (const file of files) {
    const target = join(outDir, file.fileName);
    await writeFileAtomic(target, file.chunks ?? file.data);
    written.push(target);
  }
  return written;
}
