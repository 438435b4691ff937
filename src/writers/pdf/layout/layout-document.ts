import type { Diagnostic } from '../../../diagnostics/diagnostic.js';
import {
  type Block,
  type DiagramSet,
  type DocTree,
  headingsOf,
  PAPER_SIZES,
  type Section,
} from '../../../doctree/index.js';
import type { FontBook } from '../fonts.js';
import { type BlockContext, layoutBlocks, shift, TYPE } from './blocks.js';
import { paginate } from './paginate.js';
import type { Atom, Box, Decoration, PageLayout, Placed } from './types.js';

/** The laid-out document: pages of positioned boxes, and where each heading landed. */
export interface DocumentLayout {
  readonly pages: readonly PageLayout[];
  /** Heading id → page index (0-based) and y on that page. */
  readonly anchors: ReadonlyMap<
    string,
    { readonly page: number; readonly y: number; readonly level: number; readonly title: string }
  >;
  readonly diagnostics: readonly Diagnostic[];
}

/** The smallest scale a fit-to-page section may take: body text of about 6 pt. */
export const MIN_FIT_SCALE = 6 / TYPE.body;

/** Lays out a DocTree: sections into pages, headers and footers with page numbers, fit-to-page sections scaled. */
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
}

export function layoutDocument(doc: DocTree, fonts: FontBook, options: LayoutOptions = {}): DocumentLayout {
  const diagnostics: Diagnostic[] = [];
  const colors: Record<string, string> = { ...doc.meta.theme.colors };
  const color = (c: string) => colors[c] ?? c;
  const headings = headingsOf(doc)
    .filter((h) => h.id)
    .map((h) => ({ id: h.id as string, level: h.level, content: h.content }));
  let ids = 0;
  const contextFor = (pageHeight: number, field?: (f: 'page' | 'pages') => string): BlockContext => ({
    fonts,
    language: doc.meta.language,
    color,
    colors,
    headings,
    pageHeight,
    nextId: () => ++ids,
    ...(field ? { field } : {}),
    ...(options.diagrams ? { diagrams: options.diagrams } : {}),
  });

  const sectionPages: Array<{
    section: Section;
    width: number;
    height: number;
    content: PageLayout['content'];
    scale: number;
    placed: Placed[];
  }> = [];
  for (const section of doc.sections) {
    const [pw, ph] = PAPER_SIZES[section.page.size];
    const [width, height] = section.page.orientation === 'landscape' ? [ph, pw] : [pw, ph];
    const m = section.page.margins;
    const content = { x: m.left, y: m.top, w: width - m.left - m.right, h: height - m.top - m.bottom };
    let scale = 1;
    let atoms: Atom[];
    if (section.fitToPage) {
      const fit = fitToPage(section.blocks, content, contextFor);
      scale = fit.scale;
      atoms = fit.atoms;
      if (!fit.fits) {
        diagnostics.push({
          code: 'pdf/fit-overflow',
          severity: 'warning',
          path: [],
          message: `A one-page section does not fit its page even at ${(TYPE.body * scale).toFixed(1)} pt: ${Math.round(fit.overflow)} pt too tall, starting at "${fit.overflowAt}".`,
          hint: 'Shorten the content of this section (fewer items or shorter texts), or choose a larger paper size.',
        });
      }
    } else atoms = layoutBlocks(section.blocks, 0, content.w, contextFor(content.h));
    for (const placed of paginate(atoms, content.h / scale))
      sectionPages.push({ section, width, height, content, scale, placed });
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
      placed: [],
    });
  }

  const total = sectionPages.length;
  const pages: PageLayout[] = sectionPages.map((p, index) => {
    const boxes: Box[] = [];
    const place = (b: Box, dy: number) => boxes.push(transform(b, p.content.x, p.content.y + dy * p.scale, p.scale));
    boxes.push(...decorationBoxes(p.placed).map((b) => transform(b, p.content.x, p.content.y, p.scale)));
    for (const { atom, y } of p.placed) for (const b of atom.boxes) place(b, y);
    // Headers and footers are laid out per page, so their page numbers are the real ones.
    const field = (f: 'page' | 'pages') => String(f === 'page' ? index + 1 : total);
    const running = (blocks: readonly Block[]) => {
      const atoms = layoutBlocks(blocks, 0, p.content.w, contextFor(p.content.h, field));
      while (atoms.length > 0 && atoms[atoms.length - 1]?.discardable) atoms.pop();
      while (atoms.length > 0 && atoms[0]?.discardable) atoms.shift();
      return atoms;
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
    return { width: p.width, height: p.height, content: p.content, boxes, running: marginBoxes, scale: p.scale };
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
  return { pages, anchors, diagnostics };
}

/** Searches the largest scale at which a section's content fits one page. */
function fitToPage(
  blocks: readonly Block[],
  content: PageLayout['content'],
  contextFor: (pageHeight: number) => BlockContext,
): { scale: number; atoms: Atom[]; fits: boolean; overflow: number; overflowAt: string } {
  const attempt = (scale: number) => {
    const atoms = layoutBlocks(blocks, 0, content.w / scale, contextFor(content.h / scale));
    const height = atoms.filter((a, i) => !(a.discardable && i === atoms.length - 1)).reduce((h, a) => h + a.height, 0);
    return { atoms, height, fits: height <= content.h / scale };
  };
  let best = attempt(1);
  if (best.fits) return { scale: 1, atoms: best.atoms, fits: true, overflow: 0, overflowAt: '' };
  let lo = MIN_FIT_SCALE;
  let hi = 1;
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
      overflowAt,
    };
  }
  best = smallest;
  // Twelve halvings find the scale to within 0.03 % — text reflows, so the height is not monotone in detail.
  for (let i = 0; i < 12; i++) {
    const mid = (lo + hi) / 2;
    const r = attempt(mid);
    if (r.fits) {
      lo = mid;
      best = r;
    } else hi = mid;
  }
  return { scale: lo, atoms: best.atoms, fits: true, overflow: 0, overflowAt: '' };
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
