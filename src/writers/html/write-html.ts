import {
  BOX_TONES,
  type Block,
  type DiagramSet,
  type Color,
  type DocTheme,
  type DocTree,
  headingsOf,
  type Inline,
  inlineText,
  type Marks,
  PAPER_SIZES,
  type Section,
  type Table,
} from '../../doctree/index.js';

/**
 * Writes a DocTree as one self-contained HTML file: inline CSS, images as data URIs (as given), print CSS
 * with each section's page size. A preview readable in any browser; deterministic for the same tree.
 */
export function writeHtml(doc: DocTree, options: { readonly diagrams?: DiagramSet } = {}): string {
  const { meta } = doc;
  const theme = meta.theme;
  const headings = collectHeadings(doc);
  const body = doc.sections
    .map((section, i) => sectionHtml(section, i, theme, headings, options.diagrams ?? new Map()))
    .join('\n');
  const keywords =
    meta.keywords.length > 0 ? `\n<meta name="keywords" content="${attr(meta.keywords.join(', '))}">` : '';
  return `<!DOCTYPE html>
<html lang="${attr(meta.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text(meta.title)}</title>${meta.author ? `\n<meta name="author" content="${attr(meta.author)}">` : ''}${meta.subject ? `\n<meta name="description" content="${attr(meta.subject)}">` : ''}${keywords}
<meta name="generator" content="stratdoc">
<meta name="date" content="${attr(meta.date)}">
<style>
${css(doc)}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

interface HeadingRef {
  readonly level: number;
  readonly id: string;
  readonly text: string;
}

function collectHeadings(doc: DocTree): HeadingRef[] {
  return headingsOf(doc)
    .filter((h) => h.id !== null)
    .map((h) => ({ level: h.level, id: h.id as string, text: inlineText(h.content) }));
}

function sectionHtml(
  section: Section,
  index: number,
  theme: DocTheme,
  headings: HeadingRef[],
  diagrams: DiagramSet,
): string {
  const ctx: Ctx = { theme, headings, diagrams };
  const page = `page-${index}`;
  const header =
    section.header.length > 0 ? `<header class="running">${blocksHtml(section.header, ctx)}</header>\n` : '';
  const footer =
    section.footer.length > 0 ? `\n<footer class="running">${blocksHtml(section.footer, ctx)}</footer>` : '';
  const fit = section.fitToPage ? ' fit-to-page' : '';
  return `<section class="sheet ${page}${fit}" data-size="${section.page.size}" data-orientation="${section.page.orientation}">
${header}<div class="content">
${blocksHtml(section.blocks, ctx)}
</div>${footer}
</section>`;
}

interface Ctx {
  readonly theme: DocTheme;
  readonly headings: HeadingRef[];
  readonly diagrams: DiagramSet;
}

function blocksHtml(blocks: readonly Block[], ctx: Ctx): string {
  return blocks.map((b) => blockHtml(b, ctx)).join('\n');
}

function hintClasses(b: { keepTogether?: boolean; keepWithNext?: boolean }): string[] {
  const out: string[] = [];
  if (b.keepTogether) out.push('keep-together');
  if (b.keepWithNext) out.push('keep-with-next');
  return out;
}

function classAttr(classes: readonly string[]): string {
  return classes.length > 0 ? ` class="${classes.join(' ')}"` : '';
}

function blockHtml(b: Block, ctx: Ctx): string {
  switch (b.type) {
    case 'heading': {
      const id = b.id;
      const align = b.align !== 'left' ? ` style="text-align:${b.align}"` : '';
      return `<h${b.level}${id ? ` id="${attr(id)}"` : ''}${align}>${inlinesHtml(b.content, ctx)}</h${b.level}>`;
    }
    case 'paragraph': {
      const classes = [...(b.style !== 'body' ? [b.style] : []), ...hintClasses(b)];
      const align = b.align !== 'left' ? ` style="text-align:${b.align}"` : '';
      return `<p${classAttr(classes)}${align}>${inlinesHtml(b.content, ctx)}</p>`;
    }
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      const start = b.ordered && b.start !== 1 ? ` start="${b.start}"` : '';
      const items = b.items.map((item) => `<li>${compactBlocks(item.blocks, ctx)}</li>`).join('');
      return `<${tag}${start}${classAttr(hintClasses(b))}>${items}</${tag}>`;
    }
    case 'table':
      return tableHtml(b, ctx);
    case 'figure':
      return `<figure${classAttr(hintClasses(b))}>${blocksHtml(b.blocks, ctx)}${b.caption.length > 0 ? `<figcaption>${inlinesHtml(b.caption, ctx)}</figcaption>` : ''}</figure>`;
    case 'image': {
      const width = b.width !== null ? ` style="width:${b.width}%"` : '';
      return `<img src="${attr(b.src)}" alt="${attr(b.alt)}"${width}${classAttr(hintClasses(b))}>`;
    }
    case 'diagram': {
      const art = ctx.diagrams.get(b.ref);
      // Each inline SVG gets ids of its own: mermaid scopes its styles by the SVG's id.
      if (art) {
        const svg = art.svg.replace(/stratdoc-diagram/g, `stratdoc-diagram-${b.ref.replace(/[^\w-]/g, '_')}`);
        return `<figure class="diagram-art" role="img" aria-label="${attr(b.alt)}">${svg}</figure>`;
      }
      // Without a drawing the preview shows the diagram's content as text.
      return `<div class="diagram" data-ref="${attr(b.ref)}" role="img" aria-label="${attr(b.alt)}">${blocksHtml(b.fallback, ctx)}</div>`;
    }
    case 'box': {
      const title = b.title.length > 0 ? `<div class="box-title">${inlinesHtml(b.title, ctx)}</div>` : '';
      return `<aside class="${['box', `tone-${b.tone}`, ...hintClasses(b)].join(' ')}">${title}${blocksHtml(b.blocks, ctx)}</aside>`;
    }
    case 'columns':
      return `<div class="${['columns', ...hintClasses(b)].join(' ')}" style="grid-template-columns:repeat(${Math.max(1, b.columns.length)},1fr)">${b.columns
        .map((c) => `<div class="column">${blocksHtml(c, ctx)}</div>`)
        .join('')}</div>`;
    case 'spacer':
      return '';
    case 'page-break':
      return '<div class="page-break"></div>';
    case 'toc': {
      const entries = ctx.headings
        .filter((h) => h.level <= b.depth)
        .map((h) => `<li class="toc-${h.level}"><a href="#${attr(h.id)}">${text(h.text)}</a></li>`)
        .join('');
      const title = b.title.length > 0 ? `<div class="toc-title">${inlinesHtml(b.title, ctx)}</div>` : '';
      return `<nav class="toc">${title}<ol>${entries}</ol></nav>`;
    }
  }
}

/** A single paragraph in a list item or cell is written without its <p>, so it sits on the marker's line. */
function compactBlocks(blocks: readonly Block[], ctx: Ctx): string {
  const only = blocks[0];
  if (blocks.length === 1 && only?.type === 'paragraph' && only.style === 'body' && only.align === 'left') {
    return inlinesHtml(only.content, ctx);
  }
  return blocksHtml(blocks, ctx);
}

function tableHtml(t: Table, ctx: Ctx): string {
  const colgroup =
    t.columns.length > 0
      ? `<colgroup>${t.columns.map((c) => `<col${c.width !== null ? ` style="width:${c.width}%"` : ''}>`).join('')}</colgroup>`
      : '';
  const row = (cells: Table['rows'][number]['cells'], inHead: boolean, columnAlign: (i: number) => string | null) => {
    let col = 0;
    return `<tr>${cells
      .map((c) => {
        const tag = c.header || inHead ? 'th' : 'td';
        const style: string[] = [];
        const align = c.align ?? columnAlign(col);
        if (align) style.push(`text-align:${align}`);
        if (c.shade) style.push(`background:${colorValue(c.shade, ctx.theme)}`);
        if (t.padding) style.push(`padding:${t.padding.y}pt ${t.padding.x}pt`);
        col += c.colspan;
        return `<${tag}${c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}${style.length > 0 ? ` style="${style.join(';')}"` : ''}>${compactBlocks(c.blocks, ctx)}</${tag}>`;
      })
      .join('')}</tr>`;
  };
  const columnAlign = (i: number) => t.columns[i]?.align ?? null;
  const head = t.rows.slice(0, t.headerRows);
  const body = t.rows.slice(t.headerRows);
  const thead = head.length > 0 ? `<thead>${head.map((r) => row(r.cells, true, columnAlign)).join('')}</thead>` : '';
  const tbody = `<tbody>${body.map((r) => row(r.cells, false, columnAlign)).join('')}</tbody>`;
  // Width hints stay hints: the browser's automatic layout never breaks a word to honour them.
  return `<table class="${[`borders-${t.borders}`, ...hintClasses(t)].join(' ')}">${colgroup}${thead}${tbody}</table>`;
}

function inlinesHtml(inlines: readonly Inline[], ctx: Ctx): string {
  return inlines
    .map((node) => {
      switch (node.type) {
        case 'text':
          return marked(text(node.text), node.marks, ctx);
        case 'link': {
          const href = node.target !== null ? `#${node.target}` : (node.href ?? '#');
          return `<a href="${attr(href)}">${inlinesHtml(node.content, ctx)}</a>`;
        }
        case 'break':
          return '<br>';
        case 'field':
          // A preview has no pages; print CSS fills these in the page margins where the browser can.
          return marked(`<span class="field field-${node.field}"></span>`, node.marks, ctx);
        default:
          return '';
      }
    })
    .join('');
}

function marked(html: string, marks: Marks, ctx: Ctx): string {
  let out = html;
  if (marks.code) out = `<code>${out}</code>`;
  if (marks.bold) out = `<strong>${out}</strong>`;
  if (marks.italic) out = `<em>${out}</em>`;
  if (marks.underline) out = `<u>${out}</u>`;
  if (marks.color) out = `<span style="color:${colorValue(marks.color, ctx.theme)}">${out}</span>`;
  return out;
}

function colorValue(color: Color, theme: DocTheme): string {
  return color.startsWith('#') ? color : (theme.colors[color as keyof DocTheme['colors']] ?? '#000000');
}

/** Escapes text content. */
function text(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes an attribute value (always written in double quotes). */
function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;');
}

const mm = (pt: number) => `${Math.round((pt / 72) * 25.4 * 10) / 10}mm`;

function css(doc: DocTree): string {
  const t = doc.meta.theme;
  const c = t.colors;
  const family = `"${t.fontFamily.replace(/"/g, '')}", "Noto Sans", "DejaVu Sans", "Segoe UI", Arial, sans-serif`;
  const pages = doc.sections
    .map((s, i) => {
      const [w, h] = PAPER_SIZES[s.page.size];
      const [pw, ph] = s.page.orientation === 'landscape' ? [h, w] : [w, h];
      const m = s.page.margins;
      const footer = footerContent(s);
      const margin = footer
        ? `\n  @bottom-center { content: ${footer}; font-family: ${family}; font-size: 8pt; color: ${c.muted}; }`
        : '';
      return `@page page-${i} { size: ${mm(pw)} ${mm(ph)}; margin: ${mm(m.top)} ${mm(m.right)} ${mm(m.bottom)} ${mm(m.left)};${margin}
}
.page-${i} { page: page-${i}; max-width: ${mm(pw)}; padding: ${mm(m.top)} ${mm(m.right)} ${mm(m.bottom)} ${mm(m.left)}; }`;
    })
    .join('\n');
  const tones = Object.entries(BOX_TONES)
    .map(
      ([tone, look]) =>
        `.tone-${tone} { border-color: ${look.bar ? colorValue(look.bar, t) : 'transparent'}; background: ${look.fill}; }`,
    )
    .join('\n');
  return `:root { --primary: ${c.primary}; --accent: ${c.accent}; --muted: ${c.muted}; --text: ${c.text}; }
* { box-sizing: border-box; }
html { background: #e9ecef; }
body { margin: 0; font-family: ${family}; font-size: 10.5pt; line-height: 1.45; color: var(--text); }
.sheet { background: #fff; margin: 24px auto; box-shadow: 0 1px 6px rgba(0,0,0,.18); }
.running { color: var(--muted); font-size: 8pt; }
.running p { margin: 0; }
header.running { border-bottom: 0.5pt solid #d0d5db; margin-bottom: 12pt; padding-bottom: 4pt; }
footer.running { border-top: 0.5pt solid #d0d5db; margin-top: 18pt; padding-top: 4pt; }
.field::before { content: "#"; }
h1, h2, h3, h4 { color: var(--primary); line-height: 1.2; margin: 1.1em 0 0.45em; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 20pt; } h2 { font-size: 15pt; } h3 { font-size: 12.5pt; } h4 { font-size: 11pt; }
p { margin: 0 0 0.6em; orphans: 2; widows: 2; }
p.title { font-size: 26pt; font-weight: 700; color: var(--primary); line-height: 1.15; }
p.subtitle { font-size: 14pt; color: var(--muted); }
p.lead { font-size: 12pt; }
p.small { font-size: 8.5pt; }
p.muted { color: var(--muted); }
a { color: var(--primary); }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 0.92em; background: #f1f3f5; padding: 0 2px; }
ul, ol { margin: 0 0 0.6em; padding-left: 1.4em; }
li { margin: 0.15em 0; }
table { width: 100%; border-collapse: collapse; margin: 0.4em 0 0.9em; font-size: 9.5pt; }
th, td { padding: 4pt 5pt; vertical-align: top; text-align: left; }
th { background: #eef2f6; color: var(--primary); font-weight: 700; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.borders-all th, table.borders-all td { border: 0.5pt solid #c5ccd3; }
table.borders-rows th, table.borders-rows td { border-bottom: 0.5pt solid #d6dbe0; }
td p, th p { margin: 0 0 0.3em; }
td > :last-child, th > :last-child { margin-bottom: 0; }
figure { margin: 0.6em 0 1em; }
figcaption { color: var(--muted); font-size: 9pt; margin-top: 4pt; }
img { max-width: 100%; height: auto; }
.box { border-left: 4pt solid var(--muted); background: #f6f7f9; padding: 8pt 12pt; margin: 0.6em 0 1em; break-inside: avoid; }
.box > :last-child { margin-bottom: 0; }
.box-title { font-weight: 700; margin-bottom: 4pt; color: var(--text); }
${tones}
.columns { display: grid; gap: 14pt; }
.diagram { border: 0.5pt dashed #b8c0c8; padding: 6pt 10pt; margin: 0.6em 0 1em; }
.diagram-art svg { max-width: 100%; height: auto; }
.toc ol { list-style: none; padding-left: 0; }
.toc .toc-2 { padding-left: 1.2em; } .toc .toc-3 { padding-left: 2.4em; } .toc .toc-4 { padding-left: 3.6em; }
.toc-title { font-weight: 700; color: var(--primary); font-size: 13pt; margin-bottom: 6pt; }
.keep-together { break-inside: avoid; page-break-inside: avoid; }
.keep-with-next { break-after: avoid; page-break-after: avoid; }
.page-break { break-after: page; page-break-after: always; height: 0; }
@media screen { .page-break { border-top: 1px dashed #ced4da; margin: 18pt 0; } }
@media print {
  html { background: none; }
  .sheet { margin: 0; box-shadow: none; max-width: none; padding: 0; break-after: page; }
  .sheet:last-child { break-after: auto; }
  footer.running { display: none; }
}
${pages}`;
}

/** The footer of a section as a CSS `content` value (text and page fields), for the print margin box. */
function footerContent(section: Section): string | null {
  const parts: string[] = [];
  const visit = (inlines: readonly Inline[]) => {
    for (const node of inlines) {
      if (node.type === 'text') parts.push(JSON.stringify(node.text));
      else if (node.type === 'field') parts.push(node.field === 'page' ? 'counter(page)' : 'counter(pages)');
      else if (node.type === 'link') visit(node.content);
      else parts.push('" "');
    }
  };
  for (const block of section.footer) {
    if (block.type !== 'paragraph') return null;
    if (parts.length > 0) parts.push('" · "');
    visit(block.content);
  }
  return parts.length > 0 ? parts.join(' ') : null;
}
