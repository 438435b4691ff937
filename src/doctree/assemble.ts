import type { Block, DocTree, Inline, Section } from './types.js';
import { mapBlocks, same } from './utils.js';

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

/** Parts' sections as prefixed, by part document and name: a part that comes back unchanged is not walked again. */
const prefixedOf = new WeakMap<DocTree, Map<string, readonly Section[]>>();

function prefixed({ name, doc }: DocumentPart): readonly Section[] {
  let byName = prefixedOf.get(doc);
  if (!byName) {
    byName = new Map();
    prefixedOf.set(doc, byName);
  }
  let sections = byName.get(name);
  if (!sections) {
    sections = prefixedSections(name, doc);
    byName.set(name, sections);
  }
  return sections;
}

function prefixedSections(name: string, doc: DocTree): Section[] {
  const ids = new Set<string>();
  for (const section of doc.sections) collectIds(section.blocks, ids);
  const id = (value: string) => `${name}-${value}`;
  // What has nothing to prefix is kept as it is (the same objects), so work done for the part's own document (a
  // table's column widths, a block's XML) holds for the pack too.
  const inline = (content: readonly Inline[]): readonly Inline[] =>
    same(content, (node): Inline => {
      if (node.type !== 'link') return node;
      const target = node.target && ids.has(node.target) ? id(node.target) : node.target;
      const inner = inline(node.content);
      return target === node.target && inner === node.content ? node : { ...node, target, content: inner };
    });
  const block = (b: Block): Block => {
    switch (b.type) {
      case 'heading': {
        const content = inline(b.content);
        return !b.id && content === b.content ? b : { ...b, id: b.id ? id(b.id) : null, content };
      }
      case 'paragraph': {
        const content = inline(b.content);
        return content === b.content ? b : { ...b, content };
      }
      case 'figure': {
        const caption = inline(b.caption);
        return caption === b.caption ? b : { ...b, caption };
      }
      case 'box': {
        const title = inline(b.title);
        return title === b.title ? b : { ...b, title };
      }
      case 'diagram':
        return { ...b, ref: `${name}/${b.ref}` };
      default:
        return b;
    }
  };
  const blocks = (list: readonly Block[]) => mapBlocks(list, block);
  return doc.sections.map((section) => {
    const out: Section = {
      ...section,
      header: blocks(section.header),
      footer: blocks(section.footer),
      blocks: blocks(section.blocks),
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
