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

const headingLists = new WeakMap<DocTree, readonly Heading[]>();

/**
 * The headings of a document in order, for tables of contents and outlines: found once per document object
 * (its layout, its DOCX and its HTML all ask).
 */
export function headingsOf(doc: DocTree): readonly Heading[] {
  let out = headingLists.get(doc);
  if (!out) {
    const found: Heading[] = [];
    for (const section of doc.sections) {
      forEachBlock(section.blocks, (b) => {
        if (b.type === 'heading') found.push(b);
      });
    }
    out = found;
    headingLists.set(doc, out);
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
  const fix = (b: Block): Block => {
    if (b.type !== 'heading' || b.id) return b;
    let id = `h-${++n}`;
    while (taken.has(id)) id = `h-${++n}`;
    return { ...b, id };
  };
  return sections.map((s) => {
    const blocks = mapBlocks(s.blocks, fix);
    return blocks === s.blocks ? s : { ...s, blocks };
  });
}

/**
 * Blocks with `f` applied to each block at every depth, in document order (a block's children are mapped before
 * the block is given to `f`). What `f` gives back unchanged stays the same object, and so do the arrays and blocks
 * holding only such: work done for a block (keyed by the object) holds for it wherever it comes back.
 */
export function mapBlocks(blocks: readonly Block[], f: (block: Block) => Block): readonly Block[] {
  return same(blocks, (b) => f(withChildren(b, f)));
}

/** A block with its child blocks mapped by `f`; the block itself when none changed. */
function withChildren(b: Block, f: (block: Block) => Block): Block {
  switch (b.type) {
    case 'list': {
      const items = same(b.items, (item) => {
        const blocks = mapBlocks(item.blocks, f);
        return blocks === item.blocks ? item : { ...item, blocks };
      });
      return items === b.items ? b : { ...b, items };
    }
    case 'table': {
      const rows = same(b.rows, (r) => {
        const cells = same(r.cells, (c) => {
          const blocks = mapBlocks(c.blocks, f);
          return blocks === c.blocks ? c : { ...c, blocks };
        });
        return cells === r.cells ? r : { ...r, cells };
      });
      return rows === b.rows ? b : { ...b, rows };
    }
    case 'figure':
    case 'box': {
      const blocks = mapBlocks(b.blocks, f);
      return blocks === b.blocks ? b : { ...b, blocks };
    }
    case 'diagram': {
      const fallback = mapBlocks(b.fallback, f);
      return fallback === b.fallback ? b : { ...b, fallback };
    }
    case 'columns': {
      const columns = same(b.columns, (column) => mapBlocks(column, f));
      return columns === b.columns ? b : { ...b, columns };
    }
    default:
      return b;
  }
}

/**
 * `items` mapped by `f`: the same array when `f` gives every item back as it was. A plain loop: the pack maps
 * every block of its parts in every build.
 */
export function same<T>(items: readonly T[], f: (item: T) => T): readonly T[] {
  let out: T[] | null = null;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as T;
    const mapped = f(item);
    if (out) out.push(mapped);
    else if (mapped !== item) {
      out = items.slice(0, i);
      out.push(mapped);
    }
  }
  return out ?? items;
}
