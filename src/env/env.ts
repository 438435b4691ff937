import type { DiagramCache } from '../diagrams/cache.js';
import type { DiagramRenderer } from '../diagrams/render.js';

/** A file read by the renderer, with the name diagnostics should show for it. */
export interface SourceFile {
  readonly text: string;
  /** Where it came from, for diagnostics: a path relative to a template root. */
  readonly origin: string;
}

/**
 * Where templates, partials and locale catalogs come from. Paths are relative to the template roots
 * (`decisions.hbs`, `partials/footer.hbs`, `locales/ru.json`); an implementation must refuse paths that
 * leave the roots.
 */
export interface TemplateSource {
  /** The first root's file of that name (user folders before the built-in one), or null. */
  read(path: string): SourceFile | null;
  /** Every root's file of that name, built-in first, for catalogs that merge. */
  readAll(path: string): SourceFile[];
}

/** Reads assets named by the session (a logo), relative to the session file. */
export interface AssetSource {
  read(path: string): Uint8Array | null;
}

/** Font files by style; `regular` is required. */
export interface FontFileSet {
  readonly regular: Uint8Array;
  readonly bold?: Uint8Array;
  readonly italic?: Uint8Array;
  readonly boldItalic?: Uint8Array;
}

/** The built-in fonts: the main family and the fallback that covers symbols the main family lacks. */
export interface BuiltInFonts {
  readonly family: string;
  readonly main: FontFileSet;
  readonly fallback: FontFileSet;
}

/**
 * Everything a build needs from outside, passed in like Typst's World: template sources, assets and fonts.
 * Stages never reach for the file system, the clock or globals themselves.
 */
export interface Env {
  readonly templates: TemplateSource;
  readonly assets: AssetSource;
  /** The built-in fonts, loaded on first use (only the PDF writer needs them). */
  readonly fonts: () => BuiltInFonts;
  /** How diagrams are drawn: a renderer (null when no browser is available) and a cache (null for none). */
  readonly diagrams?: {
    readonly renderer: (() => DiagramRenderer) | null;
    readonly cache: DiagramCache | null;
  };
}

/** A template source over in-memory files, for tests and for embedding stratdoc where there is no file system. */
export function memoryTemplates(...layers: ReadonlyArray<Readonly<Record<string, string>>>): TemplateSource {
  // Layers are given built-in first; lookups prefer the last (the user's).
  return {
    read(path) {
      for (let i = layers.length - 1; i >= 0; i--) {
        const text = layers[i]?.[path];
        if (text !== undefined) return { text, origin: path };
      }
      return null;
    },
    readAll(path) {
      return layers.flatMap((layer) =>
        layer[path] === undefined ? [] : [{ text: layer[path] as string, origin: path }],
      );
    },
  };
}
