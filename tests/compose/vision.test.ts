import { describe, expect, it } from 'vitest';
import { buildDocuments, composeVision, nodeEnv, VISION_COLUMNS, type VisionView } from '../../src/index.js';
import { layoutProblems } from '../helpers/layout.js';
import { buildArtifact, pageTexts } from '../helpers/build.js';
import { fixtureIn, fixtureText, sessionModel } from '../helpers/sessions.js';

// biome-ignore lint/suspicious/noExplicitAny: the raw fixture is read as plain data
type Raw = any;

/** The city session in a language. */
const session = (language: 'en' | 'ru' | 'uk') => fixtureIn('city-swot.uk.json', language);

const modelOf = (data: unknown) => sessionModel(data);

/** Every direction the view prints in the body: the common part and each sphere's. */
const printed = (v: VisionView) => [...v.common, ...v.spheres.flatMap((s) => s.directions)];

const build = (data: unknown, formats: Array<'pdf' | 'docx' | 'html'>) => buildArtifact(data, 'vision', formats);

describe('composeVision (the Vision brochure)', () => {
  it('city session: is plain data; every direction once, under its sphere, numbered sphere.place', () => {
    const raw = session('uk');
    const v = composeVision(modelOf(raw));
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
    expect(printed(v).map((d) => d.id)).toEqual((raw.vision.directions as Raw[]).map((d) => d.id));
    expect(v.common).toEqual([]);
    expect(v.hasSpheres).toBe(true);
    for (const s of v.spheres) {
      expect(s.directions.map((d) => d.code)).toEqual(s.directions.map((_, n) => `${s.number}.${n + 1}`));
      for (const d of s.directions)
        expect((raw.vision.directions as Raw[]).find((x) => x.id === d.id).sphere).toBe(s.id);
    }
    expect(v.horizon).toBe('2035');
    // The overview: a row per sphere, four directions across.
    expect(v.matrix.columns).toBe(4);
    expect(v.matrix.rows.map((r) => r.sphere)).toEqual(v.spheres.map((s) => s.name));
    expect(v.matrix.rows.flatMap((r) => r.cells).map((c) => c?.id)).toEqual(printed(v).map((d) => d.id));
  });

  it('prints directions tied to no sphere once, in a common part and a row of the overview of their own', () => {
    const raw = session('en');
    const loose = ['dir-gov-open-data', 'dir-inf-energy'];
    for (const d of raw.vision.directions) if (loose.includes(d.id)) delete d.sphere;
    // One sphere gets more directions than a row of the overview holds.
    for (const d of raw.vision.directions) if (d.sphere === 'economy' || d.sphere === 'social') d.sphere = 'economy';
    const v = composeVision(modelOf(raw));
    expect(v.common.map((d) => d.id)).toEqual(loose);
    expect(v.common.map((d) => d.code)).toEqual(['0.1', '0.2']);
    const ids = printed(v).map((d) => d.id);
    expect([...ids].sort()).toEqual((raw.vision.directions as Raw[]).map((d) => d.id).sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect(v.spheres.find((s) => s.id === 'social')?.directions).toEqual([]);
    const rows = v.matrix.rows;
    expect(rows[0]?.common).toBe(true);
    expect(rows.every((r) => r.cells.length === VISION_COLUMNS)).toBe(true);
    const economy = v.spheres.find((s) => s.id === 'economy');
    expect(economy?.directions).toHaveLength(8);
    const at = rows.findIndex((r) => r.sphere === economy?.name);
    expect(rows[at + 1]?.sphere).toBeNull();
    expect(rows.flatMap((r) => r.cells).filter((c) => c !== null)).toHaveLength(ids.length);
  });

  for (const name of ['corporate-planning.en.yaml', 'industrial-safety.ru.json']) {
    it(`${name}: a session without spheres lists its directions, numbered 1, 2, … with no overview`, () => {
      const v = composeVision(modelOf(fixtureText(name)));
      expect(v.hasSpheres).toBe(false);
      expect(v.spheres).toEqual([]);
      expect(v.matrix.rows).toEqual([]);
      expect(v.common.map((d) => d.code)).toEqual(v.common.map((_, n) => `${n + 1}`));
      expect(v.common.length).toBe(v.counts.directions);
    });
  }
});

describe('the Vision brochure as documents', () => {
  for (const language of ['uk', 'ru', 'en'] as const) {
    it(`${language}: the statement, the overview on one page, every sphere and direction, no box outside its page`, async () => {
      const data = session(language);
      const v = composeVision(modelOf(data));
      const { layout, warnings } = await build(data, ['pdf']);
      expect(warnings.filter((w) => w.code.startsWith('pdf/'))).toEqual([]);
      if (!layout) throw new Error('no layout');
      const problems = layout.pages.flatMap((p, n) => layoutProblems(p).map((x) => `page ${n + 1}: ${x}`));
      expect(problems).toEqual([]);
      const texts = pageTexts(layout);
      expect(texts[0]).toContain(v.title.split(' ')[0]);
      expect(texts[0]).toContain('2035');
      // The overview matrix is on one page: every sphere's name and every code there.
      const overview = texts[1] as string;
      for (const s of v.spheres) expect(overview).toContain(s.name);
      for (const d of printed(v)) expect(overview).toContain(d.code);
      const body = texts.slice(2).join(' ');
      for (const d of printed(v)) expect(body).toContain(d.code);
    }, 60_000);
  }

  for (const name of ['corporate-planning.en.yaml', 'industrial-safety.ru.json']) {
    it(`${name}: builds as PDF, HTML and DOCX, its pages clean`, async () => {
      const problems: string[] = [];
      const result = await buildDocuments(fixtureText(name), nodeEnv(), {
        fileName: name,
        artifacts: ['vision'],
        formats: ['pdf', 'html', 'docx'],
        diagrams: 'off',
        onLayout: (_f, _d, layout) => {
          for (const [i, page] of layout.pages.entries())
            for (const p of layoutProblems(page)) problems.push(`${i + 1}: ${p}`);
        },
      });
      if (!result.ok) throw new Error(JSON.stringify(result.diagnostics.slice(0, 3)));
      expect(result.value.outputs.map((o) => o.fileName).sort()).toEqual(['vision.docx', 'vision.html', 'vision.pdf']);
      expect(problems).toEqual([]);
    }, 60_000);
  }

  it('builds HTML and DOCX for the city session', async () => {
    const { outputs } = await build(session('uk'), ['html', 'docx']);
    expect(outputs.map((o) => o.fileName).sort()).toEqual(['vision.docx', 'vision.html']);
  }, 60_000);
});
