import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import type { UsageCache } from '../../usage-cache.js';
import type { XmlPiece } from './fragments.js';
import { joinChunks, type Piece, type ZipEntry, zipChunks } from './zip.js';

/**
 * What is added to the parts once they are deterministic: text parts to change (a part may become pieces of
 * text, compressed one by one), binary files to add.
 */
export type Completion = (texts: Map<string, string | readonly XmlPiece[]>, files: Map<string, Uint8Array>) => void;

/**
 * Makes a DOCX from the `docx` package byte-identical for the same input: random relationship ids become
 * sequential ones, drawing and bookmark ids are numbered per document (the package counts them across documents),
 * the core properties take the document's date (and its language), and every zip entry the same time.
 */
export function normalizeDocx(
  bytes: Uint8Array,
  isoDate: string,
  language: string,
  complete?: Completion,
  pieces?: UsageCache<Uint8Array>,
): Uint8Array {
  return joinChunks(zipParts(unzippedParts(bytes, isoDate, language), complete, pieces));
}

/** The parts of a zipped package, made deterministic. */
export function unzippedParts(bytes: Uint8Array, isoDate: string, language: string): PackageParts {
  return packageParts(unzipSync(bytes), isoDate, language);
}

/**
 * The same for the package's parts before they are zipped, which saves inflating and deflating them twice.
 * `complete` then adds to the parts (the body XML written apart from the package) before they are zipped.
 */
export function normalizeParts(
  parts: Record<string, Uint8Array | string>,
  isoDate: string,
  language: string,
  complete?: Completion,
  pieces?: UsageCache<Uint8Array>,
): Uint8Array {
  return joinChunks(zipParts(packageParts(parts, isoDate, language), complete, pieces));
}

/**
 * A package's parts made deterministic, before anything is added to them: the text parts (XML and relationships)
 * as text, the other files as bytes, in the package's order. Nothing changes them once made, so a package that
 * reads the same (a watch rebuild's) can be completed and zipped again from them.
 */
export interface PackageParts {
  readonly names: readonly string[];
  readonly texts: ReadonlyMap<string, string>;
  readonly files: Readonly<Record<string, Uint8Array>>;
  /** The time every zip entry is stamped with. */
  readonly stamp: string;
}

/** The parts of a package made deterministic (see `normalizeDocx`). */
export function packageParts(
  parts: Record<string, Uint8Array | string>,
  isoDate: string,
  language: string,
): PackageParts {
  const files: Record<string, Uint8Array> = {};
  const texts = new Map<string, string>();
  for (const [name, data] of Object.entries(parts)) {
    if (/\.(xml|rels)$/.test(name)) texts.set(name, typeof data === 'string' ? data : strFromU8(data));
    else
      files[name] =
        typeof data === 'string' ? strToU8(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  }
  // Random ids are 21-character url-safe strings, relationship ids: found in the relationship parts in a fixed
  // order, then renamed everywhere.
  const ids = new Map<string, string>();
  for (const name of [...texts.keys()].sort()) {
    if (!name.endsWith('.rels')) continue;
    for (const m of (texts.get(name) as string).matchAll(/\bId="([A-Za-z0-9_-]{21})"/g)) {
      const id = m[1] as string;
      if (/[a-z]/.test(id) && /[0-9_-]/.test(id) && !ids.has(id)) ids.set(id, `rIdS${ids.size + 1}`);
    }
  }
  reobfuscateFonts(files, texts);
  // Bookmark ids come from a counter shared by every document of the process: number them per document.
  const bookmarks = new Map<string, string>();
  const stamp = `${isoDate}T00:00:00Z`;
  for (const [name, original] of texts) {
    let text = original;
    if (ids.size > 0)
      text = text.replace(/"([A-Za-z0-9_-]{21})"/g, (whole, id: string) => (ids.has(id) ? `"${ids.get(id)}"` : whole));
    if (text.includes('<wp:docPr ')) {
      let drawing = 0;
      text = text.replace(/(<wp:docPr id=")(\d+)/g, (_, head: string) => `${head}${++drawing}`);
      let picture = 0;
      text = text.replace(/(<pic:cNvPr id=")(\d+)/g, (_, head: string) => `${head}${picture++}`);
    }
    if (name === 'word/document.xml' && text.includes('<w:bookmarkStart ')) {
      text = text.replace(/(<w:bookmark(?:Start|End)\b[^>]*?w:id=")(\d+)/g, (_, head: string, id: string) => {
        let fresh = bookmarks.get(id);
        if (!fresh) {
          fresh = String(bookmarks.size + 1);
          bookmarks.set(id, fresh);
        }
        return `${head}${fresh}`;
      });
    }
    if (name === 'docProps/core.xml') {
      text = text
        .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
        .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`);
      // The core properties name the document's language too, as Word's own do.
      if (!text.includes('<dc:language>'))
        text = text.replace('</cp:coreProperties>', `<dc:language>${language}</dc:language></cp:coreProperties>`);
    }
    texts.set(name, text);
  }
  return { names: Object.keys(parts), texts, files, stamp };
}

/** Completes a package's parts (on a copy: they stay as they were) and zips them: the archive's chunks. */
export function zipParts(parts: PackageParts, complete?: Completion, pieces?: UsageCache<Uint8Array>): Uint8Array[] {
  const texts = new Map<string, string | readonly XmlPiece[]>(parts.texts);
  const added = new Map<string, Uint8Array>();
  complete?.(texts, added);
  const out: ZipEntry[] = [];
  const entry = (name: string, data: Uint8Array | readonly Piece[]) => {
    // Fonts barely compress: a light level keeps the build fast. PNG and JPEG are compressed already: stored.
    const font = name.endsWith('.odttf');
    out.push({ name, data, level: /\.(png|jpe?g)$/.test(name) ? 0 : font ? 1 : 6, reuse: font });
  };
  // Each text is dropped once encoded: the document's XML need not be held twice.
  for (const name of parts.names) {
    const text = texts.get(name);
    texts.delete(name);
    entry(name, text === undefined ? (parts.files[name] as Uint8Array) : encoded(text));
  }
  for (const [name, text] of texts) entry(name, encoded(text));
  for (const [name, data] of added) entry(name, data);
  return zipChunks(out, new Date(parts.stamp), pieces);
}

/** Pieces of a part are compressed in runs of at least this many characters… */
const RUN_MIN = 16 * 1024;
/** …and at most about this many. */
const RUN_MAX = 64 * 1024;

/**
 * A text part as UTF-8; a part in pieces, in runs of pieces. A run ends where its content says (a piece whose
 * length is a multiple of 8, once the run is long enough), not at a fixed size, so a piece that grows or shrinks
 * moves no other run's ends: the runs a rebuild did not change come out the same, and their compression is reused.
 * Pieces that come with their bytes are taken as they are; text is encoded a run of strings at a time.
 */
function encoded(text: string | readonly XmlPiece[]): Uint8Array | Piece[] {
  if (typeof text === 'string') return strToU8(text);
  const runs: Piece[] = [];
  let run: Uint8Array[] = [];
  let strings: string[] = [];
  let length = 0;
  const flushStrings = () => {
    if (strings.length > 0) run.push(Buffer.from(strings.join(''), 'utf8'));
    strings = [];
  };
  const endRun = () => {
    flushStrings();
    // The run's chunks as they are: joined only if the run has to be compressed.
    runs.push(run.length === 1 ? (run[0] as Uint8Array) : run);
    run = [];
    length = 0;
  };
  for (const piece of text) {
    // Measured in characters whether or not it comes encoded: the runs' ends must not depend on what was kept.
    const size = typeof piece === 'string' ? piece.length : piece.xml.length;
    if (typeof piece === 'string') strings.push(piece);
    else {
      flushStrings();
      run.push(piece.bytes);
    }
    length += size;
    if (length >= RUN_MAX || (length >= RUN_MIN && size % 8 === 0)) endRun();
  }
  if (length > 0 || strings.length > 0 || run.length > 0 || runs.length === 0) endRun();
  return runs;
}

/**
 * Embedded fonts are obfuscated with a random key (ECMA-376: the first 32 bytes XORed with the key's GUID bytes
 * in reverse order). Each is re-obfuscated with a key derived from the font itself, so the same font gives the
 * same bytes in every build.
 */
function reobfuscateFonts(files: Record<string, Uint8Array>, texts: Map<string, string>): void {
  const table = texts.get('word/fontTable.xml');
  const rels = texts.get('word/_rels/fontTable.xml.rels');
  if (!table || !rels) return;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g)) targets.set(m[1] as string, `word/${m[2]}`);
  const xml = table.replace(
    /(r:id="([^"]+)" w:fontKey=")\{([0-9A-Fa-f-]{36})\}/g,
    (whole, head: string, rid: string, guid: string) => {
      const file = targets.get(rid);
      const data = file ? files[file] : undefined;
      if (!file || !data) return whole;
      // In place: the part is the package's own copy, made for this document (a font is a few hundred KB).
      const plain = xorKey(data, keyBytes(guid));
      const digest = createHash('sha1').update(plain).digest('hex').toUpperCase();
      const fresh = `${digest.slice(0, 8)}-${digest.slice(8, 12)}-${digest.slice(12, 16)}-${digest.slice(16, 20)}-${digest.slice(20, 32)}`;
      files[file] = xorKey(plain, keyBytes(fresh));
      return `${head}{${fresh}}`;
    },
  );
  texts.set('word/fontTable.xml', xml);
}

function keyBytes(guid: string): Uint8Array {
  const hex = guid.replace(/-/g, '');
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 16; i++) bytes[i] = Number.parseInt(hex.slice(30 - i * 2, 32 - i * 2), 16);
  return bytes;
}

/** XORs the first 32 bytes with the key, in place. */
function xorKey(data: Uint8Array, key: Uint8Array): Uint8Array {
  for (let i = 0; i < 32 && i < data.length; i++) data[i] = (data[i] as number) ^ (key[i % 16] as number);
  return data;
}
