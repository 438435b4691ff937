import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocuments, buildModel, composeDecisions, nodeEnv, validateSessionText } from '../../src/index.js';
import { CHROMIUM_FLAGS, findChromium, findProgram, programAvailable } from '../helpers/programs.js';
import { FIXTURES, fixtureText } from '../helpers/sessions.js';

// The HTML preview must open in a real browser and show its content: Chromium prints it to PDF (the text as
// the browser laid it out, read back with pdftotext) and takes a screenshot.
const chromium = findChromium();
const pdftotext = findProgram(['pdftotext']);
const ready =
  programAvailable('Chromium', chromium, 'apt-get install -y chromium') &&
  programAvailable('pdftotext', pdftotext, 'apt-get install -y poppler-utils');

describe.runIf(ready)('the HTML preview in headless Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stratdoc-browser-'));
  const browse = (args: string[]) => {
    const r = spawnSync(chromium as string, [...CHROMIUM_FLAGS, `--user-data-dir=${join(dir, 'profile')}`, ...args], {
      encoding: 'utf8',
      timeout: 90_000,
    });
    if (r.status !== 0) throw new Error(`chromium failed (${r.status}): ${r.stderr.slice(-2000)}`);
  };

  for (const name of FIXTURES.filter((f) => f !== 'starter.en.yaml')) {
    it(`${name}: the browser lays out every decision and shows the page`, async () => {
      const text = fixtureText(name);
      const built = await buildDocuments(text, nodeEnv(), {
        fileName: name,
        artifacts: ['decisions'],
        formats: ['html'],
      });
      if (!built.ok) throw new Error(JSON.stringify(built.diagnostics));
      const html = join(dir, `${name}.html`);
      writeFileSync(html, built.value.outputs[0]?.data as Uint8Array);

      const pdf = join(dir, `${name}.pdf`);
      browse(['--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${html}`]);
      const printed = spawnSync(pdftotext as string, ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.replace(
        /\s+/g,
        ' ',
      );

      const validated = validateSessionText(text, { fileName: name });
      if (!validated.ok) throw new Error('invalid fixture');
      const view = composeDecisions(buildModel(validated.value));
      for (const d of view.decisions) expect(printed, d.title).toContain(d.title.replace(/\s+/g, ' ').slice(0, 30));
      expect(printed).toContain(view.session.organisation.slice(0, 20));

      const png = join(dir, `${name}.png`);
      browse(['--window-size=1100,1600', `--screenshot=${png}`, `file://${html}`]);
      // A blank page of this size compresses to a few kilobytes; text, tables and boxes make it far larger.
      expect(statSync(png).size).toBeGreaterThan(60_000);
    }, 120_000);
  }
});
