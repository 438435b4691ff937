/**
 * TrueType subsetting that keeps glyph ids: the subset has the glyphs asked for (and the parts of composite
 * glyphs) at their own ids, every other glyph empty. A page's text is then written with the font's own glyph ids,
 * so the same page reads the same in every document: its content stream is made once and reused (a part in the
 * pack, a page a watch rebuild did not change).
 */

/** The tables of a TrueType font (glyph outlines in `glyf`), read once. */
export interface TrueTypeFont {
  readonly bytes: Uint8Array;
  readonly tables: ReadonlyMap<string, { readonly offset: number; readonly length: number }>;
  readonly numGlyphs: number;
  readonly numberOfHMetrics: number;
  /** Start of each glyph in `glyf` (numGlyphs + 1 entries). */
  readonly loca: Uint32Array;
}

/** Tables a PDF's embedded TrueType font needs (PDF 32000-1, 9.9), with the hinting programs when there are any. */
const KEPT = ['cvt ', 'fpgm', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'prep'] as const;

const fonts = new WeakMap<Uint8Array, TrueTypeFont | null>();

/** The font's tables when it is a TrueType font with `glyf` outlines; null for CFF (OpenType) and collections. */
export function readTrueType(bytes: Uint8Array): TrueTypeFont | null {
  if (fonts.has(bytes)) return fonts.get(bytes) ?? null;
  const font = parse(bytes);
  fonts.set(bytes, font);
  return font;
}

function parse(bytes: Uint8Array): TrueTypeFont | null {
  if (bytes.length < 12) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(0);
  if (version !== 0x00010000 && version !== 0x74727565) return null; // 1.0 or 'true'
  const count = view.getUint16(4);
  const tables = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    if (at + 16 > bytes.length) return null;
    const tag = String.fromCharCode(bytes[at] ?? 0, bytes[at + 1] ?? 0, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0);
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    if (offset + length > bytes.length) return null;
    tables.set(tag, { offset, length });
  }
  const head = tables.get('head');
  const maxp = tables.get('maxp');
  const hhea = tables.get('hhea');
  const loca = tables.get('loca');
  if (!head || !maxp || !hhea || !loca || !tables.has('glyf') || !tables.has('hmtx')) return null;
  const numGlyphs = view.getUint16(maxp.offset + 4);
  const long = view.getInt16(head.offset + 50) === 1;
  const starts = new Uint32Array(numGlyphs + 1);
  for (let g = 0; g <= numGlyphs; g++)
    starts[g] = long ? view.getUint32(loca.offset + g * 4) : view.getUint16(loca.offset + g * 2) * 2;
  return { bytes, tables, numGlyphs, numberOfHMetrics: view.getUint16(hhea.offset + 34), loca: starts };
}

/** The glyphs `ids` need: themselves, and the glyphs composite ones are made of. */
function closure(font: TrueTypeFont, ids: Iterable<number>): number[] {
  const glyf = font.tables.get('glyf') as { offset: number };
  const view = new DataView(font.bytes.buffer, font.bytes.byteOffset, font.bytes.byteLength);
  const seen = new Set<number>([0]);
  const todo = [...ids];
  while (todo.length > 0) {
    const id = todo.pop() as number;
    if (seen.has(id) || id < 0 || id >= font.numGlyphs) continue;
    seen.add(id);
    const start = font.loca[id] as number;
    if ((font.loca[id + 1] as number) - start < 10) continue;
    let at = glyf.offset + start;
    if (view.getInt16(at) >= 0) continue; // a simple glyph
    at += 10;
    for (;;) {
      const flags = view.getUint16(at);
      todo.push(view.getUint16(at + 2));
      at += 4 + (flags & 0x0001 ? 4 : 2);
      if (flags & 0x0008) at += 2;
      else if (flags & 0x0040) at += 4;
      else if (flags & 0x0080) at += 8;
      if (!(flags & 0x0020)) break;
    }
  }
  return [...seen].sort((a, b) => a - b);
}

/**
 * A TrueType font with only the glyphs `ids` (and glyph 0) drawn, each at its own id; the glyph count stops at the
 * highest id kept. The same font and ids give the same bytes.
 */
export function subsetKeepingIds(font: TrueTypeFont, ids: Iterable<number>): Uint8Array {
  const kept = closure(font, ids);
  const numGlyphs = (kept[kept.length - 1] as number) + 1;
  const source = font.bytes;
  const table = (tag: string) => {
    const t = font.tables.get(tag);
    return t ? source.subarray(t.offset, t.offset + t.length) : null;
  };

  // glyf and loca (long offsets): the kept glyphs' outlines, every other glyph empty.
  const glyfIn = table('glyf') as Uint8Array;
  let size = 0;
  for (const id of kept) size += pad4((font.loca[id + 1] as number) - (font.loca[id] as number));
  const glyf = new Uint8Array(size);
  // Short offsets (halved) while the outlines take under 128 KB, as they mostly do.
  const short = size <= 0x1fffe;
  const loca = new Uint8Array((numGlyphs + 1) * (short ? 2 : 4));
  const locaView = new DataView(loca.buffer);
  const setLoca = (id: number, offset: number) =>
    short ? locaView.setUint16(id * 2, offset / 2) : locaView.setUint32(id * 4, offset);
  // Metrics for the glyphs up to the last kept (the count of full metrics no more than the glyphs), zero for the
  // glyphs left out: the PDF gives the widths, and zeros compress to nothing.
  const metrics = Math.min(font.numberOfHMetrics, numGlyphs);
  const hmtxIn = table('hmtx') as Uint8Array;
  const hmtx = new Uint8Array(metrics * 4 + (numGlyphs - metrics) * 2);
  let at = 0;
  let next = 0;
  for (let id = 0; id < numGlyphs; id++) {
    setLoca(id, at);
    if (kept[next] !== id) continue;
    next++;
    const start = font.loca[id] as number;
    const end = font.loca[id + 1] as number;
    glyf.set(glyfIn.subarray(start, end), at);
    at += pad4(end - start);
    const [from, to] =
      id < metrics ? [id * 4, id * 4 + 4] : [metrics * 4 + (id - metrics) * 2, metrics * 4 + (id - metrics) * 2 + 2];
    hmtx.set(hmtxIn.subarray(from, to), from);
  }
  setLoca(numGlyphs, at);
  // A glyph past the full metrics takes the last full advance: keep that one whatever else is left out.
  if (metrics < numGlyphs) hmtx.set(hmtxIn.subarray((metrics - 1) * 4, metrics * 4 - 2), (metrics - 1) * 4);
  const hhea = (table('hhea') as Uint8Array).slice();
  new DataView(hhea.buffer).setUint16(34, metrics);
  const maxp = (table('maxp') as Uint8Array).slice();
  new DataView(maxp.buffer).setUint16(4, numGlyphs);
  const head = (table('head') as Uint8Array).slice();
  const headView = new DataView(head.buffer);
  headView.setUint32(8, 0); // checkSumAdjustment, set below
  headView.setInt16(50, short ? 0 : 1);

  const out = new Map<string, Uint8Array>([
    ['glyf', glyf],
    ['head', head],
    ['hhea', hhea],
    ['hmtx', hmtx],
    ['loca', loca],
    ['maxp', maxp],
  ]);
  for (const tag of KEPT) {
    const t = out.has(tag) ? null : table(tag);
    if (t) out.set(tag, t);
  }
  const tags = [...out.keys()].sort();
  const headerSize = 12 + tags.length * 16;
  let total = headerSize;
  for (const tag of tags) total += pad4((out.get(tag) as Uint8Array).length);
  const file = new Uint8Array(total);
  const view = new DataView(file.buffer);
  view.setUint32(0, 0x00010000);
  view.setUint16(4, tags.length);
  const power = 2 ** Math.floor(Math.log2(tags.length));
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, tags.length * 16 - power * 16);
  let offset = headerSize;
  let headAt = 0;
  tags.forEach((tag, i) => {
    const data = out.get(tag) as Uint8Array;
    const record = 12 + i * 16;
    for (let k = 0; k < 4; k++) file[record + k] = tag.charCodeAt(k);
    view.setUint32(record + 4, checksum(data));
    view.setUint32(record + 8, offset);
    view.setUint32(record + 12, data.length);
    file.set(data, offset);
    if (tag === 'head') headAt = offset;
    offset += pad4(data.length);
  });
  view.setUint32(headAt + 8, (0xb1b0afba - checksum(file)) >>> 0);
  return file;
}

const pad4 = (n: number) => (n + 3) & ~3;

/** The sum of a table's big-endian 32-bit words (the last one padded with zeros), as the font directory has it. */
function checksum(data: Uint8Array): number {
  let sum = 0;
  const whole = data.length & ~3;
  for (let i = 0; i < whole; i += 4)
    sum =
      (sum +
        (((data[i] as number) << 24) |
          ((data[i + 1] as number) << 16) |
          ((data[i + 2] as number) << 8) |
          (data[i + 3] as number))) >>>
      0;
  if (whole < data.length) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = (last << 8) | (data[i] ?? 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}
