import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildDocuments, nodeEnv } from '../../src/index.js';

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
