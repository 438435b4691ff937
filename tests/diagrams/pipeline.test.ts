import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDocuments, buildModel, type Env, findBrowser, nodeEnv, validateSessionText } from '../../src/index.js';
import { readPdf } from '../helpers/pdf.js';
import { findProgram, programAvailable } from '../helpers/programs.js';
import { FIXTURES, fixtureText, ROOT } from '../helpers/sessions.js';

const noBrowser = (): Env => ({ ...nodeEnv(), diagrams: { renderer: null, cache: null } });

describe('the initiatives artifact without a browser', () => {
  it('shows each diagram as text, and says once how to get the drawings', async () => {
    const r = await buildDocuments(fixtureText('starter.en.yaml'), noBrowser(), {
      artifacts: ['initiatives'],
      formats: ['pdf'],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    const notes = r.value.warnings.filter((w) => w.code === 'diagrams/no-browser');
    expect(notes).toHaveLength(1);
    expect(notes[0]?.hint).toContain('PUPPETEER_EXECUTABLE_PATH');
    const pdf = await readPdf(r.value.outputs[0]?.data as Uint8Array);
    const text = pdf.pages
      .map((p) => p.text)
      .join(' ')
      .replace(/\s+/g, ' ');
    expect(text).toContain('Near-miss reporting on every shift → Report and close every near miss within a week');
  });

  it('fails with --require-diagrams, and stays quiet with --no-diagrams', async () => {
    const required = await buildDocuments(fixtureText('starter.en.yaml'), noBrowser(), {
      artifacts: ['initiatives'],
      diagrams: 'required',
    });
    expect(required.ok).toBe(false);
    if (!required.ok) expect(required.diagnostics[0]?.code).toBe('diagrams/no-browser');
    const off = await buildDocuments(fixtureText('starter.en.yaml'), noBrowser(), {
      artifacts: ['initiatives'],
      diagrams: 'off',
    });
    expect(off.ok && off.value.warnings.filter((w) => w.code.startsWith('diagrams/'))).toEqual([]);
  });
});

const browser = findBrowser();
const ready =
  programAvailable('Chromium', browser, 'apt-get install -y chromium') &&
  programAvailable('poppler-utils', findProgram(['pdfimages']), 'apt-get install -y poppler-utils');

describe.runIf(ready)('the initiatives artifact with Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stratdoc-initiatives-'));

  for (const name of FIXTURES.filter((f) => f !== 'starter.en.yaml')) {
    it(`${name}: the strategy map is vector in the PDF, SVG + PNG in the DOCX, inline SVG in the HTML`, async () => {
      const r = await buildDocuments(fixtureText(name), nodeEnv({ cacheDir: join(dir, 'cache') }), {
        artifacts: ['initiatives'],
        diagrams: 'required',
      });
      if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
      const out = Object.fromEntries(r.value.outputs.map((o) => [o.format, o.data]));
      const file = join(dir, `${name}.pdf`);
      writeFileSync(file, out.pdf as Uint8Array);
      expect(spawnSync('pdfimages', ['-list', file], { encoding: 'utf8' }).stdout.trim().split('\n')).toHaveLength(2);
      // The strategy map, whole or split by priority, comes before the roadmap: every initiative is drawn there.
      const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
      const v = validateSessionText(fixtureText(name), { fileName: name });
      if (!v.ok) throw new Error('invalid');
      const model = buildModel(v.value);
      const roadmapTitle = (
        JSON.parse(readFileSync(join(ROOT, 'templates', 'locales', `${model.session.locale}.json`), 'utf8')) as {
          initiatives: { roadmap: string };
        }
      ).initiatives.roadmap;
      const maps = text.slice(0, text.indexOf(roadmapTitle));
      expect(maps.length).toBeGreaterThan(0);
      for (const n of model.initiatives.filter((i) => i.status !== 'cancelled'))
        expect(maps, n.title).toContain(n.title.split(' ').slice(0, 2).join(' '));
      const media = Object.keys(unzipSync(out.docx as Uint8Array)).filter((f) => f.startsWith('word/media/'));
      expect(media.some((f) => f.endsWith('.svg')) && media.some((f) => f.endsWith('.png'))).toBe(true);
      expect(strFromU8(out.html as Uint8Array)).toContain('<figure class="diagram-art"');
    }, 120_000);
  }

  it('draws only what the formats need, and fills the cache in as later builds need more', async () => {
    const cacheDir = join(dir, 'cache-partial');
    let launches = 0;
    const counting = (): Env => {
      const env = nodeEnv({ cacheDir });
      const renderer = env.diagrams?.renderer;
      return {
        ...env,
        diagrams: {
          cache: env.diagrams?.cache ?? null,
          renderer: renderer
            ? () => {
                launches++;
                return renderer();
              }
            : null,
        },
      };
    };
    const build = (formats: Array<'html' | 'pdf' | 'docx'>) =>
      buildDocuments(fixtureText('starter.en.yaml'), counting(), { artifacts: ['initiatives'], formats });
    const kinds = () => readdirSync(cacheDir).map((f) => f.split('.').slice(1).join('.'));
    const html = await build(['html']);
    expect(html.ok && html.value.outputs.map((o) => o.format)).toEqual(['html']);
    expect(launches).toBe(1);
    expect(kinds()).toContain('svg');
    expect(kinds()).not.toContain('drawing.json');
    expect(kinds()).not.toContain('png');
    // The SVG alone does not serve a PDF build: the browser starts again, for the display lists only.
    await build(['pdf']);
    expect(launches).toBe(2);
    expect(kinds()).toContain('drawing.json');
    expect(kinds()).not.toContain('png');
    await build(['html', 'pdf']);
    expect(launches).toBe(2);
    await build(['docx']);
    expect(launches).toBe(3);
    await build(['pdf', 'docx', 'html']);
    expect(launches).toBe(3);
  }, 120_000);

  it('a second build with unchanged input starts no browser and still has the diagrams', async () => {
    const cacheDir = join(dir, 'cache-2');
    let launches = 0;
    const counting = (): Env => {
      const env = nodeEnv({ cacheDir });
      const renderer = env.diagrams?.renderer;
      return {
        ...env,
        diagrams: {
          cache: env.diagrams?.cache ?? null,
          renderer: renderer
            ? () => {
                launches++;
                return renderer();
              }
            : null,
        },
      };
    };
    const build = () =>
      buildDocuments(fixtureText('city-swot.uk.json'), counting(), { artifacts: ['initiatives'], formats: ['pdf'] });
    const first = await build();
    expect(launches).toBe(1);
    const second = await build();
    expect(launches).toBe(1);
    if (!first.ok || !second.ok) throw new Error('build failed');
    expect(
      Buffer.from(second.value.outputs[0]?.data as Uint8Array).equals(
        Buffer.from(first.value.outputs[0]?.data as Uint8Array),
      ),
    ).toBe(true);
  }, 120_000);
});
