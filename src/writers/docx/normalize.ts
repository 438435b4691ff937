import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { type ZipEntry, zipArchive } from './zip.js';

/**
 * Makes a DOCX from the `docx` package byte-identical for the same input: random relationship and link ids
 * become sequential ones, drawing ids are renumbered per document (the package counts them across documents),
 * the core properties take the document's date (and its language), and every zip entry the same time.
 */
export function normalizeDocx(
  bytes: Uint8Array,
  isoDate: string,
  language: string,
  restore: (parts: Record<string, Uint8Array>) => Record<string, Uint8Array> = (parts) => parts,
): Uint8Array {
  return normalizeParts(restore(unzipSync(bytes)), isoDate, language);
}

/** The same for the package's parts before they are zipped, which saves inflating and deflating them twice. */
export function normalizeParts(
  parts: Record<string, Uint8Array | string>,
  isoDate: string,
  language: string,
): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(parts))
    files[name] =
      typeof data === 'string' ? strToU8(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const names = Object.keys(files);
  const textual = (name: string) => /\.(xml|rels)$/.test(name);
  // Random ids are 21-character url-safe strings; found in a fixed order of parts, then renamed everywhere.
  const ids = new Map<string, string>();
  for (const name of [...names].sort()) {
    if (!textual(name)) continue;
    const text = strFromU8(files[name] as Uint8Array);
    for (const m of text.matchAll(/"([A-Za-z0-9_-]{21})"/g)) {
      const id = m[1] as string;
      if (/[a-z]/.test(id) && /[0-9_-]/.test(id) && !ids.has(id)) ids.set(id, `rIdS${ids.size + 1}`);
    }
  }
  reobfuscateFonts(files);
  // Bookmark ids come from a counter shared by every document of the process: number them per document.
  const bookmarks = new Map<string, string>();
  const stamp = `${isoDate}T00:00:00Z`;
  const out: ZipEntry[] = [];
  for (const name of names) {
    let data = files[name] as Uint8Array;
    if (textual(name)) {
      let text = strFromU8(data);
      if (ids.size > 0)
        text = text.replace(/"([A-Za-z0-9_-]{21})"/g, (whole, id: string) =>
          ids.has(id) ? `"${ids.get(id)}"` : whole,
        );
      let drawing = 0;
      text = text.replace(/(<wp:docPr id=")(\d+)/g, (_, head: string) => `${head}${++drawing}`);
      if (name === 'word/document.xml') {
        text = text.replace(/(<w:bookmark(?:Start|End)\b[^>]*?w:id=")(\d+)/g, (_, head: string, id: string) => {
          let fresh = bookmarks.get(id);
          if (!fresh) {
            fresh = String(bookmarks.size + 1);
            bookmarks.set(id, fresh);
          }
          return `${head}${fresh}`;
        });
      }
      let picture = 0;
      text = text.replace(/(<pic:cNvPr id=")(\d+)/g, (_, head: string) => `${head}${picture++}`);
      if (name === 'docProps/core.xml') {
        text = text
          .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
          .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`);
        // The core properties name the document's language too, as Word's own do.
        if (!text.includes('<dc:language>'))
          text = text.replace('</cp:coreProperties>', `<dc:language>${language}</dc:language></cp:coreProperties>`);
      }
      data = strToU8(text);
    }
    // Fonts barely compress: a light level keeps the build fast. PNG and JPEG are compressed already: stored.
    const level = /\.(png|jpe?g)$/.test(name) ? 0 : name.endsWith('.odttf') ? 1 : 6;
    out.push({ name, data, level });
  }
  return zipArchive(out, new Date(stamp));
}

/**
 * Embedded fonts are obfuscated with a random key (ECMA-376: the first 32 bytes XORed with the key's GUID bytes
 * in reverse order). Each is re-obfuscated with a key derived from the font itself, so the same font gives the
 * same bytes in every build.
 */
function reobfuscateFonts(files: Record<string, Uint8Array>): void {
  const table = files['word/fontTable.xml'];
  const rels = files['word/_rels/fontTable.xml.rels'];
  if (!table || !rels) return;
  const targets = new Map<string, string>();
  for (const m of strFromU8(rels).matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g))
    targets.set(m[1] as string, `word/${m[2]}`);
  let xml = strFromU8(table);
  xml = xml.replace(
    /(r:id="([^"]+)" w:fontKey=")\{([0-9A-Fa-f-]{36})\}/g,
    (whole, head: string, rid: string, guid: string) => {
      const file = targets.get(rid);
      const data = file ? files[file] : undefined;
      if (!file || !data) return whole;
      const plain = xorKey(data, keyBytes(guid));
      const digest = createHash('sha1').update(plain).digest('hex').toUpperCase();
      const fresh = `${digest.slice(0, 8)}-${digest.slice(8, 12)}-${digest.slice(12, 16)}-${digest.slice(16, 20)}-${digest.slice(20, 32)}`;
      files[file] = xorKey(plain, keyBytes(fresh));
      return `${head}{${fresh}}`;
    },
  );
  files['word/fontTable.xml'] = strToU8(xml);
}

function keyBytes(guid: string): Uint8Array {
  const hex = guid.replace(/-/g, '');
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 16; i++) bytes[i] = Number.parseInt(hex.slice(30 - i * 2, 32 - i * 2), 16);
  return bytes;
}

function xorKey(data: Uint8Array, key: Uint8Array): Uint8Array {
  const out = new Uint8Array(data);
  for (let i = 0; i < 32 && i < out.length; i++) out[i] = (out[i] as number) ^ (key[i % 16] as number);
  return out;
}
