import { createHash } from 'node:crypto';
import type { Diagnostic } from '../../../diagnostics/diagnostic.js';
import { type DiagramArt, forEachBlock, type Section } from '../../../doctree/index.js';
import type { Box, PageLayout } from './types.js';

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
 * `prune` drops what was not used since the last prune, so a long watch keeps one build's sections at most.
 */
export class SectionLayoutCache {
  private readonly entries = new Map<string, LaidOutSection>();
  private readonly used = new Set<string>();
  /** Look-ups answered and not answered, since the cache was made. */
  hits = 0;
  misses = 0;

  get(key: string): LaidOutSection | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.used.add(key);
      this.hits++;
    } else this.misses++;
    return entry;
  }

  set(key: string, section: LaidOutSection): void {
    this.entries.set(key, section);
    this.used.add(key);
  }

  /** Drops the sections not looked up or stored since the last prune. */
  prune(): void {
    for (const key of this.entries.keys()) if (!this.used.has(key)) this.entries.delete(key);
    this.used.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** What a section's own content says about its layout: a hash of it, the diagrams it shows, whether it has a TOC. */
export interface SectionFacts {
  readonly hash: string;
  readonly refs: readonly string[];
  readonly toc: boolean;
}

const factsOf = new WeakMap<Section, SectionFacts>();

/** The facts of a section, worked out once per section object. Headers and footers are not part of them. */
export function sectionFacts(section: Section): SectionFacts {
  let facts = factsOf.get(section);
  if (!facts) {
    const refs = new Set<string>();
    let toc = false;
    forEachBlock(section.blocks, (b) => {
      if (b.type === 'diagram') refs.add(b.ref);
      else if (b.type === 'toc') toc = true;
    });
    const content = [
      section.page,
      section.fitToPage,
      section.minBodySize ?? null,
      section.maxBodySize ?? null,
      section.fitHint ?? null,
      section.blocks,
    ];
    facts = { hash: sha256(JSON.stringify(content)), refs: [...refs], toc };
    factsOf.set(section, facts);
  }
  return facts;
}

const artHashes = new WeakMap<DiagramArt, string>();

/** A hash of a drawn diagram, worked out once per diagram object. */
export function artHash(art: DiagramArt): string {
  let hash = artHashes.get(art);
  if (!hash) {
    hash = sha256(JSON.stringify([art.svg, art.width, art.height, art.drawing ?? null]));
    artHashes.set(art, hash);
  }
  return hash;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}
