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
  // Loops rather than closures: the pack maps every block of its parts in every build.
  let out: Block[] | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    const mapped = f(withChildren(block, f));
    if (out) out.push(mapped);
    else if (mapped !== block) {
      out = blocks.slice(0, i);
      out.push(mapped);
    }
  }
  return out ?? blocks;
}

/** A block with its child blocks mapped; the block itself when none changed. */
function withChildren(b: Block, f: (block: Block) => Block): Block {
  switch (b.type) {
    case 'list': {
      let items: Array<(typeof b.items)[number]> | null = null;
      for (let i = 0; i < b.items.length; i++) {
        const item = b.items[i] as (typeof b.items)[number];
        const blocks = mapBlocks(item.blocks, f);
        const mapped = blocks === item.blocks ? item : { ...item, blocks };
        if (items) items.push(mapped);
        else if (mapped !== item) {
          items = b.items.slice(0, i);
          items.push(mapped);
        }
      }
      return items ? { ...b, items } : b;
    }
    case 'table': {
      let rows: Array<(typeof b.rows)[number]> | null = null;
      for (let i = 0; i < b.rows.length; i++) {
        const row = b.rows[i] as (typeof b.rows)[number];
        let cells: Array<(typeof row.cells)[number]> | null = null;
        for (let j = 0; j < row.cells.length; j++) {
          const cell = row.cells[j] as (typeof row.cells)[number];
          const blocks = mapBlocks(cell.blocks, f);
          const mapped = blocks === cell.blocks ? cell : { ...cell, blocks };
          if (cells) cells.push(mapped);
          else if (mapped !== cell) {
            cells = row.cells.slice(0, j);
            cells.push(mapped);
          }
        }
        const mappedRow = cells ? { ...row, cells } : row;
        if (rows) rows.push(mappedRow);
        else if (mappedRow !== row) {
          rows = b.rows.slice(0, i);
          rows.push(mappedRow);
        }
      }
      return rows ? { ...b, rows } : b;
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

/** `items` mapped by `f`: the same array when `f` gives every item back as it was. */
export function same<T>(items: readonly T[], f: (item: T) => T): readonly T[] {
  let out: T[] | null = null;
  items.forEach((item, i) => {
    const mapped = f(item);
    if (out) out.push(mapped);
    else if (mapped !== item) {
      out = items.slice(0, i);
      out.push(mapped);
    }
  });
  return out ?? items;
}
