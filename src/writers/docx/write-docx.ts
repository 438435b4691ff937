import { createHash } from 'node:crypto';
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  ExternalHyperlink,
  type FileChild,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  InternalHyperlink,
  type LeaderType,
  LevelFormat,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import {
  type Align,
  BOX_TONES,
  type Block,
  type Color,
  type DiagramSet,
  type DocTree,
  headingsOf,
  type Inline,
  inlineText,
  type Marks,
  PAPER_SIZES,
  type ParagraphStyle,
  type Section,
} from '../../doctree/index.js';
import type { Env } from '../../env/index.js';
import { blockContextFor, type DocumentLayout, fontBookFor, layoutDocument, tableColumnWidths } from '../pdf/index.js';
import { imageSize } from '../pdf/layout/image-size.js';
import { normalizeDocx, normalizeParts } from './normalize.js';
import { stylesXml, WORD_LANGUAGE } from './styles.js';

/** A written DOCX and what the writer had to say. */
export interface DocxResult {
  readonly bytes: Uint8Array;
  readonly diagnostics: readonly Diagnostic[];
}

const TWIPS = 20; // per point

/**
 * The share of the PDF's scale a fit-to-page section gets in DOCX: the room left over absorbs the differences of
 * Word's and LibreOffice's own layout, so the section stays on one page there too.
 */
export const DOCX_FIT_MARGIN = 0.9;
const PX = 96 / 72; // pixels per point, as the docx package measures images

const STYLE_IDS: Record<ParagraphStyle, string | undefined> = {
  body: undefined,
  lead: 'Lead',
  small: 'Small',
  muted: 'Muted',
  title: 'Title',
  subtitle: 'Subtitle',
};
/** Font sizes of the styles in points, for scaling a fit-to-page section. */
const STYLE_SIZES: Record<ParagraphStyle, number> = {
  body: 10.5,
  lead: 12.5,
  small: 8.5,
  muted: 10.5,
  title: 26,
  subtitle: 14,
};
const HEADING_SIZES: Record<number, number> = { 1: 20, 2: 15, 3: 12.5, 4: 11 };
const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
];
const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

interface Ctx {
  readonly doc: DocTree;
  /** A small stand-in for the bytes of an image, swapped back when the package is zipped (see `MediaStandIns`). */
  readonly media: (data: Uint8Array) => Buffer;
  readonly color: (c: Color | string) => string;
  /** Word bookmark names (letters, digits, underscores) of heading ids. */
  readonly bookmark: (id: string) => string;
  readonly numbering: Array<{ reference: string; ordered: boolean; start: number }>;
  readonly pageNumberOf: (id: string) => number | undefined;
  readonly measure: ReturnType<typeof blockContextFor>;
  readonly diagrams: DiagramSet;
  /** Text width of the current section, in points. */
  width: number;
  /** Font scale of the current section (fit-to-page), 1 elsewhere. */
  scale: number;
}

/**
 * Writes a DocTree as DOCX with the `docx` package: Word styles, real numbering, tables with the PDF engine's
 * column widths (fixed layout, so Word and LibreOffice agree), bookmarks and links, sections with their own
 * page setup, PAGE/NUMPAGES fields, a table of contents filled in with the PDF engine's page numbers, the
 * built-in fonts embedded, and byte-identical output.
 */
export async function writeDocx(
  doc: DocTree,
  env: Env,
  options: {
    readonly diagrams?: DiagramSet;
    /** The same document's PDF layout, when it was just written as PDF too: saves laying it out again. */
    readonly layout?: DocumentLayout;
  } = {},
): Promise<DocxResult> {
  const { fonts, diagnostics } = fontBookFor(doc, env);
  // The PDF layout tells where headings fall (for the table of contents) and the scale of fit-to-page sections;
  // documents with neither skip it.
  const needsLayout = doc.sections.some((s) => s.fitToPage || s.blocks.some((b) => b.type === 'toc'));
  const layout = needsLayout
    ? (options.layout ?? layoutDocument(doc, fonts, options))
    : { pages: [], sections: [], anchors: new Map(), diagnostics: [] };
  const colors: Record<string, string> = { ...doc.meta.theme.colors };
  const names = new Map<string, string>();
  const media = new MediaStandIns();
  const ctx: Ctx = {
    doc,
    media: media.standIn,
    color: (c) => (colors[c] ?? c).replace('#', '').toUpperCase(),
    bookmark: (id) => {
      let name = names.get(id);
      if (!name) {
        name = `_s${names.size + 1}_${id.replace(/[^A-Za-z0-9]/g, '_')}`.slice(0, 40);
        names.set(id, name);
      }
      return name;
    },
    numbering: [],
    pageNumberOf: (id) => {
      const a = layout.anchors.get(id);
      return a ? a.page + 1 : undefined;
    },
    measure: blockContextFor(doc, fonts, 700),
    diagrams: options.diagrams ?? new Map(),
    width: 0,
    scale: 1,
  };
  // Each section takes the scale the PDF layout found for it, wherever it falls among the pages; a fit-to-page
  // section a little less, since Word and LibreOffice break lines and size rows in their own way.
  const sections = doc.sections.map((section, i) => {
    const scale = section.fitToPage ? (layout.sections[i]?.scale ?? 1) * DOCX_FIT_MARGIN : 1;
    return sectionOf(section, { ...ctx, scale });
  });

  const builtIn = env.fonts();
  const embedded = doc.meta.theme.fontFamily === builtIn.family && !doc.meta.theme.fontFiles.regular;
  const document = new Document({
    title: doc.meta.title,
    subject: doc.meta.subject ?? '',
    creator: doc.meta.author ?? 'stratdoc',
    keywords: doc.meta.keywords.join(', '),
    description: doc.meta.subject ?? doc.meta.title,
    lastModifiedBy: 'stratdoc',
    revision: 1,
    externalStyles: stylesXml(doc.meta.theme, doc.meta.language),
    // The space between two paragraphs is the one's space after plus the other's space before, as in the PDF
    // engine; without this setting LibreOffice takes the larger of the two.
    compatibility: { version: 15, doNotUseHTMLParagraphAutoSpacing: true },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [0, 1, 2, 3].map((level) => ({
            level,
            format: LevelFormat.BULLET,
            text: ['•', '◦', '▪', '•'][level] as string,
            alignment: AlignmentType.LEFT,
            // The PDF's indents: 14 pt a level for bullets, 20 pt for numbers, the marker in the indent.
            style: { paragraph: { indent: { left: 280 * (level + 1), hanging: 280 } } },
          })),
        },
        ...ctx.numbering
          .filter((n) => n.ordered)
          .map((n) => ({
            reference: n.reference,
            levels: [0, 1, 2, 3].map((level) => ({
              level,
              format: LevelFormat.DECIMAL,
              text: `%${level + 1}.`,
              start: level === 0 ? n.start : 1,
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 400 * (level + 1), hanging: 400 } } },
            })),
          })),
      ],
    },
    // Embedding the built-in family keeps Cyrillic text looking the same on a machine without Roboto.
    ...(embedded
      ? {
          fonts: [
            {
              name: builtIn.family,
              data: Buffer.from(builtIn.main.regular),
              ...(builtIn.main.bold ? { bold: Buffer.from(builtIn.main.bold) } : {}),
              ...(builtIn.main.italic ? { italic: Buffer.from(builtIn.main.italic) } : {}),
              ...(builtIn.main.boldItalic ? { boldItalic: Buffer.from(builtIn.main.boldItalic) } : {}),
            },
          ],
        }
      : {}),
    sections,
  });
  return {
    bytes: await packDocx(document, doc.meta.date, WORD_LANGUAGE[doc.meta.language] ?? doc.meta.language, media),
    diagnostics: [...diagnostics, ...layout.diagnostics],
  };
}

/**
 * Zips the document once, after making it deterministic. The `docx` package's compiler (docx 9.15, pinned)
 * gives the parts before zipping; should it be missing, the zipped package is unzipped and normalized instead.
 */
async function packDocx(
  document: Document,
  isoDate: string,
  language: string,
  media: MediaStandIns,
): Promise<Uint8Array> {
  const compiler = (Packer as unknown as { compiler?: { compile(file: Document): Map<string, Uint8Array | string> } })
    .compiler;
  if (compiler && typeof compiler.compile === 'function') {
    return normalizeParts(media.restore(Object.fromEntries(compiler.compile(document))), isoDate, language);
  }
  return normalizeDocx(new Uint8Array(await Packer.toBuffer(document)), isoDate, language, media.restore);
}

/**
 * The `docx` package names each image after the SHA-1 of its bytes, worked out in JavaScript: seconds for the
 * large PNGs of big diagrams. It is handed a short stand-in per distinct image instead (named from a native
 * hash, so equal images still share one file), and the real bytes are put back into the parts before zipping.
 */
class MediaStandIns {
  private readonly real = new Map<string, Uint8Array>();

  readonly standIn = (data: Uint8Array): Buffer => {
    const key = `stratdoc-media:${createHash('sha1').update(data).digest('hex')}`;
    this.real.set(key, data);
    return Buffer.from(key, 'latin1');
  };

  readonly restore = <T extends Uint8Array | string>(parts: Record<string, T>): Record<string, T | Uint8Array> => {
    if (this.real.size === 0) return parts;
    const out: Record<string, T | Uint8Array> = {};
    for (const [name, data] of Object.entries(parts)) {
      const key =
        name.startsWith('word/media/') && data.length < 64
          ? typeof data === 'string'
            ? data
            : Buffer.from(data).toString('latin1')
          : '';
      out[name] = this.real.get(key) ?? data;
    }
    return out;
  };
}

function sectionOf(section: Section, ctx: Ctx) {
  const [pw, ph] = PAPER_SIZES[section.page.size];
  const landscape = section.page.orientation === 'landscape';
  const m = section.page.margins;
  const width = (landscape ? ph : pw) - m.left - m.right;
  const inner: Ctx = { ...ctx, width };
  const running = (blocks: readonly Block[]) => {
    const children = blocksOf(blocks, { ...inner, scale: 1 });
    return children.length > 0 ? children : [new Paragraph({})];
  };
  return {
    properties: {
      page: {
        // docx swaps width and height itself for landscape: give the portrait size.
        size: {
          width: Math.round(pw * TWIPS),
          height: Math.round(ph * TWIPS),
          orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: {
          top: Math.round(m.top * TWIPS),
          right: Math.round(m.right * TWIPS),
          bottom: Math.round(m.bottom * TWIPS),
          left: Math.round(m.left * TWIPS),
          header: Math.round(Math.max(18, m.top - 28) * TWIPS),
          footer: Math.round(Math.max(18, m.bottom - 28) * TWIPS),
        },
      },
    },
    // A section without a header or footer says so, or Word and LibreOffice would repeat the previous section's
    // (the pack's running header on its poster page); the empty one is a hair high, so it takes no room.
    ...(section.header.length > 0
      ? { headers: { default: new Header({ children: running(section.header) as Paragraph[] }) } }
      : ctx.doc.sections.some((s) => s.header.length > 0)
        ? { headers: { default: new Header({ children: [emptyRunning()] }) } }
        : {}),
    ...(section.footer.length > 0
      ? { footers: { default: new Footer({ children: running(section.footer) as Paragraph[] }) } }
      : ctx.doc.sections.some((s) => s.footer.length > 0)
        ? { footers: { default: new Footer({ children: [emptyRunning()] }) } }
        : {}),
    children: flowOf(section.blocks, inner),
  };
}

/**
 * The blocks of a section, each page the PDF engine starts (the section's first, and after each page break)
 * starting without space above its first paragraph or heading, as the PDF engine drops it there (Word and
 * LibreOffice keep it after a hard break). A page break becomes "page break before" on the paragraph or heading
 * after it: a paragraph holding only a break would leave an empty line at the top of the next page in Word.
 */
function flowOf(blocks: readonly Block[], ctx: Ctx): FileChild[] {
  const out: FileChild[] = [];
  let top = true;
  let pageBreak = false;
  for (const block of blocks) {
    if (block.type === 'page-break') {
      // The PDF engine drops the space at the foot of a page; here it could spill onto a page of its own.
      while (out.length > 0 && GAPS.has(out[out.length - 1] as FileChild)) out.pop();
      top = true;
      pageBreak = out.length > 0;
      continue;
    }
    if (block.type === 'spacer') continue;
    if (top && (block.type === 'paragraph' || block.type === 'heading')) {
      out.push(...blockOf(block, ctx, undefined, { pageBreak }));
    } else {
      if (pageBreak) out.push(new Paragraph({ children: [new PageBreak()] }));
      out.push(...blockOf(block, ctx));
    }
    top = false;
    pageBreak = false;
  }
  if (pageBreak) out.push(new Paragraph({ children: [new PageBreak()] }));
  while (out.length > 0 && GAPS.has(out[out.length - 1] as FileChild)) out.pop();
  // A section ends with a paragraph holding its properties; after a table, one of almost no height rather than
  // the empty body-text line the docx package would add.
  if (out[out.length - 1] instanceof Table) out.push(gap(0, ctx));
  return out;
}

/** An empty paragraph exactly `pt` high: the space the PDF engine leaves after a table, box or columns. */
function gap(pt: number, ctx: Ctx): Paragraph {
  return gapParagraph(
    new Paragraph({
      spacing: {
        before: 0,
        after: 0,
        line: Math.max(2, Math.round(pt * ctx.scale * TWIPS)),
        lineRule: LineRuleType.EXACT,
      },
      run: { size: 2 },
      children: [],
    }),
  );
}

/** The gaps written, to drop one that would end a page (or start an empty one) before a page break. */
const GAPS = new WeakSet<FileChild>();
function gapParagraph(p: Paragraph): Paragraph {
  GAPS.add(p);
  return p;
}

/**
 * Blocks one after another. `trim`: they fill a box, a cell or a column, where the PDF engine drops the space
 * after the last of them: the last paragraph or list ends without space after, and no gap follows a last table.
 */
function blocksOf(blocks: readonly Block[], ctx: Ctx, trim = false): FileChild[] {
  const out: FileChild[] = [];
  blocks.forEach((block, i) => {
    out.push(...blockOf(block, ctx, undefined, undefined, trim && i === blocks.length - 1));
  });
  if (trim) while (out.length > 0 && GAPS.has(out[out.length - 1] as FileChild)) out.pop();
  return out;
}

function blockOf(
  block: Block,
  ctx: Ctx,
  list?: { reference: string; level: number },
  top?: { readonly pageBreak: boolean },
  end = false,
): FileChild[] {
  const keep = {
    ...(block.type !== 'page-break' && block.type !== 'spacer' && block.keepWithNext ? { keepNext: true } : {}),
    ...(block.type !== 'page-break' && block.type !== 'spacer' && block.keepTogether ? { keepLines: true } : {}),
  };
  switch (block.type) {
    case 'paragraph': {
      const size = STYLE_SIZES[block.style];
      return [
        new Paragraph({
          ...(STYLE_IDS[block.style] ? { style: STYLE_IDS[block.style] } : {}),
          alignment: ALIGN[block.align],
          ...keep,
          ...(top?.pageBreak ? { pageBreakBefore: true } : {}),
          ...(list ? { numbering: { reference: list.reference, level: list.level } } : {}),
          ...scaledSpacing(ctx, size, 0, end ? 0 : 0.6, top, end),
          children: runsOf(block.content, {}, ctx, ctx.scale !== 1 ? size * ctx.scale : undefined),
        }),
      ];
    }
    case 'heading': {
      const runs = runsOf(
        block.content,
        {},
        ctx,
        ctx.scale !== 1 ? (HEADING_SIZES[block.level] ?? 11) * ctx.scale : undefined,
      );
      return [
        new Paragraph({
          heading: HEADINGS[block.level],
          alignment: ALIGN[block.align],
          ...(top?.pageBreak ? { pageBreakBefore: true } : {}),
          ...scaledSpacing(ctx, HEADING_SIZES[block.level] ?? 11, 1.1, end ? 0 : 0.4, top, end),
          children: block.id ? [new Bookmark({ id: ctx.bookmark(block.id), children: runs })] : runs,
        }),
      ];
    }
    case 'list': {
      let reference = 'bullets';
      if (block.ordered) {
        reference = `numbers-${ctx.numbering.length + 1}`;
        ctx.numbering.push({ reference, ordered: true, start: block.start });
      }
      const level = list ? Math.min(3, list.level + 1) : 0;
      const out: FileChild[] = [];
      block.items.forEach((item, n) => {
        item.blocks.forEach((b, i) => {
          if (i === 0 && b.type === 'paragraph') {
            // 2 pt between items; after the last item of a list that is not inside another, the half line the
            // PDF leaves after a list too.
            const lastItem = n === block.items.length - 1 && item.blocks.length === 1;
            const last = !list && lastItem;
            const after = end && lastItem ? 0 : last ? 2 + 10.5 * 0.5 : 2;
            out.push(
              new Paragraph({
                style: block.ordered ? 'ListNumber' : 'ListBullet',
                numbering: { reference, level },
                alignment: ALIGN[b.align],
                ...(after !== 2 || ctx.scale !== 1
                  ? { spacing: { after: Math.round(after * ctx.scale * TWIPS) } }
                  : {}),
                // The paragraph mark sizes the bullet or number, and with it the line, in a scaled section.
                ...(ctx.scale !== 1 ? { run: { size: Math.round(10.5 * ctx.scale * 2) } } : {}),
                children: runsOf(b.content, {}, ctx, ctx.scale !== 1 ? 10.5 * ctx.scale : undefined),
              }),
            );
          } else if (b.type === 'list')
            out.push(...blockOf(b, ctx, { reference, level }, undefined, end && n === block.items.length - 1));
          else if (b.type === 'paragraph')
            out.push(new Paragraph({ indent: { left: 400 * (level + 1) }, children: runsOf(b.content, {}, ctx) }));
          else out.push(...blockOf(b, ctx));
        });
      });
      return out;
    }
    case 'table':
      return [tableOf(block, ctx), gap(10.5 * 0.8, ctx)];
    case 'figure': {
      const content = blocksOf(block.blocks, ctx).map((c) => c);
      return [...content, new Paragraph({ style: 'Caption', children: runsOf(block.caption, {}, ctx) })];
    }
    case 'image': {
      const size = imageSize(block.src);
      if (!size || size.type === 'pdf') {
        return [new Paragraph({ style: 'Muted', children: [new TextRun(block.alt || '[image]')] })];
      }
      let w = block.width !== null ? (ctx.width * block.width) / 100 : Math.min(ctx.width, size.width * 0.75);
      const h = (w * size.height) / size.width;
      if (h > 650) w = (w * 650) / h;
      const data = Buffer.from(block.src.slice(block.src.indexOf(',') + 1), 'base64');
      return [
        new Paragraph({
          ...keep,
          children: [
            new ImageRun({
              type: size.type === 'jpeg' ? 'jpg' : 'png',
              data: ctx.media(data),
              transformation: { width: Math.round(w * PX), height: Math.round(((w * size.height) / size.width) * PX) },
              altText: { name: block.alt || 'image', description: block.alt, title: block.alt },
            }),
          ],
        }),
      ];
    }
    case 'diagram': {
      // A drawn diagram is its SVG, with the PNG for applications that do not draw SVG.
      const art = ctx.diagrams.get(block.ref);
      // Without a drawing, its fallback content in the thin frame the PDF draws around it.
      if (!art?.png) {
        const inner = { ...ctx, width: ctx.width - 20 };
        const line = { style: BorderStyle.SINGLE, size: 4, color: 'B8C0C8' };
        return [
          new Table({
            layout: TableLayoutType.FIXED,
            width: { size: Math.round(ctx.width * TWIPS), type: WidthType.DXA },
            columnWidths: [Math.round(ctx.width * TWIPS)],
            rows: [
              new TableRow({
                cantSplit: Boolean(block.keepTogether),
                children: [
                  new TableCell({
                    width: { size: Math.round(ctx.width * TWIPS), type: WidthType.DXA },
                    shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'FAFBFC' },
                    // 8 pt above and below, 10 pt at the sides, less the half-point line LibreOffice counts in.
                    margins: { top: 150, bottom: 150, left: 190, right: 190 },
                    borders: { top: line, bottom: line, left: line, right: line },
                    children: nonEmpty(blocksOf(block.fallback, inner, true), inner),
                  }),
                ],
              }),
            ],
          }),
          gap(10.5 * 0.8, ctx),
        ];
      }
      const w = Math.min(ctx.width, art.width * 0.75);
      const h = Math.min((w * art.height) / art.width, 620);
      const width = (h * art.width) / art.height;
      return [
        new Paragraph({
          ...keep,
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: 'svg',
              data: ctx.media(Buffer.from(art.svg, 'utf8')),
              fallback: { type: 'png', data: ctx.media(art.png) },
              transformation: { width: Math.round(width * PX), height: Math.round(h * PX) },
              altText: { name: block.alt || block.ref, description: block.alt, title: block.alt },
            }),
          ],
        }),
      ];
    }
    case 'box': {
      const tone = BOX_TONES[block.tone];
      const bar = tone.bar ? ctx.color(tone.bar) : null;
      const inner = { ...ctx, width: ctx.width - 24 };
      const children: FileChild[] = [
        ...(block.title.length > 0
          ? [
              new Paragraph({
                keepNext: true,
                spacing: { after: 60 },
                children: runsOf(block.title, { bold: true }, inner),
              }),
            ]
          : []),
        ...blocksOf(block.blocks, inner, true),
      ];
      return [
        new Table({
          layout: TableLayoutType.FIXED,
          width: { size: Math.round(ctx.width * TWIPS), type: WidthType.DXA },
          columnWidths: [Math.round(ctx.width * TWIPS)],
          rows: [
            new TableRow({
              cantSplit: Boolean(block.keepTogether),
              children: [
                new TableCell({
                  width: { size: Math.round(ctx.width * TWIPS), type: WidthType.DXA },
                  shading: { type: ShadingType.CLEAR, color: 'auto', fill: ctx.color(tone.fill) },
                  // The PDF's padding: 8 pt above and below, 14 pt left of the text with a bar (LibreOffice
                  // counts the 3 pt bar into it), 10 pt without and on the right.
                  margins: { top: 160, bottom: 160, left: bar ? 220 : 200, right: 200 },
                  borders: {
                    top: NONE,
                    bottom: NONE,
                    right: NONE,
                    left: bar ? { style: BorderStyle.SINGLE, size: 24, color: bar } : NONE,
                  },
                  children: nonEmpty(children, inner),
                }),
              ],
            }),
          ],
        }),
        gap(10.5 * 0.8, ctx),
      ];
    }
    case 'columns': {
      const n = Math.max(1, block.columns.length);
      const w = Math.round((ctx.width * TWIPS) / n);
      return [
        new Table({
          layout: TableLayoutType.FIXED,
          width: { size: w * n, type: WidthType.DXA },
          columnWidths: block.columns.map(() => w),
          borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
          rows: [
            new TableRow({
              children: block.columns.map(
                (column) =>
                  new TableCell({
                    width: { size: w, type: WidthType.DXA },
                    children: nonEmpty(blocksOf(column, { ...ctx, width: ctx.width / n }, true), ctx),
                  }),
              ),
            }),
          ],
        }),
        gap(10.5 * 0.6, ctx),
      ];
    }
    case 'page-break':
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'spacer':
      // Word and LibreOffice lay out pages themselves: a spacer there would have to guess, so it takes no room.
      return [];
    case 'toc': {
      // Every heading the PDF's contents list, also those inside tables, lists and columns.
      const entries = headingsOf(ctx.doc)
        .filter((h) => h.level <= block.depth && h.id)
        .map((h) => {
          const page = ctx.pageNumberOf(h.id as string);
          return {
            title: inlineText(h.content),
            level: h.level,
            href: ctx.bookmark(h.id as string),
            ...(page ? { page } : {}),
          };
        });
      const title =
        block.title.length > 0 ? [new Paragraph({ style: 'TOCHeading', children: runsOf(block.title, {}, ctx) })] : [];
      return [
        ...title,
        new (contentsAt(Math.round(ctx.width * TWIPS)))(undefined, {
          hyperlink: true,
          headingStyleRange: `1-${block.depth}`,
          cachedEntries: entries,
          beginDirty: false,
        }),
      ];
    }
  }
}

/**
 * The TOC field of the \`docx\` package, with the page numbers' right tab at the section's margin (the package
 * puts it at 9025 twips, the text width of A4 with 1-inch margins): it overrides the package's tab-stop method.
 */
function contentsAt(width: number) {
  type Contents = new (...args: ConstructorParameters<typeof TableOfContents>) => FileChild;
  return class extends (TableOfContents as unknown as Contents) {
    getTabStopsForLevel(_level: number, leader: (typeof LeaderType)[keyof typeof LeaderType]) {
      return [{ type: TabStopType.RIGHT, position: width, leader }];
    }
  };
}

/** Content for a table cell: paragraphs and tables only, ending with a paragraph as Word requires. */
/** An empty header or footer paragraph of almost no height. */
function emptyRunning(): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0 }, run: { size: 2 }, children: [] });
}

function nonEmpty(children: FileChild[], ctx: Ctx): Array<Paragraph | Table> {
  const cell = children.filter((c): c is Paragraph | Table => c instanceof Paragraph || c instanceof Table);
  while (cell.length > 0 && GAPS.has(cell[cell.length - 1] as FileChild)) cell.pop();
  if (cell.length > 0 && cell[cell.length - 1] instanceof Paragraph) return cell;
  // After a table, a paragraph of almost no height; in an empty cell one empty line without space after (in a
  // scaled section scaled too, or an empty cell would be taller than a full one).
  if (cell.length > 0) return [...cell, gap(0, ctx)];
  return [
    new Paragraph({
      spacing: { after: 0 },
      ...(ctx.scale !== 1 ? { run: { size: Math.round(10.5 * ctx.scale * 2) } } : {}),
      children: [],
    }),
  ];
}

/**
 * In a fit-to-page section, the space around a paragraph or heading as the PDF layout leaves it (shares of the
 * font size, scaled), and its empty-line height scaled with it; elsewhere the Word styles' own.
 */
function scaledSpacing(ctx: Ctx, size: number, before: number, after: number, top?: object, end = false) {
  if (ctx.scale === 1)
    return top || end ? { spacing: { ...(top ? { before: 0 } : {}), ...(end ? { after: 0 } : {}) } } : {};
  return {
    spacing: {
      before: top ? 0 : Math.round(size * before * ctx.scale * TWIPS),
      after: Math.round(size * after * ctx.scale * TWIPS),
    },
    run: { size: Math.round(size * ctx.scale * 2) },
  };
}

function tableOf(t: Extract<Block, { type: 'table' }>, ctx: Ctx): Table {
  const widths = tableColumnWidths(t, ctx.width, ctx.measure).map((w) => Math.round(w * TWIPS));
  const border = { style: BorderStyle.SINGLE, size: 4, color: 'C5CCD3' };
  const borders =
    t.borders === 'all'
      ? { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border }
      : t.borders === 'rows'
        ? { top: NONE, bottom: border, left: NONE, right: NONE, insideHorizontal: border, insideVertical: NONE }
        : { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
  // The table's own padding, scaled with the fonts of a fit-to-page section; the style's otherwise.
  // LibreOffice adds each row's half-point rule to its height, where the PDF draws it over the padding: the
  // rule comes off the padding above and below.
  const rule = t.borders === 'none' ? 0 : 5;
  const pad = t.padding ?? { x: 5, y: 4 };
  const cellMargins = {
    top: Math.max(0, Math.round(pad.y * ctx.scale * TWIPS) - rule),
    bottom: Math.max(0, Math.round(pad.y * ctx.scale * TWIPS) - rule),
    left: Math.round(pad.x * ctx.scale * TWIPS),
    right: Math.round(pad.x * ctx.scale * TWIPS),
  };
  return new Table({
    style: 'StratdocTable',
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders,
    rows: t.rows.map((row, r) => {
      const header = r < t.headerRows;
      let col = 0;
      return new TableRow({
        tableHeader: header,
        cantSplit: true,
        children: row.cells.map((cell) => {
          const span = Math.max(1, Math.min(cell.colspan, widths.length - col));
          const w = widths.slice(col, col + span).reduce((s, x) => s + x, 0);
          const align = cell.align ?? t.columns[col]?.align ?? null;
          col += span;
          const blocks = align ? cell.blocks.map((b) => (b.type === 'paragraph' ? { ...b, align } : b)) : cell.blocks;
          const inner = { ...ctx, width: w / TWIPS - 10 };
          const marks = cell.header || header ? { bold: true } : {};
          // Paragraphs keep their style (a figure in "title" stays large); between them the space the PDF
          // layout leaves, none after the last.
          // A table kept together (or with what follows) keeps each row with the next, as Word and LibreOffice
          // do it: its paragraphs kept with the next; header rows always stay with the first row under them.
          const keepNext = header || (t.keepTogether && r < t.rows.length - 1) || t.keepWithNext;
          const children = blocks.map((b, i) =>
            b.type === 'paragraph'
              ? new Paragraph({
                  ...(STYLE_IDS[b.style] ? { style: STYLE_IDS[b.style] } : {}),
                  alignment: ALIGN[b.align],
                  ...(keepNext ? { keepNext: true } : {}),
                  spacing: {
                    after: i === blocks.length - 1 ? 0 : Math.round(STYLE_SIZES[b.style] * 0.6 * ctx.scale * TWIPS),
                  },
                  children: runsOf(
                    b.content,
                    marks,
                    inner,
                    ctx.scale !== 1 ? STYLE_SIZES[b.style] * ctx.scale : undefined,
                  ),
                })
              : null,
          );
          const content: FileChild[] = [];
          blocks.forEach((b, i) => {
            const p = children[i];
            if (p) content.push(p);
            else content.push(...blockOf(b, inner, undefined, undefined, i === blocks.length - 1));
          });
          const fill = cell.shade ? ctx.color(cell.shade) : header || cell.header ? 'EEF2F6' : null;
          return new TableCell({
            width: { size: w, type: WidthType.DXA },
            ...(span > 1 ? { columnSpan: span } : {}),
            ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
            margins: cellMargins,
            children: nonEmpty(content, ctx),
          });
        }),
      });
    }),
  });
}

function runsOf(inlines: readonly Inline[], base: Marks, ctx: Ctx, size?: number): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  const run = (text: string, marks: Marks, style?: string) =>
    new TextRun({
      text,
      ...(marks.bold ? { bold: true } : {}),
      ...(marks.italic ? { italics: true } : {}),
      ...(marks.underline ? { underline: {} } : {}),
      ...(marks.color ? { color: ctx.color(marks.color) } : {}),
      ...(marks.code ? { font: 'DejaVu Sans Mono' } : {}),
      ...(style ? { style } : {}),
      ...(size ? { size: Math.round(size * 2) } : {}),
    });
  for (const node of inlines) {
    const marks = { ...base, ...(node.type === 'text' || node.type === 'field' ? node.marks : {}) };
    switch (node.type) {
      case 'text':
        out.push(run(node.text, marks));
        break;
      case 'break':
        out.push(new TextRun({ break: 1 }));
        break;
      case 'field':
        out.push(
          new TextRun({
            children: [node.field === 'page' ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES],
            ...(marks.bold ? { bold: true } : {}),
            ...(size ? { size: Math.round(size * 2) } : {}),
          }),
        );
        break;
      case 'link': {
        const text = node.content.map((c) => (c.type === 'text' ? c.text : '')).join('');
        const children = [run(text, base, 'Hyperlink')];
        if (node.href) out.push(new ExternalHyperlink({ link: node.href, children }));
        else if (node.target) out.push(new InternalHyperlink({ anchor: ctx.bookmark(node.target), children }));
        break;
      }
    }
  }
  return out;
}
