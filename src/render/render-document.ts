import type { Diagnostic, Result } from '../diagnostics/diagnostic.js';
import { type Block, type DocTheme, type DocTree, withHeadingIds } from '../doctree/index.js';
import type { UsageCache } from '../usage-cache.js';
import type { TemplateRenderer } from './handlebars-env.js';
import { type MarkupTrees, parseMarkup } from './markup.js';

/** What a document needs besides its template and view. */
export interface RenderContext {
  readonly renderer: TemplateRenderer;
  readonly theme: DocTheme;
  /** The document date, `YYYY-MM-DD`, from the session. */
  readonly date: string;
  /** Title when the template's `<document>` gives none. */
  readonly defaultTitle: string;
  /** What templates see as `theme`, next to the view's own fields. */
  readonly templateTheme: unknown;
  /** Blocks converted before, by their markup (a watch's): see `parseMarkup`. */
  readonly blocks?: UsageCache<Block>;
  /** Markup parsed before, by source (a watch's): see `MarkupTrees`. */
  readonly trees?: MarkupTrees;
}

/** Renders a view through its template into document markup and parses that into a DocTree. */
export function renderDocument(template: string, view: unknown, context: RenderContext): Result<DocTree> {
  const rendered = context.renderer.render(template, { ...(view as object), theme: context.templateTheme });
  if (!rendered.ok) return rendered;
  const parsed = parseMarkup(
    rendered.value.markup,
    `${rendered.value.origin} (rendered)`,
    context.blocks,
    context.blocks ? context.trees : undefined,
  );
  const errors: Diagnostic[] = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return { ok: false, diagnostics: parsed.diagnostics };
  const m = parsed.meta;
  return {
    ok: true,
    value: {
      meta: {
        title: m.title ?? context.defaultTitle,
        subject: m.subject,
        author: m.author,
        keywords: m.keywords,
        language: m.language ?? context.renderer.language,
        date: context.date,
        theme: context.theme,
      },
      sections: withHeadingIds(parsed.sections),
    },
    warnings: parsed.diagnostics,
  };
}
