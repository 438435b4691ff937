import { createHash } from 'node:crypto';
import * as zlib from 'node:zlib';
import type { UsageCache } from '../../usage-cache.js';

/** A piece of an entry: bytes, or bytes in chunks that read as one piece. */
export type Piece = Uint8Array | readonly Uint8Array[];

/** One file of a zip archive. */
export interface ZipEntry {
  readonly name: string;
  /**
   * The bytes; or the bytes in pieces, each deflated on its own into one deflate stream (a piece deflated in an
   * earlier archive is taken from the archive's `pieces` cache: the parts of a document a rebuild did not change).
   * A piece may come as chunks in a row, joined only if it has to be deflated.
   */
  readonly data: Uint8Array | readonly Piece[];
  /** 0 stores the bytes as they are; 1–9 deflates them. */
  readonly level: 0 | 1 | 6 | 9;
  /** The same bytes come back in other archives (an embedded font): compressed once per process. */
  readonly reuse?: boolean;
}

/**
 * Compressed entries by level and content: large ones marked `reuse` (the same font in every DOCX), and small ones
 * (styles, theme, settings: mostly the same in every DOCX, and a call to zlib costs more than hashing them).
 */
const compressedCache = new Map<string, { crc: number; bytes: Uint8Array }>();
const smallCache = new Map<string, { crc: number; bytes: Uint8Array }>();
const CACHE_FROM = 32 * 1024;
const CACHE_ENTRIES = 32;
const SMALL_ENTRIES = 512;

/**
 * Writes a zip archive (no zip64: entries and archive under 4 GB) with every entry stamped `date` (UTC), so the
 * same entries give the same bytes. Entries marked `reuse` are compressed once per process: a build of many
 * DOCX files embeds the same fonts in each. Deflating is zlib's, as for the PDF's streams.
 */
export function zipArchive(entries: readonly ZipEntry[], date: Date, pieces?: UsageCache<Uint8Array>): Uint8Array {
  return joinChunks(zipChunks(entries, date, pieces));
}

/**
 * The same archive as the chunks it is made of, in order (headers, entries' bytes, the directory): a large
 * archive is written out without first being copied into one array.
 */
export function zipChunks(entries: readonly ZipEntry[], date: Date, pieces?: UsageCache<Uint8Array>): Uint8Array[] {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    // With a cache, a large entry is a piece of its own: a drawing's SVG a rebuild did not change is not compressed again.
    const data =
      pieces && !Array.isArray(entry.data) && !entry.reuse && (entry.data as Uint8Array).length >= CACHE_FROM
        ? [entry.data as Uint8Array]
        : entry.data;
    const { crc, bytes, size } = Array.isArray(data)
      ? inPieces(data as readonly Piece[], entry.level, pieces)
      : { ...compressed(entry, data as Uint8Array), size: (data as Uint8Array).length };
    const method = entry.level === 0 ? 0 : 8;
    const local = new Uint8Array(30 + name.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    l.setUint16(6, 0x0800, true); // names in UTF-8
    l.setUint16(8, method, true);
    l.setUint16(10, time, true);
    l.setUint16(12, day, true);
    l.setUint32(14, crc, true);
    l.setUint32(18, bytes.length, true);
    l.setUint32(22, size, true);
    l.setUint16(26, name.length, true);
    local.set(name, 30);
    const record = new Uint8Array(46 + name.length);
    const c = new DataView(record.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, 0x0800, true);
    c.setUint16(10, method, true);
    c.setUint16(12, time, true);
    c.setUint16(14, day, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, bytes.length, true);
    c.setUint32(24, size, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    record.set(name, 46);
    locals.push(local, bytes);
    central.push(record);
    offset += local.length + bytes.length;
  }
  const centralSize = central.reduce((sum, r) => sum + r.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, centralSize, true);
  e.setUint32(16, offset, true);
  return [...locals, ...central, end];
}

/** Chunks joined into one array (one chunk is taken as it is). */
export function joinChunks(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * Pieces deflated one by one into a single deflate stream: each but the last ends with a sync flush (at a byte
 * boundary, no final block), so the pieces' outputs follow one another as one stream. The CRC runs over them all.
 */
function inPieces(
  parts: readonly Piece[],
  level: ZipEntry['level'],
  cache: UsageCache<Uint8Array> | undefined,
): { crc: number; bytes: Uint8Array; size: number } {
  let crc = 0;
  let size = 0;
  const out: Uint8Array[] = [];
  parts.forEach((part, i) => {
    const chunks = part instanceof Uint8Array ? [part] : (part as readonly Uint8Array[]);
    for (const chunk of chunks) {
      crc = crc32(chunk, nativeCrc32, crc);
      size += chunk.length;
    }
    if (level === 0) {
      out.push(...chunks);
      return;
    }
    const last = i === parts.length - 1;
    // Joined only when deflated: a run a rebuild did not change is known by its hash alone.
    const deflate = () =>
      new Uint8Array(
        zlib.deflateRawSync(chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks), {
          level,
          ...(last ? {} : { finishFlush: zlib.constants.Z_SYNC_FLUSH }),
        }),
      );
    if (!cache) {
      out.push(deflate());
      return;
    }
    const hash = createHash('sha1');
    // Each chunk by its length and its bytes (a large one by its digest, which its length tells apart).
    for (const chunk of chunks) hash.update(`${chunk.length}:`).update(digestOf(chunk));
    const key = `zip:${level}:${last ? 'end' : 'sync'}:${hash.digest('base64')}`;
    let bytes = cache.get(key);
    if (!bytes) {
      bytes = deflate();
      cache.set(key, bytes);
    }
    out.push(bytes);
  });
  if (parts.length === 0 && level !== 0) out.push(new Uint8Array(zlib.deflateRawSync(new Uint8Array(0), { level })));
  // One piece is its own bytes (a stored picture): not copied before the archive is.
  if (out.length === 1) return { crc, bytes: out[0] as Uint8Array, size };
  const bytes = new Uint8Array(out.reduce((sum, b) => sum + b.length, 0));
  let at = 0;
  for (const b of out) {
    bytes.set(b, at);
    at += b.length;
  }
  return { crc, bytes, size };
}

/** Digests of chunks that come back from archive to archive (kept XML, a drawing's SVG), by the chunk itself. */
const digests = new WeakMap<Uint8Array, Uint8Array>();
/** Smaller chunks are hashed as they are. */
const DIGEST_FROM = 1024;

/**
 * What a piece's key hashes for one of its chunks: a large chunk's own SHA-1, taken once per chunk object (bytes
 * handed to an archive are not changed afterwards), a small one's bytes.
 */
function digestOf(chunk: Uint8Array): Uint8Array {
  if (chunk.length < DIGEST_FROM) return chunk;
  let digest = digests.get(chunk);
  if (!digest) {
    digest = createHash('sha1').update(chunk).digest();
    digests.set(chunk, digest);
  }
  return digest;
}

function compressed(entry: ZipEntry, data: Uint8Array): { crc: number; bytes: Uint8Array } {
  const make = () => ({
    crc: crc32(data),
    bytes: entry.level === 0 ? data : new Uint8Array(zlib.deflateRawSync(data, { level: entry.level })),
  });
  const small = data.length < CACHE_FROM;
  if (entry.level === 0 || (!entry.reuse && !small)) return make();
  const [cache, size] = small ? [smallCache, SMALL_ENTRIES] : [compressedCache, CACHE_ENTRIES];
  const key = `${entry.level}:${createHash('sha1').update(data).digest('hex')}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = make();
    if (cache.size >= size) cache.delete(cache.keys().next().value as string);
    cache.set(key, hit);
  }
  return hit;
}

let table: Int32Array | undefined;

/** Node's own CRC-32, from Node 20.15 and 22.2 on. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** CRC-32 (IEEE), as zip entries carry it; `value`, the CRC of the bytes before these, goes on from there. */
export function crc32(data: Uint8Array, native = nativeCrc32, value = 0): number {
  if (native) return native(data, value);
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let crc = value ^ -1;
  for (let i = 0; i < data.length; i++) crc = (table[(crc ^ (data[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}
