import type { Block, DiagramSet, Drawing, Inline, List, ParagraphStyle, Table, Toc } from '../../../doctree/index.js';
import { BOX_TONES, inlineText } from '../../../doctree/index.js';
import { imageSize } from './image-size.js';
import { type InlineContext, layoutInlines, type LineLayout, measureInlines, type TextStyle } from './inline.js';
import { advanceOf, type Face, type FontBook, kerningOf } from '../fonts.js';
import type { Atom, Box, Decoration, DrawingBox, TextBox } from './types.js';

/** Sizes in points of the text styles; the engine's typographic scale. */
export const TYPE = {
  body: 10.5,
  lead: 12.5,
  small: 8.5,
  title: 26,
  subtitle: 14,
  heading: { 1: 20, 2: 15, 3: 12.5, 4: 11 } as Record<number, number>,
  lineHeight: 1.4,
};

/** The space between side-by-side columns, in points. */
export const COLUMN_GAP = 14;

/** What block layout needs: inline context, colours, the headings for tables of contents, and ids. */
export interface BlockContext extends InlineContext {
  readonly colors: Readonly<Record<string, string>>;
  readonly headings: ReadonlyArray<{
    readonly id: string;
    readonly level: number;
    readonly content: readonly Inline[];
  }>;
  /** The height of a page's content area, for images and splitting rows taller than a page. */
  readonly pageHeight: number;
  /** Drawn diagrams by ref; a diagram without one shows its fallback content. */
  readonly diagrams?: DiagramSet;
  nextId(): number;
  /**
   * A column of a `columns` block: laid out (`lay`, with the fonts given) or taken from what a watch kept, as the
   * same blocks at the same width read the same (a one-page poster lays its columns out at many scales).
   */
  readonly column?: (
    blocks: readonly Block[],
    width: number,
    ctx: BlockContext,
    lay: (fonts: FontBook) => ColumnLayout,
  ) => ColumnLayout;
}

/** A column of a `columns` block laid out at x = 0: its boxes from its top, and its height. */
export interface ColumnLayout {
  readonly boxes: readonly Box[];
  readonly height: number;
}

/** A column's blocks one under another, at x = 0, the space at its top and bottom dropped. */
function columnLayout(blocks: readonly Block[], width: number, ctx: BlockContext): ColumnLayout {
  const atoms = layoutBlocks(blocks, 0, width, ctx);
  trimSpace(atoms);
  const boxes: Box[] = [];
  let y = 0;
  for (const a of atoms) {
    for (const b of a.boxes) boxes.push(shift(b, y));
    y += a.height;
  }
  return { boxes, height: y };
}

/** A display list as a box: each text split into runs by the face that has its characters. */
function drawingBox(drawing: Drawing, x: number, w: number, h: number, ctx: BlockContext): DrawingBox {
  const items: DrawingBox['items'][number][] = drawing.items.map((item) => {
    if (item.type === 'shape') return item;
    const style = item.bold ? (item.italic ? 'boldItalic' : 'bold') : item.italic ? 'italic' : 'regular';
    // Kerned as the browser kerned it, so words keep the widths (and the spaces between them) it laid out.
    const runs: Array<{ face: string; codePoints: number[]; adjust: number[]; x: number }> = [];
    let at = 0;
    let previous: { face: Face; cp: number } | null = null;
    for (const ch of item.text) {
      const cp = ch.codePointAt(0) as number;
      const face = ctx.fonts.faceFor(cp, style) ?? ctx.fonts.face(style);
      const last = runs[runs.length - 1];
      if (last && previous && previous.face === face) {
        const kern = kerningOf(face, previous.cp, cp) * item.size;
        last.adjust[last.adjust.length - 1] = kern;
        at += kern;
        last.codePoints.push(cp);
        last.adjust.push(0);
      } else runs.push({ face: face.key, codePoints: [cp], adjust: [0], x: at });
      at += advanceOf(face, cp) * item.size;
      previous = { face, cp };
    }
    return { type: 'text', m: item.m, size: item.size, fill: item.fill, runs };
  });
  return { kind: 'drawing', x, y: 0, w, h, scale: w / drawing.width, items };
}

const space = (height: number, keepWithNext = false): Atom => ({
  height,
  boxes: [],
  keepWithNext,
  discardable: true,
  decorations: [],
});

/** Drops the vertical space at the end of a run of atoms (inside cells, list items, boxes). */
function trimSpace(atoms: Atom[]): Atom[] {
  while (atoms.length > 0 && atoms[atoms.length - 1]?.discardable) atoms.pop();
  return atoms;
}

/** Body text in the theme's text colour, with any properties changed. */
function textStyle(ctx: BlockContext, change: Partial<TextStyle> = {}): TextStyle {
  return {
    size: TYPE.body,
    bold: false,
    italic: false,
    color: ctx.colors.text as string,
    lineHeight: TYPE.lineHeight,
    ...change,
  };
}

function styleOf(style: ParagraphStyle, ctx: BlockContext): TextStyle {
  const muted = ctx.colors.muted as string;
  switch (style) {
    case 'lead':
      return textStyle(ctx, { size: TYPE.lead });
    case 'small':
      return textStyle(ctx, { size: TYPE.small });
    case 'muted':
      return textStyle(ctx, { color: muted });
    case 'title':
      return textStyle(ctx, { size: TYPE.title, bold: true, color: ctx.colors.primary as string, lineHeight: 1.15 });
    case 'subtitle':
      return textStyle(ctx, { size: TYPE.subtitle, color: muted, lineHeight: 1.3 });
    default:
      return textStyle(ctx);
  }
}

function linesToAtoms(lines: readonly LineLayout[]): Atom[] {
  return lines.map((l) => ({ height: l.height, boxes: l.boxes, keepWithNext: false, decorations: [] }));
}

/** Widows and orphans: at least two lines of a paragraph on each side of a page break. */
function guardLines(atoms: Atom[]): void {
  const n = atoms.length;
  if (n <= 1) return;
  if (n <= 3) {
    for (let i = 0; i < n - 1; i++) (atoms[i] as Atom).keepWithNext = true;
    return;
  }
  (atoms[0] as Atom).keepWithNext = true;
  (atoms[n - 2] as Atom).keepWithNext = true;
}

/** Lays out blocks at `x` in `width` as atoms for pagination. */
export function layoutBlocks(blocks: readonly Block[], x: number, width: number, ctx: BlockContext): Atom[] {
  const out: Atom[] = [];
  for (const block of blocks) {
    const atoms = layoutBlock(block, x, width, ctx);
    if (block.type !== 'page-break' && block.type !== 'spacer' && block.type !== 'heading') {
      if (block.keepTogether) {
        // Up to its last line or row: the space after it is not part of the block.
        let end = atoms.length - 1;
        while (end > 0 && atoms[end]?.discardable) end--;
        for (let i = 0; i < end; i++) (atoms[i] as Atom).keepWithNext = true;
      }
      if (block.keepWithNext) {
        const last = atoms.filter((a) => !a.discardable).pop();
        if (last) last.keepWithNext = true;
        for (const a of atoms) if (a.discardable) a.keepWithNext = true;
      }
    }
    out.push(...atoms);
  }
  return out;
}

function layoutBlock(block: Block, x: number, width: number, ctx: BlockContext): Atom[] {
  switch (block.type) {
    case 'paragraph': {
      const style = styleOf(block.style, ctx);
      const atoms = linesToAtoms(
        layoutInlines(
          block.content,
          { x, width, align: block.align, style, hyphenate: block.align === 'justify' },
          ctx,
        ),
      );
      guardLines(atoms);
      return [...atoms, space(style.size * 0.6)];
    }
    case 'heading': {
      const size = TYPE.heading[block.level] ?? TYPE.body;
      const style: TextStyle = {
        size,
        bold: true,
        italic: false,
        color: ctx.colors.primary as string,
        lineHeight: 1.22,
      };
      const lines = layoutInlines(block.content, { x, width, align: block.align, style, hyphenate: false }, ctx);
      const atoms = linesToAtoms(lines);
      if (atoms[0] && block.id) {
        (atoms[0].boxes as Box[]).unshift({
          kind: 'anchor',
          id: block.id,
          level: block.level,
          title: inlineText(block.content),
          x,
          y: 0,
        });
      }
      for (const a of atoms) a.keepWithNext = true;
      return [space(size * 1.1), ...atoms, space(size * 0.4, true)];
    }
    case 'list':
      return layoutList(block, x, width, ctx);
    case 'table':
      return layoutTable(block, x, width, ctx);
    case 'figure': {
      const atoms = layoutBlocks(block.blocks, x, width, ctx);
      const caption = linesToAtoms(
        layoutInlines(
          block.caption,
          {
            x,
            width,
            align: 'left',
            style: { ...styleOf('small', ctx), color: ctx.colors.muted as string },
            hyphenate: false,
          },
          ctx,
        ),
      );
      const all = [...atoms.filter((a) => !a.discardable), space(4), ...caption, space(TYPE.body * 0.8)];
      for (let i = 0; i < all.length - 2; i++) (all[i] as Atom).keepWithNext = true;
      return all;
    }
    case 'image': {
      const size = imageSize(block.src);
      if (!size)
        return layoutBlock(
          {
            type: 'paragraph',
            align: 'left',
            style: 'muted',
            content: [{ type: 'text', text: block.alt || '[image]', marks: {} }],
          },
          x,
          width,
          ctx,
        );
      let w = block.width !== null ? (width * block.width) / 100 : Math.min(width, size.width * 0.75);
      let h = (w * size.height) / size.width;
      const maxH = ctx.pageHeight * 0.9;
      if (h > maxH) {
        w = (w * maxH) / h;
        h = maxH;
      }
      return [
        { height: h, boxes: [{ kind: 'image', x, y: 0, w, h, src: block.src }], keepWithNext: false, decorations: [] },
        space(TYPE.body * 0.6),
      ];
    }
    case 'diagram': {
      // A drawn diagram is its display list, drawn as vectors and text in the document's fonts, scaled to the
      // text width; without one, its fallback content.
      const drawing = ctx.diagrams?.get(block.ref)?.drawing;
      if (drawing && drawing.width > 0 && drawing.height > 0) {
        let w = Math.min(width, drawing.width * 0.75);
        let h = (w * drawing.height) / drawing.width;
        const maxH = ctx.pageHeight * 0.9;
        if (h > maxH) {
          w = (w * maxH) / h;
          h = maxH;
        }
        const box = drawingBox(drawing, x + (width - w) / 2, w, h, ctx);
        return [
          { height: h, boxes: [box], keepWithNext: block.keepWithNext === true, decorations: [] },
          space(TYPE.body * 0.6),
        ];
      }
      return framed(block.fallback, x, width, ctx, { fill: '#FAFBFC', bar: null, stroke: '#B8C0C8' }, []);
    }
    case 'box': {
      const tone = BOX_TONES[block.tone];
      const bar = tone.bar ? (ctx.colors[tone.bar] ?? tone.bar) : null;
      return framed(block.blocks, x, width, ctx, { fill: tone.fill, bar, stroke: null }, block.title);
    }
    case 'columns': {
      const n = Math.max(1, block.columns.length);
      const gap = COLUMN_GAP;
      const colWidth = (width - gap * (n - 1)) / n;
      const boxes: Box[] = [];
      let height = 0;
      block.columns.forEach((column, i) => {
        const lay = (fonts: FontBook) => columnLayout(column, colWidth, { ...ctx, fonts });
        const laid = ctx.column ? ctx.column(column, colWidth, ctx, lay) : lay(ctx.fonts);
        const dx = x + i * (colWidth + gap);
        for (const b of laid.boxes) boxes.push(moveX(b, dx));
        height = Math.max(height, laid.height);
      });
      return [{ height, boxes, keepWithNext: false, decorations: [] }, space(TYPE.body * 0.6)];
    }
    case 'page-break':
      return [{ height: 0, boxes: [], keepWithNext: false, breakBefore: true, decorations: [] }];
    case 'spacer':
      return [{ height: 0, boxes: [], keepWithNext: false, flexible: true, decorations: [] }];
    case 'toc':
      return layoutToc(block, x, width, ctx);
  }
}

/** Content inside a framed, shaded block; the frame is drawn per page from the atoms' extent. */
function framed(
  blocks: readonly Block[],
  x: number,
  width: number,
  ctx: BlockContext,
  look: { fill: string | null; bar: string | null; stroke: string | null },
  title: readonly Inline[],
): Atom[] {
  const pad = 8;
  const left = look.bar ? 14 : 10;
  const decoration: Decoration = {
    id: ctx.nextId(),
    x,
    w: width,
    fill: look.fill,
    bar: look.bar,
    stroke: look.stroke,
    padTop: pad,
    padBottom: pad,
  };
  const inner: Atom[] = [];
  if (title.length > 0) {
    const style = textStyle(ctx, { bold: true });
    const lines = linesToAtoms(
      layoutInlines(title, { x: x + left, width: width - left - 10, align: 'left', style, hyphenate: false }, ctx),
    );
    for (const l of lines) l.keepWithNext = true;
    inner.push(...lines, { ...space(3, true), discardable: false });
  }
  const content = layoutBlocks(blocks, x + left, width - left - 10, ctx);
  trimSpace(content);
  inner.push(...content);
  const atoms: Atom[] = [
    { height: pad, boxes: [], keepWithNext: true, decorations: [] },
    ...inner.map((a) => ({ ...a, discardable: false })),
    { height: pad, boxes: [], keepWithNext: false, decorations: [] },
  ];
  for (const a of atoms) (a as { decorations: readonly Decoration[] }).decorations = [decoration, ...a.decorations];
  return [...atoms, space(TYPE.body * 0.8)];
}

function layoutList(list: List, x: number, width: number, ctx: BlockContext): Atom[] {
  const indent = list.ordered ? 20 : 14;
  const out: Atom[] = [];
  const style = textStyle(ctx);
  const n = list.items.length;
  list.items.forEach((item, i) => {
    const atoms = layoutBlocks(item.blocks, x + indent, width - indent, ctx);
    trimSpace(atoms);
    const first = atoms[0];
    const marker = list.ordered ? `${list.start + i}.` : '•';
    const markerLines = layoutInlines(
      [{ type: 'text', text: marker, marks: {} }],
      { x, width: indent - 4, align: list.ordered ? 'right' : 'left', style, hyphenate: false },
      ctx,
    );
    if (first) {
      // The marker sits on the baseline of the item's first line.
      const firstText = first.boxes.find((b): b is TextBox => b.kind === 'text');
      const markerBoxes = markerLines[0]?.boxes ?? [];
      const dy = firstText
        ? firstText.y - ((markerBoxes.find((b) => b.kind === 'text') as TextBox | undefined)?.y ?? firstText.y)
        : 0;
      atoms[0] = { ...first, boxes: [...markerBoxes.map((b) => shift(b, dy)), ...first.boxes] };
    }
    // No item alone on either side of a page break, as no line of a paragraph is: the first item keeps with
    // the second, the last but one with the last.
    const guard = n > 1 && (i === 0 || i === n - 2);
    const last = atoms[atoms.length - 1];
    if (guard && last) last.keepWithNext = true;
    out.push(...atoms, space(2, guard));
  });
  out.push(space(TYPE.body * 0.5));
  return out;
}

function layoutToc(toc: Toc, x: number, width: number, ctx: BlockContext): Atom[] {
  const out: Atom[] = [];
  if (toc.title.length > 0) {
    const style = textStyle(ctx, {
      size: TYPE.heading[3] as number,
      bold: true,
      color: ctx.colors.primary as string,
      lineHeight: 1.3,
    });
    const title = linesToAtoms(layoutInlines(toc.title, { x, width, align: 'left', style, hyphenate: false }, ctx));
    for (const t of title) t.keepWithNext = true;
    out.push(...title, space(4, true));
  }
  const numberWidth = 28;
  for (const h of ctx.headings) {
    if (h.level > toc.depth) continue;
    const indent = (h.level - 1) * 14;
    const style = textStyle(ctx, { bold: h.level === 1, lineHeight: 1.5 });
    const lines = layoutInlines(
      h.content,
      { x: x + indent, width: width - indent - numberWidth - 8, align: 'left', style, hyphenate: false },
      ctx,
    );
    lines.forEach((line, i) => {
      const boxes: Box[] = [...line.boxes];
      const text = line.boxes.find((b): b is TextBox => b.kind === 'text');
      if (i === lines.length - 1 && text) {
        const face = ctx.fonts.face('regular');
        // Dot leaders from the end of the title to the page number.
        const dotsFrom = x + indent + line.width + 4;
        const dotsTo = x + width - numberWidth - 2;
        const dot = (face.advances.get(0x2e) ?? 0.25) * style.size || style.size * 0.25;
        const count = Math.max(0, Math.floor((dotsTo - dotsFrom) / (dot * 1.6)));
        if (count > 0) {
          boxes.push({
            ...text,
            x: dotsFrom,
            face: face.key,
            codePoints: new Array(count).fill(0x2e),
            adjust: new Array(count).fill(dot * 0.6),
            width: count * dot * 1.6,
            color: ctx.colors.muted as string,
            text: '.'.repeat(count),
          });
        }
        boxes.push({
          kind: 'page-ref',
          target: h.id,
          right: x + width,
          y: text.y,
          face: face.key,
          size: style.size,
          color: ctx.colors.text as string,
          top: 0,
          height: line.height,
        });
      }
      boxes.push({ kind: 'link', x: x + indent, y: 0, w: width - indent, h: line.height, href: null, target: h.id });
      out.push({ height: line.height, boxes, keepWithNext: false, decorations: [] });
    });
  }
  out.push(space(TYPE.body));
  return out;
}

/** A box moved down by `dy`. */
/** A box `dx` points to the right. */
export function moveX(b: Box, dx: number): Box {
  if (dx === 0) return b;
  return b.kind === 'page-ref' ? { ...b, right: b.right + dx } : { ...b, x: b.x + dx };
}

export function shift(b: Box, dy: number): Box {
  if (dy === 0) return b;
  switch (b.kind) {
    case 'text':
      return { ...b, y: b.y + dy, top: b.top + dy };
    case 'page-ref':
      return { ...b, y: b.y + dy, top: b.top + dy };
    default:
      return { ...b, y: b.y + dy };
  }
}

// ---- tables ----

const CELL_PAD_X = 5;
const CELL_PAD_Y = 4;

function layoutTable(table: Table, x: number, width: number, ctx: BlockContext): Atom[] {
  const columns = Math.max(
    table.columns.length,
    ...table.rows.map((r) => r.cells.reduce((n, c) => n + c.colspan, 0)),
    1,
  );
  const widths = columnWidths(table, columns, width, ctx);
  const padX = table.padding?.x ?? CELL_PAD_X;
  const padY = table.padding?.y ?? CELL_PAD_Y;
  const border = '#C5CCD3';
  const headerFill = '#EEF2F6';
  const atoms: Atom[] = [];
  const header: Atom[] = [];
  table.rows.forEach((row, r) => {
    const isHeader = r < table.headerRows;
    let col = 0;
    let cx = x;
    const cells: Array<{ x: number; w: number; atoms: Atom[]; shade: string | null; header: boolean }> = [];
    for (const cell of row.cells) {
      const span = Math.min(cell.colspan, columns - col);
      let w = 0;
      for (let k = 0; k < span; k++) w += widths[col + k] ?? 0;
      const align = cell.align ?? table.columns[col]?.align ?? null;
      const blocks = align ? cell.blocks.map((b) => (b.type === 'paragraph' ? { ...b, align } : b)) : cell.blocks;
      const inner = layoutBlocks(
        cell.header || isHeader
          ? blocks.map((b) =>
              b.type === 'paragraph'
                ? {
                    ...b,
                    content: b.content.map((i) =>
                      i.type === 'text' ? { ...i, marks: { ...i.marks, bold: true } } : i,
                    ),
                  }
                : b,
            )
          : blocks,
        cx + padX,
        Math.max(4, w - 2 * padX),
        ctx,
      );
      trimSpace(inner);
      cells.push({
        x: cx,
        w,
        atoms: inner,
        shade: cell.shade ? (ctx.colors[cell.shade] ?? cell.shade) : isHeader || cell.header ? headerFill : null,
        header: isHeader || cell.header,
      });
      cx += w;
      col += span;
    }
    const contentHeight = Math.max(0, ...cells.map((c) => c.atoms.reduce((h, a) => h + a.height, 0)));
    // Rows taller than a page are split between their lines; other rows stay whole. A line belongs to the
    // piece it starts in, so pieces are cut one line short of the room a page leaves.
    const tallestLine = Math.max(0, ...cells.flatMap((c) => c.atoms.map((a) => a.height)));
    const room = ctx.pageHeight - 2 * padY - header.reduce((h, a) => h + a.height, 0) - 2;
    const maxChunk = Math.max(40, room - tallestLine);
    const chunks = Math.max(1, Math.ceil(contentHeight / maxChunk));
    for (let k = 0; k < chunks; k++) {
      const from = k * maxChunk;
      const to = k === chunks - 1 ? Number.POSITIVE_INFINITY : (k + 1) * maxChunk;
      const boxes: Box[] = [];
      let height = 0;
      const parts = cells.map((c) => {
        const part: Box[] = [];
        let y = 0;
        let used = 0;
        for (const a of c.atoms) {
          if (y >= from && y < to) {
            for (const b of a.boxes) part.push(shift(b, padY + (y - from)));
            used = y - from + a.height;
          }
          y += a.height;
        }
        height = Math.max(height, used);
        return { cell: c, boxes: part };
      });
      const rowHeight = height + 2 * padY;
      const cellRect = (cell: (typeof cells)[number], fill: string | null, stroke: string | null): Box => ({
        kind: 'rect',
        x: cell.x,
        y: 0,
        w: cell.w,
        h: rowHeight,
        fill,
        stroke,
        lineWidth: stroke ? 0.5 : 0,
      });
      for (const p of parts) if (p.cell.shade) boxes.push(cellRect(p.cell, p.cell.shade, null));
      for (const p of parts) {
        if (table.borders === 'all') boxes.push(cellRect(p.cell, null, border));
        boxes.push(...p.boxes);
      }
      if (table.borders === 'rows')
        boxes.push({
          kind: 'rect',
          x,
          y: rowHeight - 0.25,
          w: width,
          h: 0.5,
          fill: border,
          stroke: null,
          lineWidth: 0,
        });
      const atom: Atom = {
        height: rowHeight,
        boxes,
        keepWithNext: isHeader || k < chunks - 1,
        decorations: [],
        ...(isHeader ? {} : { repeatHeader: header }),
      };
      atoms.push(atom);
      if (isHeader) header.push(atom);
    }
  });
  atoms.push(space(TYPE.body * 0.8));
  return atoms;
}

/**
 * Column widths like HTML's automatic table layout: each column between its minimum (longest word) and
 * maximum (unwrapped) content width, percentage hints taken as preferred widths — but never narrower than
 * the column's longest word, so a hint cannot break "Approved" into "Approve/d".
 */
/** The widths of a table's columns in points, as the PDF engine lays them out (the DOCX writer uses them too). */
export function tableColumnWidths(table: Table, width: number, ctx: BlockContext): number[] {
  return columnWidths(table, columnCount(table), width, ctx);
}

function columnCount(table: Table): number {
  return Math.max(table.columns.length, ...table.rows.map((r) => r.cells.reduce((n, c) => n + c.colspan, 0)), 1);
}

function columnWidths(table: Table, columns: number, width: number, ctx: BlockContext): number[] {
  const hinted = Array.from({ length: columns }, (_, i) => table.columns[i]?.width ?? null);
  const hintedTotal = hinted.reduce<number>((s, w) => s + (w ?? 0), 0);
  const free = hinted.map((w, i) => (w === null ? i : -1)).filter((i) => i >= 0);
  const padX = table.padding?.x ?? CELL_PAD_X;
  const min = new Array<number>(columns).fill(2 * padX + 6);
  const max = new Array<number>(columns).fill(2 * padX + 6);
  // Content widths from the first rows: enough to size columns without measuring every row of huge tables.
  table.rows.slice(0, Math.max(table.headerRows + 60, 60)).forEach((row, r) => {
    let col = 0;
    for (const cell of row.cells) {
      if (cell.colspan === 1) {
        const m = measureCell(cell.blocks, ctx, cell.header || r < table.headerRows);
        min[col] = Math.max(min[col] as number, m.min + 2 * padX);
        max[col] = Math.max(max[col] as number, m.max + 2 * padX);
      }
      col += cell.colspan;
    }
  });
  const scale = hintedTotal > 100 ? 100 / hintedTotal : 1;
  const out = hinted.map((w) => (w === null ? 0 : (width * w * scale) / 100));
  const available = Math.max(0, width - out.reduce((s, w) => s + w, 0));
  const sumMin = free.reduce((s, i) => s + (min[i] as number), 0);
  const sumMax = free.reduce((s, i) => s + (max[i] as number), 0);
  for (const i of free) {
    let w: number;
    if (sumMax <= available) w = (max[i] as number) + ((available - sumMax) * (max[i] as number)) / sumMax;
    else if (sumMin >= available) w = (available * (min[i] as number)) / Math.max(sumMin, 1);
    else
      w = (min[i] as number) + (((max[i] as number) - (min[i] as number)) * (available - sumMin)) / (sumMax - sumMin);
    out[i] = w;
  }
  // Raise columns below their longest word, taking the room from columns with width to spare.
  let deficit = 0;
  for (let i = 0; i < columns; i++) {
    if ((out[i] as number) < (min[i] as number)) {
      deficit += (min[i] as number) - (out[i] as number);
      out[i] = min[i] as number;
    }
  }
  if (deficit > 0) {
    const slack = out.reduce((s, w, i) => s + Math.max(0, w - (min[i] as number)), 0);
    const take = Math.min(1, deficit / Math.max(slack, 1e-9));
    for (let i = 0; i < columns; i++)
      out[i] = (out[i] as number) - Math.max(0, (out[i] as number) - (min[i] as number)) * take;
    // Longest words that together exceed the table still have to share it.
    const total = out.reduce((s, w) => s + w, 0);
    if (total > width) for (let i = 0; i < columns; i++) out[i] = ((out[i] as number) * width) / total;
  }
  return out;
}

function measureCell(blocks: readonly Block[], ctx: BlockContext, bold: boolean): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const b of blocks) {
    if (b.type !== 'paragraph') {
      min = Math.max(min, 60);
      max = Math.max(max, 160);
      continue;
    }
    const m = measureInlines(b.content, { ...styleOf(b.style, ctx), bold }, ctx);
    // A very long word should not claim a whole column: it may break where it must.
    min = Math.max(min, Math.min(m.min, 140));
    max = Math.max(max, m.max);
  }
  return { min, max };
}
