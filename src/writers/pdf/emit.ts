import fontkit from '@pdf-lib/fontkit';
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import {
  PDFDocument,
  PDFEmbeddedPage,
  type PDFFont,
  PDFHexString,
  type PDFImage,
  PDFName,
  PDFNumber,
  type PDFPage,
  type PDFRef,
  PDFString,
} from 'pdf-lib';
import type { DocMeta } from '../../doctree/index.js';
import { advanceOf, type Face, type FkGlyph, glyphOf } from './fonts.js';
import type { DocumentLayout } from './layout/layout-document.js';
import { imageSize } from './layout/image-size.js';
import type { TextBox } from './layout/types.js';
import type { UsageCache } from '../../usage-cache.js';
import { svgPathToPdf } from './svg-path.js';

/** The internals of pdf-lib's subsetting font embedder that glyph-level encoding needs (pdf-lib 1.17.1). */
interface SubsetEmbedder {
  readonly subset: { includeGlyph(glyph: FkGlyph): number };
  readonly glyphs: FkGlyph[];
  readonly glyphIdMap: Map<number, number>;
  readonly glyphCache: { invalidate(): void };
}

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

  // Fonts: embedded on first use, with stable subset names so output is byte-identical.
  const fonts = new Map<string, { font: PDFFont; face: Face; embedder: SubsetEmbedder }>();
  const faceByKey = new Map(faces.map((f) => [f.key, f]));
  const fontFor = async (key: string) => {
    let entry = fonts.get(key);
    if (!entry) {
      const face = faceByKey.get(key);
      if (!face) throw new Error(`stratdoc: no face ${key}`);
      const tag = String.fromCharCode(...[...`${fonts.size + 1}`.padStart(6, '0')].map((d) => 65 + Number(d)));
      const font = await pdf.embedFont(face.bytes, {
        subset: true,
        customName: `${tag}+${face.font.postscriptName || 'Font'}`,
      });
      entry = { font, face, embedder: (font as unknown as { embedder: SubsetEmbedder }).embedder };
      fonts.set(key, entry);
    }
    return entry;
  };
  const images = new Map<string, PDFImage | PDFEmbeddedPage>();

  const pages: PDFPage[] = [];
  for (const page of layout.pages) pages.push(pdf.addPage([page.width, page.height]));

  for (const [index, page] of layout.pages.entries()) {
    const p = pages[index] as PDFPage;
    const h = page.height;
    // The content stream is written as text and compressed with zlib: far cheaper than operator objects.
    const out: string[] = [];
    const fontNames = new Map<string, string>();
    const fontName = async (key: string) => {
      let name = fontNames.get(key);
      if (!name) {
        const { font } = await fontFor(key);
        name = p.node.newFontDictionary(`F${fontNames.size + 1}`, font.ref).asString();
        fontNames.set(key, name);
      }
      return name;
    };
    let imageCount = 0;
    const annotations: PDFRef[] = [];
    for (const box of [...page.boxes, ...page.running]) {
      switch (box.kind) {
        case 'rect': {
          const paint = box.fill && box.stroke ? 'B' : box.fill ? 'f' : 'S';
          out.push(
            `q ${box.fill ? `${rgb(box.fill)} rg ` : ''}${box.stroke ? `${rgb(box.stroke)} RG ${n(box.lineWidth)} w ` : ''}${n(box.x)} ${n(h - box.y - box.h)} ${n(box.w)} ${n(box.h)} re ${paint} Q`,
          );
          break;
        }
        case 'text':
          out.push(textOps(box, h, await fontName(box.face), await fontFor(box.face)));
          break;
        case 'page-ref': {
          const target = layout.anchors.get(box.target);
          const label = target ? String(target.page + 1) : '?';
          const entry = await fontFor(box.face);
          const cps = [...label].map((c) => c.codePointAt(0) as number);
          const width = cps.reduce((w, cp) => w + advanceOf(entry.face, cp) * box.size, 0);
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
          out.push(textOps(text, h, await fontName(box.face), entry));
          break;
        }
        case 'image': {
          let image = images.get(box.src);
          if (!image) {
            const size = imageSize(box.src);
            const bytes = Buffer.from(box.src.slice(box.src.indexOf(',') + 1), 'base64');
            // A PDF page (a diagram drawn as vectors) is embedded as a form XObject, its text kept as text.
            image =
              size?.type === 'pdf'
                ? ((await pdf.embedPdf(bytes, [0]))[0] as PDFEmbeddedPage)
                : size?.type === 'jpeg'
                  ? await pdf.embedJpg(bytes)
                  : await pdf.embedPng(bytes);
            images.set(box.src, image);
          }
          const name = p.node.newXObject(`Im${++imageCount}`, image.ref).asString();
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
                const entry = await fontFor(run.face);
                const name = await fontName(run.face);
                let parts = '';
                let hex = '';
                run.codePoints.forEach((cp, i) => {
                  hex += encodeGlyph(entry, cp);
                  const adjust = run.adjust[i] ?? 0;
                  if (Math.abs(adjust) > 1e-4 && i < run.codePoints.length - 1) {
                    parts += `<${hex}> ${n((-adjust * 1000) / item.size)} `;
                    hex = '';
                  }
                });
                if (hex) parts += `<${hex}>`;
                tj += `${name} ${n(item.size)} Tf ${n(run.x)} 0 Td [${parts}] TJ `;
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
        case 'link': {
          const target = box.target ? layout.anchors.get(box.target) : undefined;
          // A URL opens in the browser; a heading id jumps to the heading's page and place.
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
          if (action) {
            const rect = [box.x, h - box.y - box.h, box.x + box.w, h - box.y];
            annotations.push(
              pdf.context.register(
                pdf.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: rect, Border: [0, 0, 0], ...action }),
              ),
            );
          }
          break;
        }
        default:
          break;
      }
    }
    const content = deflated(out.join('\n'), streams);
    p.node.set(PDFName.of('Contents'), pdf.context.register(pdf.context.stream(content, { Filter: 'FlateDecode' })));
    for (const a of annotations) p.node.addAnnot(a);
  }

  addOutline(pdf, layout, pages);
  return pdf.save({ useObjectStreams: false });
}

/** A text run as content-stream text: TJ with adjustments in thousandths of the size (negative moves right). */
function textOps(
  box: TextBox,
  pageHeight: number,
  fontName: string,
  entry: { face: Face; embedder: SubsetEmbedder },
): string {
  let tj = '';
  let hex = '';
  for (let i = 0; i < box.codePoints.length; i++) {
    hex += encodeGlyph(entry, box.codePoints[i] as number);
    const adjust = box.adjust[i] ?? 0;
    if (Math.abs(adjust) > 1e-4 && i < box.codePoints.length - 1) {
      tj += `<${hex}> ${n((-adjust * 1000) / box.size)} `;
      hex = '';
    }
  }
  if (hex) tj += `<${hex}>`;
  return `BT ${rgb(box.color)} rg ${fontName} ${n(box.size)} Tf 1 0 0 1 ${n(box.x)} ${n(pageHeight - box.y)} Tm [${tj}] TJ ET`;
}

/** Encodes one glyph into the font subset, as pdf-lib's own encoder does, but without shaping the text again. */
function encodeGlyph(entry: { face: Face; embedder: SubsetEmbedder }, codePoint: number): string {
  const glyph = glyphOf(entry.face, codePoint);
  const e = entry.embedder;
  let id = e.glyphIdMap.get(glyph.id);
  if (id === undefined) {
    id = e.subset.includeGlyph(glyph);
    e.glyphs[id - 1] = glyph;
    e.glyphIdMap.set(glyph.id, id);
    e.glyphCache.invalidate();
  }
  return HEX4[id] ?? hex4(id);
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
