import { strFromU8, strToU8, unzipSync, type Zippable, zipSync } from 'fflate';

/**
 * Makes a DOCX from the `docx` package byte-identical for the same input: random relationship and link ids
 * become sequential ones, drawing ids are renumbered per document (the package counts them across documents),
 * the core properties take the document's date, and every zip entry the same time.
 */
export function normalizeDocx(bytes: Uint8Array, isoDate: string): Uint8Array {
  const files = unzipSync(bytes);
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
  const stamp = `${isoDate}T00:00:00Z`;
  const out: Zippable = {};
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
      let picture = 0;
      text = text.replace(/(<pic:cNvPr id=")(\d+)/g, (_, head: string) => `${head}${picture++}`);
      if (name === 'docProps/core.xml') {
        text = text
          .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
          .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`);
      }
      data = strToU8(text);
    }
    out[name] = [data, { mtime: new Date(stamp), level: 6 }];
  }
  return zipSync(out);
}
