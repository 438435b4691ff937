import LineBreaker from 'linebreak';
import type { Align, Inline } from '../../../doctree/index.js';
import { advanceOf, type Face, type FontBook, type FontStyle, kerningOf } from '../fonts.js';
import { hyphenationPoints } from './hyphenate.js';
import type { Box, LinkBox, RectBox, TextBox } from './types.js';

/** The text style of a paragraph. */
export interface TextStyle {
  readonly size: number;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly color: string;
  /** Line height as a multiple of the size. */
  readonly lineHeight: number;
}

/** What inline layout needs from its surroundings. */
export interface InlineContext {
  readonly fonts: FontBook;
  readonly language: string;
  /** Colour of a theme colour name, or the value itself. */
  readonly color: (c: string) => string;
  /** Values of page fields, where known (headers and footers are laid out per page). */
  readonly field?: (field: 'page' | 'pages') => string;
}

export interface ParagraphOptions {
  readonly x: number;
  readonly width: number;
  readonly align: Align;
  readonly style: TextStyle;
  readonly hyphenate: boolean;
}

/** One laid-out line: its height and boxes, with y relative to the line's top. */
export interface LineLayout {
  readonly height: number;
  readonly width: number;
  readonly boxes: Box[];
}

interface Seg {
  readonly bold: boolean;
  readonly italic: boolean;
  readonly underline: boolean;
  readonly color: string;
  readonly href: string | null;
  readonly target: string | null;
}

const SHY = 0xad;
const SPACE = 0x20;
const HYPHEN = 0x2d;

/** Inline content flattened into code points with their faces, advances, kerning and break opportunities. */
interface Prepared {
  readonly segs: readonly Seg[];
  readonly cps: readonly number[];
  readonly seg: readonly number[];
  readonly faces: ReadonlyArray<Face | null>;
  readonly adv: Float64Array;
  readonly kern: Float64Array;
  readonly breaks: ReadonlyArray<{ readonly at: number; readonly required: boolean }>;
}

function prepareInlines(content: readonly Inline[], style: TextStyle, ctx: InlineContext): Prepared | null {
  const segs: Seg[] = [];
  let text = '';
  // The pieces of text in order, each with its segment: code units [end of the previous, end) belong to it.
  const pieceEnds: number[] = [];
  const pieceSegs: number[] = [];
  const push = (s: string, seg: Seg) => {
    if (s === '') return;
    let index = segs.length - 1;
    if (segs[index] !== seg) {
      index = segs.indexOf(seg);
      if (index < 0) index = segs.push(seg) - 1;
    }
    text += s;
    pieceEnds.push(text.length);
    pieceSegs.push(index);
  };
  const base: Seg = {
    bold: style.bold,
    italic: style.italic,
    underline: false,
    color: style.color,
    href: null,
    target: null,
  };
  const walk = (nodes: readonly Inline[], seg: Seg) => {
    for (const node of nodes) {
      if (node.type === 'text') push(node.text, markSeg(seg, node.marks, ctx));
      else if (node.type === 'break') push('\n', seg);
      else if (node.type === 'field') push(ctx.field?.(node.field) ?? '00', markSeg(seg, node.marks, ctx));
      else
        walk(node.content, {
          ...seg,
          href: node.href,
          target: node.target,
          color: node.target || node.href ? ctx.color('primary') : seg.color,
        });
    }
  };
  walk(content, base);
  if (text === '') return null;

  // Code points with their segment (and, once the text leaves the BMP, the code unit each starts at); then the
  // face and advance in points of each.
  const cps: number[] = [];
  const seg: number[] = [];
  let unitOf: Int32Array | null = null;
  for (let i = 0, piece = 0; i < text.length; ) {
    const cp = text.codePointAt(i) as number;
    while (i >= (pieceEnds[piece] as number)) piece++;
    if (cp > 0xffff && !unitOf) {
      unitOf = new Int32Array(text.length + 1);
      for (let k = 0; k < cps.length; k++) unitOf[k] = k;
    }
    if (unitOf) unitOf[cps.length] = i;
    cps.push(cp);
    seg.push(pieceSegs[piece] as number);
    i += cp > 0xffff ? 2 : 1;
  }
  const n = cps.length;
  const faces = new Array<Face | null>(n);
  const adv = new Float64Array(n);
  const fontStyles = segs.map(
    (sg): FontStyle => (sg.bold ? (sg.italic ? 'boldItalic' : 'bold') : sg.italic ? 'italic' : 'regular'),
  );
  for (let i = 0; i < n; i++) {
    const fs = fontStyles[seg[i] as number] as FontStyle;
    const cp = cps[i] as number;
    if (cp === SHY || cp === 10) {
      faces[i] = null;
      continue;
    }
    const f = ctx.fonts.faceFor(cp, fs);
    faces[i] = f;
    adv[i] = f ? advanceOf(f, cp) * style.size : 0;
  }
  // Kerning between neighbours of the same face and segment.
  const kern = new Float64Array(n);
  for (let i = 0; i + 1 < n; i++) {
    const f = faces[i];
    if (f && f === faces[i + 1] && seg[i] === seg[i + 1])
      kern[i] = kerningOf(f, cps[i] as number, cps[i + 1] as number) * style.size;
  }
  // Break opportunities (as code point indices), with whether the break is required.
  const breaks: Array<{ at: number; required: boolean }> = [];
  {
    // Breaks come as code unit positions: the same as code point indices unless the text left the BMP.
    let cpOf: Int32Array | null = null;
    if (unitOf) {
      cpOf = new Int32Array(text.length + 1).fill(n);
      for (let i = 0; i < n; i++) cpOf[unitOf[i] as number] = i;
    }
    const breaker = new LineBreaker(text);
    for (let b = breaker.nextBreak(); b; b = breaker.nextBreak())
      breaks.push({ at: cpOf ? (cpOf[b.position] as number) : Math.min(b.position, n), required: b.required });
  }

  return { segs, cps, seg, faces, adv, kern, breaks };
}

function widthBetween(p: Prepared, a: number, b: number): number {
  let w = 0;
  for (let i = a; i < b; i++) w += (p.adv[i] as number) + (i + 1 < b ? (p.kern[i] as number) : 0);
  return w;
}

/** The narrowest width the content can take (its widest unbreakable piece) and its width on one line. */
export function measureInlines(
  content: readonly Inline[],
  style: TextStyle,
  ctx: InlineContext,
): { min: number; max: number } {
  // Page fields differ from page to page; everything else measures the same for the same fonts and size.
  if (ctx.field) return measure(content, style, ctx);
  const key = `${ctx.fonts.key}|${style.size}|${style.bold ? 1 : 0}${style.italic ? 1 : 0}`;
  let known = measured.get(content);
  if (!known) {
    known = new Map();
    measured.set(content, known);
  }
  let m = known.get(key);
  if (!m) {
    m = measure(content, style, ctx);
    known.set(key, m);
  }
  return m;
}

/**
 * Measurements by content and fonts and size: a table's columns are measured for its PDF, again for its DOCX and
 * for the pack that carries it — the same content, measured once while the document lives.
 */
const measured = new WeakMap<readonly Inline[], Map<string, { readonly min: number; readonly max: number }>>();

function measure(content: readonly Inline[], style: TextStyle, ctx: InlineContext): { min: number; max: number } {
  const p = prepareInlines(content, style, ctx);
  if (!p) return { min: 0, max: 0 };
  let min = 0;
  let max = 0;
  let line = 0;
  let from = 0;
  for (const br of p.breaks) {
    let end = br.at;
    while (end > from && (p.cps[end - 1] === SPACE || p.cps[end - 1] === 10)) end--;
    const piece = widthBetween(p, from, end);
    min = Math.max(min, piece);
    line += widthBetween(p, from, br.at);
    if (br.required) {
      max = Math.max(max, line);
      line = 0;
    }
    from = br.at;
  }
  return { min, max: Math.max(max, line) };
}

/**
 * Lays out inline content in lines: Unicode line breaking (UAX #14), hyphenation where a word would not fit
 * (and soft hyphens), words longer than a line broken, kerning, alignment including justification.
 */
export function layoutInlines(content: readonly Inline[], options: ParagraphOptions, ctx: InlineContext): LineLayout[] {
  const { style } = options;
  const p = prepareInlines(content, style, ctx);
  if (!p) return [];
  const { segs, cps, seg, faces, adv, kern, breaks } = p;
  const widthOf = (a: number, b: number) => widthBetween(p, a, b);
  const lines: Array<{ start: number; end: number; hyphen: boolean; last: boolean }> = [];
  const width = options.width;
  let lineStart = 0;
  let lineEnd = 0; // end of content without trailing spaces
  let lineWidth = 0;
  let pieceStart = 0;
  const trailingStart = (a: number, b: number) => {
    let e = b;
    while (e > a && (cps[e - 1] === SPACE || cps[e - 1] === 10)) e--;
    return e;
  };
  const closeLine = (end: number, hyphen: boolean, last: boolean) => {
    lines.push({ start: lineStart, end, hyphen, last });
  };
  const hyphenWidth = () => {
    const f = ctx.fonts.face(style.bold ? 'bold' : 'regular');
    return advanceOf(f, HYPHEN) * style.size;
  };

  for (const br of breaks) {
    let a = pieceStart;
    const b = br.at;
    pieceStart = b;
    if (b <= a) continue;
    // The piece [a, b): a word with its trailing spaces.
    while (a < b) {
      const contentEnd = trailingStart(a, b);
      const pieceWidth = widthOf(a, contentEnd);
      const gap = lineEnd > lineStart ? widthOf(lineEnd, a) + (lineEnd > 0 ? (kern[lineEnd - 1] as number) : 0) : 0;
      const startsLine = lineEnd === lineStart && lineStart === a;
      if (!startsLine && lineWidth + gap + pieceWidth > width) {
        // Try to hyphenate the word into the rest of this line.
        const room = width - lineWidth - gap;
        const split = options.hyphenate ? hyphenSplit(a, contentEnd, room - hyphenWidth()) : -1;
        if (split > a) {
          closeLine(split, true, false);
          lineStart = split;
          lineEnd = split;
          lineWidth = 0;
          a = split;
          continue;
        }
        closeLine(lineEnd, cps[lineEnd - 1] === SHY, false);
        lineStart = a;
        lineEnd = a;
        lineWidth = 0;
        continue;
      }
      if (startsLine && pieceWidth > width) {
        // A word longer than the line: hyphenate if possible, else break it where it must.
        const split = options.hyphenate ? hyphenSplit(a, contentEnd, width - hyphenWidth()) : -1;
        if (split > a) {
          closeLine(split, true, false);
        } else {
          let w = 0;
          let cut = a;
          while (cut < contentEnd && w + (adv[cut] as number) <= width) w += adv[cut++] as number;
          if (cut === a) cut = a + 1; // at least one character per line, always progressing
          closeLine(cut, false, false);
          lineStart = cut;
          lineEnd = cut;
          lineWidth = 0;
          a = cut;
          continue;
        }
        lineStart = split;
        lineEnd = split;
        lineWidth = 0;
        a = split;
        continue;
      }
      lineWidth += gap + pieceWidth;
      lineEnd = contentEnd;
      a = b;
    }
    if (br.required) {
      closeLine(lineEnd, false, true);
      lineStart = b;
      lineEnd = b;
      lineWidth = 0;
    }
  }
  if (lineEnd > lineStart || lines.length === 0) closeLine(lineEnd, false, true);
  else if (lines.length > 0) (lines[lines.length - 1] as { last: boolean }).last = true;

  /** The largest hyphenation point in [a, end) whose prefix fits `room`, or -1. */
  function hyphenSplit(a: number, end: number, room: number): number {
    // Words longer than any dictionary word are strings of another kind (codes, URLs): not hyphenated.
    if (room <= 0 || end - a > 64) return -1;
    const word = String.fromCodePoint(...cps.slice(a, end));
    const points = hyphenationPoints(word, ctx.language);
    for (let k = points.length - 1; k >= 0; k--) {
      const at = a + (points[k] as number);
      if (widthOf(a, at) <= room) return at;
    }
    return -1;
  }

  // Boxes of each line.
  const regular = ctx.fonts.face('regular');
  const lineHeight = style.size * style.lineHeight;
  const baseline = (lineHeight - (regular.ascent + regular.descent) * style.size) / 2 + regular.ascent * style.size;
  return lines.map((line) => {
    let end = line.end;
    while (end > line.start && (cps[end - 1] === SPACE || cps[end - 1] === 10)) end--;
    const natural = widthOf(line.start, end) + (line.hyphen ? hyphenWidth() : 0);
    let x = options.x;
    let spaceExtra = 0;
    if (options.align === 'center') x += Math.max(0, (width - natural) / 2);
    else if (options.align === 'right') x += Math.max(0, width - natural);
    else if (options.align === 'justify' && !line.last) {
      let spaces = 0;
      for (let i = line.start; i < end; i++) if (cps[i] === SPACE) spaces++;
      if (spaces > 0) spaceExtra = Math.max(0, width - natural) / spaces;
    }
    const boxes: Box[] = [];
    let i = line.start;
    while (i < end) {
      const f = faces[i];
      if (!f) {
        i++;
        continue;
      }
      const s = seg[i] as number;
      const sg = segs[s] as Seg;
      const codePoints: number[] = [];
      const adjust: number[] = [];
      const runX = x;
      let w = 0;
      while (i < end && faces[i] === f && seg[i] === s) {
        const cp = cps[i] as number;
        const extra = (i + 1 < end ? (kern[i] as number) : 0) + (cp === SPACE ? spaceExtra : 0);
        codePoints.push(cp);
        adjust.push(extra);
        w += (adv[i] as number) + extra;
        i++;
        // Skip invisible soft hyphens inside the run.
        while (i < end && cps[i] === SHY) i++;
      }
      // A line broken inside a word ends with a visible hyphen.
      if (i === end && line.hyphen && f.font.hasGlyphForCodePoint(HYPHEN)) {
        codePoints.push(HYPHEN);
        adjust.push(0);
        w += advanceOf(f, HYPHEN) * style.size;
      }
      const run: TextBox = {
        kind: 'text',
        x: runX,
        y: baseline,
        face: f.key,
        size: style.size,
        codePoints,
        adjust,
        width: w,
        color: sg.color,
        text: String.fromCodePoint(...codePoints),
        top: 0,
        height: lineHeight,
      };
      boxes.push(run);
      if (sg.underline || sg.href) {
        const rule: RectBox = {
          kind: 'rect',
          x: runX,
          y: baseline + style.size * 0.12,
          w,
          h: Math.max(0.4, style.size * 0.055),
          fill: sg.color,
          stroke: null,
          lineWidth: 0,
        };
        boxes.push(rule);
      }
      if (sg.href || sg.target) {
        const link: LinkBox = { kind: 'link', x: runX, y: 0, w, h: lineHeight, href: sg.href, target: sg.target };
        boxes.push(link);
      }
      x += w;
    }
    return { height: lineHeight, width: natural, boxes };
  });
}

function markSeg(
  seg: Seg,
  marks: { bold?: boolean; italic?: boolean; underline?: boolean; color?: string },
  ctx: InlineContext,
): Seg {
  if (!marks.bold && !marks.italic && !marks.underline && !marks.color) return seg;
  return {
    ...seg,
    bold: seg.bold || Boolean(marks.bold),
    italic: seg.italic || Boolean(marks.italic),
    underline: seg.underline || Boolean(marks.underline),
    color: marks.color ? ctx.color(marks.color) : seg.color,
  };
}
