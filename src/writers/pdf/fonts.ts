import fontkit from '@pdf-lib/fontkit';

/** The four styles of a font family. */
export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

/** Font files by style; `regular` is required, missing styles fall back to it. */
export interface FontFiles {
  readonly regular: Uint8Array;
  readonly bold?: Uint8Array;
  readonly italic?: Uint8Array;
  readonly boldItalic?: Uint8Array;
}

/** Minimal view of a fontkit glyph. */
export interface FkGlyph {
  readonly id: number;
  readonly advanceWidth: number;
  readonly codePoints: readonly number[];
}

/** Minimal view of a fontkit font. */
export interface FkFont {
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  readonly postscriptName: string;
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): FkGlyph;
  layout(text: string): {
    readonly glyphs: readonly FkGlyph[];
    readonly positions: ReadonlyArray<{ readonly xAdvance: number }>;
  };
}

/** One loaded face: the font, its bytes for embedding, and caches that make measuring cheap. */
export interface Face {
  /** Stable key used by the layout boxes and the emitter: `<family>/<style>`. */
  readonly key: string;
  readonly font: FkFont;
  readonly bytes: Uint8Array;
  /** Ascent and descent per point of size. */
  readonly ascent: number;
  readonly descent: number;
  /** Advance per point of size, by code point; filled on first use. */
  readonly advances: Map<number, number>;
  readonly glyphs: Map<number, FkGlyph>;
  /** Kerning per point of size between two code points (`a << 21 | b`); filled on first use. */
  readonly kerning: Map<number, number>;
}

/** The fonts of a document: the main family and a fallback for characters it lacks. */
export interface FontBook {
  readonly family: string;
  /** The same for two books of the same faces, so layouts made with one hold for the other. */
  readonly key: string;
  face(style: FontStyle): Face;
  /** The face that can draw `codePoint` in `style`: the main family, else the fallback, else null. */
  faceFor(codePoint: number, style: FontStyle): Face | null;
  /** Characters no font could draw, in order of first appearance. */
  readonly missing: Set<string>;
  readonly faces: readonly Face[];
}

function loadFace(key: string, bytes: Uint8Array): Face {
  const font = fontkit.create(bytes as unknown as Buffer) as unknown as FkFont;
  return {
    key,
    font,
    bytes,
    ascent: font.ascent / font.unitsPerEm,
    descent: -font.descent / font.unitsPerEm,
    advances: new Map(),
    glyphs: new Map(),
    kerning: new Map(),
  };
}

// Fonts parsed once per process: parsing a TTF costs milliseconds, and builds in one run share them.
const parsed = new Map<Uint8Array, Face>();
/** A number per parsed face, for font book keys. */
const faceNumbers = new Map<Face, number>();

function face(key: string, bytes: Uint8Array): Face {
  let f = parsed.get(bytes);
  if (!f) {
    f = loadFace(key, bytes);
    parsed.set(bytes, f);
    faceNumbers.set(f, faceNumbers.size + 1);
  }
  return f;
}

/** Builds the font book of a document from the main family's files and the fallback family's files. */
export function createFontBook(family: string, files: FontFiles, fallback: FontFiles | null): FontBook {
  const styles: FontStyle[] = ['regular', 'bold', 'italic', 'boldItalic'];
  const main = new Map<FontStyle, Face>();
  const back = new Map<FontStyle, Face>();
  for (const style of styles) {
    main.set(
      style,
      face(
        `${family}/${style}`,
        files[style] ?? (style === 'boldItalic' ? (files.bold ?? files.regular) : files.regular),
      ),
    );
    if (fallback) {
      back.set(
        style,
        face(
          `fallback/${style}`,
          fallback[style] ?? (style === 'boldItalic' ? (fallback.bold ?? fallback.regular) : fallback.regular),
        ),
      );
    }
  }
  const missing = new Set<string>();
  const numbers = (faces: Map<FontStyle, Face>) => styles.map((s) => faceNumbers.get(faces.get(s) as Face) ?? 0);
  const key = JSON.stringify([family, ...numbers(main), ...(fallback ? numbers(back) : [])]);
  // Which face draws a code point, per style: looked up in the fonts' character maps once.
  const chosen = new Map<FontStyle, Map<number, Face | null>>(styles.map((s) => [s, new Map()]));
  const book: FontBook = {
    family,
    key,
    face: (style) => main.get(style) as Face,
    faceFor(codePoint, style) {
      const cache = chosen.get(style) as Map<number, Face | null>;
      const known = cache.get(codePoint);
      if (known !== undefined) {
        if (known === null) missing.add(String.fromCodePoint(codePoint));
        return known;
      }
      const first = main.get(style) as Face;
      const second = back.get(style);
      const found = first.font.hasGlyphForCodePoint(codePoint)
        ? first
        : second?.font.hasGlyphForCodePoint(codePoint)
          ? second
          : null;
      cache.set(codePoint, found);
      if (!found) missing.add(String.fromCodePoint(codePoint));
      return found;
    },
    missing,
    get faces() {
      return [...new Set([...main.values(), ...back.values()])];
    },
  };
  return book;
}

/** The glyph of a code point in a face, cached. */
export function glyphOf(f: Face, codePoint: number): FkGlyph {
  let g = f.glyphs.get(codePoint);
  if (!g) {
    g = f.font.glyphForCodePoint(codePoint);
    f.glyphs.set(codePoint, g);
  }
  return g;
}

/** Advance of a code point per point of size, cached: measuring never calls the shaper per word. */
export function advanceOf(f: Face, codePoint: number): number {
  let a = f.advances.get(codePoint);
  if (a === undefined) {
    a = glyphOf(f, codePoint).advanceWidth / f.font.unitsPerEm;
    f.advances.set(codePoint, a);
  }
  return a;
}

/** Kerning between two code points per point of size (negative pulls them together), cached per pair. */
export function kerningOf(f: Face, a: number, b: number): number {
  const key = a * 2097152 + b;
  let k = f.kerning.get(key);
  if (k === undefined) {
    // The shaper applies the font's kerning (GPOS or kern); asked once per pair, never per word.
    const run = f.font.layout(String.fromCodePoint(a, b));
    const first = run.positions[0];
    k = run.glyphs.length === 2 && first ? first.xAdvance / f.font.unitsPerEm - advanceOf(f, a) : 0;
    if (Math.abs(k) < 1e-6) k = 0;
    f.kerning.set(key, k);
  }
  return k;
}
