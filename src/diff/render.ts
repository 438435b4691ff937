import { resolveTheme, templateTheme } from '../compose/index.js';
import type { Diagnostic, Result } from '../diagnostics/diagnostic.js';
import type { Env } from '../env/index.js';
import type { OutputFormat } from '../pipeline.js';
import { createTemplateRenderer, renderDocument } from '../render/index.js';
import { writeDocx } from '../writers/docx/index.js';
import { writeHtml } from '../writers/html/index.js';
import { type DocumentLayout, writePdf } from '../writers/pdf/index.js';
import type { CheckedDiff } from './diff-sessions.js';
import { composeDiff } from './view.js';

/** The diff report as one document. */
export interface DiffDocument {
  readonly format: OutputFormat;
  readonly data: Uint8Array;
  /** Pages as laid out by the PDF engine; null for HTML and DOCX. */
  readonly pages: number | null;
  /** The PDF's pages as laid out, for tools that inspect them; null for HTML and DOCX. */
  readonly layout: DocumentLayout | null;
}

/**
 * Writes the diff report through the `diff.hbs` template, in the newer snapshot's language and theme. Its
 * date is the date the newer snapshot is judged at (its latest measurement, or its session date), so the
 * same two snapshots give the same bytes.
 */
export async function renderDiffReport(
  checked: CheckedDiff,
  env: Env,
  format: OutputFormat,
): Promise<Result<DiffDocument>> {
  const model = checked.newModel;
  const renderer = createTemplateRenderer(env.templates, model.session.locale);
  if (!renderer.ok) return renderer;
  const theme = resolveTheme(model);
  const rendered = renderDocument('diff', composeDiff(checked), {
    renderer: renderer.value,
    theme,
    templateTheme: templateTheme(model, theme),
    date: checked.diff.new.asOf,
    defaultTitle: model.session.title,
  });
  if (!rendered.ok) return rendered;
  const warnings: Diagnostic[] = [...renderer.warnings, ...rendered.warnings];
  const doc = rendered.value;
  let data: Uint8Array;
  let pages: number | null = null;
  let layout: DocumentLayout | null = null;
  if (format === 'pdf') {
    const pdf = await writePdf(doc, env, { diagrams: new Map() });
    warnings.push(...pdf.diagnostics);
    data = pdf.bytes;
    pages = pdf.layout.pages.length;
    layout = pdf.layout;
  } else if (format === 'docx') {
    const docx = await writeDocx(doc, env, { diagrams: new Map() });
    warnings.push(...docx.diagnostics);
    data = docx.bytes;
  } else data = new TextEncoder().encode(writeHtml(doc, { diagrams: new Map() }));
  const errors = warnings.filter((w) => w.severity === 'error');
  if (errors.length > 0) return { ok: false, diagnostics: errors };
  return { ok: true, value: { format, data, pages, layout }, warnings };
}
