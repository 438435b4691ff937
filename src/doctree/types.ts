/**
 * The DocTree: the one format-neutral document every writer (HTML, PDF, DOCX) reads.
 * Plain data, safe to `JSON.stringify`; lengths are in points (1/72 inch).
 */

/** Paper sizes a section can use. */
export type PaperSize = 'A4' | 'Letter' | 'A3' | 'A2';

/** Width and height of each paper size in portrait, in points. */
export const PAPER_SIZES: Readonly<Record<PaperSize, readonly [number, number]>> = {
  A4: [595.28, 841.89],
  Letter: [612, 792],
  A3: [841.89, 1190.55],
  A2: [1190.55, 1683.78],
};

/** Named colours of the theme a document may use for shading and tones. */
export type ThemeColor = 'primary' | 'accent' | 'muted' | 'red' | 'amber' | 'green' | 'grey';

/** A colour: a theme colour name or `#RRGGBB`. */
export type Color = ThemeColor | `#${string}`;

/** Fonts and colours of a document. */
export interface DocTheme {
  readonly fontFamily: string;
  /** Font files (TTF/OTF) by style, when the family is not built in. */
  readonly fontFiles: {
    readonly regular?: string;
    readonly bold?: string;
    readonly italic?: string;
    readonly boldItalic?: string;
  };
  readonly colors: Readonly<Record<ThemeColor | 'text', string>>;
  /** Logo as a data URI or a path, and the organisation it belongs to. */
  readonly logo: string | null;
  readonly organisation: string;
}

/** Document-wide properties. */
export interface DocMeta {
  readonly title: string;
  readonly subject: string | null;
  readonly author: string | null;
  readonly keywords: readonly string[];
  /** BCP 47 language tag: en, ru, uk. */
  readonly language: string;
  /** The document's date, `YYYY-MM-DD`, from the session: never from the clock. */
  readonly date: string;
  readonly theme: DocTheme;
}

export interface Margins {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

export interface PageSetup {
  readonly size: PaperSize;
  readonly orientation: 'portrait' | 'landscape';
  readonly margins: Margins;
}

/** A run of pages with one page setup. */
export interface Section {
  readonly page: PageSetup;
  readonly header: readonly Block[];
  readonly footer: readonly Block[];
  /** Scale the content uniformly so the whole section fits one page (the poster). */
  readonly fitToPage: boolean;
  /**
   * For a fit-to-page section: the smallest body text size in points it may be scaled down to. Content that
   * does not fit at this size is an error naming what to cut; without it the section may shrink to about 6 pt
   * and overflowing is a warning.
   */
  readonly minBodySize?: number;
  /** For a fit-to-page section: the largest body text size in points it may be scaled up to (10.5 pt without). */
  readonly maxBodySize?: number;
  /** For a fit-to-page section: how to make the content fit, said when it does not (in the document's language). */
  readonly fitHint?: string;
  readonly blocks: readonly Block[];
}

/** The whole document. */
export interface DocTree {
  readonly meta: DocMeta;
  readonly sections: readonly Section[];
}

/** Layout hints every block may carry. */
export interface BlockHints {
  /** Do not break a page inside this block (unless it is taller than a page). */
  readonly keepTogether?: boolean;
  /** Keep on the same page as the next block (headings do by default). */
  readonly keepWithNext?: boolean;
  /** What the block is, for diagnostics: named when a one-page section must be cut to fit. */
  readonly label?: string;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

/** Text styles of paragraphs. */
export type ParagraphStyle = 'body' | 'lead' | 'small' | 'muted' | 'title' | 'subtitle';

export interface Heading extends BlockHints {
  readonly type: 'heading';
  readonly level: 1 | 2 | 3 | 4;
  /** Anchor for links and the table of contents. */
  readonly id: string | null;
  readonly align: Align;
  readonly content: readonly Inline[];
}

export interface Paragraph extends BlockHints {
  readonly type: 'paragraph';
  readonly align: Align;
  readonly style: ParagraphStyle;
  readonly content: readonly Inline[];
}

export interface ListItem {
  readonly blocks: readonly Block[];
}

export interface List extends BlockHints {
  readonly type: 'list';
  readonly ordered: boolean;
  /** First number of an ordered list. */
  readonly start: number;
  readonly items: readonly ListItem[];
}

export interface TableColumn {
  /** Share of the table width in percent, or null to size from content. */
  readonly width: number | null;
  readonly align: Align | null;
}

export interface TableCell {
  readonly blocks: readonly Block[];
  readonly colspan: number;
  readonly align: Align | null;
  readonly shade: Color | null;
  /** A header cell (`th`). */
  readonly header: boolean;
}

export interface TableRow {
  readonly cells: readonly TableCell[];
}

export interface Table extends BlockHints {
  readonly type: 'table';
  readonly columns: readonly TableColumn[];
  /** The first `headerRows` rows repeat after every page break. */
  readonly headerRows: number;
  readonly rows: readonly TableRow[];
  readonly borders: 'all' | 'rows' | 'none';
  /** Space inside each cell, in points: above and below (`y`), left and right (`x`); the writer's own without. */
  readonly padding?: { readonly x: number; readonly y: number };
}

export interface Figure extends BlockHints {
  readonly type: 'figure';
  readonly blocks: readonly Block[];
  readonly caption: readonly Inline[];
}

export interface Image extends BlockHints {
  readonly type: 'image';
  /** A data URI (`data:image/png;base64,…`) or a path the writer's environment can read. */
  readonly src: string;
  readonly alt: string;
  /** Width in percent of the text width, or null for the natural size (scaled down to fit). */
  readonly width: number | null;
}

/** A diagram, by reference to a diagram spec; `fallback` shows its content where it cannot be drawn. */
export interface Diagram extends BlockHints {
  readonly type: 'diagram';
  readonly ref: string;
  readonly alt: string;
  readonly fallback: readonly Block[];
}

export type BoxTone = 'neutral' | 'info' | 'decision' | 'success' | 'warning' | 'danger';

/** A framed box or callout. */
export interface Box extends BlockHints {
  readonly type: 'box';
  readonly tone: BoxTone;
  readonly title: readonly Inline[];
  readonly blocks: readonly Block[];
}

export interface Columns extends BlockHints {
  readonly type: 'columns';
  readonly columns: ReadonlyArray<readonly Block[]>;
  /** What each column is, for diagnostics (null where a column has no label); absent when none has one. */
  readonly labels?: ReadonlyArray<string | null>;
}

export interface PageBreak {
  readonly type: 'page-break';
}

/**
 * Flexible vertical space: in a fit-to-page section, the spacers at the top level of the section share the
 * height its content leaves free on the page (so a band can sit at the foot of a poster); elsewhere none.
 */
export interface Spacer {
  readonly type: 'spacer';
}

/** A table of contents built from the headings up to `depth`. */
export interface Toc extends BlockHints {
  readonly type: 'toc';
  readonly depth: 1 | 2 | 3 | 4;
  readonly title: readonly Inline[];
}

export type Block =
  | Heading
  | Paragraph
  | List
  | Table
  | Figure
  | Image
  | Diagram
  | Box
  | Columns
  | PageBreak
  | Spacer
  | Toc;

/** Character-level marks of a text run. */
export interface Marks {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly code?: boolean;
  readonly color?: Color;
}

export interface TextRun {
  readonly type: 'text';
  readonly text: string;
  readonly marks: Marks;
}

/** A link to a URL or, with `target`, to a heading id in the document. */
export interface Link {
  readonly type: 'link';
  readonly href: string | null;
  readonly target: string | null;
  readonly content: readonly Inline[];
}

export interface LineBreak {
  readonly type: 'break';
}

/** A value the writer fills in: the page number or the total number of pages. */
export interface Field {
  readonly type: 'field';
  readonly field: 'page' | 'pages';
  readonly marks: Marks;
}

export type Inline = TextRun | Link | LineBreak | Field;

/** A 2-D affine matrix `[a, b, c, d, e, f]`: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = readonly [number, number, number, number, number, number];

/** A filled and/or stroked outline of a drawing, as SVG path data in its own coordinates, placed by `m`. */
export interface DrawingShape {
  readonly type: 'shape';
  readonly d: string;
  readonly m: Matrix;
  /** `#RRGGBB` (opacity already blended with the white page), or null for none. */
  readonly fill: string | null;
  readonly stroke: string | null;
  readonly width: number;
  readonly dash: readonly number[] | null;
}

/** A run of text of a drawing: its baseline starts at the origin of `m` (y pointing down, as in SVG). */
export interface DrawingText {
  readonly type: 'text';
  readonly text: string;
  readonly m: Matrix;
  readonly size: number;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly fill: string;
}

/**
 * A diagram as a display list: what the browser laid out, resolved to outlines and positioned text in the
 * drawing's coordinates (CSS pixels, y down). The PDF writer draws it with the document's own fonts, so the
 * diagram's text is real text in the document's font subset.
 */
export interface Drawing {
  readonly width: number;
  readonly height: number;
  readonly items: ReadonlyArray<DrawingShape | DrawingText>;
}

/**
 * A diagram as drawn by the diagram stage: SVG (HTML, DOCX), a display list (PDF), PNG (DOCX fallback).
 * A writer that needs a form the diagram lacks shows the block's fallback content.
 */
export interface DiagramArt {
  readonly svg: string;
  readonly drawing?: Drawing;
  /** The DOCX fallback, drawn at `PNG_FALLBACK_DPI` for the size a DOCX page shows the diagram at. */
  readonly png?: Uint8Array;
  /** Size of the drawing in CSS pixels. */
  readonly width: number;
  readonly height: number;
}

/** The tallest a DOCX page shows a diagram, in points: a taller one is scaled down to it. */
export const DOCX_DIAGRAM_MAX_HEIGHT = 620;
/** Resolution of a diagram's PNG fallback at the size a DOCX page shows it, in dots per inch. */
export const PNG_FALLBACK_DPI = 150;

/** Drawn diagrams by the `ref` of their `<diagram>` blocks; a block whose ref is missing shows its fallback. */
export type DiagramSet = ReadonlyMap<string, DiagramArt>;
