import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { DocTree } from '../../doctree/index.js';
import type { Env } from '../../env/index.js';
import type { UsageCache } from '../../usage-cache.js';
import { emitPdf } from './emit.js';
import { createFontBook, type FontBook, type FontFiles } from './fonts.js';
import { type DocumentLayout, type LayoutOptions, layoutDocument } from './layout/layout-document.js';

/** Options of `writePdf`: those of layout, and compressed page contents to reuse. */
export interface PdfOptions extends LayoutOptions {
  /** Compressed page contents by their text, kept between builds. */
  readonly streams?: UsageCache<Uint8Array>;
}

/** A written PDF with the layout it was drawn from and what the writer had to say. */
export interface PdfResult {
  readonly bytes: Uint8Array;
  readonly layout: DocumentLayout;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Writes a DocTree as PDF: fonts from the theme (or the built-in Roboto with DejaVu Sans for symbols), the
 * layout engine, then pdf-lib. The same tree and environment give the same bytes.
 */
export async function writePdf(doc: DocTree, env: Env, options: PdfOptions = {}): Promise<PdfResult> {
  const { fonts, diagnostics } = fontBookFor(doc, env);
  const layout = layoutDocument(doc, fonts, options);
  const bytes = await emitPdf(layout, doc.meta, fonts.faces, options.streams);
  return { bytes, layout, diagnostics: [...diagnostics, ...layout.diagnostics] };
}

/** The fonts of a document: the theme's family from its files, or the built-in one; warnings when it falls back. */
export function fontBookFor(doc: DocTree, env: Env): { fonts: FontBook; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const builtIn = env.fonts();
  const theme = doc.meta.theme;
  let family = builtIn.family;
  let files: FontFiles = builtIn.main;
  if (theme.fontFiles.regular) {
    const read = (path: string | undefined) => (path ? (env.assets.read(path) ?? undefined) : undefined);
    const regular = read(theme.fontFiles.regular);
    if (regular) {
      family = theme.fontFamily;
      const bold = read(theme.fontFiles.bold);
      const italic = read(theme.fontFiles.italic);
      const boldItalic = read(theme.fontFiles.boldItalic);
      files = {
        regular,
        ...(bold ? { bold } : {}),
        ...(italic ? { italic } : {}),
        ...(boldItalic ? { boldItalic } : {}),
      };
    } else {
      diagnostics.push({
        code: 'pdf/font-unreadable',
        severity: 'warning',
        path: ['theme', 'fontFiles', 'regular'],
        message: `The font file "${theme.fontFiles.regular}" cannot be read; the built-in ${builtIn.family} is used.`,
        hint: 'Give the path of a TTF or OTF file relative to the session file.',
      });
    }
  } else if (theme.fontFamily !== builtIn.family) {
    diagnostics.push({
      code: 'pdf/font-not-built-in',
      severity: 'warning',
      path: ['theme', 'fontFamily'],
      message: `The font family "${theme.fontFamily}" is not built in and has no font files; the PDF uses ${builtIn.family}.`,
      hint: 'Add theme.fontFiles with the TTF or OTF files of the family, or leave fontFamily out.',
    });
  }
  return { fonts: createFontBook(family, files, builtIn.fallback), diagnostics };
}
