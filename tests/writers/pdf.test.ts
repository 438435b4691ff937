import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildDocuments,
  buildModel,
  composeDecisions,
  nodeEnv,
  validateSessionText,
  writePdf,
} from '../../src/index.js';
import { docOf } from '../helpers/doc.js';
import { readPdf } from '../helpers/pdf.js';
import { findProgram, programAvailable } from '../helpers/programs.js';
import { FIXTURES, fixtureText } from '../helpers/sessions.js';

async function pdfOfFixture(name: string) {
  const r = await buildDocuments(fixtureText(name), nodeEnv(), {
    fileName: name,
    artifacts: ['decisions'],
    formats: ['pdf'],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.value.outputs[0]?.data as Uint8Array;
}

const norm = (s: string) => s.replace(/-\n/g, '').replace(/\s+/g, ' ').trim();

describe('PDF of every fixture', () => {
  for (const name of FIXTURES) {
    it(`${name}: text, links, outline and metadata as a reader finds them`, async () => {
      const bytes = await pdfOfFixture(name);
      const pdf = await readPdf(bytes);
      const validated = validateSessionText(fixtureText(name), { fileName: name });
      if (!validated.ok) throw new Error('invalid');
      const view = composeDecisions(buildModel(validated.value));
      const all = norm(pdf.pages.map((p) => p.text).join('\n'));
      for (const d of view.decisions) {
        expect(all, d.title).toContain(norm(d.title).slice(0, 25));
        if (d.statement) expect(all).toContain(norm(d.statement).slice(0, 25));
      }
      // Each decision is a bookmark, pointing at the page where its memo starts.
      for (const d of view.decisions) {
        const entry = pdf.outline.find((o) => o.title === `${d.number}. ${d.title}`);
        expect(entry, d.title).toBeDefined();
        expect(norm(pdf.pages[(entry?.page ?? 1) - 1]?.text ?? '')).toContain(
          norm(`${d.number}. ${d.title}`).slice(0, 20),
        );
      }
      // The register links to each memo.
      expect(pdf.links.filter((l) => l.page === 1 && l.destPage !== null).length).toBeGreaterThan(0);
      expect(pdf.info.Title).toContain(view.session.organisation);
      expect(pdf.info.Language).toBe(validated.value.session.locale);
      expect(pdf.info.Producer).toBe('stratdoc');
    });
  }

  it('two builds are byte-identical', async () => {
    const a = await pdfOfFixture('city-swot.uk.json');
    const b = await pdfOfFixture('city-swot.uk.json');
    expect(a.length).toBeGreaterThan(10_000);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

const qpdf = findProgram(['qpdf']);
const pdftotext = findProgram(['pdftotext']);
const pdffonts = findProgram(['pdffonts']);
const tools =
  programAvailable('qpdf', qpdf, 'apt-get install -y qpdf') &&
  programAvailable('pdftotext and pdffonts', pdftotext && pdffonts, 'apt-get install -y poppler-utils');

describe.runIf(tools)('PDF tools accept every fixture', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stratdoc-pdf-'));
  for (const name of FIXTURES) {
    it(`${name}: qpdf --check, pdftotext, pdffonts (every font embedded)`, async () => {
      const file = join(dir, `${name}.pdf`);
      writeFileSync(file, await pdfOfFixture(name));
      const check = spawnSync(qpdf as string, ['--check', file], { encoding: 'utf8' });
      expect(check.status, check.stdout + check.stderr).toBe(0);
      expect(check.stdout).toContain('No syntax or stream encoding errors');
      const text = spawnSync(pdftotext as string, [file, '-'], { encoding: 'utf8' });
      expect(text.status).toBe(0);
      expect(text.stdout.length).toBeGreaterThan(1000);
      const fonts = spawnSync(pdffonts as string, [file], { encoding: 'utf8' })
        .stdout.trim()
        .split('\n')
        .slice(2);
      expect(fonts.length).toBeGreaterThan(0);
      for (const line of fonts) expect(line, line).toMatch(/CID TrueType\s+Identity-H\s+yes yes yes/);
    });
  }
});

describe('the PDF writer on its own', () => {
  it('writes a document with every block type', async () => {
    const doc = docOf(`
      <section size="A4"><header><p class="small" align="right">Header</p></header><footer><p class="small" align="center">Page <page-number/> of <page-count/></p></footer>
      <p class="title">All blocks</p><p class="subtitle">A test document</p>
      <toc depth="2" title="Contents"/>
      <h1 id="one">One</h1><p align="justify">Justified <b>bold</b> <i>italic</i> <u>underlined</u> <code>code</code> <span color="red">red</span> <a href="https://example.org">a link</a> and <a href="#two">an internal link</a>.<br>After a break.</p>
      <ul><li>Bullet<ul><li>Nested</li></ul></li></ul><ol start="3"><li>Three</li><li>Four</li></ol>
      <table borders="all"><thead><tr><th>Item</th><th>Amount</th></tr></thead><tbody><tr><td shade="amber">Cost</td><td align="right">€1,000</td></tr><tr><td colspan="2">Total</td></tr></tbody></table>
      <figure><img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==" alt="dot" width="10%"><figcaption>A caption</figcaption></figure>
      <diagram ref="map" alt="Map"><p>Fallback of the diagram</p></diagram>
      <box tone="decision" title="Decided"><p>In a box.</p></box>
      <columns><column><p>Left column</p></column><column><p>Right column</p></column></columns>
      <page-break/><h1 id="two">Two</h1><p>Second page. ₴ → ✓</p></section>`);
    const result = await writePdf(doc, nodeEnv());
    expect(result.diagnostics).toEqual([]);
    const pdf = await readPdf(result.bytes);
    expect(pdf.pages).toHaveLength(2);
    const first = norm(pdf.pages[0]?.text ?? '');
    for (const piece of [
      'All blocks',
      'Contents',
      'Justified bold italic underlined code red a link',
      'Nested',
      '3.',
      'Four',
      'Amount',
      '€1,000',
      'A caption',
      'Fallback of the diagram',
      'Decided',
      'In a box.',
      'Left column',
      'Right column',
      'Page 1 of 2',
      'Header',
    ]) {
      expect(first, piece).toContain(piece);
    }
    expect(norm(pdf.pages[1]?.text ?? '')).toContain('Second page. ₴ → ✓');
    expect(pdf.links.map((l) => l.url ?? l.destPage)).toEqual(expect.arrayContaining(['https://example.org/', 2]));
    expect(pdf.outline.map((o) => [o.title, o.page])).toEqual([
      ['One', 1],
      ['Two', 2],
    ]);
  });

  it('warns once about characters no font has, listing them', async () => {
    const result = await writePdf(docOf('<p>Klingon \uF8D0\uF8D1 and Linear B 𐀀</p>'), nodeEnv());
    const missing = result.diagnostics.filter((d) => d.code === 'pdf/missing-glyphs');
    expect(missing).toHaveLength(1);
    expect(missing[0]?.message).toContain('𐀀');
  });
});

describe('embedded vector pages', () => {
  it('draws a PDF page (a diagram) as vectors, its text still extractable', async () => {
    // A one-page PDF made by the writer itself stands in for a rendered diagram.
    const inner = await writePdf(
      docOf('<section size="A4" margins="10mm"><h2>Strategy map</h2><p>Vision → goal → initiative</p></section>'),
      nodeEnv(),
    );
    const src = `data:application/pdf;base64,${Buffer.from(inner.bytes).toString('base64')}`;
    const outer = await writePdf(
      docOf(
        `<h1>Map</h1><figure><img src="${src}" alt="Strategy map" width="60%"><figcaption>Figure 1</figcaption></figure>`,
      ),
      nodeEnv(),
    );
    const pdf = await readPdf(outer.bytes);
    const text = norm(pdf.pages[0]?.text ?? '');
    expect(text).toContain('Strategy map');
    expect(text).toContain('Vision → goal → initiative');
    expect(text).toContain('Figure 1');
    const image = outer.layout.pages[0]?.boxes.find((b) => b.kind === 'image');
    expect(image && image.kind === 'image' && Math.round((image.w / image.h) * 100)).toBe(
      Math.round((595.28 / 841.89) * 100),
    );
  });
});
