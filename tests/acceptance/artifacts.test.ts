import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACT_IDS, buildDocuments, COMPOSERS, checkSession, nodeEnv, notApplicable } from '../../src/index.js';
import { layoutProblems } from '../helpers/layout.js';
import { findProgram, programAvailable } from '../helpers/programs.js';
import { fixtureText } from '../helpers/sessions.js';

const FIXTURES = ['industrial-safety.ru.json', 'city-swot.uk.json', 'corporate-planning.en.yaml'] as const;
const AVAILABLE = ARTIFACT_IDS.filter((id) => COMPOSERS[id]);
const qpdf = findProgram(['qpdf']);
const soffice = findProgram(['soffice', 'libreoffice']);
const pdfinfo = findProgram(['pdfinfo']);
const tools =
  programAvailable('qpdf', qpdf, 'apt-get install -y qpdf') &&
  programAvailable('LibreOffice', soffice, 'apt-get install -y libreoffice-writer-nogui') &&
  programAvailable('pdfinfo', pdfinfo, 'apt-get install -y poppler-utils');

describe.runIf(tools)('every artifact of every example session, in every format', () => {
  it('builds the artifacts of this version', () => {
    expect(AVAILABLE).toEqual([
      'decisions',
      'resources',
      'initiatives',
      'control',
      'poster',
      'pack',
      'swot',
      'vision',
      'protocols',
      'agenda',
      'followup',
      'status',
    ]);
  });

  for (const name of FIXTURES) {
    it(`${name}: PDFs pass qpdf --check and keep inside their pages; DOCX files open in LibreOffice`, async () => {
      const problems: string[] = [];
      const result = await buildDocuments(fixtureText(name), nodeEnv(), {
        fileName: name,
        formats: ['pdf', 'docx', 'html'],
        // Diagrams drawn (when a browser is there) for one session, as lists elsewhere: both paths, in bounded time.
        diagrams: name === 'city-swot.uk.json' ? 'auto' : 'off',
        onLayout: (file, _doc, layout) => {
          for (const [i, page] of layout.pages.entries())
            for (const p of layoutProblems(page)) problems.push(`${file} page ${i + 1}: ${p}`);
        },
      });
      if (!result.ok) throw new Error(JSON.stringify(result.diagnostics.slice(0, 3)));
      const files = result.value.outputs;
      // Every artifact the session can have, in every format; the posters once more per unit.
      const checked = checkSession(fixtureText(name), { fileName: name });
      if (!checked.ok) throw new Error(name);
      const expected = AVAILABLE.filter((id) => notApplicable(id, checked.value.model) === null);
      expect(expected.length).toBeGreaterThanOrEqual(6);
      for (const artifact of expected)
        for (const format of ['pdf', 'docx', 'html'])
          expect(files.map((f) => f.fileName)).toContain(`${artifact}.${format}`);
      expect(problems).toEqual([]);
      expect(
        result.value.warnings.filter((w) => w.code.startsWith('pdf/') || w.code.startsWith('diagrams/render')),
      ).toEqual([]);

      const dir = mkdtempSync(join(tmpdir(), 'stratdoc-acceptance-'));
      for (const f of files) writeFileSync(join(dir, f.fileName), f.data);
      for (const f of files.filter((f) => f.format === 'pdf')) {
        const check = spawnSync(qpdf as string, ['--check', join(dir, f.fileName)], { encoding: 'utf8' });
        expect(check.status, `${f.fileName}: ${check.stdout}${check.stderr}`).toBe(0);
      }
      for (const f of files.filter((f) => f.format === 'html'))
        expect(Buffer.from(f.data).toString('utf8').trimEnd().endsWith('</html>'), f.fileName).toBe(true);

      // All DOCX files of the session in one LibreOffice run.
      const docx = files.filter((f) => f.format === 'docx').map((f) => join(dir, f.fileName));
      const out = join(dir, 'lo');
      const converted = spawnSync(
        soffice as string,
        [
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          out,
          ...docx,
        ],
        { encoding: 'utf8', timeout: 600_000 },
      );
      expect(converted.status, converted.stderr).toBe(0);
      expect(existsSync(out) ? readdirSync(out).length : 0).toBe(docx.length);
      for (const f of files.filter((f) => f.format === 'docx')) {
        const pdf = join(out, f.fileName.replace(/\.docx$/, '.pdf'));
        const info = spawnSync(pdfinfo as string, [pdf], { encoding: 'utf8' });
        const pages = Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1] ?? 0);
        expect(pages, f.fileName).toBeGreaterThan(0);
        // One-page documents stay one page in LibreOffice too.
        if (f.artifact === 'poster') expect(pages, f.fileName).toBe(1);
      }
    }, 900_000);
  }
});
