import fontkit from '@pdf-lib/fontkit';
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import {
  PDFDocument,
  PDFEmbeddedPage,
  PDFHexString,
  type PDFImage,
  PDFName,
  PDFNumber,
  PDFPage,
  type PDFRef,
  PDFString,
} from 'pdf-lib';
import type { DocMeta } from '../../doctree/index.js';
import { advanceOf, type Face, type FkGlyph, glyphOf } from './fonts.js';
import type { DocumentLayout } from './layout/layout-document.js';
import { imageSize } from './layout/image-size.js';
import type { Box, TextBox } from './layout/types.js';
import type { UsageCache } from '../../usage-cache.js';
import { svgPathToPdf } from './svg-path.js';
import { readTrueType, subsetKeepingIds, type TrueTypeFont } from './truetype.js';

/** The internals of pdf-lib's subsetting font embedder that glyph-level encoding needs (pdf-lib 1.17.1). */
interface SubsetEmbedder {
  readonly subset: { includeGlyph(glyph: FkGlyph): number };
  readonly glyphs: FkGlyph[];
  readonly glyphIdMap: Map<number, number>;
  readonly glyphCache: { invalidate(): void };
}

/** Glyphs drawn, per face key: glyph id → the smallest code point drawn with it (for the text a reader copies). */
type GlyphUse = Map<string, Map<number, number>>;

/** A face as the pages use it: its resource, and how its glyphs are written in a text string. */
interface PageFont {
  readonly ref: PDFRef;
  readonly face: Face;
  /** Glyph ids stay the font's own (a TrueType subset keeping ids): a page's text does not depend on the document. */
  readonly keepsIds: boolean;
  /** The four hex digits of a code point's glyph, recording its use. */
  encode(codePoint: number, use: GlyphUse): string;
}

/** A page's content made once: compressed, with the resources it names in order and the glyphs it draws. */
interface PageContent {
  readonly bytes: Uint8Array;
  readonly fonts: readonly string[];
  readonly glyphs: GlyphUse;
}

/**
 * The content of laid-out section pages, by the page: a page that comes back (a part's page in the pack, a page of a
 * section a watch rebuild did not change) is not written again. Only pages drawn with fonts that keep their glyph ids,
 * with no page numbers of other pages and no images, are kept.
 */
const contents = new WeakMap<object, PageContent | null>();

/**
 * Draws a laid-out document with pdf-lib: fonts embedded as subsets, text as glyph runs with kerning and
 * justification adjustments, links, the outline and the metadata. Deterministic: dates come from the
 * document, font names are fixed, nothing random.
 */
export async function emitPdf(
  layout: DocumentLayout,
  meta: DocMeta,
  faces: readonly Face[],
  streams?: UsageCache<Uint8Array>,
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const date = new Date(`${meta.date}T00:00:00Z`);
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) pdf.setAuthor(meta.author);
  if (meta.subject) pdf.setSubject(meta.subject);
  // pdf-lib joins keywords with spaces; one comma-separated entry keeps multi-word keywords readable.
  if (meta.keywords.length > 0) pdf.setKeywords([meta.keywords.join(', ')]);
  pdf.setLanguage(meta.language);
  pdf.setCreator('stratdoc');
  pdf.setProducer('stratdoc');
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);

  const fonts = new DocumentFonts(pdf, faces);
  const use: GlyphUse = new Map();
  const images = new Map<string, PDFImage | PDFEmbeddedPage>();
  // Pages appended to the page tree directly: pdf-lib's addPage looks for the place among every page so far.
  const pages: PDFPage[] = [];
  const tree = pdf.catalog.Pages();
  const treeRef = pdf.catalog.get(PDFName.of('Pages')) as PDFRef;
  for (const page of layout.pages) {
    const p = PDFPage.create(pdf);
    p.node.set(PDFName.of('MediaBox'), pdf.context.obj([0, 0, page.width, page.height]));
    tree.pushLeafNode(p.ref);
    p.node.setParent(treeRef);
    pages.push(p);
  }

  for (const [index, page] of layout.pages.entries()) {
    const p = pages[index] as PDFPage;
    const h = page.height;
    const fontNames = new Map<string, string>();
    const imageNames = new Map<string, string>();
    // The content stream is written as text and compressed with zlib: far cheaper than operator objects.
    const resources: Resources = {
      font: async (key) => ({ name: resourceName(fontNames, key, 'F'), font: await fonts.get(key) }),
      image: async (src) => {
        let image = images.get(src);
        if (!image) {
          image = await embedImage(pdf, src);
          images.set(src, image);
        }
        return { name: resourceName(imageNames, src, 'Im'), image };
      },
      anchors: layout.anchors,
    };
    const refs: PDFRef[] = [];
    const body = await reusableContent(page.source, page.boxes, h, resources, fonts, streams);
    if (body) {
      // The body's resource names come first, in the order it used them; the header and footer go on from there.
      for (const key of body.fonts) await resources.font(key);
      for (const [key, glyphs] of body.glyphs) merge(use, key, glyphs);
      refs.push(pdf.context.register(pdf.context.stream(body.bytes, { Filter: 'FlateDecode' })));
      if (page.running.length > 0) {
        const text = await contentText(page.running, h, resources, use);
        refs.push(pdf.context.register(pdf.context.stream(deflated(text, streams), { Filter: 'FlateDecode' })));
      }
    } else {
      const text = await contentText([...page.boxes, ...page.running], h, resources, use);
      refs.push(pdf.context.register(pdf.context.stream(deflated(text, streams), { Filter: 'FlateDecode' })));
    }
    for (const [key, name] of fontNames)
      p.node.setFontDictionary(PDFName.of(name.slice(1)), (await fonts.get(key)).ref);
    for (const [src, name] of imageNames)
      p.node.setXObject(PDFName.of(name.slice(1)), (images.get(src) as PDFImage).ref);
    p.node.set(PDFName.of('Contents'), refs.length === 1 ? (refs[0] as PDFRef) : pdf.context.obj(refs));
    for (const box of [...page.boxes, ...page.running])
      if (box.kind === 'link') {
        const annotation = linkAnnotation(pdf, box, h, layout, pages);
        if (annotation) p.node.addAnnot(annotation);
      }
  }

  fonts.finish(use);
  addOutline(pdf, layout, pages);
  // In one go: by default pdf-lib waits for the next timer tick after every 50 objects, which costs a
  // millisecond a wait in a process with nothing else to do.
  return pdf.save({ useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY });
}

/** The resource name of a font or image on a page: numbered in the order the page first uses them (`/F1`, `/Im1`). */
function resourceName(names: Map<string, string>, key: string, prefix: string): string {
  let name = names.get(key);
  if (!name) {
    name = `/${prefix}${names.size + 1}`;
    names.set(key, name);
  }
  return name;
}

/** What a page's content refers to: its fonts and images by their resource names, and where headings landed. */
interface Resources {
  font(key: string): Promise<{ name: string; font: PageFont }>;
  image(src: string): Promise<{ name: string; image: PDFImage | PDFEmbeddedPage }>;
  readonly anchors: DocumentLayout['anchors'];
}

/**
 * A section page's content, made once per page object: null when the page cannot be reused (no source, page
 * numbers of other pages, images, a font that renumbers its glyphs).
 */
async function reusableContent(
  source: object | undefined,
  boxes: readonly Box[],
  pageHeight: number,
  resources: Resources,
  fonts: DocumentFonts,
  streams: UsageCache<Uint8Array> | undefined,
): Promise<PageContent | null> {
  if (!source) return null;
  const known = contents.get(source);
  if (known !== undefined) return known;
  let reusable = true;
  for (const box of boxes) {
    if (box.kind === 'page-ref' || box.kind === 'image') reusable = false;
    else if (box.kind === 'text' && !fonts.keepsIds(box.face)) reusable = false;
    else if (box.kind === 'drawing')
      for (const item of box.items)
        if (item.type === 'text') for (const run of item.runs) if (!fonts.keepsIds(run.face)) reusable = false;
    if (!reusable) break;
  }
  if (!reusable) {
    contents.set(source, null);
    return null;
  }
  // Resource names as a page of its own would number them: the page's header and footer come after.
  const names = new Map<string, string>();
  const glyphs: GlyphUse = new Map();
  const own: Resources = {
    font: async (key) => ({ name: resourceName(names, key, 'F'), font: (await resources.font(key)).font }),
    image: resources.image,
    anchors: resources.anchors,
  };
  const text = await contentText(boxes, pageHeight, own, glyphs);
  const content: PageContent = { bytes: deflated(text, streams), fonts: [...names.keys()], glyphs };
  contents.set(source, content);
  return content;
}

/** Boxes as content-stream text. */
async function contentText(boxes: readonly Box[], h: number, resources: Resources, use: GlyphUse): Promise<string> {
  const out: string[] = [];
  for (const box of boxes) {
    switch (box.kind) {
      case 'rect': {
        const paint = box.fill && box.stroke ? 'B' : box.fill ? 'f' : 'S';
        out.push(
          `q ${box.fill ? `${rgb(box.fill)} rg ` : ''}${box.stroke ? `${rgb(box.stroke)} RG ${n(box.lineWidth)} w ` : ''}${n(box.x)} ${n(h - box.y - box.h)} ${n(box.w)} ${n(box.h)} re ${paint} Q`,
        );
        break;
      }
      case 'text': {
        const { name, font } = await resources.font(box.face);
        out.push(textOps(box, h, name, font, use));
        break;
      }
      case 'page-ref': {
        const target = resources.anchors.get(box.target);
        const label = target ? String(target.page + 1) : '?';
        const { name, font } = await resources.font(box.face);
        const cps = [...label].map((c) => c.codePointAt(0) as number);
        const width = cps.reduce((w, cp) => w + advanceOf(font.face, cp) * box.size, 0);
        const text: TextBox = {
          kind: 'text',
          x: box.right - width,
          y: box.y,
          face: box.face,
          size: box.size,
          codePoints: cps,
          adjust: cps.map(() => 0),
          width,
          color: box.color,
          text: label,
          top: box.top,
          height: box.height,
        };
        out.push(textOps(text, h, name, font, use));
        break;
      }
      case 'image': {
        const { name, image } = await resources.image(box.src);
        // Images are 1×1 unit squares; an embedded page is drawn in its own points, so it is scaled by its size.
        const [sx, sy] =
          image instanceof PDFEmbeddedPage ? [box.w / image.width, box.h / image.height] : [box.w, box.h];
        out.push(`q ${n(sx)} 0 0 ${n(sy)} ${n(box.x)} ${n(h - box.y - box.h)} cm ${name} Do Q`);
        break;
      }
      case 'drawing': {
        // The drawing's pixels (y down) onto the page (y up): one matrix for the whole drawing.
        const ops = [`q ${n(box.scale)} 0 0 ${n(-box.scale)} ${n(box.x)} ${n(h - box.y)} cm`];
        for (const item of box.items) {
          const [a, b, c, d, e, f] = item.m;
          if (item.type === 'shape') {
            const path = pathOps(item.d);
            if (!path) continue;
            const fill = item.fill ? `${rgb(item.fill)} rg ` : '';
            const stroke = item.stroke ? `${rgb(item.stroke)} RG ${n(item.width)} w ` : '';
            const dash = item.stroke && item.dash ? `[${item.dash.map(n).join(' ')}] 0 d ` : '';
            const op = item.fill && item.stroke ? 'B' : item.fill ? 'f' : 'S';
            ops.push(
              `q ${fill}${stroke}${dash}${[a, b, c, d, e, f].map((v) => n(v ?? 0)).join(' ')} cm ${path} ${op} Q`,
            );
          } else {
            // Glyphs are drawn upright: the text matrix flips the drawing's downward y back.
            const tm = [a, b, -(c ?? 0), -(d ?? 0), e, f].map((v) => n(v ?? 0)).join(' ');
            let tj = '';
            for (const run of item.runs) {
              const { name, font } = await resources.font(run.face);
              tj += `${name} ${n(item.size)} Tf ${n(run.x)} 0 Td [${glyphRun(run.codePoints, run.adjust, item.size, font, use)}] TJ `;
              // Td is relative to the start of the line: the next run's x is again from the text's start.
              tj += `${n(-run.x)} 0 Td `;
            }
            ops.push(`BT ${rgb(item.fill)} rg ${tm} Tm ${tj}ET`);
          }
        }
        ops.push('Q');
        out.push(ops.join('\n'));
        break;
      }
      default:
        break;
    }
  }
  return out.join('\n');
}

/** A link box as an annotation: a URL opens in the browser, a heading id jumps to the heading's page and place. */
function linkAnnotation(
  pdf: PDFDocument,
  box: Extract<Box, { kind: 'link' }>,
  h: number,
  layout: DocumentLayout,
  pages: readonly PDFPage[],
): PDFRef | null {
  const target = box.target ? layout.anchors.get(box.target) : undefined;
  const action = box.href
    ? { A: { Type: 'Action', S: 'URI', URI: PDFString.of(box.href) } }
    : target
      ? {
          Dest: [
            (pages[target.page] as PDFPage).ref,
            'XYZ',
            null,
            (layout.pages[target.page]?.height ?? 0) - target.y + 4,
            null,
          ],
        }
      : null;
  if (!action) return null;
  const rect = [box.x, h - box.y - box.h, box.x + box.w, h - box.y];
  return pdf.context.register(
    pdf.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: rect, Border: [0, 0, 0], ...action }),
  );
}

/** An image from a data URI: a PDF page (a diagram drawn as vectors) as a form XObject, its text kept as text. */
async function embedImage(pdf: PDFDocument, src: string): Promise<PDFImage | PDFEmbeddedPage> {
  const size = imageSize(src);
  const bytes = Buffer.from(src.slice(src.indexOf(',') + 1), 'base64');
  return size?.type === 'pdf'
    ? ((await pdf.embedPdf(bytes, [0]))[0] as PDFEmbeddedPage)
    : size?.type === 'jpeg'
      ? await pdf.embedJpg(bytes)
      : await pdf.embedPng(bytes);
}

/** A text run as content-stream text: TJ with adjustments in thousandths of the size (negative moves right). */
function textOps(box: TextBox, pageHeight: number, fontName: string, font: PageFont, use: GlyphUse): string {
  return `BT ${rgb(box.color)} rg ${fontName} ${n(box.size)} Tf 1 0 0 1 ${n(box.x)} ${n(pageHeight - box.y)} Tm [${glyphRun(box.codePoints, box.adjust, box.size, font, use)}] TJ ET`;
}

/** The glyphs of a run as TJ operands: hex strings, split where an adjustment moves the next glyph. */
function glyphRun(
  codePoints: readonly number[],
  adjust: readonly number[],
  size: number,
  font: PageFont,
  use: GlyphUse,
): string {
  let tj = '';
  let hex = '';
  for (let i = 0; i < codePoints.length; i++) {
    hex += font.encode(codePoints[i] as number, use);
    const a = adjust[i] ?? 0;
    if (Math.abs(a) > 1e-4 && i < codePoints.length - 1) {
      tj += `<${hex}> ${n((-a * 1000) / size)} `;
      hex = '';
    }
  }
  if (hex) tj += `<${hex}>`;
  return tj;
}

/** Adds glyph uses to a document's, keeping the smallest code point per glyph. */
function merge(use: GlyphUse, key: string, glyphs: ReadonlyMap<number, number>): void {
  let mine = use.get(key);
  if (!mine) {
    mine = new Map();
    use.set(key, mine);
  }
  for (const [id, cp] of glyphs) {
    const known = mine.get(id);
    if (known === undefined || cp < known) mine.set(id, cp);
  }
}

/** The minimal view of a fontkit font its PDF font descriptor needs. */
interface FontMetrics {
  readonly unitsPerEm: number;
  readonly italicAngle: number;
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight?: number;
  readonly xHeight?: number;
  readonly bbox: { readonly minX: number; readonly minY: number; readonly maxX: number; readonly maxY: number };
  readonly post?: { readonly isFixedPitch?: number | boolean };
  readonly 'OS/2'?: { readonly sFamilyClass?: number };
  readonly head?: { readonly macStyle?: { readonly italic?: boolean } };
}

/**
 * Subsets made lately, by font file (the object) and glyphs: a watch rebuild of the same document's fonts takes them
 * again. A few per font file.
 */
const subsets = new WeakMap<Uint8Array, Map<string, Uint8Array>>();
const SUBSETS_KEPT = 8;

/**
 * The fonts of one document, each embedded on first use under a fixed name (`AAAAAB+Roboto-Regular`…).
 * A TrueType face is embedded as a subset that keeps the font's glyph ids (Identity-H, CID = glyph id); any other
 * (CFF outlines) through pdf-lib's subsetting embedder, which numbers glyphs in the order they are used.
 */
class DocumentFonts {
  private readonly fonts = new Map<string, PageFont>();
  private readonly kept: Array<{ key: string; face: Face; ref: PDFRef; font: TrueTypeFont; name: string }> = [];
  private readonly byKey: Map<string, Face>;

  constructor(
    private readonly pdf: PDFDocument,
    faces: readonly Face[],
  ) {
    this.byKey = new Map(faces.map((f) => [f.key, f]));
  }

  /** Whether the face's glyphs are written with the font's own ids. */
  keepsIds(key: string): boolean {
    const face = this.byKey.get(key);
    return face !== undefined && readTrueType(face.bytes) !== null;
  }

  async get(key: string): Promise<PageFont> {
    const known = this.fonts.get(key);
    if (known) return known;
    const face = this.byKey.get(key);
    if (!face) throw new Error(`stratdoc: no face ${key}`);
    const tag = String.fromCharCode(...[...`${this.fonts.size + 1}`.padStart(6, '0')].map((d) => 65 + Number(d)));
    const name = `${tag}+${face.font.postscriptName || 'Font'}`;
    const truetype = readTrueType(face.bytes);
    let font: PageFont;
    if (truetype) {
      const ref = this.pdf.context.nextRef();
      this.kept.push({ key, face, ref, font: truetype, name });
      font = {
        ref,
        face,
        keepsIds: true,
        encode(codePoint, use) {
          const id = glyphOf(face, codePoint).id;
          let glyphs = use.get(key);
          if (!glyphs) {
            glyphs = new Map();
            use.set(key, glyphs);
          }
          const known = glyphs.get(id);
          if (known === undefined || codePoint < known) glyphs.set(id, codePoint);
          return HEX4[id] ?? hex4(id);
        },
      };
    } else {
      const embedded = await this.pdf.embedFont(face.bytes, { subset: true, customName: name });
      const e = (embedded as unknown as { embedder: SubsetEmbedder }).embedder;
      font = {
        ref: embedded.ref,
        face,
        keepsIds: false,
        encode(codePoint) {
          const glyph = glyphOf(face, codePoint);
          let id = e.glyphIdMap.get(glyph.id);
          if (id === undefined) {
            id = e.subset.includeGlyph(glyph);
            e.glyphs[id - 1] = glyph;
            e.glyphIdMap.set(glyph.id, id);
            e.glyphCache.invalidate();
          }
          return HEX4[id] ?? hex4(id);
        },
      };
    }
    this.fonts.set(key, font);
    return font;
  }

  /** Writes the fonts that keep their glyph ids, with the glyphs `use` says the document draws. */
  finish(use: GlyphUse): void {
    const context = this.pdf.context;
    for (const { key, face, ref, font, name } of this.kept) {
      const glyphs = [...(use.get(key) ?? new Map<number, number>())].sort((a, b) => a[0] - b[0]);
      const ids = glyphs.map(([id]) => id);
      const subsetKey = ids.join(',');
      let made = subsets.get(face.bytes);
      if (!made) {
        made = new Map();
        subsets.set(face.bytes, made);
      }
      let program = made.get(subsetKey);
      if (!program) {
        const bytes = subsetKeepingIds(font, ids);
        program = concat(deflateSync(bytes), bytes.length);
        if (made.size >= SUBSETS_KEPT) made.delete(made.keys().next().value as string);
        made.set(subsetKey, program);
      }
      const length1 = new DataView(program.buffer, program.byteOffset).getUint32(0);
      const file = context.register(context.stream(program.subarray(4), { Filter: 'FlateDecode', Length1: length1 }));
      const metrics = face.font as unknown as FontMetrics;
      const scale = 1000 / metrics.unitsPerEm;
      const familyClass = (metrics['OS/2']?.sFamilyClass ?? 0) >> 8;
      // Symbolic, as pdf-lib and PDFKit mark embedded subsets; fixed pitch, serif, script and italic from the font.
      const flags =
        (metrics.post?.isFixedPitch ? 1 : 0) |
        (familyClass >= 1 && familyClass <= 7 ? 2 : 0) |
        4 |
        (familyClass === 10 ? 8 : 0) |
        (metrics.head?.macStyle?.italic ? 64 : 0);
      const descriptor = context.register(
        context.obj({
          Type: 'FontDescriptor',
          FontName: name,
          Flags: flags,
          FontBBox: [
            metrics.bbox.minX * scale,
            metrics.bbox.minY * scale,
            metrics.bbox.maxX * scale,
            metrics.bbox.maxY * scale,
          ].map(round),
          ItalicAngle: metrics.italicAngle,
          Ascent: round(metrics.ascent * scale),
          Descent: round(metrics.descent * scale),
          CapHeight: round((metrics.capHeight || metrics.ascent) * scale),
          XHeight: round((metrics.xHeight || 0) * scale),
          StemV: 0,
          FontFile2: file,
        }),
      );
      // Widths in runs of consecutive glyph ids: [first [w w …] first [w …] …].
      const widths: Array<number | number[]> = [];
      let run: number[] = [];
      glyphs.forEach(([id, cp], i) => {
        if (i === 0 || id !== (glyphs[i - 1] as [number, number])[0] + 1) {
          if (run.length > 0) widths.push(run);
          widths.push(id);
          run = [];
        }
        run.push(round(glyphOf(face, cp).advanceWidth * scale));
      });
      if (run.length > 0) widths.push(run);
      const cidFont = context.register(
        context.obj({
          Type: 'Font',
          Subtype: 'CIDFontType2',
          CIDToGIDMap: 'Identity',
          BaseFont: name,
          CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
          FontDescriptor: descriptor,
          W: widths,
        }),
      );
      const toUnicode = context.register(
        context.stream(deflateSync(Buffer.from(unicodeCMap(glyphs), 'latin1')), { Filter: 'FlateDecode' }),
      );
      context.assign(
        ref,
        context.obj({
          Type: 'Font',
          Subtype: 'Type0',
          BaseFont: name,
          Encoding: 'Identity-H',
          DescendantFonts: [cidFont],
          ToUnicode: toUnicode,
        }),
      );
    }
  }
}

/** The font program compressed, after four bytes giving its length uncompressed. */
function concat(compressed: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(4 + compressed.length);
  new DataView(out.buffer).setUint32(0, length);
  out.set(compressed, 4);
  return out;
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/** The ToUnicode CMap of a font's glyphs: glyph id → the text it stands for (UTF-16BE), 100 to a block. */
function unicodeCMap(glyphs: ReadonlyArray<readonly [number, number]>): string {
  const blocks: string[] = [];
  for (let i = 0; i < glyphs.length; i += 100) {
    const chunk = glyphs.slice(i, i + 100);
    blocks.push(
      `${chunk.length} beginbfchar\n${chunk.map(([id, cp]) => `<${hex4(id)}> <${utf16Hex(cp)}>`).join('\n')}\nendbfchar`,
    );
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/** A code point as UTF-16BE hex: one unit, or a surrogate pair. */
function utf16Hex(cp: number): string {
  if (cp < 0x10000) return hex4(cp);
  const v = cp - 0x10000;
  return hex4(0xd800 + (v >> 10)) + hex4(0xdc00 + (v & 0x3ff));
}

/** Glyph ids of a subset as four hex digits: the same few hundred strings for every glyph drawn. */
const HEX4: string[] = [];
function hex4(id: number): string {
  const hex = id.toString(16).padStart(4, '0');
  HEX4[id] = hex;
  return hex;
}

/**
 * A diagram's SVG path as PDF path operators, converted once per process for a path drawn again (the same diagram
 * in an artifact and in the pack, in every build of a watch). Bounded: the oldest are dropped first.
 */
const PATHS = new Map<string, string>();
/** At most this many characters of paths and operators are kept. */
const PATHS_MAX_CHARS = 4_000_000;
let pathChars = 0;
function pathOps(d: string): string {
  let ops = PATHS.get(d);
  if (ops === undefined) {
    ops = svgPathToPdf(d, n);
    pathChars += d.length + ops.length;
    PATHS.set(d, ops);
    for (const [old, oldOps] of PATHS) {
      if (pathChars <= PATHS_MAX_CHARS) break;
      PATHS.delete(old);
      pathChars -= old.length + oldOps.length;
    }
  }
  return ops;
}

function addOutline(pdf: PDFDocument, layout: DocumentLayout, pages: readonly PDFPage[]): void {
  const entries = [...layout.anchors.values()].sort((a, b) => a.page - b.page || a.y - b.y);
  if (entries.length === 0) return;
  const context = pdf.context;
  const rootRef = context.nextRef();
  type Item = {
    ref: PDFRef;
    title: string;
    level: number;
    page: number;
    y: number;
    children: Item[];
    parent: Item | null;
  };
  const root: Item = { ref: rootRef, title: '', level: 0, page: 0, y: 0, children: [], parent: null };
  const stack: Item[] = [root];
  for (const e of entries) {
    while ((stack[stack.length - 1] as Item).level >= e.level) stack.pop();
    const parent = stack[stack.length - 1] as Item;
    const item: Item = {
      ref: context.nextRef(),
      title: e.title,
      level: e.level,
      page: e.page,
      y: e.y,
      children: [],
      parent,
    };
    parent.children.push(item);
    stack.push(item);
  }
  const count = (item: Item): number => item.children.reduce((n, c) => n + 1 + count(c), 0);
  const write = (item: Item) => {
    item.children.forEach((child, i) => {
      const page = pages[child.page] as PDFPage;
      const height = layout.pages[child.page]?.height ?? 0;
      const dict = context.obj({
        Title: PDFHexString.fromText(child.title),
        Parent: item.ref,
        Dest: [page.ref, 'XYZ', null, height - child.y + 4, null],
      });
      const prev = item.children[i - 1];
      const next = item.children[i + 1];
      if (prev) dict.set(PDFName.of('Prev'), prev.ref);
      if (next) dict.set(PDFName.of('Next'), next.ref);
      const first = child.children[0];
      const last = child.children[child.children.length - 1];
      if (first && last) {
        dict.set(PDFName.of('First'), first.ref);
        dict.set(PDFName.of('Last'), last.ref);
        dict.set(PDFName.of('Count'), PDFNumber.of(child.level < 2 ? count(child) : -count(child)));
      }
      context.assign(child.ref, dict);
      write(child);
    });
  };
  write(root);
  const first = root.children[0] as Item;
  const last = root.children[root.children.length - 1] as Item;
  context.assign(rootRef, context.obj({ Type: 'Outlines', First: first.ref, Last: last.ref, Count: count(root) }));
  pdf.catalog.set(PDFName.of('Outlines'), rootRef);
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** A page's content compressed, or taken from `streams` when a page read the same before. */
function deflated(text: string, streams: UsageCache<Uint8Array> | undefined): Uint8Array {
  if (!streams) return deflateSync(Buffer.from(text, 'latin1'));
  const key = createHash('sha1').update(text, 'latin1').digest('base64');
  let bytes = streams.get(key);
  if (!bytes) {
    bytes = deflateSync(Buffer.from(text, 'latin1'));
    streams.set(key, bytes);
  }
  return bytes;
}

/** A number as content-stream text, to a thousandth of a point. */
function n(value: number): string {
  const r = Math.round(value * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
}

const rgbCache = new Map<string, string>();

/** A colour as the three components of `rg`/`RG`. */
function rgb(hex: string): string {
  let out = rgbCache.get(hex);
  if (!out) {
    const v = /^#?([0-9a-fA-F]{6})$/.exec(hex)?.[1] ?? '000000';
    out = [0, 2, 4].map((i) => n(Number.parseInt(v.slice(i, i + 2), 16) / 255)).join(' ');
    rgbCache.set(hex, out);
  }
  return out;
}
