import { Parser } from 'htmlparser2';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { UsageCache } from '../usage-cache.js';
import type {
  Align,
  Block,
  BlockHints,
  BoxTone,
  Color,
  Inline,
  Margins,
  Marks,
  PageSetup,
  PaperSize,
  ParagraphStyle,
  Section,
  TableCell,
  TableColumn,
  TableRow,
} from '../doctree/index.js';

/** What a `<document>` element says about the document; the rest of the meta comes from the caller. */
export interface MarkupMeta {
  readonly title: string | null;
  readonly subject: string | null;
  readonly author: string | null;
  readonly keywords: readonly string[];
  readonly language: string | null;
}

/** The result of parsing document markup: sections, meta from `<document>`, and every problem found. */
export interface ParsedMarkup {
  readonly meta: MarkupMeta;
  readonly sections: readonly Section[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Page setup of a section that names none: A4 portrait, 20 mm margins. */
export const DEFAULT_PAGE: PageSetup = {
  size: 'A4',
  orientation: 'portrait',
  margins: { top: 56.69, right: 56.69, bottom: 56.69, left: 56.69 },
};

interface ElementNode {
  readonly kind: 'element';
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: MarkupNode[];
  readonly line: number;
  readonly column: number;
  /** Where the element starts in the markup, and where its end tag ends (-1 until it is closed). */
  readonly start: number;
  end: number;
  /**
   * How far the children's offsets are behind (a node moved by a change before it, in a tree parsed again where the
   * markup changed: its children are moved when the tree is descended into).
   */
  readonly behind?: number;
}
interface TextNode {
  readonly kind: 'text';
  readonly text: string;
  /** Where the text starts in the markup, and where it ends (its last character). */
  readonly start: number;
  readonly end: number;
}
type MarkupNode = ElementNode | TextNode;

const KEEP = ['keep', 'label'];
const BLOCK_ATTRS = {
  h1: ['id', 'align', ...KEEP],
  h2: ['id', 'align', ...KEEP],
  h3: ['id', 'align', ...KEEP],
  h4: ['id', 'align', ...KEEP],
  p: ['align', 'class', ...KEEP],
  ul: KEEP,
  ol: ['start', ...KEEP],
  table: ['borders', 'padding', ...KEEP],
  figure: KEEP,
  img: ['src', 'alt', 'width', ...KEEP],
  diagram: ['ref', 'alt', ...KEEP],
  box: ['tone', 'title', ...KEEP],
  columns: KEEP,
  'page-break': [],
  spacer: [],
  toc: ['depth', 'title', ...KEEP],
} as const satisfies Record<string, readonly string[]>;

const INLINE_ATTRS = {
  b: [],
  strong: [],
  i: [],
  em: [],
  u: [],
  code: [],
  span: ['color'],
  a: ['href'],
  br: [],
  'page-number': [],
  'page-count': [],
} as const satisfies Record<string, readonly string[]>;

/** Elements allowed only inside a particular parent, with their attributes. */
const STRUCTURE_ATTRS = {
  document: ['title', 'subject', 'author', 'keywords', 'lang'],
  section: ['size', 'orientation', 'margins', 'fit', 'min-size', 'max-size', 'fit-hint'],
  header: [],
  footer: [],
  li: [],
  colgroup: [],
  col: ['width', 'align'],
  thead: [],
  tbody: [],
  tr: [],
  th: ['colspan', 'align', 'shade'],
  td: ['colspan', 'align', 'shade'],
  figcaption: [],
  column: ['label'],
} as const satisfies Record<string, readonly string[]>;

const ALLOWED: Record<string, readonly string[]> = { ...BLOCK_ATTRS, ...INLINE_ATTRS, ...STRUCTURE_ATTRS };
const VOID = new Set(['br', 'img', 'col', 'page-break', 'spacer', 'page-number', 'page-count', 'toc']);
const THEME_COLORS = new Set(['primary', 'accent', 'muted', 'red', 'amber', 'green', 'grey']);

/** Every element of the document markup with its attributes, for documentation and tooling. */
export const MARKUP_ELEMENTS: Readonly<Record<string, readonly string[]>> = ALLOWED;

/**
 * Parses document markup (a small HTML subset, see docs/templates.md) into DocTree sections.
 * Unknown elements and attributes, misplaced elements and bad attribute values become diagnostics naming
 * `source` and the line; the parse goes on, so every problem is reported at once.
 */
export function parseMarkup(
  markup: string,
  source: string,
  kept?: UsageCache<Block>,
  trees?: MarkupTrees,
): ParsedMarkup {
  // A watch's: the tree of the last markup from the same source, parsed again where the markup changed. Where a
  // problem is found, the markup is parsed afresh, for the lines the diagnostics name.
  const reused = kept && trees ? trees.reparse(source, markup) : null;
  if (reused) {
    const parsed = fromTree(reused, markup, source, kept);
    if (parsed.diagnostics.length === 0) {
      trees?.remember(source, markup, reused);
      return parsed;
    }
  }
  const root = buildTree(markup);
  trees?.remember(source, markup, root);
  return fromTree(root, markup, source, kept);
}

function fromTree(root: MarkupNode[], markup: string, source: string, kept?: UsageCache<Block>): ParsedMarkup {
  const diagnostics: Diagnostic[] = [];
  const report = (node: ElementNode | null, code: string, message: string, hint: string) =>
    diagnostics.push({
      code,
      severity: 'error',
      path: [],
      message,
      hint,
      file: source,
      ...(node ? { location: { line: node.line, column: node.column } } : {}),
    });
  const convert = new Converter(report, kept ? { cache: kept, markup } : null);

  let meta: MarkupMeta = { title: null, subject: null, author: null, keywords: [], language: null };
  let content = root;
  const documents = root.filter((n): n is ElementNode => n.kind === 'element' && n.name === 'document');
  const doc = documents[0];
  if (doc) {
    convert.checkAttributes(doc);
    meta = {
      title: doc.attrs.title ?? null,
      subject: doc.attrs.subject ?? null,
      author: doc.attrs.author ?? null,
      keywords: (doc.attrs.keywords ?? '')
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
      language: doc.attrs.lang ?? null,
    };
    content = doc.children;
    for (const extra of documents.slice(1))
      report(extra, 'markup/misplaced', 'Only one <document> element is allowed.', 'Remove the second <document>.');
  }

  const sections: Section[] = [];
  let loose: MarkupNode[] = [];
  const flushLoose = () => {
    if (loose.some((n) => n.kind === 'element' || n.text.trim() !== '')) {
      sections.push({
        page: DEFAULT_PAGE,
        header: [],
        footer: [],
        fitToPage: false,
        blocks: convert.blocks(loose, true),
      });
    }
    loose = [];
  };
  for (const node of content) {
    if (node.kind === 'element' && node.name === 'section') {
      flushLoose();
      sections.push(convert.section(node));
    } else if (!(node.kind === 'element' && node.name === 'document')) loose.push(node);
  }
  flushLoose();
  return { meta, sections, diagnostics };
}

function buildTree(markup: string): MarkupNode[] {
  return treeOf(markup, null) as MarkupNode[];
}

/**
 * The tree of a markup. `stretchAt`: the markup is a stretch of a larger one starting there (offsets are the larger
 * one's, lines and columns the stretch's own), and the tree is returned only if every element in it is closed.
 */
function treeOf(markup: string, stretchAt: number | null): MarkupNode[] | null {
  const offset = stretchAt ?? 0;
  const lineStarts = [0];
  for (let i = 0; i < markup.length; i++) if (markup.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const position = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (lineStarts[lo] as number) + 1 };
  };
  const root: MarkupNode[] = [];
  const stack: ElementNode[] = [];
  const children = () => (stack.length > 0 ? (stack[stack.length - 1] as ElementNode).children : root);
  const parser: Parser = new Parser(
    {
      onopentag(name, attrs) {
        const start = parser.startIndex;
        const element: ElementNode = {
          kind: 'element',
          name,
          attrs,
          children: [],
          ...position(start),
          start: start + offset,
          end: -1,
        };
        children().push(element);
        // Empty elements never hold content, even when written without "/>".
        if (!VOID.has(name)) stack.push(element);
        else element.end = parser.endIndex + offset;
      },
      onclosetag(name) {
        if (!VOID.has(name)) {
          const element = stack.pop();
          if (element) element.end = parser.endIndex + offset;
        }
      },
      ontext(text) {
        const list = children();
        const last = list[list.length - 1];
        const end = parser.endIndex + offset;
        if (last?.kind === 'text')
          list[list.length - 1] = { kind: 'text', text: last.text + text, start: last.start, end };
        else list.push({ kind: 'text', text, start: parser.startIndex + offset, end });
      },
    },
    { lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true, decodeEntities: true },
  );
  parser.write(markup);
  // A stretch of markup must close what it opens: one that does not is parsed as part of the whole.
  if (stretchAt !== null && stack.length > 0) return null;
  parser.end();
  return root;
}

/**
 * The trees of the last few markups parsed from each source (a watch's). A new markup from the same source is
 * compared with them: the nodes before and after the stretch that changed are taken from the closest one (those
 * after it moved by the change in length), and the stretch is parsed alone, so a one-field edit of a large document
 * does not parse it all again.
 */
export class MarkupTrees {
  private readonly bySource = new Map<string, Array<{ readonly markup: string; readonly root: MarkupNode[] }>>();

  /** The tree of `markup`, from an earlier tree of the same source; null when none can be used. */
  reparse(source: string, markup: string): MarkupNode[] | null {
    let best: { root: MarkupNode[]; from: number; to: number; delta: number } | null = null;
    for (const earlier of this.bySource.get(source) ?? []) {
      if (earlier.markup === markup) return earlier.root;
      const a = earlier.markup;
      const from = commonStart(a, markup);
      const to = a.length - commonEnd(a, markup, Math.min(a.length, markup.length) - from);
      if (!best || to - from < best.to - best.from)
        best = { root: earlier.root, from, to, delta: markup.length - a.length };
    }
    return best ? respliced(best.root, markup, best.from, best.to, best.delta) : null;
  }

  remember(source: string, markup: string, root: MarkupNode[]): void {
    const kept = (this.bySource.get(source) ?? []).filter((t) => t.markup !== markup);
    this.bySource.set(source, [{ markup, root }, ...kept].slice(0, MarkupTrees.PER_SOURCE));
  }

  /** A source's document and its part of the pack may render apart: a few trees each. */
  static readonly PER_SOURCE = 3;
}

/** Strings are compared this many characters at a time (natively), then character by character. */
const STRIDE = 4096;

/** The length of what `a` and `b` start with alike. */
function commonStart(a: string, b: string): number {
  const shortest = Math.min(a.length, b.length);
  let at = 0;
  while (at + STRIDE <= shortest && a.slice(at, at + STRIDE) === b.slice(at, at + STRIDE)) at += STRIDE;
  while (at < shortest && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

/** The length of what `a` and `b` end with alike, at most `most`. */
function commonEnd(a: string, b: string, most: number): number {
  let n = 0;
  while (
    n + STRIDE <= most &&
    a.slice(a.length - n - STRIDE, a.length - n) === b.slice(b.length - n - STRIDE, b.length - n)
  )
    n += STRIDE;
  while (n < most && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/**
 * The tree of `markup`, from the tree of a markup that differs from it in `[from, to)` (its own offsets; `delta`:
 * the change in length). Among the siblings holding the change, a node that holds it all inside its content is
 * descended into; otherwise the siblings it touches (and the one on either side, as text may run into the change)
 * are parsed again from the new markup. Nodes after them move by `delta`, down to a section's own blocks, whose
 * offsets name their markup. Null when the change is not inside a run of whole siblings.
 */
function respliced(root: MarkupNode[], markup: string, from: number, to: number, delta: number): MarkupNode[] | null {
  const level = (nodes: readonly MarkupNode[]): MarkupNode[] | null => {
    let i = nodes.findIndex((n) => n.end >= from - 1);
    let j = nodes.length - 1;
    while (j >= 0 && (nodes[j] as MarkupNode).start > to) j--;
    if (i < 0) i = nodes.length - 1;
    if (j < i) return null;
    const first = nodes[i] as MarkupNode;
    const last = nodes[j] as MarkupNode;
    if (first.start > from || last.end + 1 < to) return null;
    const after = nodes.slice(j + 1).map((n) => moved(n, delta));
    if (i === j && first.kind === 'element' && first.children.length > 0) {
      const inner = childrenOf(first);
      if ((inner[0] as MarkupNode).start <= from && to <= (inner[inner.length - 1] as MarkupNode).end + 1) {
        const children = level(inner);
        if (!children) return null;
        return [...nodes.slice(0, i), { ...first, end: first.end + delta, children, behind: 0 }, ...after];
      }
    }
    const fresh = treeOf(markup.slice(first.start, last.end + delta + 1), first.start);
    return fresh ? [...nodes.slice(0, i), ...fresh, ...after] : null;
  };
  return level(root);
}

/**
 * A node `delta` characters on: the document's and sections' children moved too, down to the sections' blocks,
 * whose offsets are the keys of their converted blocks; deeper ones are moved when the tree is descended into
 * (`behind`). Their lines and columns are not: they are read for diagnostics only, and a tree with a problem is
 * parsed afresh.
 */
function moved(node: MarkupNode, delta: number): MarkupNode {
  if (delta === 0) return node;
  if (node.kind === 'text') return { ...node, start: node.start + delta, end: node.end + delta };
  const deep = node.name === 'document' || node.name === 'section';
  return {
    ...node,
    start: node.start + delta,
    end: node.end + delta,
    ...(deep
      ? { children: childrenOf(node).map((c) => moved(c, delta)), behind: 0 }
      : { behind: (node.behind ?? 0) + delta }),
  };
}

/** An element's children at their offsets. */
const childrenOf = (node: ElementNode): MarkupNode[] =>
  node.behind ? node.children.map((c) => moved(c, node.behind as number)) : node.children;

type Report = (node: ElementNode | null, code: string, message: string, hint: string) => void;

const isInlineNode = (node: MarkupNode) => node.kind === 'text' || node.name in INLINE_ATTRS;

/** Converts element nodes to DocTree blocks and inlines, reporting what it cannot convert. */
class Converter {
  /** Problems reported so far. */
  private problems = 0;
  private readonly report: Report;

  constructor(
    report: Report,
    /**
     * Blocks converted before, by their markup (a watch's): a block whose markup reads the same is the same object
     * as before, so what later stages worked out for it holds. Only blocks converted without a problem are kept.
     */
    private readonly kept: { readonly cache: UsageCache<Block>; readonly markup: string } | null = null,
  ) {
    this.report = (node, code, message, hint) => {
      this.problems++;
      report(node, code, message, hint);
    };
  }

  /** A block from its element, taken from `kept` when its markup was converted before. */
  private keptBlock(node: ElementNode): Block | null {
    if (!this.kept || node.end < 0) return this.block(node);
    const key = this.kept.markup.slice(node.start, node.end + 1);
    const known = this.kept.cache.get(key);
    if (known) return known;
    const problems = this.problems;
    const block = this.block(node);
    if (block && this.problems === problems) this.kept.cache.set(key, block);
    return block;
  }

  checkAttributes(node: ElementNode): void {
    const allowed = ALLOWED[node.name] ?? [];
    for (const name of Object.keys(node.attrs)) {
      if (!allowed.includes(name)) {
        this.report(
          node,
          'markup/unknown-attribute',
          `<${node.name}> has no attribute "${name}".`,
          allowed.length > 0
            ? `Attributes of <${node.name}>: ${allowed.join(', ')}.`
            : `<${node.name}> takes no attributes.`,
        );
      }
    }
  }

  section(node: ElementNode): Section {
    this.checkAttributes(node);
    const a = node.attrs;
    const size = this.oneOf(node, 'size', ['A4', 'Letter', 'A3', 'A2'] as const, DEFAULT_PAGE.size) as PaperSize;
    const orientation = this.oneOf(node, 'orientation', ['portrait', 'landscape'] as const, 'portrait');
    const margins = a.margins === undefined ? DEFAULT_PAGE.margins : this.margins(node, a.margins);
    const fit = this.oneOf(node, 'fit', ['none', 'page'] as const, 'none');
    const minBodySize = a['min-size'] === undefined ? null : this.length(node, 'min-size');
    const maxBodySize = a['max-size'] === undefined ? null : this.length(node, 'max-size');
    if (minBodySize !== null && maxBodySize !== null && minBodySize > maxBodySize)
      this.report(
        node,
        'markup/invalid-attribute',
        `<section min-size="${a['min-size']}"> is larger than max-size="${a['max-size']}".`,
        'Give min-size a length no larger than max-size.',
      );
    let header: Block[] = [];
    let footer: Block[] = [];
    const body: MarkupNode[] = [];
    for (const child of node.children) {
      if (child.kind === 'element' && child.name === 'header') {
        this.checkAttributes(child);
        header = this.blocks(child.children);
      } else if (child.kind === 'element' && child.name === 'footer') {
        this.checkAttributes(child);
        footer = this.blocks(child.children);
      } else body.push(child);
    }
    return {
      page: { size, orientation, margins },
      header,
      footer,
      fitToPage: fit === 'page',
      ...(minBodySize !== null ? { minBodySize } : {}),
      ...(maxBodySize !== null ? { maxBodySize: Math.max(maxBodySize, minBodySize ?? 0) } : {}),
      ...(a['fit-hint'] ? { fitHint: a['fit-hint'] } : {}),
      blocks: this.blocks(body, true),
    };
  }

  /**
   * Converts a mixed list of nodes to blocks; runs of inline content become paragraphs. A section's own blocks
   * (`top`) are taken from `kept` when their markup was converted before.
   */
  blocks(nodes: readonly MarkupNode[], top = false): Block[] {
    const out: Block[] = [];
    let pending: MarkupNode[] = [];
    const flush = () => {
      const content = this.inlines(pending, {});
      if (content.length > 0) out.push({ type: 'paragraph', align: 'left', style: 'body', content });
      pending = [];
    };
    for (const node of nodes) {
      if (isInlineNode(node)) pending.push(node);
      else {
        flush();
        const block = top ? this.keptBlock(node as ElementNode) : this.block(node as ElementNode);
        if (block) out.push(block);
      }
    }
    flush();
    return out;
  }

  private block(node: ElementNode): Block | null {
    this.checkAttributes(node);
    if (!(node.name in BLOCK_ATTRS)) {
      const known = node.name in ALLOWED;
      this.report(
        node,
        known ? 'markup/misplaced' : 'markup/unknown-element',
        known ? `<${node.name}> is not allowed here.` : `Unknown element <${node.name}>.`,
        known ? misplacedHint(node.name) : `Use one of the document markup elements (docs/templates.md).`,
      );
      // Keep the content a reader would have seen.
      return node.children.length > 0
        ? { type: 'paragraph', align: 'left', style: 'body', content: this.inlines(node.children, {}) }
        : null;
    }
    const a = node.attrs;
    const hints = this.hints(node);
    switch (node.name) {
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
        return {
          type: 'heading',
          level: Number(node.name[1]) as 1 | 2 | 3 | 4,
          id: a.id ?? null,
          align: this.align(node) ?? 'left',
          content: this.inlines(node.children, {}),
          keepWithNext: true,
          ...hints,
        };
      case 'p':
        return {
          type: 'paragraph',
          align: this.align(node) ?? 'left',
          style: this.oneOf(
            node,
            'class',
            ['body', 'lead', 'small', 'muted', 'title', 'subtitle'] as const,
            'body',
          ) as ParagraphStyle,
          content: this.inlines(node.children, {}),
          ...hints,
        };
      case 'ul':
      case 'ol': {
        const items = node.children.flatMap((child) => {
          if (child.kind === 'text') {
            if (child.text.trim())
              this.report(
                node,
                'markup/misplaced',
                `Text directly inside <${node.name}>.`,
                'Put list text inside <li>.',
              );
            return [];
          }
          if (child.name !== 'li') {
            this.report(
              child,
              'markup/misplaced',
              `<${child.name}> inside <${node.name}>.`,
              'A list holds only <li> items.',
            );
            return [];
          }
          this.checkAttributes(child);
          return [{ blocks: this.blocks(child.children) }];
        });
        return { type: 'list', ordered: node.name === 'ol', start: this.integer(node, 'start', 1), items, ...hints };
      }
      case 'table':
        return this.table(node, hints);
      case 'figure': {
        const captionNode = node.children.find(
          (c): c is ElementNode => c.kind === 'element' && c.name === 'figcaption',
        );
        if (captionNode) this.checkAttributes(captionNode);
        return {
          type: 'figure',
          blocks: this.blocks(node.children.filter((c) => c !== captionNode)),
          caption: captionNode ? this.inlines(captionNode.children, {}) : [],
          ...hints,
        };
      }
      case 'img':
        if (!a.src)
          this.report(node, 'markup/missing-attribute', '<img> needs a src.', 'Give src a data URI or a path.');
        return { type: 'image', src: a.src ?? '', alt: a.alt ?? '', width: this.percent(node, 'width'), ...hints };
      case 'diagram':
        if (!a.ref)
          this.report(
            node,
            'markup/missing-attribute',
            '<diagram> needs a ref.',
            'Set ref to the id of a diagram of the view.',
          );
        return { type: 'diagram', ref: a.ref ?? '', alt: a.alt ?? '', fallback: this.blocks(node.children), ...hints };
      case 'box':
        return {
          type: 'box',
          tone: this.oneOf(
            node,
            'tone',
            ['neutral', 'info', 'decision', 'success', 'warning', 'danger'] as const,
            'neutral',
          ) as BoxTone,
          title: a.title ? this.inlines([{ kind: 'text', text: a.title, start: node.start, end: node.start }], {}) : [],
          blocks: this.blocks(node.children),
          ...hints,
        };
      case 'columns': {
        const labels: Array<string | null> = [];
        const columns = node.children.flatMap((child) => {
          if (child.kind === 'text') return [];
          if (child.name !== 'column') {
            this.report(
              child,
              'markup/misplaced',
              `<${child.name}> inside <columns>.`,
              '<columns> holds only <column> elements.',
            );
            return [];
          }
          this.checkAttributes(child);
          labels.push(child.attrs.label ?? null);
          return [this.blocks(child.children)];
        });
        return { type: 'columns', columns, ...(labels.some((l) => l !== null) ? { labels } : {}), ...hints };
      }
      case 'page-break':
        return { type: 'page-break' };
      case 'spacer':
        return { type: 'spacer' };
      case 'toc':
        return {
          type: 'toc',
          depth: this.integer(node, 'depth', 2, 1, 4) as 1 | 2 | 3 | 4,
          title: a.title ? [{ type: 'text', text: a.title, marks: {} }] : [],
          ...hints,
        };
      default:
        return null;
    }
  }

  private table(node: ElementNode, hints: BlockHints): Block {
    const columns: TableColumn[] = [];
    const rows: TableRow[] = [];
    let headerRows = 0;
    const row = (tr: ElementNode, inHead: boolean) => {
      this.checkAttributes(tr);
      const cells: TableCell[] = [];
      for (const c of tr.children) {
        if (c.kind === 'text') continue;
        if (c.name !== 'td' && c.name !== 'th') {
          this.report(c, 'markup/misplaced', `<${c.name}> inside <tr>.`, 'A row holds only <td> and <th> cells.');
          continue;
        }
        this.checkAttributes(c);
        cells.push({
          blocks: this.blocks(c.children),
          colspan: this.integer(c, 'colspan', 1, 1, 64),
          align: this.align(c),
          shade: this.color(c, 'shade'),
          header: c.name === 'th' || inHead,
        });
      }
      rows.push({ cells });
      if (inHead) headerRows++;
    };
    const group = (el: ElementNode, inHead: boolean) => {
      this.checkAttributes(el);
      for (const c of el.children) {
        if (c.kind === 'text') continue;
        if (c.name === 'tr') row(c, inHead);
        else
          this.report(c, 'markup/misplaced', `<${c.name}> inside <${el.name}>.`, `<${el.name}> holds only <tr> rows.`);
      }
    };
    for (const child of node.children) {
      if (child.kind === 'text') {
        if (child.text.trim())
          this.report(node, 'markup/misplaced', 'Text directly inside <table>.', 'Put text inside <td> cells.');
        continue;
      }
      if (child.name === 'colgroup') {
        this.checkAttributes(child);
        for (const col of child.children) {
          if (col.kind === 'text') continue;
          if (col.name !== 'col') {
            this.report(
              col,
              'markup/misplaced',
              `<${col.name}> inside <colgroup>.`,
              '<colgroup> holds only <col> elements.',
            );
            continue;
          }
          this.checkAttributes(col);
          columns.push({ width: this.percent(col, 'width'), align: this.align(col) });
        }
      } else if (child.name === 'thead') group(child, true);
      else if (child.name === 'tbody') group(child, false);
      else if (child.name === 'tr')
        row(
          child,
          rows.length === headerRows &&
            child.children.some((c) => c.kind === 'element' && c.name === 'th') &&
            !child.children.some((c) => c.kind === 'element' && c.name === 'td'),
        );
      else
        this.report(
          child,
          'markup/misplaced',
          `<${child.name}> inside <table>.`,
          'A table holds <colgroup>, <thead>, <tbody> and <tr>.',
        );
    }
    const padding = node.attrs.padding === undefined ? null : this.padding(node, node.attrs.padding);
    return {
      type: 'table',
      columns,
      headerRows,
      rows,
      borders: this.oneOf(node, 'borders', ['all', 'rows', 'none'] as const, 'rows'),
      ...(padding ? { padding } : {}),
      ...hints,
    };
  }

  /** Converts inline nodes, applying marks; block elements here are reported and their text kept. */
  inlines(nodes: readonly MarkupNode[], marks: Marks): Inline[] {
    return normalizeWhitespace(this.rawInlines(nodes, marks));
  }

  private rawInlines(nodes: readonly MarkupNode[], marks: Marks): Inline[] {
    const out: Inline[] = [];
    for (const node of nodes) {
      if (node.kind === 'text') {
        out.push({ type: 'text', text: node.text, marks });
        continue;
      }
      this.checkAttributes(node);
      switch (node.name) {
        case 'b':
        case 'strong':
          out.push(...this.rawInlines(node.children, { ...marks, bold: true }));
          break;
        case 'i':
        case 'em':
          out.push(...this.rawInlines(node.children, { ...marks, italic: true }));
          break;
        case 'u':
          out.push(...this.rawInlines(node.children, { ...marks, underline: true }));
          break;
        case 'code':
          out.push(...this.rawInlines(node.children, { ...marks, code: true }));
          break;
        case 'span': {
          const color = this.color(node, 'color');
          out.push(...this.rawInlines(node.children, color ? { ...marks, color } : marks));
          break;
        }
        case 'a': {
          const href = node.attrs.href ?? '';
          if (!href)
            this.report(
              node,
              'markup/missing-attribute',
              '<a> needs an href.',
              'Use href="https://…" or href="#heading-id".',
            );
          const internal = href.startsWith('#');
          if (!internal && href && !/^(https?:|mailto:|tel:)/i.test(href)) {
            this.report(
              node,
              'markup/invalid-attribute',
              `Link "${href}" is neither a web address nor #id.`,
              'Links may go to http(s):, mailto:, tel: or #heading-id.',
            );
          }
          out.push({
            type: 'link',
            href: internal ? null : href || null,
            target: internal ? href.slice(1) : null,
            content: this.rawInlines(node.children, marks),
          });
          break;
        }
        case 'br':
          out.push({ type: 'break' });
          break;
        case 'page-number':
        case 'page-count':
          out.push({ type: 'field', field: node.name === 'page-number' ? 'page' : 'pages', marks });
          break;
        default: {
          const known = node.name in ALLOWED;
          this.report(
            node,
            known ? 'markup/misplaced' : 'markup/unknown-element',
            known ? `<${node.name}> is not allowed inside text.` : `Unknown element <${node.name}>.`,
            known ? misplacedHint(node.name) : 'Use one of the document markup elements (docs/templates.md).',
          );
          out.push(...this.rawInlines(node.children, marks));
        }
      }
    }
    return out;
  }

  private hints(node: ElementNode): BlockHints {
    const keep = node.attrs.keep;
    const label = node.attrs.label ? { label: node.attrs.label } : {};
    if (keep === undefined) return label;
    if (keep === 'together') return { keepTogether: true, ...label };
    if (keep === 'with-next') return { keepWithNext: true, ...label };
    this.badValue(node, 'keep', ['together', 'with-next']);
    return label;
  }

  /** Cell padding as in CSS, one or two lengths: `6pt` (all round) or `4pt 10pt` (above and below, sides). */
  private padding(node: ElementNode, value: string): { x: number; y: number } | null {
    const parts = value.trim().split(/\s+/).map(toPoints);
    if (parts.length < 1 || parts.length > 2 || parts.some((p) => p === null)) {
      this.badValue(node, 'padding', ['one or two lengths, as in CSS: "6pt" or "4pt 10pt"']);
      return null;
    }
    const [y, x = y] = parts as number[];
    return { x: x as number, y: y as number };
  }

  /** A positive length such as `9pt` or `4mm`, in points; null (and a diagnostic) when it is not one. */
  private length(node: ElementNode, attr: string): number | null {
    const value = toPoints((node.attrs[attr] ?? '').trim());
    if (value !== null && value > 0) return value;
    this.badValue(node, attr, ['a length such as 9pt or 3.5mm']);
    return null;
  }

  private align(node: ElementNode): Align | null {
    const value = node.attrs.align;
    if (value === undefined) return null;
    if (value === 'left' || value === 'center' || value === 'right' || value === 'justify') return value;
    this.badValue(node, 'align', ['left', 'center', 'right', 'justify']);
    return null;
  }

  private color(node: ElementNode, attr: string): Color | null {
    const value = node.attrs[attr];
    if (value === undefined) return null;
    if (THEME_COLORS.has(value) || /^#[0-9a-fA-F]{6}$/.test(value)) return value as Color;
    this.badValue(node, attr, [...THEME_COLORS, '#RRGGBB']);
    return null;
  }

  private oneOf<T extends string>(node: ElementNode, attr: string, allowed: readonly T[], fallback: T): T {
    const value = node.attrs[attr];
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.badValue(node, attr, allowed);
    return fallback;
  }

  private integer(node: ElementNode, attr: string, fallback: number, min = 1, max = 1_000_000): number {
    const value = node.attrs[attr];
    if (value === undefined) return fallback;
    const n = Number(value);
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    this.badValue(node, attr, [`a whole number from ${min} to ${max}`]);
    return fallback;
  }

  private percent(node: ElementNode, attr: string): number | null {
    const value = node.attrs[attr];
    if (value === undefined || value === 'auto') return null;
    const m = /^(\d+(?:\.\d+)?)%$/.exec(value);
    if (m && Number(m[1]) > 0 && Number(m[1]) <= 100) return Number(m[1]);
    this.badValue(node, attr, ['a percentage such as 30%', 'auto']);
    return null;
  }

  private margins(node: ElementNode, value: string): Margins {
    const parts = value.trim().split(/\s+/).map(toPoints);
    if (parts.some((p) => p === null) || parts.length < 1 || parts.length > 4) {
      this.badValue(node, 'margins', ['one to four lengths in mm, cm, in or pt, as in CSS: "20mm" or "15mm 20mm"']);
      return DEFAULT_PAGE.margins;
    }
    const [top, right = top, bottom = top, left = right] = parts as number[];
    return { top: top as number, right: right as number, bottom: bottom as number, left: left as number };
  }

  private badValue(node: ElementNode, attr: string, allowed: readonly string[]): void {
    this.report(
      node,
      'markup/invalid-attribute',
      `<${node.name} ${attr}="${node.attrs[attr]}"> is not a valid value.`,
      `Use ${allowed.join(', ')}.`,
    );
  }
}

function misplacedHint(name: string): string {
  const parents: Record<string, string> = {
    li: '<li> goes inside <ul> or <ol>.',
    tr: '<tr> goes inside <table>, <thead> or <tbody>.',
    td: '<td> goes inside <tr>.',
    th: '<th> goes inside <tr>.',
    col: '<col> goes inside <colgroup>.',
    column: '<column> goes inside <columns>.',
    figcaption: '<figcaption> goes inside <figure>.',
    header: '<header> goes inside <section>.',
    footer: '<footer> goes inside <section>.',
    section: '<section> goes at the top level or inside <document>.',
    document: '<document> is the outermost element.',
  };
  return parents[name] ?? `Block elements such as <${name}> cannot stand inside text; close the paragraph first.`;
}

/** A CSS-like length (`20mm`, `1.5cm`, `1in`, `12pt`) in points, or null. */
export function toPoints(length: string): number | null {
  const m = /^(\d+(?:\.\d+)?)(mm|cm|in|pt)$/.exec(length);
  if (!m) return null;
  const n = Number(m[1]);
  const factor = { mm: 72 / 25.4, cm: 72 / 2.54, in: 72, pt: 1 }[m[2] as 'mm' | 'cm' | 'in' | 'pt'];
  return Math.round(n * factor * 100) / 100;
}

const sameMarks = (a: Marks, b: Marks) =>
  a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.code === b.code && a.color === b.color;

/**
 * Whitespace as a reader expects from HTML: runs of spaces, tabs and newlines collapse to one space, no
 * space at the start or end of a block or around a line break; adjacent runs with the same marks merge.
 * Non-breaking spaces (U+00A0) are kept.
 */
function normalizeWhitespace(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  let lastEndsWithSpace = true; // at the start of a block, leading space is dropped
  for (const node of inlines) {
    if (node.type === 'text') {
      let text = node.text.replace(/[ \t\n\r\f]+/g, ' ');
      if (lastEndsWithSpace) text = text.replace(/^ /, '');
      if (text === '') continue;
      lastEndsWithSpace = text.endsWith(' ');
      const prev = out[out.length - 1];
      if (prev?.type === 'text' && sameMarks(prev.marks, node.marks))
        out[out.length - 1] = { ...prev, text: prev.text + text };
      else out.push({ type: 'text', text, marks: cleanMarks(node.marks) });
    } else if (node.type === 'link') {
      const content = normalizeWhitespace(node.content);
      out.push({ ...node, content });
      lastEndsWithSpace = false;
    } else if (node.type === 'break') {
      trimEnd(out);
      out.push(node);
      lastEndsWithSpace = true;
    } else {
      out.push({ ...node, marks: cleanMarks(node.marks) });
      lastEndsWithSpace = false;
    }
  }
  trimEnd(out);
  return out;
}

function trimEnd(out: Inline[]): void {
  const last = out[out.length - 1];
  if (last?.type === 'text' && last.text.endsWith(' ')) {
    const text = last.text.replace(/ $/, '');
    if (text) out[out.length - 1] = { ...last, text };
    else out.pop();
  }
}

/** Drops marks that are off, so equal marks compare and serialize equal. */
function cleanMarks(marks: Marks): Marks {
  const out: { -readonly [K in keyof Marks]: Marks[K] } = {};
  if (marks.bold) out.bold = true;
  if (marks.italic) out.italic = true;
  if (marks.underline) out.underline = true;
  if (marks.code) out.code = true;
  if (marks.color) out.color = marks.color;
  return out;
}

/**
 * Checks only the element and attribute names of markup — for template sources, where the structure
 * depends on data but the names are written by hand, so the line reported is the template's own.
 */
export function checkMarkupNames(markup: string, source: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const visit = (nodes: readonly MarkupNode[]) => {
    for (const node of nodes) {
      if (node.kind === 'text') continue;
      const allowed = ALLOWED[node.name];
      const location = { line: node.line, column: node.column };
      if (!allowed) {
        diagnostics.push({
          code: 'markup/unknown-element',
          severity: 'error',
          path: [],
          file: source,
          location,
          message: `Unknown element <${node.name}>.`,
          hint: 'Use one of the document markup elements (docs/templates.md).',
        });
      } else {
        for (const name of Object.keys(node.attrs)) {
          if (allowed.includes(name)) continue;
          diagnostics.push({
            code: 'markup/unknown-attribute',
            severity: 'error',
            path: [],
            file: source,
            location,
            message: `<${node.name}> has no attribute "${name}".`,
            hint:
              allowed.length > 0
                ? `Attributes of <${node.name}>: ${allowed.join(', ')}.`
                : `<${node.name}> takes no attributes.`,
          });
        }
      }
      visit(node.children);
    }
  };
  visit(buildTree(blankMustaches(markup)));
  return diagnostics;
}

/** Template text with Handlebars comments and expressions blanked out (newlines kept, so lines still match). */
function blankMustaches(template: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return template.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}|\{\{[\s\S]*?\}\}/g, blank);
}
