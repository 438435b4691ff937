import { createHash } from 'node:crypto';
import type { Diagnostic } from '../../../diagnostics/diagnostic.js';
import { type Block, type DiagramArt, forEachBlock, type Section } from '../../../doctree/index.js';
import { UsageCache } from '../../../usage-cache.js';
import type { Atom, Box, PageLayout } from './types.js';

/** One page of a laid-out section: its size, content area and scale, and its content boxes in page coordinates. */
export interface SectionPage {
  readonly width: number;
  readonly height: number;
  readonly content: PageLayout['content'];
  readonly scale: number;
  readonly boxes: readonly Box[];
}

/** A section laid out on its own: its pages (without headers and footers), what layout said, what no font had. */
export interface LaidOutSection {
  readonly pages: readonly SectionPage[];
  readonly scale: number;
  readonly diagnostics: readonly Diagnostic[];
  /** Characters no font could draw, in order of first appearance. */
  readonly missing: readonly string[];
}

/**
 * Laid-out sections by everything their layout depends on: shared by the documents of a build (the pack lays
 * out its parts' sections as their own documents do) and kept between builds (`stratdoc build --watch`).
 * A cache for one build knows sections by identity (a pack's part is its artifact's very section); one kept
 * between builds by content, so a section that reads the same in a new DocTree is reused too.
 */
export class SectionLayoutCache extends UsageCache<LaidOutSection> {
  constructor(readonly byContent = true) {
    super();
  }
}

/** What a section's own content says about its layout: the diagrams it shows, whether it has a TOC. */
export interface SectionFacts {
  readonly refs: readonly string[];
  readonly toc: boolean;
}

const factsOf = new WeakMap<Section, SectionFacts>();

/** The facts of a section, worked out once per section object. */
export function sectionFacts(section: Section): SectionFacts {
  let facts = factsOf.get(section);
  if (!facts) {
    facts = diagramsAndToc(section.blocks);
    factsOf.set(section, facts);
  }
  return facts;
}

/** The diagrams blocks show, and whether there is a table of contents among them. */
function diagramsAndToc(blocks: readonly Block[]): SectionFacts {
  const refs = new Set<string>();
  let toc = false;
  forEachBlock(blocks, (b) => {
    if (b.type === 'diagram') refs.add(b.ref);
    else if (b.type === 'toc') toc = true;
  });
  return { refs: [...refs], toc };
}

const contentKeys = new WeakMap<Section, string>();

/**
 * What a section's own layout depends on (its page, fitting and blocks; not its header and footer), once per
 * section object: a hash of its content, or with `byContent` false, a number for the object itself.
 */
export function sectionContentKey(section: Section, byContent: boolean): string {
  if (!byContent) return `#${identity(section)}`;
  let key = contentKeys.get(section);
  if (!key) {
    const page = [
      section.page,
      section.fitToPage,
      section.minBodySize ?? null,
      section.maxBodySize ?? null,
      section.fitHint ?? null,
    ];
    const hash = createHash('sha1').update(JSON.stringify(page));
    for (const block of section.blocks) hash.update(blockFacts(block).key);
    key = hash.digest('base64');
    contentKeys.set(section, key);
  }
  return key;
}

/** What a block's layout depends on of its own: a hash of its content, the diagrams it shows, whether it is a TOC. */
export interface BlockFacts extends SectionFacts {
  readonly key: string;
}

const blockFactsOf = new WeakMap<Block, BlockFacts>();

/** The facts of a block, worked out once per block object. */
export function blockFacts(block: Block): BlockFacts {
  let facts = blockFactsOf.get(block);
  if (!facts) {
    facts = { key: createHash('sha1').update(JSON.stringify(block)).digest('base64'), ...diagramsAndToc([block]) };
    blockFactsOf.set(block, facts);
  }
  return facts;
}

/** A block laid out on its own (a section's top-level block), with the characters no font had. */
export interface LaidOutBlock {
  readonly atoms: readonly Atom[];
  readonly missing: readonly string[];
}

/**
 * Top-level blocks laid out, by content, width and what else their layout depends on: kept between the builds of
 * a watch, so a section with one changed block lays out only that block again.
 */
export class BlockLayoutCache extends UsageCache<LaidOutBlock> {
  /**
   * Section pages by what is on them (the atoms, by identity, and where they stand): a page of a changed section
   * that holds the same atoms as before is the same page object, so what was made of it (its PDF content) is reused.
   */
  readonly pages = new UsageCache<SectionPage>();

  override prune(): void {
    super.prune();
    this.pages.prune();
  }

  override clear(): void {
    super.clear();
    this.pages.clear();
  }
}

const identities = new WeakMap<object, number>();
let identityCount = 0;

/** A number for an object, the same as long as it lives: drawn diagrams are known by identity. */
export function identity(value: object): number {
  let n = identities.get(value);
  if (n === undefined) {
    n = ++identityCount;
    identities.set(value, n);
  }
  return n;
}

/** The key of a drawn diagram: the object itself (the same diagram read twice in a build is one object). */
export function artKey(art: DiagramArt): string {
  return `@${identity(art)}`;
}
