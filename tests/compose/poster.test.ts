import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import {
  BAND_UNITS,
  type BuildOutput,
  buildDocuments,
  composePoster,
  formatNumber,
  GOAL_COLUMNS,
  MORE_NAMED,
  nodeEnv,
  type PosterView,
  posterPriorities,
  type SessionModel,
} from '../../src/index.js';
import { findProgram, programAvailable } from '../helpers/programs.js';
import { fixtureData, fixtureText, sessionModel } from '../helpers/sessions.js';

const FIXTURES = ['industrial-safety.ru.json', 'city-swot.uk.json', 'corporate-planning.en.yaml'] as const;

const modelOf = sessionModel;

const fixtureModel = (name: string) => modelOf(fixtureText(name), name);
const posterOf = (model: SessionModel, inPack = false) => composePoster(model, { findings: [], inPack });

// biome-ignore lint/suspicious/noExplicitAny: raw session data is edited freely
type Raw = any;

/** The keys of all key numbers a view shows. */
const keyNumberIds = (view: PosterView) => [
  ...view.priorities.flatMap((p) => p.keyNumbers.map((k) => k.id)),
  ...view.otherKeyNumbers.map((k) => k.id),
];

describe('poster view', () => {
  for (const name of FIXTURES) {
    describe(name, () => {
      const model = fixtureModel(name);
      const composed = posterOf(model);
      const view = composed.view as PosterView;

      it('leads with the vision', () => {
        expect(view.hasVision).toBe(true);
        expect(view.headline).toBe(model.vision?.title);
        expect(view.statement).toBe(model.vision?.statement);
        expect(view.tagline).toBe(model.poster.tagline ?? null);
      });

      it('shows the critical priorities with every live initiative of theirs, each once, with owners', () => {
        const shown = posterPriorities(model);
        expect(shown.length).toBeGreaterThanOrEqual(2);
        expect(shown.length).toBeLessThanOrEqual(3);
        expect(view.priorities.map((p) => p.id)).toEqual(shown.map((p) => p.id));
        const expected = new Set(shown.flatMap((p) => p.initiatives.filter((n) => n.status !== 'cancelled')));
        const listed = view.priorities.flatMap((p) => p.initiatives.map((n) => n.id));
        expect(new Set(listed).size).toBe(listed.length);
        expect(new Set(listed)).toEqual(new Set([...expected].map((n) => n.id)));
        for (const p of view.priorities) {
          expect(p.owner, p.title).not.toBeNull();
          p.initiatives.forEach((n, i) => {
            expect(n.code).toBe(`${p.number}.${i + 1}`);
            expect(n.owner, n.title).not.toBeNull();
          });
        }
      });

      it('takes the key numbers from the control points the session names, targets with unit and date', () => {
        expect(keyNumberIds(view).sort()).toEqual([...model.poster.keyNumbers].sort());
        for (const id of model.poster.keyNumbers) {
          const c = model.index.controlPoints.get(id);
          const k = [...view.priorities.flatMap((p) => p.keyNumbers), ...view.otherKeyNumbers].find((x) => x.id === id);
          expect(k?.title).toBe(c?.title);
          if (c?.kind === 'kpi' && c.target !== null) {
            expect(k?.figure.startsWith(formatNumber(c.target, model.session.locale))).toBe(true);
            expect(`${k?.figure} ${k?.unit ?? ''}`).toContain((c.unit ?? '').replace(/^%\s+/, ''));
            expect(k?.due).not.toBeNull();
          }
        }
        // A key number stands under the priority it measures.
        for (const p of view.priorities)
          for (const k of p.keyNumbers) expect(k.priority, `${k.id} under ${p.title}`).toBe(p.number);
      });

      it('draws the line of sight of every unit that carries work: unit → initiatives → goal', () => {
        const carrying = model.lineOfSight.filter((l) => l.links.some((x) => x.initiative.status !== 'cancelled'));
        expect(view.sight.rows.map((r) => r.id)).toEqual(carrying.map((l) => l.unit.id));
        for (const los of carrying) {
          const row = view.sight.rows.find((r) => r.id === los.unit.id);
          for (const link of los.links) {
            const column = view.sight.goals.indexOf(link.goal?.title ?? null);
            expect(column, link.goal?.title).toBeGreaterThanOrEqual(0);
            expect(row?.cells[column]?.map((x) => x.id)).toContain(link.initiative.id);
          }
        }
      });

      it('makes one poster per unit that carries work, showing that unit’s own chain', () => {
        expect(model.poster.perUnit).toBe(true);
        const carrying = model.lineOfSight.filter((l) => l.links.some((x) => x.initiative.status !== 'cancelled'));
        const variants = composed.variants ?? [];
        expect(variants.map((v) => (v.view as PosterView).unit?.id)).toEqual(carrying.map((l) => l.unit.id));
        for (const v of variants) expect(v.suffix).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(new Set(variants.map((v) => v.suffix)).size).toBe(variants.length);
        for (const los of carrying) {
          const unitView = variants.find((v) => (v.view as PosterView).unit?.id === los.unit.id)?.view as PosterView;
          const live = los.links.filter((x) => x.initiative.status !== 'cancelled');
          const chain = unitView.unit?.chain ?? [];
          // Every link of the unit, and nothing else: initiative → the goal it leads to.
          for (const link of live)
            expect(
              chain.find((c) => c.goal === (link.goal?.title ?? null))?.initiatives.map((x) => x.id),
              `${los.unit.id}: ${link.initiative.id}`,
            ).toContain(link.initiative.id);
          const chained = new Set(chain.flatMap((c) => c.initiatives.map((x) => x.id)));
          expect(chained).toEqual(new Set(live.map((x) => x.initiative.id)));
          expect(unitView.sight.rows.map((r) => r.id)).toEqual([los.unit.id]);
          // The unit's initiatives are marked in the priority columns, the others are not.
          for (const n of unitView.priorities.flatMap((p) => p.initiatives))
            expect(n.mine, n.id).toBe(chained.has(n.id));
        }
      });
    });
  }

  it('sets body text no smaller than 9 pt on A3 and in proportion on other paper; in the pack, A4 landscape', () => {
    const model = fixtureModel('corporate-planning.en.yaml');
    const page = (size: 'A4' | 'A3' | 'A2') =>
      (posterOf({ ...model, poster: { ...model.poster, size } }).view as PosterView).page;
    expect(page('A3')).toMatchObject({ size: 'A3', orientation: 'landscape', minBody: '9pt', larger: 'A2' });
    expect(page('A2')).toMatchObject({ minBody: '12.73pt', larger: null });
    expect(page('A4')).toMatchObject({ minBody: '6.36pt', larger: 'A3' });
    const inPack = posterOf(model, true);
    expect((inPack.view as PosterView).page).toMatchObject({ size: 'A4', orientation: 'landscape', larger: null });
    expect(inPack.variants).toBeUndefined();
  });

  it('without named key numbers, shows the KPIs with targets set on the goals of its priorities', () => {
    const raw = fixtureData('corporate-planning.en.yaml') as Raw;
    raw.poster.keyNumbers = [];
    const model = modelOf(raw);
    const view = posterOf(model).view as PosterView;
    const ids = keyNumberIds(view);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const c = model.index.controlPoints.get(id);
      expect(c?.kind).toBe('kpi');
      expect(c?.goal).not.toBeNull();
      expect(c?.target).not.toBeNull();
    }
  });

  it('without critical priorities, shows the first three by rank', () => {
    const raw = fixtureData('corporate-planning.en.yaml') as Raw;
    for (const p of raw.priorities) p.critical = false;
    const model = modelOf(raw);
    expect(posterPriorities(model).map((p) => p.id)).toEqual(
      [...model.priorities]
        .sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99))
        .slice(0, 3)
        .map((p) => p.id),
    );
  });
});

/** Pages of a PDF and the smallest text size on them (the glyph height pdf.js reports). */
async function pdfFacts(bytes: Uint8Array): Promise<{ pages: number; smallest: number }> {
  const doc = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, verbosity: 0 }).promise;
  let smallest = Number.POSITIVE_INFINITY;
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    for (const item of content.items)
      if ('str' in item && item.str.trim())
        smallest = Math.min(smallest, Math.hypot(item.transform[2], item.transform[3]));
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, smallest };
}

async function buildPosters(
  input: unknown,
  fileName: string | undefined,
  formats: Array<'pdf' | 'docx'>,
  perUnit = true,
) {
  return buildDocuments(input, nodeEnv(), {
    ...(fileName ? { fileName } : {}),
    artifacts: ['poster'],
    formats,
    diagrams: 'off',
    poster: { perUnit },
  });
}

describe('poster PDF: exactly one page, body text at least 9 pt on A3 (in proportion on other paper)', () => {
  for (const name of FIXTURES) {
    it(`${name}: the poster and every unit's poster`, async () => {
      const model = fixtureModel(name);
      const result = await buildPosters(fixtureText(name), name, ['pdf']);
      if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
      const outputs = result.value.outputs;
      const units = model.lineOfSight.filter((l) => l.links.some((x) => x.initiative.status !== 'cancelled'));
      expect(outputs.map((o) => o.fileName)).toHaveLength(1 + units.length);
      const min = (posterOf(model).view as PosterView).page.minBody;
      for (const output of outputs) {
        const { pages, smallest } = await pdfFacts(output.data);
        expect(pages, output.fileName).toBe(1);
        // The smallest text on the poster is its body text.
        expect(smallest, output.fileName).toBeGreaterThanOrEqual(Number.parseFloat(min) - 0.01);
      }
    }, 120_000);
  }
});

/** A session with 30 initiatives: the corporate fixture with 16 more, most of them under its first priority. */
function stressSession(): Raw {
  const raw = fixtureData('corporate-planning.en.yaml') as Raw;
  const plan = [
    ...Array.from({ length: 10 }, () => ({ priority: 'pr-retention', goal: 'g-churn', unit: 'u-cs' })),
    ...Array.from({ length: 3 }, () => ({ priority: 'pr-efficiency', goal: 'g-cost-serve', unit: 'u-services' })),
    ...Array.from({ length: 3 }, () => ({ priority: 'pr-technology', goal: 'g-reliable', unit: 'u-rnd' })),
  ];
  plan.forEach((p, i) => {
    raw.initiatives.push({
      id: `i-stress-${i + 1}`,
      title: `Additional initiative number ${i + 1} with a title of ordinary length`,
      goals: [p.goal],
      priority: p.priority,
      owner: 'p-cro',
      units: [p.unit],
      start: '2026-11-02',
      due: '2027-06-30',
      status: 'planned',
    });
  });
  expect(raw.initiatives).toHaveLength(30);
  return raw;
}

describe('poster: a session with 30 initiatives', () => {
  it('does not fit at 9 pt, and the build stops with a diagnostic that names what to cut', async () => {
    const result = await buildPosters(stressSession(), undefined, ['pdf', 'docx']);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const overflow = result.diagnostics.filter((d) => d.code === 'pdf/fit-overflow');
    expect(overflow.length).toBeGreaterThan(0);
    const [d] = overflow;
    expect(d?.severity).toBe('error');
    // How much too tall, at which size, and the tallest part first: the priority with its 15 initiatives.
    expect(d?.message).toMatch(/A3 landscape page with body text at 9 pt/);
    expect(d?.message).toMatch(/\d+ pt \(\d+ %\) too much/);
    expect(d?.message).toMatch(
      /What takes the room, at that size: priority 1 “Keep and grow the customers we have”: 15 initiatives; key numbers: 2 — [\d\u2009]+ pt \(a column\)/,
    );
    expect(d?.message).toContain('the line-of-sight table of');
    expect(d?.hint).toContain('poster.keyNumbers');
    expect(d?.hint).toContain('poster.size: A2');
  }, 120_000);

  it('fits at 9 pt or more after cutting, one initiative at a time, from the part the diagnostic names first', async () => {
    const raw = stressSession();
    const priorityIds = ['pr-retention', 'pr-efficiency', 'pr-technology'];
    let cuts = 0;
    for (;;) {
      const result = await buildPosters(raw, undefined, ['pdf']);
      if (result.ok) {
        for (const output of result.value.outputs) {
          const { pages, smallest } = await pdfFacts(output.data);
          expect(pages, output.fileName).toBe(1);
          expect(smallest, output.fileName).toBeGreaterThanOrEqual(9 - 0.01);
        }
        break;
      }
      // The first part named is the tallest: a priority column here.
      const named = /What takes the room, at that size: priority (\d)/.exec(result.diagnostics[0]?.message ?? '');
      expect(named, result.diagnostics[0]?.message).not.toBeNull();
      const priority = priorityIds[Number(named?.[1]) - 1];
      const index = raw.initiatives.findIndex((n: Raw) => n.id.startsWith('i-stress-') && n.priority === priority);
      expect(index, `an added initiative of ${priority} to cut`).toBeGreaterThanOrEqual(0);
      raw.initiatives.splice(index, 1);
      cuts++;
      expect(cuts).toBeLessThanOrEqual(16);
    }
    expect(cuts).toBeGreaterThan(0);
    expect(raw.initiatives.length).toBeGreaterThan(14);
  }, 300_000);
});

const soffice = findProgram(['soffice', 'libreoffice']);
const pdfinfo = findProgram(['pdfinfo']);
const office =
  programAvailable('LibreOffice', soffice, 'apt-get install -y libreoffice-writer-nogui') &&
  programAvailable('pdfinfo', pdfinfo, 'apt-get install -y poppler-utils');

describe.runIf(office)('poster DOCX: exactly one page in LibreOffice', () => {
  for (const name of FIXTURES) {
    it(`${name}: the poster and every unit's poster`, async () => {
      const result = await buildPosters(fixtureText(name), name, ['docx']);
      if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
      const dir = mkdtempSync(join(tmpdir(), 'stratdoc-poster-'));
      const outputs: readonly BuildOutput[] = result.value.outputs;
      for (const o of outputs) writeFileSync(join(dir, o.fileName), o.data);
      // One LibreOffice run converts them all.
      const r = spawnSync(
        soffice as string,
        [
          `-env:UserInstallation=file://${join(dir, 'lo')}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          ...outputs.map((o) => join(dir, o.fileName)),
        ],
        { encoding: 'utf8', timeout: 300_000 },
      );
      expect(r.status, r.stderr).toBe(0);
      const pdfs = readdirSync(dir).filter((f) => f.endsWith('.pdf'));
      expect(pdfs).toHaveLength(outputs.length);
      for (const pdf of pdfs) {
        const info = spawnSync(pdfinfo as string, [join(dir, pdf)], { encoding: 'utf8' }).stdout;
        expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1]), pdf).toBe(1);
      }
    }, 300_000);
  }
});

describe('poster: a large organisation (60 units, 100 initiatives, 50 strategic goals)', () => {
  it('shows the top-level units, at most six goal columns and counts what is off the poster — on one page', async () => {
    const { generateSession } = await import('../bench/generate-session.mjs');
    const raw = generateSession({
      initiatives: 100,
      controlPoints: 60,
      resources: 20,
      decisions: 5,
      goalsPerPriority: 2,
    });
    const model = modelOf(raw);
    const view = posterOf(model).view as PosterView;
    const carrying = model.lineOfSight.filter((l) => l.links.some((x) => x.initiative.status !== 'cancelled'));
    expect(carrying.length).toBeGreaterThan(BAND_UNITS);
    expect(view.sightCondensed).toBe(carrying.length);
    const topLevel = carrying.filter((l) => !l.unit.parent).map((l) => l.unit.name);
    expect(view.sight.rows.map((r) => r.unit)).toEqual(topLevel);
    expect(view.sight.goals.length).toBeLessThanOrEqual(GOAL_COLUMNS);
    expect(view.sight.merged).toBe(true);
    // Every initiative a top-level unit carries is in its row: by code, or counted.
    for (const row of view.sight.rows) {
      const los = carrying.find((l) => l.unit.name === row.unit);
      const live = new Set(los?.links.filter((x) => x.initiative.status !== 'cancelled').map((x) => x.initiative.id));
      const shown = row.cells.flat().reduce((n, item) => n + (item.more ?? 1), 0);
      expect(shown, row.unit).toBe(live.size);
      for (const cell of row.cells)
        expect(cell.filter((i) => !i.code && !i.more).length).toBeLessThanOrEqual(MORE_NAMED);
    }
    const result = await buildPosters(raw, undefined, ['pdf'], false);
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics[0]));
    const { pages, smallest } = await pdfFacts(result.value.outputs[0]?.data as Uint8Array);
    expect(pages).toBe(1);
    expect(smallest).toBeGreaterThanOrEqual(9 - 0.01);
  }, 120_000);
});
