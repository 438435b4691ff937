import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildDocuments,
  buildModel,
  builtInFonts,
  createChromiumRenderer,
  DEFAULT_COLORS,
  findBrowser,
  folderCache,
  mermaidConfig,
  nodeEnv,
  type RenderedDiagram,
  renderDiagrams,
  strategyMapSpec,
  toMermaid,
  validateSession,
  writePdf,
} from '../../src/index.js';
import { docOf } from '../helpers/doc.js';
import { findProgram, programAvailable } from '../helpers/programs.js';
import { FIXTURES, fixtureData, fixtureText } from '../helpers/sessions.js';

const browser = findBrowser();
const pdftotext = findProgram(['pdftotext']);
const ready =
  programAvailable('Chromium', browser, 'apt-get install -y chromium (or set PUPPETEER_EXECUTABLE_PATH)') &&
  programAvailable('poppler-utils', pdftotext, 'apt-get install -y poppler-utils');

const THEME = { fontFamily: 'Roboto', colors: { ...DEFAULT_COLORS } };
const CONFIG = mermaidConfig(THEME);
const fonts = builtInFonts();
const renderer = () =>
  createChromiumRenderer({
    executablePath: browser as string,
    font: { family: 'Roboto', regular: fonts.main.regular, bold: fonts.main.bold },
  });

// biome-ignore lint/suspicious/noExplicitAny: raw session data
function mapOf(raw: any): string {
  const v = validateSession(raw);
  if (!v.ok) throw new Error('invalid');
  return toMermaid(strategyMapSpec(buildModel(v.value)), THEME);
}

const decode = (svg: string) =>
  svg
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

/** A one-page document holding the diagram, as the PDF writer draws it. */
async function documentWith(d: RenderedDiagram): Promise<Uint8Array> {
  const doc = docOf('<diagram ref="d" alt="diagram"><p>not drawn</p></diagram>');
  return (await writePdf(doc, nodeEnv(), { diagrams: new Map([['d', d]]) })).bytes;
}

describe.runIf(ready)('diagrams in headless Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stratdoc-diagrams-'));

  it('draws each fixture’s strategy map as vectors in the PDF, its text extractable, once per browser', async () => {
    const sources = FIXTURES.map((name) => ({ id: name, source: mapOf(fixtureData(name)) }));
    let made: ReturnType<typeof renderer> | undefined;
    const drawn = await renderDiagrams(sources, CONFIG, () => (made = renderer()), null);
    expect(made?.launches).toBe(1);
    for (const name of FIXTURES) {
      const d = drawn.get(name);
      expect(d?.svg).toContain('<svg');
      expect(d?.svg).not.toContain('foreignObject');
      const file = join(dir, `${name}.pdf`);
      writeFileSync(file, await documentWith(d as RenderedDiagram));
      const images = spawnSync('pdfimages', ['-list', file], { encoding: 'utf8' }).stdout.trim().split('\n');
      expect(images.length, 'no raster image on the page').toBe(2);
      const text = spawnSync(pdftotext as string, [file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
      const v = validateSession(fixtureData(name));
      if (!v.ok) throw new Error('invalid');
      for (const n of buildModel(v.value).initiatives.filter((i) => i.status !== 'cancelled')) {
        expect(text, n.title).toContain(n.title.split(' ').slice(0, 2).join(' '));
      }
    }
  }, 120_000);

  it('keeps a hostile label literal: no link, no script, the text as written', async () => {
    const raw = fixtureData('starter.en.yaml') as { initiatives: Array<{ title: string }> };
    const hostile = 'a"]) --> B; click A call alert()';
    (raw.initiatives[0] as { title: string }).title = hostile;
    const r = renderer();
    try {
      const d = await r.render(mapOf(raw), CONFIG);
      // As written, but for the quote that would have closed the label: it shows as a typographic quote.
      expect(decode(d.svg)).toContain('a”]) --> B; click A call alert()');
      expect(d.svg).not.toMatch(/<a\b|onclick|javascript:/i);
    } finally {
      await r.close();
    }
  }, 60_000);

  it('gives byte-identical SVG and display lists in separate browsers, and byte-identical documents drawing them', async () => {
    const source = mapOf(fixtureData('city-swot.uk.json'));
    const draw = async () => {
      const r = renderer();
      try {
        return await r.render(source, CONFIG);
      } finally {
        await r.close();
      }
    };
    const [a, b] = [await draw(), await draw()];
    expect(a.svg).toBe(b.svg);
    expect(JSON.stringify(a.drawing)).toBe(JSON.stringify(b.drawing));
    expect(Buffer.from(await documentWith(a)).equals(Buffer.from(await documentWith(b)))).toBe(true);
  }, 120_000);

  it('draws an emitted .mmd source, front matter and all, exactly as the documents draw it', async () => {
    const env = { ...nodeEnv(), diagrams: { renderer: null, cache: null } };
    const built = await buildDocuments(fixtureText('corporate-planning.en.yaml'), env, {
      artifacts: ['initiatives'],
      formats: ['html'],
      diagrams: 'off',
    });
    if (!built.ok) throw new Error(JSON.stringify(built.diagnostics));
    const emitted = built.value.diagramSources.find((d) => d.id === 'strategy-map');
    if (!emitted) throw new Error('no strategy map among the emitted sources');
    expect(emitted.source).toMatch(/^---\nconfig: \{/);
    const r = renderer();
    try {
      const body = emitted.source.replace(/^---\n[\s\S]*?\n---\n/, '');
      const standalone = await r.render(emitted.source, {});
      const asInDocuments = await r.render(body, CONFIG);
      expect([standalone.width, standalone.height]).toEqual([asInDocuments.width, asInDocuments.height]);
      expect(decode(standalone.svg)).toBe(decode(asInDocuments.svg));
      // Without its front matter the same source draws differently: the configuration travels with it.
      expect((await r.render(body, {})).svg).not.toBe(standalone.svg);
    } finally {
      await r.close();
    }
  }, 60_000);

  it('draws a batch in one browser: a broken diagram does not stop the rest, a repeated one is drawn once', async () => {
    const good = mapOf(fixtureData('starter.en.yaml'));
    const other = mapOf(fixtureData('corporate-planning.en.yaml'));
    let made: ReturnType<typeof renderer> | undefined;
    const drawn = await renderDiagrams(
      [
        { id: 'a', source: good },
        { id: 'broken', source: 'flowchart TD\n  A --> --> ]]' },
        { id: 'b', source: other },
        { id: 'a-again', source: good },
      ],
      CONFIG,
      () => (made = renderer()),
      null,
      { drawing: true, png: false },
    );
    expect(made?.launches).toBe(1);
    expect(drawn.drawn).toBe(3);
    expect(drawn.failed?.map((f) => f.id)).toEqual(['broken']);
    expect([...drawn.keys()]).toEqual(['a', 'b', 'a-again']);
    expect(drawn.get('a-again')).toBe(drawn.get('a'));
    expect(drawn.get('b')?.drawing?.items.some((i) => i.type === 'text')).toBe(true);
    expect(drawn.get('b')?.png, 'no PNG unless asked for').toBeUndefined();
    expect(drawn.get('b')?.svg).not.toBe(drawn.get('a')?.svg);
  }, 60_000);

  it('a second run with unchanged diagrams starts no browser', async () => {
    const cache = folderCache(join(dir, 'cache'));
    const sources = [{ id: 'map', source: mapOf(fixtureData('starter.en.yaml')) }];
    let launches = 0;
    const counting = () => {
      launches++;
      return renderer();
    };
    const first = await renderDiagrams(sources, CONFIG, counting, cache);
    const second = await renderDiagrams(sources, CONFIG, counting, cache);
    expect(launches).toBe(1);
    expect(second.get('map')?.svg).toBe(first.get('map')?.svg);
    expect(
      Buffer.from(second.get('map')?.png as Uint8Array)
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  }, 60_000);
});
