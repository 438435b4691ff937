import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocuments, nodeEnv, type ThemeOverrides } from '../../src/index.js';
import { starter } from '../helpers/sessions.js';

// A 1×1 transparent PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

async function build(raw: unknown, baseDir?: string, theme?: ThemeOverrides) {
  const r = await buildDocuments(raw, nodeEnv(baseDir ? { baseDir } : {}), {
    formats: ['html'],
    ...(theme ? { theme } : {}),
  });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return { html: new TextDecoder().decode(r.value.outputs[0]?.data), warnings: r.value.warnings };
}

describe('theme', () => {
  it('takes colours, RAG colours, paper and margins from the session', async () => {
    const raw = starter();
    raw.theme = {
      primaryColor: '#123456',
      accentColor: '#654321',
      ragColors: { red: '#AA0000' },
      paper: 'Letter',
      margins: '1in',
    };
    const { html } = await build(raw);
    expect(html).toContain('--primary: #123456;');
    expect(html).toContain('--accent: #654321;');
    expect(html).toContain('border-color: #AA0000;');
    expect(html).toContain('@page page-0 { size: 215.9mm 279.4mm; margin: 25.4mm 25.4mm 25.4mm 25.4mm;');
  });

  it('lets options override the session theme', async () => {
    const raw = starter();
    raw.theme = { primaryColor: '#123456' };
    const { html } = await build(raw, undefined, {
      colors: { primary: '#0A0B0C' },
      fontFamily: 'PT Sans',
      paper: 'A4',
    });
    expect(html).toContain('--primary: #0A0B0C;');
    expect(html).toContain('font-family: "PT Sans",');
  });

  it('embeds the session logo as a data URI', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stratdoc-logo-'));
    writeFileSync(join(dir, 'logo.png'), PNG);
    const raw = starter();
    raw.session.logo = 'logo.png';
    const { html, warnings } = await build(raw, dir);
    expect(warnings).toEqual([]);
    expect(html).toContain(`src="data:image/png;base64,${PNG.toString('base64')}" alt="Northwind Components"`);
  });

  it('builds without a logo it cannot read, and says so once', async () => {
    const raw = starter();
    raw.session.logo = 'missing.png';
    const { html, warnings } = await build(raw, mkdtempSync(join(tmpdir(), 'stratdoc-logo-')));
    expect(warnings.map((w) => [w.code, w.path.join('.')])).toEqual([['build/logo-unreadable', 'session.logo']]);
    expect(html).not.toContain('<img');
  });
});
