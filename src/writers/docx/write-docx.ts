import {
  AlignmentType,
  Document,
  type FileChild,
  Footer,
  Header,
  type LeaderType,
  LevelFormat,
  Packer,
  PageOrientation,
  type Paragraph,
  TableOfContents,
  TabStopType,
} from 'docx';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';

import {
  type Align,
  BOX_TONES,
  type Block,
  type Color,
  type DiagramArt,
  type DiagramSet,
  type DocTree,
  DOCX_DIAGRAM_MAX_HEIGHT,
  headingsOf,
  type Inline,
  inlineText,
  type Marks,
  PAPER_SIZES,
  type ParagraphStyle,
  type Section,
} from '../../doctree/index.js';
import type { Env } from '../../env/index.js';
import {
  blockContextFor,
  blockFacts,
  type DocumentLayout,
  fontBookFor,
  identity,
  layoutDocument,
  tableColumnWidths,
} from '../pdf/index.js';
import { imageSize } from '../pdf/layout/image-size.js';
import { Fragments, type NumberingDefinition, SECTION_MARK, type XmlPiece } from './fragments.js';
import { UsageCache } from '../../usage-cache.js';
import { type PackageParts, packageParts, unzippedParts, zipParts } from './normalize.js';
import { stylesXml, WORD_LANGUAGE } from './styles.js';
import { joinChunks } from './zip.js';
import {
  BREAK_RUN,
  type Border,
  cell,
  cellMargins,
  drawingRun,
  esc,
  fieldRuns,
  PAGE_BREAK_PARAGRAPH,
  type ParagraphProps,
  paragraph,
  rowStart,
  runProps,
  type TableBorders,
  tableStart,
  textRun,
} from './xml.js';

/** A written DOCX and what the writer had to say. */
export interface DocxResult {
  /** The file's bytes (joined from `chunks` when first read). */
  readonly bytes: Uint8Array;
  /** The same bytes as the chunks the archive is made of, in order: to write them without joining them. */
  readonly chunks: readonly Uint8Array[];
  readonly diagnostics: readonly Diagnostic[];
}

const TWIPS = 20; // per point

/**
 * The share of the PDF's scale a fit-to-page section gets in DOCX: the room left over absorbs the differences of
 * Word's and LibreOffice's own layout, so the section stays on one page there too.
 */
export const DOCX_FIT_MARGIN = 0.9;
const PX = 96 / 72; // pixels per point, as drawings are measured

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
const HEADINGS = ['Heading1', 'Heading1', 'Heading2', 'Heading3', 'Heading4'];
const ALIGN: Record<Align, string> = { left: 'left', center: 'center', right: 'right', justify: 'both' };
const NONE: Border = { style: 'none', size: 0, color: 'FFFFFF' };
/** The borders the `docx` package gives a table that names none: a thin line everywhere. */
const AUTO: Border = { style: 'single', size: 4, color: 'auto' };
const AUTO_BORDERS: TableBorders = { top: AUTO, left: AUTO, bottom: AUTO, right: AUTO, insideH: AUTO, insideV: AUTO };
const NO_BORDERS: TableBorders = { top: NONE, left: NONE, bottom: NONE, right: NONE, insideH: NONE, insideV: NONE };

/**
 * A piece of a section's body: a paragraph, a gap (an empty paragraph exactly as high as the PDF's space after a
 * table, box or columns), a table, or the table of contents (the `docx` package's field).
 */
export type Item =
  | { readonly kind: 'p' | 'gap' | 'table'; readonly xml: string; bytes?: Uint8Array }
  | {
      readonly kind: 'toc';
      readonly toc: FileChild;
      /** What the package writes for it: its options, as text. */
      readonly key: string;
    };

interface Ctx {
  readonly doc: DocTree;
  /** The document's body XML and what it refers to (pictures, links, numbering, ids). */
  readonly parts: Fragments;
  readonly color: (c: Color | string) => string;
  /** Word bookmark names (letters, digits, underscores) of heading ids. */
  /** The Word bookmark name of a heading id (the target of a link, an entry of the table of contents). */
  readonly bookmark: (id: string) => string;
  /** The number of a heading's bookmark (`w:id`), unique in the document. */
  readonly bookmarkStart: (id: string) => number;
  /**
   * What the block being written depends on besides its content: the headings whose bookmark names and numbers it
   * used (by their place among the document's headings), and those it starts a bookmark at.
   */
  readonly uses: { headings: Map<string, number>; starts: string[] };
  /** A heading id's place among the document's headings (1 for the first). */
  readonly headingPlace: (id: string) => number | undefined;
  /** Headings a bookmark has been started at. */
  readonly started: Set<string>;
  readonly numbering: Array<{ reference: string; ordered: boolean; start: number }>;
  readonly pageNumberOf: (id: string) => number | undefined;
  readonly measure: ReturnType<typeof blockContextFor>;
  readonly diagrams: DiagramSet;
  /** Text width of the current section, in points. */
  width: number;
  /** Font scale of the current section (fit-to-page), 1 elsewhere. */
  scale: number;
  /** Top-level blocks written before, by content and context (a watch's): see `topBlock`. */
  readonly blocks: BlockXmlStore | undefined;
  /** What else a block's XML depends on: the theme, the language and the fonts. */
  readonly shared: string;
}

/**
 * Writes a DocTree as DOCX: Word styles, real numbering, tables with the PDF engine's column widths (fixed
 * layout, so Word and LibreOffice agree), bookmarks and links, sections with their own page setup, PAGE/NUMPAGES
 * fields, a table of contents filled in with the PDF engine's page numbers, the built-in fonts embedded, and
 * byte-identical output. The body, headers and footers are written as XML directly; the `docx` package writes the
 * package around them.
 */
export async function writeDocx(
  doc: DocTree,
  env: Env,
  options: {
    readonly diagrams?: DiagramSet;
    /** The same document's PDF layout, when it was just written as PDF too: saves laying it out again. */
    readonly layout?: DocumentLayout;
    /** Compressed pieces of parts, kept between builds (a watch's): pieces that read the same are not compressed again. */
    readonly pieces?: UsageCache<Uint8Array>;
    /** Top-level blocks' XML, kept between builds (a watch's): a block that reads the same is not written again. */
    readonly blockXml?: UsageCache<KeptBlock> | BlockXmlStore;
    /**
     * The package's parts around the body, kept between builds (a watch's): a document whose meta, styles, fonts,
     * numbering and sections' outline read the same is not handed to the `docx` package again.
     */
    readonly packages?: UsageCache<PackageParts>;
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
  const fragments = new Fragments();
  // Bookmarks are named and numbered by the heading's place among the document's headings, so a block's XML reads
  // the same wherever the block stands while its headings keep their places; any other id goes after them.
  const headingPlaces = new Map<string, number>();
  for (const h of headingsOf(doc))
    if (h.id && !headingPlaces.has(h.id)) headingPlaces.set(h.id, headingPlaces.size + 1);
  const others = new Map<string, number>();
  const started = new Set<string>();
  let extraStarts = 0;
  const ctx: Ctx = {
    doc,
    parts: fragments,
    color: (c) => (colors[c] ?? c).replace('#', '').toUpperCase(),
    bookmark: (id) => {
      let place = headingPlaces.get(id);
      if (place !== undefined) ctx.uses.headings.set(id, place);
      else {
        fragments.effects++;
        place = others.get(id) ?? headingPlaces.size + others.size + 1;
        others.set(id, place);
      }
      return `_s${place}_${id.replace(/[^A-Za-z0-9]/g, '_')}`.slice(0, 40);
    },
    bookmarkStart: (id) => {
      const place = headingPlaces.get(id);
      if (place !== undefined && !started.has(id)) {
        started.add(id);
        ctx.uses.headings.set(id, place);
        ctx.uses.starts.push(id);
        return place;
      }
      // A heading id used twice: the second bookmark takes a number after every heading's.
      fragments.effects++;
      return headingPlaces.size + ++extraStarts;
    },
    uses: { headings: new Map(), starts: [] },
    headingPlace: (id) => headingPlaces.get(id),
    started,
    numbering: [],
    pageNumberOf: (id) => {
      const a = layout.anchors.get(id);
      return a ? a.page + 1 : undefined;
    },
    measure: blockContextFor(doc, fonts, 700),
    diagrams: options.diagrams ?? new Map(),
    width: 0,
    scale: 1,
    blocks: options.blockXml instanceof UsageCache ? blocksByContent(options.blockXml) : options.blockXml,
    shared: options.blockXml ? `${fonts.key}\0${doc.meta.language}\0${JSON.stringify(doc.meta.theme)}` : '',
  };
  // Each section takes the scale the PDF layout found for it, wherever it falls among the pages; a fit-to-page
  // section a little less, since Word and LibreOffice break lines and size rows in their own way.
  const sections = doc.sections.map((section, i) => {
    const scale = section.fitToPage ? (layout.sections[i]?.scale ?? 1) * DOCX_FIT_MARGIN : 1;
    return sectionOf(section, { ...ctx, scale });
  });
  const isoDate = doc.meta.date;
  const language = WORD_LANGUAGE[doc.meta.language] ?? doc.meta.language;
  const ordered = ctx.numbering.filter((n) => n.ordered);
  const definitions: NumberingDefinition[] = [
    { reference: 'bullets', starts: [1, 1, 1, 1] },
    ...ordered.map((n) => ({ reference: n.reference, starts: [n.start, 1, 1, 1] })),
  ];

  const builtIn = env.fonts();
  const embedded = doc.meta.theme.fontFamily === builtIn.family && !doc.meta.theme.fontFiles.regular;
  const properties = {
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
    // The definitions; their instances are added to the numbering part as the lists use them (`Fragments`).
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
        ...ordered.map((n) => ({
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
  };
  // Everything the package's parts depend on: the properties, the fonts, the sections' outline (their fragments'
  // places are numbered in order), the date and language.
  const packageKey = options.packages
    ? JSON.stringify([
        properties,
        embedded ? [builtIn.family, identity(builtIn.main.regular)] : null,
        sections.map((s) => s.outline),
        isoDate,
        language,
      ])
    : '';
  let parts = options.packages?.get(packageKey);
  if (!parts) {
    const document = new Document({
      ...properties,
      // Embedding the built-in family keeps Cyrillic text looking the same on a machine without Roboto.
      ...(embedded
        ? {
            fonts: [
              {
                name: builtIn.family,
                data: view(builtIn.main.regular),
                ...(builtIn.main.bold ? { bold: view(builtIn.main.bold) } : {}),
                ...(builtIn.main.italic ? { italic: view(builtIn.main.italic) } : {}),
                ...(builtIn.main.boldItalic ? { boldItalic: view(builtIn.main.boldItalic) } : {}),
              },
            ],
          }
        : {}),
      sections: sections.map((s) => s.section),
    });
    parts = await packageOf(document, isoDate, language);
    options.packages?.set(packageKey, parts);
  }
  const complete = (texts: Map<string, string | readonly XmlPiece[]>, files: Map<string, Uint8Array>) =>
    fragments.complete(texts, files, definitions);
  const chunks = zipParts(parts, complete, options.pieces);
  let bytes: Uint8Array | undefined;
  return {
    get bytes() {
      bytes ??= joinChunks(chunks);
      return bytes;
    },
    chunks,
    diagnostics: [...diagnostics, ...layout.diagnostics],
  };
}

/** A diagram's SVG as UTF-8, encoded once per drawing (a large map runs to hundreds of KB, in every rebuild). */
const svgs = new WeakMap<DiagramArt, Uint8Array>();
function svgBytes(art: DiagramArt): Uint8Array {
  let bytes = svgs.get(art);
  if (!bytes) {
    bytes = Buffer.from(art.svg, 'utf8');
    svgs.set(art, bytes);
  }
  return bytes;
}

/** A Buffer over the same bytes, not a copy. */
const view = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * The package's parts, made deterministic, for the body XML to be put in. The `docx` package's compiler (docx
 * 9.15, pinned) gives the parts before zipping; should it be missing, the zipped package is unzipped instead.
 */
async function packageOf(document: Document, isoDate: string, language: string): Promise<PackageParts> {
  const compiler = (Packer as unknown as { compiler?: { compile(file: Document): Map<string, Uint8Array | string> } })
    .compiler;
  if (compiler && typeof compiler.compile === 'function')
    return packageParts(Object.fromEntries(compiler.compile(document)), isoDate, language);
  return unzippedParts(new Uint8Array(await Packer.toBuffer(document)), isoDate, language);
}

/**
 * A section for the `docx` package, and its outline: what the package writes for it besides the fragments' XML
 * (page setup, which header and footer, where the fragments and the table of contents go).
 */
function sectionOf(section: Section, ctx: Ctx) {
  const [pw, ph] = PAPER_SIZES[section.page.size];
  const landscape = section.page.orientation === 'landscape';
  const m = section.page.margins;
  const width = (landscape ? ph : pw) - m.left - m.right;
  const inner: Ctx = { ...ctx, width };
  const running = (blocks: readonly Block[]) => {
    const items = blocksOf(blocks, { ...inner, scale: 1 });
    return [ctx.parts.fragment(items.length > 0 ? xmlOf(items) : '<w:p/>')] as unknown as Paragraph[];
  };
  const empty = () => [ctx.parts.fragment(EMPTY_RUNNING)] as unknown as Paragraph[];
  // The header and footer first, the body after, as the `docx` package writes them.
  // A section without a header or footer says so, or Word and LibreOffice would repeat the previous section's (the
  // pack's running header on its poster page); the empty one is a hair high.
  const headerKind =
    section.header.length > 0 ? 'own' : ctx.doc.sections.some((s) => s.header.length > 0) ? 'empty' : '';
  const footerKind =
    section.footer.length > 0 ? 'own' : ctx.doc.sections.some((s) => s.footer.length > 0) ? 'empty' : '';
  const header = headerKind
    ? { headers: { default: new Header({ children: headerKind === 'own' ? running(section.header) : empty() }) } }
    : {};
  const footer = footerKind
    ? { footers: { default: new Footer({ children: footerKind === 'own' ? running(section.footer) : empty() }) } }
    : {};
  const properties = {
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
  };
  const { children, outline } = childrenOf(flowOf(section.blocks, inner), ctx);
  return {
    section: { properties, ...header, ...footer, children },
    outline: [properties, headerKind, footerKind, outline],
  };
}

/** An empty header or footer paragraph of almost no height. */
const EMPTY_RUNNING = paragraph({ spacing: { after: 0, before: 0 }, markSize: 2 });

const xmlOf = (items: readonly Item[]) => items.map((i) => (i.kind === 'toc' ? '' : i.xml)).join('');

/**
 * A section's children for the `docx` package: its items joined into fragments, the table of contents between
 * them. The last paragraph of the section carries the mark where the section's properties go.
 */
function childrenOf(items: readonly Item[], ctx: Ctx): { children: FileChild[]; outline: string[] } {
  const out: FileChild[] = [];
  /** A fragment as "", a table of contents as its key. */
  const outline: string[] = [];
  let run: XmlPiece[] = [];
  const flush = () => {
    if (run.length > 0) {
      out.push(ctx.parts.fragment(run) as unknown as FileChild);
      outline.push('');
    }
    run = [];
  };
  items.forEach((item, i) => {
    if (item.kind === 'toc') {
      flush();
      out.push(item.toc);
      outline.push(item.key);
    } else if (i === items.length - 1 && item.kind !== 'table') run.push(withSectionMark(item.xml));
    // XML kept between builds goes with its bytes, encoded once.
    else run.push(item.bytes ? (item as { xml: string; bytes: Uint8Array }) : item.xml);
  });
  flush();
  return { children: out, outline };
}

/** A paragraph with the section mark at the end of its properties. */
function withSectionMark(p: string): string {
  if (p === '<w:p/>') return `<w:p><w:pPr>${SECTION_MARK}</w:pPr></w:p>`;
  if (p.startsWith('<w:p><w:pPr>')) {
    const end = p.indexOf('</w:pPr>');
    return `${p.slice(0, end)}${SECTION_MARK}${p.slice(end)}`;
  }
  return `<w:p><w:pPr>${SECTION_MARK}</w:pPr>${p.slice('<w:p>'.length)}`;
}

/**
 * The blocks of a section, each page the PDF engine starts (the section's first, and after each page break)
 * starting without space above its first paragraph or heading, as the PDF engine drops it there (Word and
 * LibreOffice keep it after a hard break). A page break becomes "page break before" on the paragraph or heading
 * after it: a paragraph holding only a break would leave an empty line at the top of the next page in Word.
 */
function flowOf(blocks: readonly Block[], ctx: Ctx): Item[] {
  const out: Item[] = [];
  let top = true;
  let pageBreak = false;
  for (const block of blocks) {
    if (block.type === 'page-break') {
      // The PDF engine drops the space at the foot of a page; here it could spill onto a page of its own.
      dropGaps(out);
      top = true;
      pageBreak = out.length > 0;
      continue;
    }
    if (block.type === 'spacer') continue;
    if (top && (block.type === 'paragraph' || block.type === 'heading')) {
      out.push(...topBlock(block, ctx, pageBreak ? 'break' : 'top'));
    } else {
      if (pageBreak) out.push(p(PAGE_BREAK_PARAGRAPH));
      out.push(...topBlock(block, ctx, 'flow'));
    }
    top = false;
    pageBreak = false;
  }
  if (pageBreak) out.push(p(PAGE_BREAK_PARAGRAPH));
  dropGaps(out);
  // A section ends with a paragraph holding its properties; after a table, one of almost no height rather than
  // an empty body-text line.
  if (out[out.length - 1]?.kind === 'table') out.push(gap(0, ctx));
  return out;
}

/** A top-level block's XML kept between builds, with what else it depends on (see `Ctx.uses`). */
export interface KeptBlock {
  readonly items: readonly Item[];
  /** Heading ids and their places among the document's headings, as the XML names and numbers their bookmarks. */
  readonly headings: ReadonlyArray<readonly [string, number]>;
  /** Headings the XML starts a bookmark at. */
  readonly starts: readonly string[];
  readonly bullets: boolean;
}

/**
 * Where top-level blocks' XML is kept for writing again: by content, across a watch's builds; or by the block
 * object within one build, for a later document that carries the same blocks (the pack, its parts').
 */
export interface BlockXmlStore {
  get(block: Block, context: string): KeptBlock | undefined;
  set(block: Block, context: string, kept: KeptBlock): void;
  /** Kept XML goes with its bytes, encoded once: worth it for what is kept from build to build. */
  readonly encode: boolean;
}

/** A watch's: blocks by their content (and what else they depend on). */
function blocksByContent(cache: UsageCache<KeptBlock>): BlockXmlStore {
  return {
    encode: true,
    get: (block, context) => cache.get(`${blockFacts(block).key}\0${context}`),
    set: (block, context, kept) => cache.set(`${blockFacts(block).key}\0${context}`, kept),
  };
}

/** One build's: blocks by the object, as a pack takes its parts' blocks that have nothing to prefix. */
export class SameBlocks implements BlockXmlStore {
  readonly encode = false;
  private readonly kept = new WeakMap<Block, Map<string, KeptBlock>>();

  get(block: Block, context: string): KeptBlock | undefined {
    return this.kept.get(block)?.get(context);
  }

  set(block: Block, context: string, value: KeptBlock): void {
    let byContext = this.kept.get(block);
    if (!byContext) {
      byContext = new Map();
      this.kept.set(block, byContext);
    }
    byContext.set(context, value);
  }
}

/**
 * A section's top-level block as items, taken from `ctx.blocks` when written before with the same content and
 * context, and with its headings at the same places among the document's. Only XML that gave out nothing else
 * unique in the document (drawing ids, relationships, numbered lists) is kept: it reads the same wherever it stands.
 * Kept XML is encoded once: its bytes go into the part as they are.
 */
function topBlock(block: Block, ctx: Ctx, place: 'top' | 'break' | 'flow'): readonly Item[] {
  const write = () =>
    place === 'flow' ? blockOf(block, ctx) : blockOf(block, ctx, undefined, { pageBreak: place === 'break' });
  // A table of contents shows page numbers: written every time.
  if (!ctx.blocks || block.type === 'toc') return write();
  const context = `${place}\0${ctx.width}\0${ctx.scale}\0${ctx.shared}`;
  const known = ctx.blocks.get(block, context);
  if (
    known?.headings.every(([id, at]) => ctx.headingPlace(id) === at) &&
    known.starts.every((id) => !ctx.started.has(id))
  ) {
    for (const id of known.starts) ctx.started.add(id);
    if (known.bullets) ctx.parts.bulletUses++;
    return known.items;
  }
  const effects = ctx.parts.effects;
  const bullets = ctx.parts.bulletUses;
  ctx.uses.headings = new Map();
  ctx.uses.starts = [];
  const items = write();
  if (ctx.parts.effects === effects) {
    if (ctx.blocks.encode)
      for (const item of items)
        if (item.kind !== 'toc' && item.kind !== 'gap') item.bytes = Buffer.from(item.xml, 'utf8');
    ctx.blocks.set(block, context, {
      items,
      headings: [...ctx.uses.headings],
      starts: [...ctx.uses.starts],
      bullets: ctx.parts.bulletUses > bullets,
    });
  }
  return items;
}

const p = (xml: string): Item => ({ kind: 'p', xml });
const table = (xml: string): Item => ({ kind: 'table', xml });

/** Drops the gaps at the end: one would end a page (or start an empty one) before a page break. */
function dropGaps(items: Item[]): void {
  while (items.length > 0 && items[items.length - 1]?.kind === 'gap') items.pop();
}

const gaps = new Map<number, Item>();
/** An empty paragraph exactly `pt` high: the space the PDF engine leaves after a table, box or columns. */
function gap(pt: number, ctx: Ctx): Item {
  const line = Math.max(2, Math.round(pt * ctx.scale * TWIPS));
  let item = gaps.get(line);
  if (!item) {
    item = {
      kind: 'gap',
      xml: paragraph({ spacing: { after: 0, before: 0, line, lineRule: 'exact' }, markSize: 2 }),
    };
    gaps.set(line, item);
  }
  return item;
}

/**
 * Blocks one after another. `trim`: they fill a box, a cell or a column, where the PDF engine drops the space
 * after the last of them: the last paragraph or list ends without space after, and no gap follows a last table.
 */
function blocksOf(blocks: readonly Block[], ctx: Ctx, trim = false): Item[] {
  const out: Item[] = [];
  blocks.forEach((block, i) => {
    out.push(...blockOf(block, ctx, undefined, undefined, trim && i === blocks.length - 1));
  });
  if (trim) dropGaps(out);
  return out;
}

function blockOf(
  block: Block,
  ctx: Ctx,
  list?: { reference: string; level: number },
  top?: { readonly pageBreak: boolean },
  end = false,
): Item[] {
  const keepNext = block.type !== 'page-break' && block.type !== 'spacer' && block.keepWithNext;
  const keepLines = block.type !== 'page-break' && block.type !== 'spacer' && block.keepTogether;
  switch (block.type) {
    case 'paragraph': {
      const size = STYLE_SIZES[block.style];
      return [
        p(
          paragraph(
            {
              style: STYLE_IDS[block.style],
              keepNext,
              keepLines,
              pageBreakBefore: Boolean(top?.pageBreak),
              ...(list ? { numbering: { id: ctx.parts.numId(list.reference), level: list.level } } : {}),
              ...scaledSpacing(ctx, size, 0, end ? 0 : 0.6, top, end),
              align: ALIGN[block.align],
            },
            runsOf(block.content, {}, ctx, ctx.scale !== 1 ? size * ctx.scale : undefined),
          ),
        ),
      ];
    }
    case 'heading': {
      const runs = runsOf(
        block.content,
        {},
        ctx,
        ctx.scale !== 1 ? (HEADING_SIZES[block.level] ?? 11) * ctx.scale : undefined,
      );
      let content = runs;
      if (block.id) {
        const id = ctx.bookmarkStart(block.id);
        content = `<w:bookmarkStart w:name="${esc(ctx.bookmark(block.id))}" w:id="${id}"/>${runs}<w:bookmarkEnd w:id="${id}"/>`;
      }
      return [
        p(
          paragraph(
            {
              style: HEADINGS[block.level],
              pageBreakBefore: Boolean(top?.pageBreak),
              ...scaledSpacing(ctx, HEADING_SIZES[block.level] ?? 11, 1.1, end ? 0 : 0.4, top, end),
              align: ALIGN[block.align],
            },
            content,
          ),
        ),
      ];
    }
    case 'list': {
      let reference = 'bullets';
      if (block.ordered) {
        reference = `numbers-${ctx.numbering.length + 1}`;
        ctx.numbering.push({ reference, ordered: true, start: block.start });
      }
      const level = list ? Math.min(3, list.level + 1) : 0;
      const out: Item[] = [];
      block.items.forEach((item, n) => {
        item.blocks.forEach((b, i) => {
          if (i === 0 && b.type === 'paragraph') {
            // 2 pt between items; after the last item of a list that is not inside another, the half line the
            // PDF leaves after a list too.
            const lastItem = n === block.items.length - 1 && item.blocks.length === 1;
            const last = !list && lastItem;
            const after = end && lastItem ? 0 : last ? 2 + 10.5 * 0.5 : 2;
            out.push(
              p(
                paragraph(
                  {
                    style: block.ordered ? 'ListNumber' : 'ListBullet',
                    numbering: { id: ctx.parts.numId(reference), level },
                    ...(after !== 2 || ctx.scale !== 1
                      ? { spacing: { after: Math.round(after * ctx.scale * TWIPS) } }
                      : {}),
                    align: ALIGN[b.align],
                    // The paragraph mark sizes the bullet or number, and with it the line, in a scaled section.
                    ...(ctx.scale !== 1 ? { markSize: Math.round(10.5 * ctx.scale * 2) } : {}),
                  },
                  runsOf(b.content, {}, ctx, ctx.scale !== 1 ? 10.5 * ctx.scale : undefined),
                ),
              ),
            );
          } else if (b.type === 'list')
            out.push(...blockOf(b, ctx, { reference, level }, undefined, end && n === block.items.length - 1));
          else if (b.type === 'paragraph')
            out.push(p(paragraph({ indentLeft: 400 * (level + 1) }, runsOf(b.content, {}, ctx))));
          else out.push(...blockOf(b, ctx));
        });
      });
      return out;
    }
    case 'table':
      return [table(tableOf(block, ctx)), gap(10.5 * 0.8, ctx)];
    case 'figure':
      return [...blocksOf(block.blocks, ctx), p(paragraph({ style: 'Caption' }, runsOf(block.caption, {}, ctx)))];
    case 'image': {
      const size = imageSize(block.src);
      if (!size || size.type === 'pdf') {
        return [p(paragraph({ style: 'Muted' }, textRun('', block.alt || '[image]')))];
      }
      let w = block.width !== null ? (ctx.width * block.width) / 100 : Math.min(ctx.width, size.width * 0.75);
      const h = (w * size.height) / size.width;
      if (h > 650) w = (w * 650) / h;
      return [
        p(
          paragraph(
            { keepNext, keepLines },
            drawingRun({
              id: ctx.parts.drawingId(),
              width: Math.round(w * PX),
              height: Math.round(((w * size.height) / size.width) * PX),
              name: block.alt || 'image',
              description: block.alt,
              title: block.alt,
              embed: ctx.parts.picture(block.src, size.type === 'jpeg' ? 'jpeg' : 'png', () =>
                Buffer.from(block.src.slice(block.src.indexOf(',') + 1), 'base64'),
              ),
            }),
          ),
        ),
      ];
    }
    case 'diagram': {
      // A drawn diagram is its SVG, with the PNG for applications that do not draw SVG.
      const art = ctx.diagrams.get(block.ref);
      // Without a drawing, its fallback content in the thin frame the PDF draws around it.
      if (!art?.png) {
        const inner = { ...ctx, width: ctx.width - 20 };
        const line: Border = { style: 'single', size: 4, color: 'B8C0C8' };
        const w = Math.round(ctx.width * TWIPS);
        return [
          table(
            tableStart({ width: w, borders: AUTO_BORDERS, columns: [w] }) +
              rowStart(Boolean(block.keepTogether)) +
              cell(
                {
                  width: w,
                  borders: { top: line, left: line, bottom: line, right: line },
                  fill: 'FAFBFC',
                  // 8 pt above and below, 10 pt at the sides, less the half-point line LibreOffice counts in.
                  margins: cellMargins({ top: 150, left: 190, bottom: 150, right: 190 }),
                },
                cellContent(blocksOf(block.fallback, inner, true), inner),
              ) +
              '</w:tr></w:tbl>',
          ),
          gap(10.5 * 0.8, ctx),
        ];
      }
      const w = Math.min(ctx.width, art.width * 0.75);
      const h = Math.min((w * art.height) / art.width, DOCX_DIAGRAM_MAX_HEIGHT);
      const width = (h * art.width) / art.height;
      const svg = ctx.parts.picture(art.svg, 'svg', () => svgBytes(art));
      const png = art.png;
      return [
        p(
          paragraph(
            { keepNext, keepLines, align: 'center' },
            drawingRun({
              id: ctx.parts.drawingId(),
              width: Math.round(width * PX),
              height: Math.round(h * PX),
              name: block.alt || block.ref,
              description: block.alt,
              title: block.alt,
              embed: ctx.parts.picture(png, 'png', () => png),
              svg,
            }),
          ),
        ),
      ];
    }
    case 'box': {
      const tone = BOX_TONES[block.tone];
      const bar = tone.bar ? ctx.color(tone.bar) : null;
      const inner = { ...ctx, width: ctx.width - 24 };
      const children: Item[] = [
        ...(block.title.length > 0
          ? [p(paragraph({ keepNext: true, spacing: { after: 60 } }, runsOf(block.title, { bold: true }, inner)))]
          : []),
        ...blocksOf(block.blocks, inner, true),
      ];
      const w = Math.round(ctx.width * TWIPS);
      return [
        table(
          tableStart({ width: w, borders: AUTO_BORDERS, columns: [w] }) +
            rowStart(Boolean(block.keepTogether)) +
            cell(
              {
                width: w,
                borders: {
                  top: NONE,
                  left: bar ? { style: 'single', size: 24, color: bar } : NONE,
                  bottom: NONE,
                  right: NONE,
                },
                fill: ctx.color(tone.fill),
                // The PDF's padding: 8 pt above and below, 14 pt left of the text with a bar (LibreOffice counts
                // the 3 pt bar into it), 10 pt without and on the right.
                margins: cellMargins({ top: 160, left: bar ? 220 : 200, bottom: 160, right: 200 }),
              },
              cellContent(children, inner),
            ) +
            '</w:tr></w:tbl>',
        ),
        gap(10.5 * 0.8, ctx),
      ];
    }
    case 'columns': {
      const n = Math.max(1, block.columns.length);
      const w = Math.round((ctx.width * TWIPS) / n);
      return [
        table(
          tableStart({ width: w * n, borders: NO_BORDERS, columns: block.columns.map(() => w) }) +
            rowStart() +
            block.columns
              .map((column) =>
                cell({ width: w }, cellContent(blocksOf(column, { ...ctx, width: ctx.width / n }, true), ctx)),
              )
              .join('') +
            '</w:tr></w:tbl>',
        ),
        gap(10.5 * 0.6, ctx),
      ];
    }
    case 'page-break':
      return [p(PAGE_BREAK_PARAGRAPH)];
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
      const title = block.title.length > 0 ? [p(paragraph({ style: 'TOCHeading' }, runsOf(block.title, {}, ctx)))] : [];
      return [
        ...title,
        {
          kind: 'toc',
          toc: new (contentsAt(Math.round(ctx.width * TWIPS)))(undefined, {
            hyperlink: true,
            headingStyleRange: `1-${block.depth}`,
            cachedEntries: entries,
            beginDirty: false,
          }),
          key: JSON.stringify([Math.round(ctx.width * TWIPS), block.depth, entries]),
        },
      ];
    }
  }
}

/**
 * The TOC field of the `docx` package, with the page numbers' right tab at the section's margin (the package
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
function cellContent(items: Item[], ctx: Ctx): string {
  const content = items.filter((c) => c.kind !== 'toc');
  dropGaps(content);
  const last = content[content.length - 1];
  if (last && last.kind !== 'table') return xmlOf(content);
  // After a table, a paragraph of almost no height; in an empty cell one empty line without space after (in a
  // scaled section scaled too, or an empty cell would be taller than a full one).
  if (last) return xmlOf(content) + (gap(0, ctx) as { xml: string }).xml;
  return paragraph({
    spacing: { after: 0 },
    ...(ctx.scale !== 1 ? { markSize: Math.round(10.5 * ctx.scale * 2) } : {}),
  });
}

/**
 * In a fit-to-page section, the space around a paragraph or heading as the PDF layout leaves it (shares of the
 * font size, scaled), and its empty-line height scaled with it; elsewhere the Word styles' own.
 */
function scaledSpacing(
  ctx: Ctx,
  size: number,
  before: number,
  after: number,
  top?: object,
  end = false,
): Pick<ParagraphProps, 'spacing' | 'markSize'> {
  if (ctx.scale === 1)
    return top || end ? { spacing: { ...(end ? { after: 0 } : {}), ...(top ? { before: 0 } : {}) } } : {};
  return {
    spacing: {
      after: Math.round(size * after * ctx.scale * TWIPS),
      before: top ? 0 : Math.round(size * before * ctx.scale * TWIPS),
    },
    markSize: Math.round(size * ctx.scale * 2),
  };
}

/**
 * Column widths of tables by content, text width, fonts and language: a table measured once per process (a
 * part's table again in the pack, a table a watch rebuild did not change). Bounded: the oldest go first.
 */
const WIDTHS = new Map<string, number[]>();
const WIDTHS_KEPT = 4096;

function columnWidthsOf(t: Extract<Block, { type: 'table' }>, ctx: Ctx): number[] {
  const key = `${blockFacts(t).key}\0${ctx.width}\0${ctx.measure.fonts.key}\0${ctx.measure.language}`;
  let widths = WIDTHS.get(key);
  if (!widths) {
    widths = tableColumnWidths(t, ctx.width, ctx.measure).map((w) => Math.round(w * TWIPS));
    if (WIDTHS.size >= WIDTHS_KEPT) WIDTHS.delete(WIDTHS.keys().next().value as string);
    WIDTHS.set(key, widths);
  }
  return widths;
}

function tableOf(t: Extract<Block, { type: 'table' }>, ctx: Ctx): string {
  const widths = columnWidthsOf(t, ctx);
  const line: Border = { style: 'single', size: 4, color: 'C5CCD3' };
  const borders: TableBorders =
    t.borders === 'all'
      ? { top: line, left: line, bottom: line, right: line, insideH: line, insideV: line }
      : t.borders === 'rows'
        ? { top: NONE, left: NONE, bottom: line, right: NONE, insideH: line, insideV: NONE }
        : NO_BORDERS;
  // The table's own padding, scaled with the fonts of a fit-to-page section; the style's otherwise.
  // LibreOffice adds each row's half-point rule to its height, where the PDF draws it over the padding: the
  // rule comes off the padding above and below.
  const rule = t.borders === 'none' ? 0 : 5;
  const pad = t.padding ?? { x: 5, y: 4 };
  const margins = cellMargins({
    top: Math.max(0, Math.round(pad.y * ctx.scale * TWIPS) - rule),
    left: Math.round(pad.x * ctx.scale * TWIPS),
    bottom: Math.max(0, Math.round(pad.y * ctx.scale * TWIPS) - rule),
    right: Math.round(pad.x * ctx.scale * TWIPS),
  });
  let xml = tableStart({
    style: 'StratdocTable',
    width: widths.reduce((s, w) => s + w, 0),
    borders,
    columns: widths,
  });
  t.rows.forEach((row, r) => {
    const header = r < t.headerRows;
    // A table kept together (or with what follows) keeps each row with the next, as Word and LibreOffice do
    // it: its paragraphs kept with the next; header rows always stay with the first row under them.
    const keepNext = header || (t.keepTogether && r < t.rows.length - 1) || t.keepWithNext;
    let col = 0;
    xml += rowStart(true, header);
    for (const c of row.cells) {
      const span = Math.max(1, Math.min(c.colspan, widths.length - col));
      let w = 0;
      for (let i = col; i < col + span; i++) w += widths[i] ?? 0;
      const align = c.align ?? t.columns[col]?.align ?? null;
      col += span;
      const blocks = align ? c.blocks.map((b) => (b.type === 'paragraph' ? { ...b, align } : b)) : c.blocks;
      const inner = { ...ctx, width: w / TWIPS - 10 };
      const marks = c.header || header ? { bold: true } : {};
      // Paragraphs keep their style (a figure in "title" stays large); between them the space the PDF layout
      // leaves, none after the last.
      const content: Item[] = [];
      blocks.forEach((b, i) => {
        if (b.type === 'paragraph')
          content.push(
            p(
              paragraph(
                {
                  style: STYLE_IDS[b.style],
                  keepNext,
                  spacing: {
                    after: i === blocks.length - 1 ? 0 : Math.round(STYLE_SIZES[b.style] * 0.6 * ctx.scale * TWIPS),
                  },
                  align: ALIGN[b.align],
                },
                runsOf(b.content, marks, inner, ctx.scale !== 1 ? STYLE_SIZES[b.style] * ctx.scale : undefined),
              ),
            ),
          );
        else content.push(...blockOf(b, inner, undefined, undefined, i === blocks.length - 1));
      });
      const fill = c.shade ? ctx.color(c.shade) : header || c.header ? 'EEF2F6' : null;
      xml += cell({ width: w, span, fill, margins }, cellContent(content, ctx));
    }
    xml += '</w:tr>';
  });
  return `${xml}</w:tbl>`;
}

function runsOf(inlines: readonly Inline[], base: Marks, ctx: Ctx, size?: number): string {
  let out = '';
  const half = size ? Math.round(size * 2) : undefined;
  const props = (marks: Marks, style?: string) =>
    runProps({
      style,
      font: marks.code ? 'DejaVu Sans Mono' : undefined,
      bold: marks.bold,
      italics: marks.italic,
      color: marks.color ? ctx.color(marks.color) : undefined,
      size: half,
      underline: marks.underline,
    });
  for (const node of inlines) {
    switch (node.type) {
      case 'text':
        out += textRun(props({ ...base, ...node.marks }), node.text);
        break;
      case 'break':
        out += BREAK_RUN;
        break;
      case 'field': {
        const marks = { ...base, ...node.marks };
        out += fieldRuns(runProps({ bold: marks.bold, size: half }), node.field === 'page' ? 'PAGE' : 'NUMPAGES');
        break;
      }
      case 'link': {
        const text = node.content.map((c) => (c.type === 'text' ? c.text : '')).join('');
        const run = textRun(props(base, 'Hyperlink'), text);
        if (node.href) out += `<w:hyperlink w:history="1" r:id="${ctx.parts.link(node.href)}">${run}</w:hyperlink>`;
        else if (node.target)
          out += `<w:hyperlink w:history="1" w:anchor="${esc(ctx.bookmark(node.target))}">${run}</w:hyperlink>`;
        break;
      }
    }
  }
  return out;
}
