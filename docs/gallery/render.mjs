// npm run gallery — the first page of each artifact of each example session, as PNG, into docs/gallery/.
// Builds from dist/ (run `npm run build` first; the npm script does), draws diagrams when a browser is there,
// and needs pdftoppm (poppler-utils). Writes <fixture>.<artifact>.png and an index, docs/gallery/README.md.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../../dist/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const FIXTURES = ['industrial-safety.ru.json', 'city-swot.uk.json', 'corporate-planning.en.yaml'];
/** Width of each picture in pixels: enough to read headings, small enough for a repository. */
const WIDTH = 720;

try {
  execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
} catch {
  console.error('npm run gallery needs pdftoppm: install poppler-utils (apt-get install poppler-utils).');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'stratdoc-gallery-'));
const rows = [];
try {
  for (const fixture of FIXTURES) {
    const file = join(root, 'fixtures', 'sessions', fixture);
    const name = fixture.replace(/\.(json|ya?ml)$/, '');
    const started = performance.now();
    const report = await build(readFileSync(file, 'utf8'), {
      fileName: file,
      baseDir: dirname(file),
      formats: ['pdf'],
      cacheDir: join(root, '.stratdoc-cache'),
    });
    if (!report.ok) {
      console.error(`${fixture}: not built`);
      for (const d of report.diagnostics) console.error(`  ${d.code}: ${d.message}`);
      process.exit(1);
    }
    // The artifacts' documents (not calendar.ics); one poster per unit would only repeat the poster.
    const documents = report.files.filter((f) => f.format === 'pdf' && !/^poster-/.test(f.fileName));
    for (const doc of documents) {
      const pdf = join(work, `${name}.${doc.fileName}`);
      writeFileSync(pdf, doc.data);
      const png = join(here, `${name}.${doc.artifact}`);
      execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-singlefile', '-png', '-scale-to-x', String(WIDTH), '-scale-to-y', '-1', pdf, png]);
      rows.push({ fixture, artifact: doc.artifact, png: `${basename(png)}.png`, pages: doc.pages });
    }
    console.log(`${fixture}: ${documents.length} artifacts in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const lines = [
  '# Gallery',
  '',
  'The first page of each artifact of each example session in `fixtures/sessions/`, as built by',
  '`npm run gallery` (which regenerates this page and the pictures).',
  '',
];
for (const fixture of FIXTURES) {
  lines.push(`## ${fixture}`, '');
  for (const row of rows.filter((r) => r.fixture === fixture))
    lines.push(`**${row.artifact}** (${row.pages} page${row.pages === 1 ? '' : 's'})`, '', `![${row.artifact}](${row.png})`, '');
}
writeFileSync(join(here, 'README.md'), lines.join('\n'));
console.log(`wrote ${rows.length} pictures and docs/gallery/README.md`);
