import type { Drawing } from '../doctree/index.js';

/**
 * Runs in the browser page: puts a drawn SVG into `#stage` and reads back what the browser laid out as a
 * display list — every shape as path data with its full transform and computed paint, every run of text with
 * the position the browser gave its first character, markers (arrowheads) placed where they are drawn. The
 * PDF writer then draws the list with the document's fonts: no print step, no second copy of the font.
 *
 * Self-contained (it is serialised into the page): no imports, no closures over module state.
 */
// biome-ignore lint/suspicious/noExplicitAny: DOM objects inside the page, typed loosely on purpose (no DOM lib)
type El = any;

export function readDisplayList(markup: string): Drawing {
  const g = globalThis as El;
  const doc = g.document;
  const stage = doc.getElementById('stage');
  stage.innerHTML = markup;
  const svg = stage.querySelector('svg');
  const width = Number(svg.getAttribute('width')) || svg.viewBox.baseVal.width;
  const height = Number(svg.getAttribute('height')) || svg.viewBox.baseVal.height;
  type M = [number, number, number, number, number, number];
  const items: Drawing['items'][number][] = [];
  const round = (v: number) => Math.round(v * 1000) / 1000;
  const mat = (m: El): M => [m.a, m.b, m.c, m.d, m.e, m.f].map(round) as M;
  const color = (value: string, alpha: number): string | null => {
    if (!value || value === 'none' || value.startsWith('url(')) return null;
    const m = /rgba?\(([^)]+)\)/.exec(value);
    if (!m) return null;
    const [r, gr, b, a = '1'] = (m[1] as string).split(/[\s,/]+/).filter(Boolean);
    const k = Number(a) * alpha;
    if (!(k > 0.004)) return null;
    // Drawn on a white page: a translucent colour is the colour blended with white.
    const mix = (v: string | undefined) =>
      Math.round(255 - (255 - Number(v)) * Math.min(1, k))
        .toString(16)
        .padStart(2, '0');
    return `#${mix(r)}${mix(gr)}${mix(b)}`.toUpperCase();
  };
  const opacityOf = (el: El) => {
    let o = 1;
    for (let e = el; e && e !== svg; e = e.parentElement) o *= Number(g.getComputedStyle(e).opacity || 1);
    return o;
  };
  const len = (v: { baseVal: { value: number } } | undefined) => (v ? v.baseVal.value : 0);
  const pathOf = (el: El): string | null => {
    switch (el.tagName) {
      case 'path':
        return el.getAttribute('d');
      case 'rect': {
        const [x, y, w, h] = [len(el.x), len(el.y), len(el.width), len(el.height)];
        if (!(w > 0 && h > 0)) return null;
        let rx = len(el.rx);
        let ry = len(el.ry);
        if (el.getAttribute('rx') === null) rx = ry;
        if (el.getAttribute('ry') === null) ry = rx;
        rx = Math.min(rx, w / 2);
        ry = Math.min(ry, h / 2);
        if (!(rx > 0 && ry > 0)) return `M${x} ${y}H${x + w}V${y + h}H${x}Z`;
        return (
          `M${x + rx} ${y}H${x + w - rx}A${rx} ${ry} 0 0 1 ${x + w} ${y + ry}V${y + h - ry}` +
          `A${rx} ${ry} 0 0 1 ${x + w - rx} ${y + h}H${x + rx}A${rx} ${ry} 0 0 1 ${x} ${y + h - ry}` +
          `V${y + ry}A${rx} ${ry} 0 0 1 ${x + rx} ${y}Z`
        );
      }
      case 'circle':
      case 'ellipse': {
        const cx = len(el.cx);
        const cy = len(el.cy);
        const rx = el.tagName === 'circle' ? len(el.r) : len(el.rx);
        const ry = el.tagName === 'circle' ? len(el.r) : len(el.ry);
        if (!(rx > 0 && ry > 0)) return null;
        return `M${cx - rx} ${cy}A${rx} ${ry} 0 1 0 ${cx + rx} ${cy}A${rx} ${ry} 0 1 0 ${cx - rx} ${cy}Z`;
      }
      case 'line':
        return `M${len(el.x1)} ${len(el.y1)}L${len(el.x2)} ${len(el.y2)}`;
      case 'polygon':
      case 'polyline': {
        const pts = Array.from(el.points as ArrayLike<{ x: number; y: number }>).map((p) => `${p.x} ${p.y}`);
        if (pts.length < 2) return null;
        return `M${pts.join('L')}${el.tagName === 'polygon' ? 'Z' : ''}`;
      }
      default:
        return null;
    }
  };
  const paint = (el: El, m: M) => {
    const cs = g.getComputedStyle(el);
    const d = pathOf(el);
    if (!d) return;
    const o = opacityOf(el);
    const fill = color(cs.fill, Number(cs.fillOpacity) * o);
    const w = Number.parseFloat(cs.strokeWidth) || 0;
    const stroke = w > 0 ? color(cs.stroke, Number(cs.strokeOpacity) * o) : null;
    const dash =
      cs.strokeDasharray && cs.strokeDasharray !== 'none'
        ? (cs.strokeDasharray as string)
            .split(/[\s,]+/)
            .map((v) => Number.parseFloat(v))
            .filter((v) => Number.isFinite(v))
        : null;
    if (fill || stroke)
      items.push({ type: 'shape', d, m, fill, stroke, width: w, dash: dash?.some((v) => v > 0) ? dash : null });
  };
  const markers = (el: El) => {
    const cs = g.getComputedStyle(el);
    if (typeof el.getTotalLength !== 'function') return;
    for (const [prop, atEnd] of [
      ['markerStart', false],
      ['markerEnd', true],
    ] as const) {
      const value = cs[prop] as string;
      const id = value && value !== 'none' ? /url\("?#([^")]+)"?\)/.exec(value)?.[1] : undefined;
      const marker = id ? doc.getElementById(id) : null;
      if (!marker) continue;
      const total = el.getTotalLength();
      if (!(total > 0)) continue;
      const p = el.getPointAtLength(atEnd ? total : 0);
      const q = el.getPointAtLength(atEnd ? Math.max(0, total - 0.5) : Math.min(total, 0.5));
      let angle = atEnd ? Math.atan2(p.y - q.y, p.x - q.x) : Math.atan2(q.y - p.y, q.x - p.x);
      const orient = marker.getAttribute('orient') ?? '0';
      if (orient === 'auto-start-reverse' && !atEnd) angle += Math.PI;
      else if (orient !== 'auto' && orient !== 'auto-start-reverse')
        angle = (Number.parseFloat(orient) * Math.PI) / 180;
      const vb = marker.viewBox?.baseVal;
      let scale = marker.getAttribute('markerUnits') === 'userSpaceOnUse' ? 1 : Number.parseFloat(cs.strokeWidth) || 1;
      if (vb && vb.width > 0 && vb.height > 0)
        scale *= Math.min(len(marker.markerWidth) / vb.width, len(marker.markerHeight) / vb.height);
      const base = g.DOMMatrix.fromMatrix(el.getCTM())
        .translate(p.x, p.y)
        .rotate((angle * 180) / Math.PI)
        .scale(scale)
        .translate(-len(marker.refX), -len(marker.refY));
      const inMarker = (node: El, m: El) => {
        for (const child of Array.from(node.children) as El[]) {
          const local = child.transform?.baseVal?.consolidate?.();
          const mm = local ? m.multiply(g.DOMMatrix.fromMatrix(local.matrix)) : m;
          if (child.tagName === 'g') inMarker(child, mm);
          else paint(child, mat(mm));
        }
      };
      inMarker(marker, base);
    }
  };
  const leavesOf = (t: El) => {
    const leaves: Array<{ owner: El; index: number; value: string }> = [];
    let seen = 0;
    const visit = (e: El) => {
      let before = 0;
      for (const node of Array.from(e.childNodes) as El[]) {
        const collapsed = ((node.textContent as string) ?? '').replace(/\s+/g, ' ');
        if (node.nodeType === 1 && node.tagName === 'tspan') {
          if (g.getComputedStyle(node).display !== 'none') visit(node);
        } else if (node.nodeType === 3) {
          const value = collapsed.trim();
          // A word set apart by a space keeps it (as a space glyph, so text extraction sees two words); other
          // leading white space is skipped.
          const lead = collapsed.length - collapsed.trimStart().length;
          const spaced = lead > 0 && seen > 0;
          seen += value.length;
          if (value)
            leaves.push({
              owner: e,
              index: before + lead - (spaced ? 1 : 0),
              value: spaced ? ` ${value}` : value,
            });
        }
        before += collapsed.length;
      }
    };
    visit(t);
    return leaves;
  };
  const text = (t: El) => {
    const ctm = g.DOMMatrix.fromMatrix(t.getCTM());
    const leaves = leavesOf(t);
    // getStartPositionOfChar gives the alphabetic baseline as written; a `dominant-baseline` (hanging, middle)
    // moves the glyphs without moving it. The shift is measured against a copy set on the alphabetic baseline.
    const shifted = [t, ...Array.from(t.querySelectorAll('tspan'))].some((e) => {
      const cs = g.getComputedStyle(e);
      return (
        !['auto', 'alphabetic'].includes(cs.dominantBaseline) ||
        !['auto', 'baseline', 'alphabetic'].includes(cs.alignmentBaseline) ||
        (cs.baselineShift && cs.baselineShift !== '0px' && cs.baselineShift !== 'baseline')
      );
    });
    let shifts: number[] = leaves.map(() => 0);
    if (shifted) {
      const copy = t.cloneNode(true);
      for (const e of [copy, ...Array.from(copy.querySelectorAll('tspan'))] as El[]) {
        e.removeAttribute('dominant-baseline');
        e.removeAttribute('alignment-baseline');
        e.removeAttribute('baseline-shift');
        e.style.setProperty('dominant-baseline', 'alphabetic', 'important');
        e.style.setProperty('alignment-baseline', 'auto', 'important');
        e.style.setProperty('baseline-shift', '0', 'important');
      }
      t.parentNode.insertBefore(copy, t);
      const plain = leavesOf(copy);
      shifts = leaves.map((leaf, i) => {
        const other = plain[i];
        try {
          return other ? leaf.owner.getExtentOfChar(leaf.index).y - other.owner.getExtentOfChar(other.index).y : 0;
        } catch {
          return 0;
        }
      });
      copy.remove();
    }
    leaves.forEach((leaf, i) => {
      let start: { x: number; y: number };
      try {
        start = leaf.owner.getStartPositionOfChar(leaf.index);
      } catch {
        return;
      }
      const cs = g.getComputedStyle(leaf.owner);
      const fill = color(cs.fill, Number(cs.fillOpacity) * opacityOf(leaf.owner)) ?? '#000000';
      const weight = cs.fontWeight === 'bold' ? 700 : Number.parseInt(cs.fontWeight, 10) || 400;
      items.push({
        type: 'text',
        text: leaf.value,
        m: mat(ctm.translate(start.x, start.y + (shifts[i] ?? 0))),
        size: round(Number.parseFloat(cs.fontSize) || 16),
        bold: weight >= 600,
        italic: cs.fontStyle === 'italic' || cs.fontStyle === 'oblique',
        fill,
      });
    });
  };
  const skip = new Set([
    'defs',
    'marker',
    'clipPath',
    'mask',
    'pattern',
    'symbol',
    'style',
    'title',
    'desc',
    'metadata',
  ]);
  const walk = (node: El) => {
    for (const el of Array.from(node.children) as El[]) {
      const tag = el.tagName as string;
      if (skip.has(tag) || tag.endsWith('Gradient')) continue;
      const cs = g.getComputedStyle(el);
      if (cs.display === 'none') continue;
      if (tag === 'g' || tag === 'a' || tag === 'svg' || tag === 'switch') walk(el);
      else if (tag === 'text') {
        if (cs.visibility !== 'hidden') text(el);
      } else if (tag === 'foreignObject') {
        // Not drawn with htmlLabels off; were it there, its words still reach the page as text.
        const box = el.getBBox();
        const words = (el.textContent as string).replace(/\s+/g, ' ').trim();
        if (words)
          items.push({
            type: 'text',
            text: words,
            m: mat(g.DOMMatrix.fromMatrix(el.getCTM()).translate(box.x, box.y + box.height * 0.75)),
            size: round(Number.parseFloat(cs.fontSize) || 14),
            bold: false,
            italic: false,
            fill: '#000000',
          });
      } else if (cs.visibility !== 'hidden') {
        paint(el, mat(el.getCTM()));
        markers(el);
      }
    }
  };
  walk(svg);
  stage.innerHTML = '';
  return { width, height, items };
}
