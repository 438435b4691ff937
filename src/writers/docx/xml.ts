/**
 * WordprocessingML written as strings: the elements the DOCX writer puts into a document's body, headers and
 * footers, in the form (element and attribute order, escaping) the `docx` package writes them, so that Word and
 * LibreOffice read the same document. Writing the XML directly spares building, formatting and serialising an
 * object tree per paragraph, run and cell.
 */

const ESCAPE_TEST = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/;
const ESCAPE_ALL = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
  '<': '&lt;',
  '>': '&gt;',
};

/** Text or an attribute value escaped as the `docx` package does it; control characters XML forbids are dropped. */
export function esc(value: string): string {
  return ESCAPE_TEST.test(value) ? value.replace(ESCAPE_ALL, (c) => ESCAPES[c] ?? '') : value;
}

/** Paragraph properties, in the schema's order. */
export interface ParagraphProps {
  readonly style?: string | undefined;
  readonly keepNext?: boolean;
  readonly keepLines?: boolean;
  readonly pageBreakBefore?: boolean;
  readonly numbering?: { readonly id: number; readonly level: number };
  readonly spacing?: {
    readonly after?: number;
    readonly before?: number;
    readonly line?: number;
    readonly lineRule?: 'exact' | 'auto' | 'atLeast';
  };
  readonly indentLeft?: number;
  readonly align?: string;
  /** Size of the paragraph mark in half-points. */
  readonly markSize?: number;
}

/** The content of `<w:pPr>`, empty when there is none. */
export function paragraphProps(p: ParagraphProps): string {
  let x = '';
  if (p.style) x += `<w:pStyle w:val="${p.style}"/>`;
  if (p.keepNext) x += '<w:keepNext/>';
  if (p.keepLines) x += '<w:keepLines/>';
  if (p.pageBreakBefore) x += '<w:pageBreakBefore/>';
  if (p.numbering) x += `<w:numPr><w:ilvl w:val="${p.numbering.level}"/><w:numId w:val="${p.numbering.id}"/></w:numPr>`;
  const s = p.spacing;
  if (s) {
    x += '<w:spacing';
    if (s.after !== undefined) x += ` w:after="${s.after}"`;
    if (s.before !== undefined) x += ` w:before="${s.before}"`;
    if (s.line !== undefined) x += ` w:line="${s.line}"`;
    if (s.lineRule !== undefined) x += ` w:lineRule="${s.lineRule}"`;
    x += '/>';
  }
  if (p.indentLeft !== undefined) x += `<w:ind w:left="${p.indentLeft}"/>`;
  if (p.align) x += `<w:jc w:val="${p.align}"/>`;
  if (p.markSize) x += `<w:rPr>${size(p.markSize)}</w:rPr>`;
  return x;
}

/** A paragraph of the given properties and content (runs, links, bookmarks). */
export function paragraph(p: ParagraphProps, content = ''): string {
  const props = paragraphProps(p);
  if (!props && !content) return '<w:p/>';
  return props ? `<w:p><w:pPr>${props}</w:pPr>${content}</w:p>` : `<w:p>${content}</w:p>`;
}

/** Run properties, in the schema's order. */
export interface RunProps {
  readonly style?: string | undefined;
  readonly font?: string | undefined;
  readonly bold?: boolean | undefined;
  readonly italics?: boolean | undefined;
  readonly color?: string | undefined;
  /** Half-points. */
  readonly size?: number | undefined;
  readonly underline?: boolean | undefined;
}

const size = (halfPoints: number) => `<w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/>`;

/** `<w:rPr>…</w:rPr>`, or nothing for a plain run. */
export function runProps(r: RunProps): string {
  let x = '';
  if (r.style) x += `<w:rStyle w:val="${r.style}"/>`;
  if (r.font) {
    const f = esc(r.font);
    x += `<w:rFonts w:ascii="${f}" w:cs="${f}" w:eastAsia="${f}" w:hAnsi="${f}"/>`;
  }
  if (r.bold) x += '<w:b/><w:bCs/>';
  if (r.italics) x += '<w:i/><w:iCs/>';
  if (r.color) x += `<w:color w:val="${r.color}"/>`;
  if (r.size) x += size(r.size);
  if (r.underline) x += '<w:u w:val="single"/>';
  return x ? `<w:rPr>${x}</w:rPr>` : '';
}

/** A run of text; `rPr` from `runProps`. */
export const textRun = (rPr: string, text: string) => `<w:r>${rPr}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;

/** A line break. */
export const BREAK_RUN = '<w:r><w:br/></w:r>';

/** A paragraph holding a page break. */
export const PAGE_BREAK_PARAGRAPH = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';

/** A PAGE or NUMPAGES field, each of its parts a run of its own, as Word writes it. */
export function fieldRuns(rPr: string, field: 'PAGE' | 'NUMPAGES'): string {
  return (
    `<w:r>${rPr}<w:fldChar w:fldCharType="begin"/></w:r>` +
    `<w:r>${rPr}<w:instrText xml:space="preserve">${field}</w:instrText></w:r>` +
    `<w:r>${rPr}<w:fldChar w:fldCharType="separate"/></w:r>` +
    `<w:r>${rPr}<w:fldChar w:fldCharType="end"/></w:r>`
  );
}

/** A border of a table or cell: `none`, or a single line of a size (eighths of a point) and colour. */
export interface Border {
  readonly style: 'none' | 'single';
  readonly size: number;
  readonly color: string;
}

export const border = (name: string, b: Border) =>
  `<w:${name} w:val="${b.style}" w:color="${b.color}" w:sz="${b.size}"/>`;

/** Table borders in the schema's order. */
export interface TableBorders {
  readonly top: Border;
  readonly left: Border;
  readonly bottom: Border;
  readonly right: Border;
  readonly insideH: Border;
  readonly insideV: Border;
}

/** `<w:tblPr>` and `<w:tblGrid>` of a fixed-layout table; widths in twips. */
export function tableStart(o: { style?: string; width: number; borders: TableBorders; columns: readonly number[] }) {
  const b = o.borders;
  return (
    `<w:tbl><w:tblPr>${o.style ? `<w:tblStyle w:val="${o.style}"/>` : ''}<w:tblW w:type="dxa" w:w="${o.width}"/>` +
    `<w:tblBorders>${border('top', b.top)}${border('left', b.left)}${border('bottom', b.bottom)}${border('right', b.right)}` +
    `${border('insideH', b.insideH)}${border('insideV', b.insideV)}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>` +
    `<w:tblGrid>${o.columns.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`
  );
}

/** `<w:tr>` with its properties: undefined leaves a property out, false writes it switched off. */
export function rowStart(cantSplit?: boolean, header?: boolean): string {
  let x = '';
  if (cantSplit !== undefined) x += cantSplit ? '<w:cantSplit/>' : '<w:cantSplit w:val="off"/>';
  if (header !== undefined) x += header ? '<w:tblHeader/>' : '<w:tblHeader w:val="off"/>';
  return x ? `<w:tr><w:trPr>${x}</w:trPr>` : '<w:tr>';
}

/** Cell margins in twips. */
export interface Margins {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** The `<w:tcMar>` of cell margins: the same for many cells, so written once per table. */
export const cellMargins = (m: Margins) =>
  `<w:tcMar><w:top w:type="dxa" w:w="${m.top}"/><w:left w:type="dxa" w:w="${m.left}"/><w:bottom w:type="dxa" w:w="${m.bottom}"/><w:right w:type="dxa" w:w="${m.right}"/></w:tcMar>`;

/** A table cell: width in twips, and properties written by `cellMargins` and the like. */
export function cell(
  o: {
    width: number;
    span?: number;
    borders?: { top: Border; left: Border; bottom: Border; right: Border };
    fill?: string | null;
    margins?: string;
  },
  content: string,
): string {
  let x = `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${o.width}"/>`;
  if (o.span && o.span > 1) x += `<w:gridSpan w:val="${o.span}"/>`;
  const b = o.borders;
  if (b)
    x += `<w:tcBorders>${border('top', b.top)}${border('left', b.left)}${border('bottom', b.bottom)}${border('right', b.right)}</w:tcBorders>`;
  if (o.fill) x += `<w:shd w:fill="${o.fill}" w:color="auto" w:val="clear"/>`;
  if (o.margins) x += o.margins;
  return `${x}</w:tcPr>${content}</w:tc>`;
}

const EMU = 9525; // per pixel

/**
 * An inline picture. `embed` is the relationship of the picture (a PNG fallback when `svg` is given), `svg` that of
 * an SVG drawn by applications that can; sizes in pixels.
 */
export function drawingRun(o: {
  id: number;
  width: number;
  height: number;
  name: string;
  description?: string | undefined;
  title?: string | undefined;
  embed: string;
  svg?: string;
}): string {
  const cx = Math.round(o.width * EMU);
  const cy = Math.round(o.height * EMU);
  const blip = o.svg
    ? `<a:blip r:embed="${o.embed}" cstate="none"><a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}"><asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="${o.svg}"/></a:ext></a:extLst></a:blip>`
    : `<a:blip r:embed="${o.embed}" cstate="none"/>`;
  return (
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent t="0" r="0" b="0" l="0"/>` +
    `<wp:docPr id="${o.id}" name="${esc(o.name)}"${o.description ? ` descr="${esc(o.description)}"` : ''}${o.title ? ` title="${esc(o.title)}"` : ''}/>` +
    '<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" noChangeAspect="1"/></wp:cNvGraphicFramePr>' +
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
    `<pic:nvPicPr><pic:cNvPr id="${o.id - 1}" name="" descr=""/><pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr>` +
    `<pic:blipFill>${blip}<a:srcRect/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
  );
}
