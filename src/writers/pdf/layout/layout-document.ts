import type { Diagnostic } from '../../../diagnostics/diagnostic.js';
import {
  type Block,
  type DiagramSet,
  type DocTree,
  headingsOf,
  PAPER_SIZES,
  type Section,
  type SectionOrigin,
  sectionOrigin,
} from '../../../doctree/index.js';
import type { FontBook, FontStyle } from '../fonts.js';
import { type BlockContext, COLUMN_GAP, type ColumnLayout, layoutBlocks, shift, TYPE } from './blocks.js';
import { paginate } from './paginate.js';
import {
  artKey,
  type BlockLayoutCache,
  blockFacts,
  identity,
  type LaidOutSection,
  type SectionLayoutCache,
  type SectionPage,
  sectionContentKey,
  sectionFacts,
} from './section-cache.js';
import type { Atom, Box, Decoration, PageLayout, Placed } from './types.js';

/** Where a section of the DocTree landed: its first page, how many pages it took, and its scale. */
export interface SectionLayout {
  /** Index (0-based) of the section's first page; for a section without content, of the page after it. */
  readonly firstPage: number;
  readonly pageCount: number;
  /** Scale of a fit-to-page section (1 elsewhere). */
  readonly scale: number;
}

/** The laid-out document: pages of positioned boxes, and where each heading landed. */
export interface DocumentLayout {
  readonly pages: readonly PageLayout[];
  /** One entry per section of the DocTree, in order. */
  readonly sections: readonly SectionLayout[];
  /** Heading id → page index (0-based) and y on that page. */
  readonly anchors: ReadonlyMap<
    string,
    { readonly page: number; readonly y: number; readonly level: number; readonly title: string }
  >;
  readonly diagnostics: readonly Diagnostic[];
}

/** The smallest scale a fit-to-page section may take when it states no minimum body size: about 6 pt. */
export const MIN_FIT_SCALE = 6 / TYPE.body;

/** The context block layout needs for a document, for measuring outside of a full layout (DOCX tables). */
export function blockContextFor(doc: DocTree, fonts: FontBook, pageHeight: number): BlockContext {
  const colors: Record<string, string> = { ...doc.meta.theme.colors };
  let ids = 0;
  return {
    fonts,
    language: doc.meta.language,
    color: (c: string) => colors[c] ?? c,
    colors,
    headings: [],
    pageHeight,
    nextId: () => ++ids,
  };
}

/** Options of layout. */
export interface LayoutOptions {
  /** Drawn diagrams by ref. */
  readonly diagrams?: DiagramSet;
  /** Sections laid out before, reused where nothing they depend on changed. */
  readonly sections?: SectionLayoutCache;
  /** A section's top-level blocks laid out before, reused in a section that changed elsewhere (a watch's). */
  readonly blocks?: BlockLayoutCache;
}

/**
 * Ids of decorations (backgrounds and frames drawn behind a block's atoms), unique in the process: atoms of a
 * block laid out in an earlier build sit beside new ones on a page, and the ids only group them.
 */
let decorationIds = 0;
const nextDecorationId = () => ++decorationIds;

/** Lays out a DocTree: sections into pages, headers and footers with page numbers, fit-to-page sections scaled. */
export function layoutDocument(doc: DocTree, fonts: FontBook, options: LayoutOptions = {}): DocumentLayout {
  const diagnostics: Diagnostic[] = [];
  const colors: Record<string, string> = { ...doc.meta.theme.colors };
  const color = (c: string) => colors[c] ?? c;
  const headings = headingsOf(doc)
    .filter((h) => h.id)
    .map((h) => ({ id: h.id as string, level: h.level, content: h.content }));
  const contextFor =
    (book: FontBook, diagrams: DiagramSet | undefined) =>
    (pageHeight: number, field?: (f: 'page' | 'pages') => string): BlockContext => ({
      fonts: book,
      language: doc.meta.language,
      color,
      colors,
      headings,
      pageHeight,
      nextId: nextDecorationId,
      ...(field ? { field } : {}),
      ...(diagrams ? { diagrams } : {}),
    });
  const cache = options.sections;
  // What every section's layout depends on besides its own content.
  const shared = `${fonts.key}\0${doc.meta.language}\0${JSON.stringify(colors)}`;
  let headingsKey: string | undefined;

  const sectionPages: Array<SectionPage & { section: Section; source?: SectionPage }> = [];
  const sections: SectionLayout[] = [];
  for (const section of doc.sections) {
    // A part's section is laid out as the part has it (so the part's own document and the pack share the
    // layout), then its ids are prefixed as the part's were. A TOC lists the whole document: laid out in place.
    const origin = sectionOrigin(section);
    const useOrigin = origin !== undefined && !sectionFacts(origin.section).toc;
    const base = useOrigin ? origin.section : section;
    const facts = sectionFacts(base);
    const diagrams = options.diagrams
      ? new Map(
          facts.refs.flatMap((ref) => {
            const art = options.diagrams?.get(useOrigin ? `${origin.name}/${ref}` : ref);
            return art ? [[ref, art] as const] : [];
          }),
        )
      : undefined;
    let key = '';
    if (cache) {
      if (facts.toc) headingsKey ??= JSON.stringify(headings);
      const drawn = facts.refs.map((ref) => {
        const art = diagrams?.get(ref);
        return art ? artKey(art) : '-';
      });
      key = `${sectionContentKey(base, cache.byContent)}\0${shared}\0${drawn.join(',')}\0${facts.toc ? headingsKey : ''}`;
    }
    let laid = cache?.get(key);
    if (laid) for (const ch of laid.missing) fonts.missing.add(ch);
    else {
      const blocks = options.blocks && { cache: options.blocks, shared, diagrams };
      laid = layoutSection(base, fonts, (book) => contextFor(book, diagrams), blocks);
      cache?.set(key, laid);
    }
    diagnostics.push(...laid.diagnostics);
    const firstPage = sectionPages.length;
    for (const page of laid.pages)
      sectionPages.push({
        ...page,
        section,
        source: page,
        ...(useOrigin ? { boxes: prefixed(page.boxes, origin) } : {}),
      });
    sections.push({ firstPage, pageCount: sectionPages.length - firstPage, scale: laid.scale });
  }
  if (sectionPages.length === 0) {
    const [w, h] = PAPER_SIZES.A4;
    sectionPages.push({
      section: {
        page: { size: 'A4', orientation: 'portrait', margins: { top: 56, right: 56, bottom: 56, left: 56 } },
        header: [],
        footer: [],
        fitToPage: false,
        blocks: [],
      },
      width: w,
      height: h,
      content: { x: 56, y: 56, w: w - 112, h: h - 112 },
      scale: 1,
      boxes: [],
    });
  }
  const runningContext = contextFor(fonts, options.diagrams);

  const total = sectionPages.length;
  const pages: PageLayout[] = sectionPages.map((p, index) => {
    // Headers and footers are laid out per page, so their page numbers are the real ones.
    const field = (f: 'page' | 'pages') => String(f === 'page' ? index + 1 : total);
    const layoutRunning = (blocks: readonly Block[], book: FontBook) => {
      const atoms = layoutBlocks(blocks, 0, p.content.w, { ...runningContext(p.content.h, field), fonts: book });
      while (atoms.length > 0 && atoms[atoms.length - 1]?.discardable) atoms.pop();
      while (atoms.length > 0 && atoms[0]?.discardable) atoms.shift();
      return atoms;
    };
    // A watch keeps them by content, size and page numbers: the same header on the same page is not laid out again.
    const running = (blocks: readonly Block[]): readonly Atom[] => {
      if (!options.blocks || blocks.length === 0) return layoutRunning(blocks, fonts);
      const key = `running\0${blocks.map((b) => blockFacts(b).key).join(',')}\0${p.content.w}\0${p.content.h}\0${index + 1}/${total}\0${shared}`;
      let laid = options.blocks.get(key);
      if (laid) for (const ch of laid.missing) fonts.missing.add(ch);
      else {
        const missing = new Set<string>();
        laid = { atoms: layoutRunning(blocks, recordingMissing(fonts, missing)), missing: [...missing] };
        options.blocks.set(key, laid);
      }
      return laid.atoms;
    };
    const marginBoxes: Box[] = [];
    const header = running(p.section.header);
    const headerHeight = header.reduce((h, a) => h + a.height, 0);
    let y = p.content.y - 8 - headerHeight;
    for (const a of header) {
      for (const b of a.boxes) marginBoxes.push(transform(shift(b, y), p.content.x, 0, 1));
      y += a.height;
    }
    y = p.content.y + p.content.h + 8;
    for (const a of running(p.section.footer)) {
      for (const b of a.boxes) marginBoxes.push(transform(shift(b, y), p.content.x, 0, 1));
      y += a.height;
    }
    return {
      width: p.width,
      height: p.height,
      content: p.content,
      boxes: p.boxes,
      running: marginBoxes,
      scale: p.scale,
      ...(p.source ? { source: p.source } : {}),
    };
  });

  const anchors = new Map<string, { page: number; y: number; level: number; title: string }>();
  pages.forEach((page, i) => {
    for (const b of page.boxes)
      if (b.kind === 'anchor' && !anchors.has(b.id))
        anchors.set(b.id, { page: i, y: b.y, level: b.level, title: b.title });
  });

  if (fonts.missing.size > 0) {
    diagnostics.push({
      code: 'pdf/missing-glyphs',
      severity: 'warning',
      path: [],
      message: `No font has these characters, so they are left out of the PDF: ${[...fonts.missing].join(' ')}`,
      hint: 'Use a theme font family (theme.fontFamily and theme.fontFiles) that covers them, or replace the characters.',
    });
  }
  return { pages, sections, anchors, diagnostics };
}

/** A font book that also notes in `missing` the characters no font has. */
function recordingMissing(fonts: FontBook, missing: Set<string>): FontBook {
  return noting(fonts, (codePoint) => missing.add(String.fromCodePoint(codePoint)));
}

/** A font book that tells `note` each character, with its style, that no font has. */
function noting(fonts: FontBook, note: (codePoint: number, style: FontStyle) => void): FontBook {
  return Object.create(fonts, {
    faceFor: {
      value: (codePoint: number, style: FontStyle) => {
        const face = fonts.faceFor(codePoint, style);
        if (!face) note(codePoint, style);
        return face;
      },
    },
  });
}

/**
 * Lays out one section on its own pages: its content boxes in page coordinates, fit-to-page sections scaled,
 * with what it has to say and the characters no font had (recorded, so a reused layout reports them too).
 */
function layoutSection(
  section: Section,
  fonts: FontBook,
  contextWith: (fonts: FontBook) => (pageHeight: number) => BlockContext,
  blocks?: { cache: BlockLayoutCache; shared: string; diagrams: DiagramSet | undefined },
): LaidOutSection {
  const missing = new Set<string>();
  const recording = recordingMissing(fonts, missing);
  const contextFor = blocks
    ? (pageHeight: number) => ({ ...contextWith(recording)(pageHeight), column: keptColumn })
    : contextWith(recording);
  /**
   * A column of a `columns` block, from the cache when laid out the same before (at a fit-to-page section's
   * scales, a changed poster lays out only its changed column again). The characters no font had are kept with
   * their style, and looked up again on reuse, so every book on the way notes them.
   */
  /** The drawings blocks show, by what they are (a diagram drawn anew reads differently), '-' for none. */
  function drawnKeys(refs: readonly string[]): string[] {
    return refs.map((ref) => {
      const art = blocks?.diagrams?.get(ref);
      return art ? artKey(art) : '-';
    });
  }

  function keptColumn(
    list: readonly Block[],
    width: number,
    ctx: BlockContext,
    lay: (fonts: FontBook) => ColumnLayout,
  ): ColumnLayout {
    const cache = blocks?.cache;
    const facts = list.map((b) => blockFacts(b));
    if (!cache || facts.some((f) => f.toc)) return lay(ctx.fonts);
    const drawn = facts.flatMap((f) => drawnKeys(f.refs));
    const key = `column\0${facts.map((f) => f.key).join(',')}\0${width}\0${ctx.pageHeight}\0${blocks.shared}\0${drawn.join(',')}`;
    const kept = cache.get(key);
    if (kept) {
      for (const m of kept.missing) {
        const at = m.indexOf(':');
        ctx.fonts.faceFor(m.codePointAt(at + 1) as number, m.slice(0, at) as FontStyle);
      }
      const [atom] = kept.atoms as [Atom];
      return { boxes: atom.boxes, height: atom.height };
    }
    const seen: string[] = [];
    const laid = lay(noting(ctx.fonts, (codePoint, style) => seen.push(`${style}:${String.fromCodePoint(codePoint)}`)));
    cache.set(key, {
      atoms: [{ height: laid.height, boxes: laid.boxes as Box[], keepWithNext: false, decorations: [] }],
      missing: [...new Set(seen)],
    });
    return laid;
  }
  // Top-level blocks one by one, each taken from the cache when it has been laid out the same before.
  const layoutTop = (width: number, ctx: BlockContext): Atom[] => {
    if (!blocks) return layoutBlocks(section.blocks, 0, width, ctx);
    const out: Atom[] = [];
    for (const block of section.blocks) {
      const facts = blockFacts(block);
      if (facts.toc) {
        out.push(...layoutBlocks([block], 0, width, ctx));
        continue;
      }
      const drawn = drawnKeys(facts.refs);
      const key = `${facts.key}\0${width}\0${ctx.pageHeight}\0${blocks.shared}\0${drawn.join(',')}`;
      let laid = blocks.cache.get(key);
      if (laid) {
        for (const ch of laid.missing) {
          missing.add(ch);
          fonts.missing.add(ch);
        }
      } else {
        const seen = new Set<string>();
        const book = recordingMissing(recording, seen);
        laid = { atoms: layoutBlocks([block], 0, width, { ...ctx, fonts: book }), missing: [...seen] };
        blocks.cache.set(key, laid);
      }
      out.push(...laid.atoms);
    }
    return out;
  };
  const diagnostics: Diagnostic[] = [];
  const [pw, ph] = PAPER_SIZES[section.page.size];
  const [width, height] = section.page.orientation === 'landscape' ? [ph, pw] : [pw, ph];
  const m = section.page.margins;
  const content = { x: m.left, y: m.top, w: width - m.left - m.right, h: height - m.top - m.bottom };
  let scale = 1;
  let atoms: Atom[];
  if (section.fitToPage) {
    const min = section.minBodySize !== undefined ? section.minBodySize / TYPE.body : MIN_FIT_SCALE;
    const max = Math.max(min, section.maxBodySize !== undefined ? section.maxBodySize / TYPE.body : 1);
    const fit = fitToPage(layoutTop, content, contextFor, min, max);
    scale = fit.scale;
    atoms = fit.fits ? stretch(fit.atoms, content.h / scale - fit.height / scale) : fit.atoms;
    if (!fit.fits) diagnostics.push(overflowDiagnostic(section, fit, content, contextFor));
  } else atoms = layoutTop(content.w, contextFor(content.h));
  const geometry = `${width},${height},${content.x},${content.y},${content.w},${content.h},${scale}`;
  const pages = paginate(atoms, content.h / scale).map((placed): SectionPage => {
    const key = blocks ? `${geometry}|${placed.map((p) => `${identity(p.atom)}@${p.y}`).join(',')}` : '';
    const known = blocks?.cache.pages.get(key);
    if (known) return known;
    const boxes: Box[] = [];
    for (const b of decorationBoxes(placed)) boxes.push(transform(b, content.x, content.y, scale));
    for (const { atom, y } of placed)
      for (const b of atom.boxes) boxes.push(transform(b, content.x, content.y + y * scale, scale));
    const page = { width, height, content, scale, boxes };
    blocks?.cache.pages.set(key, page);
    return page;
  });
  return { pages, scale, diagnostics, missing: [...missing] };
}

/** A part's boxes with its heading ids prefixed, and the links to them, as `assembleDocuments` prefixed them. */
function prefixed(boxes: readonly Box[], origin: SectionOrigin): Box[] {
  return boxes.map((b) => {
    if (b.kind === 'anchor') return { ...b, id: `${origin.name}-${b.id}` };
    if (b.kind === 'link' && b.target && origin.ids.has(b.target))
      return { ...b, target: `${origin.name}-${b.target}` };
    return b;
  });
}

/** How a fit-to-page section came out: its scale, atoms, and when it does not fit, by how much and where. */
interface Fit {
  readonly scale: number;
  readonly atoms: Atom[];
  readonly fits: boolean;
  /** Height beyond the page, in points of the page, at the smallest scale. */
  readonly overflow: number;
  /** Height of the content, in points of the page, at the scale found. */
  readonly height: number;
  /** The first text that falls beyond the page at the smallest scale. */
  readonly overflowAt: string;
}

/** The height atoms take on a page: space at the top and at the bottom of a page is dropped there. */
function contentHeight(atoms: readonly Atom[]): number {
  let from = 0;
  let to = atoms.length;
  while (from < to && atoms[from]?.discardable) from++;
  while (to > from && atoms[to - 1]?.discardable) to--;
  let height = 0;
  for (let i = from; i < to; i++) height += (atoms[i] as Atom).height;
  return height;
}

/** Halvings of the range of scales when a section fits at the smallest and not at the largest. */
const FIT_HALVINGS = 6;

/** Searches the largest scale from `min` to `max` at which a section's content fits one page. */
function fitToPage(
  layoutAt: (width: number, ctx: BlockContext) => Atom[],
  content: PageLayout['content'],
  contextFor: (pageHeight: number) => BlockContext,
  min: number,
  max: number,
): Fit {
  const attempt = (scale: number) => {
    const atoms = layoutAt(content.w / scale, contextFor(content.h / scale));
    const height = contentHeight(atoms);
    return { atoms, height, fits: height <= content.h / scale };
  };
  let best = attempt(max);
  if (best.fits)
    return { scale: max, atoms: best.atoms, fits: true, overflow: 0, height: best.height * max, overflowAt: '' };
  let lo = min;
  let hi = max;
  const smallest = attempt(lo);
  if (!smallest.fits) {
    let y = 0;
    let overflowAt = '';
    for (const a of smallest.atoms) {
      y += a.height;
      if (y > content.h / lo) {
        overflowAt = a.boxes
          .flatMap((b) => (b.kind === 'text' ? [b.text] : []))
          .join(' ')
          .trim()
          .slice(0, 60);
        if (overflowAt) break;
      }
    }
    return {
      scale: lo,
      atoms: smallest.atoms,
      fits: false,
      overflow: (smallest.height - content.h / lo) * lo,
      height: smallest.height * lo,
      overflowAt,
    };
  }
  best = smallest;
  // Six halvings find the scale to within 0.2 % of the range (a fortieth of a point at body size): finer does not
  // show, and each halving lays the section out again. Text reflows, so the height is not monotone in detail: the
  // scale found is one that fits.
  for (let i = 0; i < FIT_HALVINGS; i++) {
    const mid = (lo + hi) / 2;
    const r = attempt(mid);
    if (r.fits) {
      lo = mid;
      best = r;
    } else hi = mid;
  }
  return { scale: lo, atoms: best.atoms, fits: true, overflow: 0, height: best.height * lo, overflowAt: '' };
}

/** The atoms with the free height shared among the spacers. */
function stretch(atoms: Atom[], free: number): Atom[] {
  const spacers = atoms.filter((a) => a.flexible).length;
  if (spacers === 0 || free <= 0) return atoms;
  // A hair less than all, so rounding never pushes the last line onto a page of its own.
  const share = Math.max(0, free - 0.5) / spacers;
  return atoms.map((a) => (a.flexible ? { ...a, height: share } : a));
}

/** Points, rounded, with a thin space between thousands: "1 020 pt". */
const pt = (value: number) => `${Math.round(value).toLocaleString('en-US').replace(/,/g, '\u2009')} pt`;

/**
 * What to say when a fit-to-page section overflows its page even at the smallest scale: how much too tall,
 * and the labelled parts (blocks and columns with a `label`) by the height they take, so the reader knows
 * what to cut. A section that states a minimum body size makes this an error; otherwise a warning.
 */
function overflowDiagnostic(
  section: Section,
  fit: Fit,
  content: PageLayout['content'],
  contextFor: (pageHeight: number) => BlockContext,
): Diagnostic {
  const s = fit.scale;
  const body = TYPE.body * s;
  const parts = labelledParts(section.blocks, content.w / s, contextFor(content.h / s))
    .map((p) => ({ ...p, height: p.height * s }))
    .sort((a, b) => b.height - a.height);
  const paper = `${section.page.size} ${section.page.orientation}`;
  const percent = Math.round((fit.overflow / content.h) * 100);
  const stated = section.minBodySize !== undefined;
  const size = `${Number(body.toFixed(1))} pt`;
  const intro = stated
    ? `A one-page section does not fit its ${paper} page with body text at ${size}, the smallest it allows`
    : `A one-page section does not fit its ${paper} page even with body text at ${size}`;
  const tallest = parts.slice(0, 5).map((p) => `${p.label} — ${pt(p.height)}${p.column ? ' (a column)' : ''}`);
  const columns = parts.some((p) => p.column)
    ? ' Columns side by side are as tall as the tallest of them, so cut from that one first.'
    : '';
  return {
    code: 'pdf/fit-overflow',
    severity: stated ? 'error' : 'warning',
    path: [],
    message:
      `${intro}: it needs ${pt(fit.height)} where the page holds ${pt(content.h)}, ${pt(fit.overflow)} (${percent} %) too much` +
      (tallest.length > 0
        ? `. What takes the room, at that size: ${tallest.join('; ')}.${columns}`
        : `, from "${fit.overflowAt}" on.`),
    hint:
      section.fitHint ??
      'Shorten the content of this section (fewer items or shorter texts), or choose a larger paper size.',
  };
}

/** The labelled blocks of a section and the labelled columns inside its column blocks, with their heights. */
function labelledParts(
  blocks: readonly Block[],
  width: number,
  ctx: BlockContext,
): Array<{ label: string; height: number; column: boolean }> {
  const out: Array<{ label: string; height: number; column: boolean }> = [];
  const heightOf = contentHeight;
  for (const block of blocks) {
    if (block.type === 'page-break' || block.type === 'spacer') continue;
    if (block.label)
      out.push({ label: block.label, height: heightOf(layoutBlocks([block], 0, width, ctx)), column: false });
    if (block.type === 'columns' && block.labels) {
      // The same widths as the columns block lays out with.
      const n = Math.max(1, block.columns.length);
      const columnWidth = (width - COLUMN_GAP * (n - 1)) / n;
      block.columns.forEach((column, i) => {
        const label = block.labels?.[i];
        if (label) out.push({ label, height: heightOf(layoutBlocks(column, 0, columnWidth, ctx)), column: true });
      });
    }
  }
  return out;
}

/** Backgrounds, bars and frames of decorated blocks, from the extent of their atoms on one page. */
function decorationBoxes(placed: readonly Placed[]): Box[] {
  const extents = new Map<number, { d: Decoration; top: number; bottom: number }>();
  const order: number[] = [];
  for (const { atom, y } of placed) {
    for (const d of atom.decorations) {
      const e = extents.get(d.id);
      if (e) e.bottom = Math.max(e.bottom, y + atom.height);
      else {
        extents.set(d.id, { d, top: y, bottom: y + atom.height });
        order.push(d.id);
      }
    }
  }
  const out: Box[] = [];
  for (const id of order) {
    const { d, top, bottom } = extents.get(id) as { d: Decoration; top: number; bottom: number };
    const h = bottom - top;
    if (d.fill) out.push({ kind: 'rect', x: d.x, y: top, w: d.w, h, fill: d.fill, stroke: null, lineWidth: 0 });
    if (d.bar) out.push({ kind: 'rect', x: d.x, y: top, w: 3.5, h, fill: d.bar, stroke: null, lineWidth: 0 });
    if (d.stroke) out.push({ kind: 'rect', x: d.x, y: top, w: d.w, h, fill: null, stroke: d.stroke, lineWidth: 0.6 });
  }
  return out;
}

/** A box scaled by `s` and moved to page coordinates. */
function transform(b: Box, dx: number, dy: number, s: number): Box {
  switch (b.kind) {
    case 'text':
      return {
        ...b,
        x: dx + b.x * s,
        y: dy + b.y * s,
        size: b.size * s,
        adjust: s === 1 ? b.adjust : b.adjust.map((a) => a * s),
        width: b.width * s,
        top: dy + b.top * s,
        height: b.height * s,
      };
    case 'page-ref':
      return {
        ...b,
        right: dx + b.right * s,
        y: dy + b.y * s,
        size: b.size * s,
        top: dy + b.top * s,
        height: b.height * s,
      };
    case 'anchor':
      return { ...b, x: dx + b.x * s, y: dy + b.y * s };
    case 'rect':
      return { ...b, x: dx + b.x * s, y: dy + b.y * s, w: b.w * s, h: b.h * s, lineWidth: b.lineWidth * s };
    default:
      return { ...b, x: dx + b.x * s, y: dy + b.y * s, w: b.w * s, h: b.h * s };
  }
}
