import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type ArtifactId, buildDocuments, type DocumentLayout, nodeEnv } from '../../src/index.js';

/** A temporary template folder holding the given files. */
export function templateDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'stratdoc-templates-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** Builds the decisions HTML of raw session data, with optional user templates. */
export async function buildHtml(raw: unknown, templatesDir?: string) {
  const result = await buildDocuments(raw, nodeEnv(templatesDir ? { templatesDir } : {}), {
    artifacts: ['decisions'],
    formats: ['html'],
  });
  return {
    result,
    html: result.ok ? new TextDecoder().decode(result.value.outputs[0]?.data) : '',
    diagnostics: result.ok ? [] : result.diagnostics,
  };
}

/** One artifact's documents of raw session data (diagrams off), with the layout of its PDF when one is built. */
export async function buildArtifact(data: unknown, artifact: ArtifactId, formats: Array<'pdf' | 'docx' | 'html'>) {
  let layout: DocumentLayout | null = null;
  const result = await buildDocuments(data, nodeEnv(), {
    artifacts: [artifact],
    formats,
    diagrams: 'off',
    onLayout: (_file, _doc, l) => {
      layout = l;
    },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics.slice(0, 3)));
  return { outputs: result.value.outputs, warnings: result.value.warnings, layout: layout as DocumentLayout | null };
}

/** The text of each page of a layout, runs joined by spaces; a word broken at its hyphen reads as one. */
export const pageTexts = (layout: DocumentLayout) =>
  layout.pages.map((p) =>
    p.boxes
      .flatMap((b) => (b.kind === 'text' ? [b.text] : []))
      .join(' ')
      .replace(/\s+/g, ' ')
      .replace(/(\p{L})- (\p{L})/gu, '$1-$2'),
  );
