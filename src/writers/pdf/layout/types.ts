/**
 * Positioned boxes: the output of layout and the input of the emitter. Plain data in points, with y measured
 * downwards from the top of the page (or of an atom, before pagination places it).
 */

/** A run of glyphs of one face, size and colour on one baseline. */
export interface TextBox {
  readonly kind: 'text';
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  /** Face key (`Roboto/bold`, `fallback/regular`). */
  readonly face: string;
  readonly size: number;
  readonly codePoints: readonly number[];
  /** Extra space after each glyph beyond its advance, in points: kerning and justification. */
  readonly adjust: readonly number[];
  readonly width: number;
  readonly color: string;
  /** The text drawn, for tests and text extraction checks. */
  readonly text: string;
  /** Top and height of the line box, for overlap checks. */
  readonly top: number;
  readonly height: number;
}

export interface RectBox {
  readonly kind: 'rect';
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly fill: string | null;
  readonly stroke: string | null;
  readonly lineWidth: number;
}

export interface ImageBox {
  readonly kind: 'image';
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly src: string;
}

/** A clickable area: to a URL, or to a heading of the document. */
export interface LinkBox {
  readonly kind: 'link';
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly href: string | null;
  readonly target: string | null;
}

/** A heading's position: the target of internal links, the table of contents and the outline. */
export interface AnchorBox {
  readonly kind: 'anchor';
  readonly id: string;
  readonly level: number;
  readonly title: string;
  readonly x: number;
  readonly y: number;
}

/** The page number of a heading, right-aligned at `right`, known only after pagination (tables of contents). */
export interface PageRefBox {
  readonly kind: 'page-ref';
  readonly target: string;
  readonly right: number;
  readonly y: number;
  readonly face: string;
  readonly size: number;
  readonly color: string;
  readonly top: number;
  readonly height: number;
}

/** A diagram's display list, drawn at `x`, `y` (its top left) scaled by `scale` from its own pixels. */
export interface DrawingBox {
  readonly kind: 'drawing';
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly scale: number;
  readonly items: ReadonlyArray<
    | {
        readonly type: 'shape';
        readonly d: string;
        readonly m: readonly number[];
        readonly fill: string | null;
        readonly stroke: string | null;
        readonly width: number;
        readonly dash: readonly number[] | null;
      }
    | {
        readonly type: 'text';
        readonly m: readonly number[];
        readonly size: number;
        readonly fill: string;
        /** Runs of one face each, `x` from the start of the text, in the drawing's pixels. */
        readonly runs: ReadonlyArray<{
          readonly face: string;
          readonly codePoints: readonly number[];
          /** Space after each glyph beyond its advance (kerning), in the drawing's pixels. */
          readonly adjust: readonly number[];
          readonly x: number;
        }>;
      }
  >;
}

export type Box = TextBox | RectBox | ImageBox | LinkBox | AnchorBox | PageRefBox | DrawingBox;

/** A background or frame drawn behind a run of atoms, per page: boxes, callouts. */
export interface Decoration {
  /** Identity of the decorated block, so its pieces on each page are found. */
  readonly id: number;
  readonly x: number;
  readonly w: number;
  readonly fill: string | null;
  /** Colour of a bar on the left edge (callouts), or null. */
  readonly bar: string | null;
  readonly stroke: string | null;
  /** Padding above the first atom and below the last, drawn only where the block starts or ends. */
  readonly padTop: number;
  readonly padBottom: number;
}

/**
 * The unit of pagination: a piece of content that is never split across pages (a line of text, a table
 * row, an image), with the boxes it draws relative to its own top.
 */
export interface Atom {
  readonly height: number;
  readonly boxes: readonly Box[];
  /** Keep on the same page as the next atom (headings, first lines of paragraphs, keep-together blocks). */
  keepWithNext: boolean;
  /** Vertical space that disappears at the top of a page. */
  readonly discardable?: boolean;
  /** Start a new page before this atom. */
  readonly breakBefore?: boolean;
  /** A spacer: takes a share of the height a fit-to-page section leaves free. */
  readonly flexible?: boolean;
  /** Decorations this atom lies inside, outermost first. */
  readonly decorations: readonly Decoration[];
  /** For table rows: the header atoms to repeat when the row starts a new page. */
  readonly repeatHeader?: readonly Atom[];
}

/** An atom placed on a page. */
export interface Placed {
  readonly atom: Atom;
  readonly y: number;
}

/** One laid-out page. */
export interface PageLayout {
  readonly width: number;
  readonly height: number;
  /** The content area: inside the margins. */
  readonly content: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
  /** The boxes of the page's content, with page coordinates (y downwards from the top of the page). */
  readonly boxes: readonly Box[];
  /** The boxes of the running header and footer, in the page margins. */
  readonly running: readonly Box[];
  /** Scale of a fit-to-page section (1 elsewhere). */
  readonly scale: number;
  /**
   * The laid-out section page the content boxes come from (the same object wherever that page is used again: a
   * part in the pack, a section a watch rebuild did not change), so what is made of them can be reused.
   */
  readonly source?: object;
}
