import type { Block, DocTree, Heading, Inline } from './types.js';

/** The plain text of inline content, as a reader would read it aloud. */
export function inlineText(content: readonly Inline[]): string {
  let out = '';
  for (const node of content) {
    if (node.type === 'text') out += node.text;
    else if (node.type === 'link') out += inlineText(node.content);
    else if (node.type === 'break') out += '\n';
  }
  return out;
}

/** Visits every block of a list, depth first, including blocks nested in lists, tables, boxes and columns. */
export function forEachBlock(blocks: readonly Block[], visit: (block: Block) => void): void {
  for (const block of blocks) {
    visit(block);
    switch (block.type) {
      case 'list':
        for (const item of block.items) forEachBlock(item.blocks, visit);
        break;
      case 'table':
        for (const row of block.rows) for (const cell of row.cells) forEachBlock(cell.blocks, visit);
        break;
      case 'figure':
      case 'box':
        forEachBlock(block.blocks, visit);
        break;
      case 'diagram':
        forEachBlock(block.fallback, visit);
        break;
      case 'columns':
        for (const column of block.columns) forEachBlock(column, visit);
        break;
      default:
        break;
    }
  }
}

/** The headings of a document in order, for tables of contents and outlines. */
export function headingsOf(doc: DocTree): Heading[] {
  const out: Heading[] = [];
  for (const section of doc.sections) {
    forEachBlock(section.blocks, (b) => {
      if (b.type === 'heading') out.push(b);
    });
  }
  return out;
}

/**
 * Gives every heading without an id a stable one (`h-1`, `h-2`, … in document order), so links, the table
 * of contents, PDF bookmarks and DOCX bookmarks all have a target.
 */
export function withHeadingIds<T extends { readonly blocks: readonly Block[] }>(sections: readonly T[]): T[] {
  let n = 0;
  const taken = new Set<string>();
  for (const section of sections)
    forEachBlock(section.blocks, (b) => {
      if (b.type === 'heading' && b.id) taken.add(b.id);
    });
  const fix = (blocks: readonly Block[]): Block[] =>
    blocks.map((b): Block => {
      switch (b.type) {
        case 'heading': {
          if (b.id) return b;
          let id = `h-${++n}`;
          while (taken.has(id)) id = `h-${++n}`;
          return { ...b, id };
        }
        case 'list':
          return { ...b, items: b.items.map((item) => ({ blocks: fix(item.blocks) })) };
        case 'table':
          return { ...b, rows: b.rows.map((r) => ({ cells: r.cells.map((c) => ({ ...c, blocks: fix(c.blocks) })) })) };
        case 'figure':
        case 'box':
          return { ...b, blocks: fix(b.blocks) };
        case 'diagram':
          return { ...b, fallback: fix(b.fallback) };
        case 'columns':
          return { ...b, columns: b.columns.map(fix) };
        default:
          return b;
      }
    });
  return sections.map((s) => ({ ...s, blocks: fix(s.blocks) }));
}
