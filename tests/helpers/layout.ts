import type { DocumentLayout } from '../../src/index.js';

type PageLayout = DocumentLayout['pages'][number];
type Box = PageLayout['boxes'][number];

/** The rectangle a box covers, or null for boxes that draw nothing. */
function extent(b: Box): { x: number; y: number; w: number; h: number } | null {
  switch (b.kind) {
    case 'text':
      return { x: b.x, y: b.top, w: b.width, h: b.height };
    case 'rect':
    case 'image':
    case 'link':
      return { x: b.x, y: b.y, w: b.w, h: b.h };
    default:
      return null;
  }
}

/** The layout defects of a page: boxes outside its content area, texts overlapping. Empty when there are none. */
export function layoutProblems(page: PageLayout): string[] {
  const EPS = 0.5;
  const problems: string[] = [];
  const c = page.content;
  for (const b of page.boxes) {
    const e = extent(b);
    if (!e) continue;
    if (e.x < c.x - EPS || e.y < c.y - EPS || e.x + e.w > c.x + c.w + EPS || e.y + e.h > c.y + c.h + EPS)
      problems.push(`${b.kind} ${'text' in b ? b.text : ''} outside the content area`);
  }
  const texts = page.boxes.filter((b) => b.kind === 'text' && b.text.trim() !== '');
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = extent(texts[i] as Box) as { x: number; y: number; w: number; h: number };
      const b = extent(texts[j] as Box) as { x: number; y: number; w: number; h: number };
      const x = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const y = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (x > EPS && y > EPS) problems.push(`"${(texts[i] as { text: string }).text}" overlaps another text`);
    }
  }
  return problems;
}
