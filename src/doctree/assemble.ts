import type { Block, DocTree, Inline, Section } from './types.js';

/** One document taken into a larger one, under a name that keeps its anchors and diagrams apart. */
export interface DocumentPart {
  /** Prefix of the part's heading ids (`<name>-<id>`) and diagram references (`<name>/<ref>`). */
  readonly name: string;
  readonly doc: DocTree;
}

/** Where a section of an assembled document came from: the part it belongs to and the section as the part has it. */
export interface SectionOrigin {
  /** The part's name: its heading ids are prefixed `<name>-`, its diagram references `<name>/`. */
  readonly name: string;
  /** The section before prefixing. */
  readonly section: Section;
  /** The part's heading ids (before prefixing): links to them were prefixed, other links were not. */
  readonly ids: ReadonlySet<string>;
}

const origins = new WeakMap<Section, SectionOrigin>();

/**
 * The part a section of an assembled document was taken from, if any: a writer may lay out the part's own
 * section (shared with the part's standalone document) and prefix the result.
 */
export function sectionOrigin(section: Section): SectionOrigin | undefined {
  return origins.get(section);
}

/**
 * Joins documents into one: the sections of `head`, then each part's, then `tail`'s, under `head`'s meta.
 * Each part's heading ids, the links that point to them, and its diagram references are prefixed with the
 * part's name, so two parts may use the same ids and a link still lands in its own part.
 */
export function assembleDocuments(head: DocTree, parts: readonly DocumentPart[], tail: DocTree | null = null): DocTree {
  return {
    meta: head.meta,
    sections: [...head.sections, ...parts.flatMap(prefixed), ...(tail?.sections ?? [])],
  };
}

function prefixed({ name, doc }: DocumentPart): Section[] {
  const ids = new Set<string>();
  for (const section of doc.sections) collectIds(section.blocks, ids);
  const id = (value: string) => `${name}-${value}`;
  const inline = (content: readonly Inline[]): Inline[] =>
    content.map((node): Inline => {
      if (node.type !== 'link') return node;
      const target = node.target && ids.has(node.target) ? id(node.target) : node.target;
      return { ...node, target, content: inline(node.content) };
    });
  const block = (b: Block): Block => {
    switch (b.type) {
      case 'heading':
        return { ...b, id: b.id ? id(b.id) : null, content: inline(b.content) };
      case 'paragraph':
        return { ...b, content: inline(b.content) };
      case 'list':
        return { ...b, items: b.items.map((item) => ({ blocks: item.blocks.map(block) })) };
      case 'table':
        return {
          ...b,
          rows: b.rows.map((r) => ({ cells: r.cells.map((c) => ({ ...c, blocks: c.blocks.map(block) })) })),
        };
      case 'figure':
        return { ...b, blocks: b.blocks.map(block), caption: inline(b.caption) };
      case 'box':
        return { ...b, blocks: b.blocks.map(block), title: inline(b.title) };
      case 'diagram':
        return { ...b, ref: `${name}/${b.ref}`, fallback: b.fallback.map(block) };
      case 'columns':
        return { ...b, columns: b.columns.map((column) => column.map(block)) };
      default:
        return b;
    }
  };
  return doc.sections.map((section) => {
    const out: Section = {
      ...section,
      header: section.header.map(block),
      footer: section.footer.map(block),
      blocks: section.blocks.map(block),
    };
    origins.set(out, { name, section, ids });
    return out;
  });
}

function collectIds(blocks: readonly Block[], ids: Set<string>): void {
  for (const b of blocks) {
    if (b.type === 'heading' && b.id) ids.add(b.id);
    else if (b.type === 'list') for (const item of b.items) collectIds(item.blocks, ids);
    else if (b.type === 'table') for (const r of b.rows) for (const c of r.cells) collectIds(c.blocks, ids);
    else if (b.type === 'figure' || b.type === 'box') collectIds(b.blocks, ids);
    else if (b.type === 'diagram') collectIds(b.fallback, ids);
    else if (b.type === 'columns') for (const column of b.columns) collectIds(column, ids);
  }
}
