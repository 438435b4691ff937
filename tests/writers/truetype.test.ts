import fontkit from '@pdf-lib/fontkit';
import { PDFArray, PDFDocument, PDFName, type PDFRawStream, type PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { assembleDocuments, nodeEnv, writePdf } from '../../src/index.js';
import { SectionLayoutCache } from '../../src/writers/pdf/index.js';
import { readTrueType, subsetKeepingIds } from '../../src/writers/pdf/truetype.js';
import { docOf } from '../helpers/doc.js';
import { canReadPdfText, pdfPageTexts } from '../helpers/programs.js';

const env = nodeEnv();
const fonts = env.fonts();

interface Glyph {
  readonly id: number;
  readonly advanceWidth: number;
  readonly path: { toSVG(): string };
}
interface Font {
  readonly numGlyphs: number;
  glyphForCodePoint(cp: number): Glyph;
  getGlyph(id: number): Glyph;
}
const open = (bytes: Uint8Array) => fontkit.create(Buffer.from(bytes)) as unknown as Font;

describe('TrueType subsets that keep glyph ids', () => {
  const regular = fonts.main.regular;
  const font = readTrueType(regular);
  const original = open(regular);

  it('keeps each glyph asked for at its own id, with its outline and advance, and leaves the others empty', () => {
    if (!font) throw new Error('the built-in font is not TrueType');
    const text = 'Щит 2027 ₽ — ёлка';
    const ids = [...text].map((c) => original.glyphForCodePoint(c.codePointAt(0) as number).id);
    const subset = open(subsetKeepingIds(font, ids));
    expect(subset.numGlyphs).toBe(Math.max(...ids) + 1);
    for (const id of ids) {
      expect(subset.getGlyph(id).path.toSVG()).toBe(original.getGlyph(id).path.toSVG());
      expect(subset.getGlyph(id).advanceWidth).toBe(original.getGlyph(id).advanceWidth);
    }
    const left = Array.from({ length: Math.max(...ids) }, (_, i) => i).filter((i) => i > 0 && !ids.includes(i));
    expect(left.length).toBeGreaterThan(0);
    for (const id of left.slice(0, 20)) expect(subset.getGlyph(id).path.toSVG()).toBe('');
  });

  it('takes the parts of composite glyphs along, and gives the same bytes for the same glyphs', () => {
    if (!font) throw new Error('the built-in font is not TrueType');
    // Accented letters are mostly composites of a base letter and an accent.
    const ids = [...'éÅñŷ'].map((c) => original.glyphForCodePoint(c.codePointAt(0) as number).id);
    const bytes = subsetKeepingIds(font, ids);
    const subset = open(bytes);
    for (const id of ids) expect(subset.getGlyph(id).path.toSVG()).toBe(original.getGlyph(id).path.toSVG());
    expect(Buffer.from(subsetKeepingIds(font, [...ids].reverse())).equals(Buffer.from(bytes))).toBe(true);
  });

  it('has a valid table directory: checksums add up to the magic number', () => {
    if (!font) throw new Error('the built-in font is not TrueType');
    const bytes = subsetKeepingIds(font, [36, 37, 38]);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let sum = 0;
    for (let i = 0; i + 4 <= bytes.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
    expect(sum).toBe(0xb1b0afba);
  });

  it('is not used for fonts with CFF outlines', () => {
    const otf = new Uint8Array([0x4f, 0x54, 0x54, 0x4f, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(readTrueType(otf)).toBeNull();
  });
});

/** The content streams of each page of a PDF, decoded with pdf-lib's raw access (still compressed). */
async function pageContents(bytes: Uint8Array): Promise<Buffer[][]> {
  const pdf = await PDFDocument.load(bytes);
  return pdf.getPages().map((page) => {
    const contents = page.node.get(PDFName.of('Contents'));
    const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
    return refs.map((ref) => Buffer.from((pdf.context.lookup(ref as PDFRef) as PDFRawStream).contents));
  });
}

describe('page contents made once', () => {
  const part = () =>
    docOf(`<section size="A4"><h1 id="a">Часть</h1>
      ${Array.from({ length: 50 }, (_, i) => `<p>Абзац ${i}: текст, который переносится на следующую строку страницы, ₴ ✓.</p>`).join('\n')}
    </section>`);

  it("puts a part's pages into the pack as the part's own PDF has them, and the text reads the same", async () => {
    const doc = part();
    const sections = new SectionLayoutCache(false);
    const own = await writePdf(doc, env, { sections });
    const pack = await writePdf(
      assembleDocuments(docOf('<section><h1 id="p">Pack</h1></section>'), [{ name: 'x', doc }], null),
      env,
      {
        sections,
      },
    );
    const ownPages = await pageContents(own.bytes);
    const packPages = await pageContents(pack.bytes);
    expect(ownPages.length).toBeGreaterThan(1);
    // The pack's pages after its own first one carry the part's page bodies, byte for byte.
    for (const [i, streams] of ownPages.entries())
      expect(packPages[i + 1]?.[0]?.equals(streams[0] as Buffer)).toBe(true);
    if (canReadPdfText()) {
      const ownText = pdfPageTexts(own.bytes);
      const packText = pdfPageTexts(pack.bytes);
      expect(ownText[0]).toContain('Абзац 0: текст');
      expect(ownText[0]).toContain('₴ ✓');
      expect(packText.slice(1)).toEqual(ownText);
    }
  });

  it('gives the same bytes whether a page was made before or not', async () => {
    const sections = new SectionLayoutCache();
    const first = await writePdf(part(), env, { sections });
    const again = await writePdf(part(), env, { sections });
    const fresh = await writePdf(part(), env);
    expect(Buffer.from(again.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    expect(Buffer.from(fresh.bytes).equals(Buffer.from(first.bytes))).toBe(true);
  });
});
