// Diagram rendering: stratdoc's renderer against @mermaid-js/mermaid-cli's renderMermaid on the same 20
// diagrams (the fixtures' strategy maps, roadmaps, matrices and lines of sight), same mermaid version, same
// Chromium, in the same run. Prints one JSON line.
//
// stratdoc: one browser, mermaid loaded once into one page, diagrams drawn in a batch; for PDF the page's
// layout is read back as a display list (the PDF writer draws it), for DOCX a PNG is taken on a second page
// while the next diagram is laid out. mermaid-cli: the documented library use — one browser, renderMermaid once per diagram and
// output format (it opens a page and loads mermaid for each call).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildDocuments, builtInFonts, createChromiumRenderer, findBrowser, nodeEnv } from '../../dist/index.js';

const COUNT = 20;
const executablePath = findBrowser();
if (!executablePath) {
  console.log(JSON.stringify({ skipped: 'no Chromium (apt-get install chromium or set PUPPETEER_EXECUTABLE_PATH)' }));
  process.exit(0);
}

// The 20 diagrams: every diagram of the initiatives artifact of each fixture, first come first served.
const fixtures = ['industrial-safety.ru.json', 'city-swot.uk.json', 'corporate-planning.en.yaml'];
const sources = [];
for (const name of fixtures) {
  const text = readFileSync(fileURLToPath(new URL(`../../fixtures/sessions/${name}`, import.meta.url)), 'utf8');
  const built = await buildDocuments(text, nodeEnv({ diagrams: false }), {
    artifacts: ['initiatives'],
    formats: ['html'],
    diagrams: 'off',
    fileName: name,
  });
  if (!built.ok) throw new Error(`${name}: ${built.diagnostics[0]?.message}`);
  for (const d of built.value.diagramSources) {
    const config = JSON.parse(/^---\nconfig: (.*)\n---\n/.exec(d.source)[1]);
    sources.push({ name: `${name}:${d.id}`, config, body: d.source.replace(/^---\n[\s\S]*?\n---\n/, '') });
  }
}
const jobs = sources.slice(0, COUNT);
if (jobs.length < COUNT) throw new Error(`only ${jobs.length} diagrams in the fixtures`);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const now = () => performance.now();

// ---- stratdoc ----
const fonts = builtInFonts();
const renderer = createChromiumRenderer({
  executablePath,
  font: { family: fonts.family, regular: fonts.main.regular, bold: fonts.main.bold },
});
const stratdoc = {};
try {
  // Setup: browser start, mermaid and the fonts loaded, one small diagram drawn.
  let t = now();
  await renderer.drawAll([{ source: 'flowchart LR\n  a --> b\n', config: jobs[0].config }], {
    drawing: true,
    png: true,
  });
  stratdoc.setup_ms = now() - t;
  const modes = {
    // HTML needs the SVG; PDF the display list too; DOCX the PNG fallback too.
    svg: { drawing: false, png: false },
    svg_pdf: { drawing: true, png: false },
    svg_pdf_png: { drawing: true, png: true },
  };
  for (const [mode, outputs] of Object.entries(modes)) {
    // One diagram at a time, for the median per diagram...
    const each = [];
    for (const j of jobs) {
      t = now();
      const [r] = await renderer.drawAll([{ source: j.body, config: j.config }], outputs);
      each.push(now() - t);
      if ('error' in r) throw new Error(`${j.name}: ${r.error}`);
    }
    // ...and the 20 as one batch, as a build draws them.
    t = now();
    const all = await renderer.drawAll(
      jobs.map((j) => ({ source: j.body, config: j.config })),
      outputs,
    );
    const batch = now() - t;
    if (all.some((r) => 'error' in r)) throw new Error('a diagram failed in the batch');
    stratdoc[mode] = { median_ms: median(each), batch_per_diagram_ms: batch / jobs.length };
  }
  stratdoc.launches = renderer.launches;
} finally {
  await renderer.close();
}

// ---- mermaid-cli ----
if (process.env.BENCH_NO_PEER) {
  console.log(JSON.stringify({ diagrams: jobs.length, stratdoc }));
  process.exit(0);
}
const { renderMermaid } = await import('@mermaid-js/mermaid-cli');
const puppeteer = (await import('puppeteer')).default;
const mmdc = {};
{
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  let t = now();
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: [...(isRoot ? ['--no-sandbox'] : []), '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  mmdc.launches = 1;
  try {
    await renderMermaid(browser, 'flowchart LR\n  a --> b\n', 'svg', { mermaidConfig: jobs[0].config });
    mmdc.setup_ms = now() - t;
    for (const format of ['svg', 'pdf', 'png']) {
      const each = [];
      for (const j of jobs) {
        t = now();
        await renderMermaid(browser, j.body, format, { mermaidConfig: j.config, pdfFit: true });
        each.push(now() - t);
      }
      mmdc[format] = { median_ms: median(each) };
    }
  } finally {
    await browser.close();
  }
}
console.log(JSON.stringify({ diagrams: jobs.length, stratdoc, mmdc }));
