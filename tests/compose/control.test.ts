import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildDocuments,
  CHART_MONTHS,
  type ControlView,
  composeControl,
  createTemplateRenderer,
  folderTemplates,
  formatDate,
  formatNumber,
  monthRange,
  nodeEnv,
  renderDocument,
  resolveTheme,
  templateTheme,
  writePdf,
} from '../../src/index.js';
import type { Box, PageLayout } from '../../src/writers/pdf/layout/types.js';
import { fixtureData, FIXTURES, fixtureText, ROOT, sessionModel, starter } from '../helpers/sessions.js';

/** The three realistic fixtures, one per language. */
const SESSIONS = ['industrial-safety.ru.json', 'city-swot.uk.json', 'corporate-planning.en.yaml'] as const;

const modelOf = (name: string) => sessionModel(fixtureText(name), name);
const modelOfData = (data: unknown) => sessionModel(data);

const view = (name: string) => composeControl(modelOf(name));

// biome-ignore lint/suspicious/noExplicitAny: the raw fixture is read as plain data
type Raw = any;

/** The control points as the session file writes them. */
const rawPoints = (name: string): Raw[] => (fixtureData(name).controlPoints as Raw[] | undefined) ?? [];

const items = (v: ControlView) => v.groups.flatMap((g) => g.items);

/** The control HTML of raw session data. */
async function html(data: unknown): Promise<string> {
  const result = await buildDocuments(data, nodeEnv(), { artifacts: ['control'], formats: ['html'], diagrams: 'off' });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return new TextDecoder().decode(result.value.outputs[0]?.data);
}

/** The control labels of a language, as the built-in catalog holds them. */
function catalog(language: string): Raw {
  return JSON.parse(readFileSync(join(ROOT, 'templates', 'locales', `${language}.json`), 'utf8')).control;
}

/** Text as the HTML writer escapes it. */
const htmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('composeControl (principle 4: control)', () => {
  for (const name of FIXTURES) {
    it(`${name}: a plain, JSON-safe view (snapshot)`, () => {
      const v = view(name);
      expect(JSON.parse(JSON.stringify(v))).toEqual(v);
      expect(v).toMatchSnapshot();
    });

    it(`${name}: every control point appears exactly once in the plan, numbered in order`, () => {
      const v = view(name);
      const ids = items(v).map((i) => i.id);
      expect(ids.sort()).toEqual(
        rawPoints(name)
          .map((c) => c.id as string)
          .sort(),
      );
      expect(new Set(ids).size).toBe(ids.length);
      expect(items(v).map((i) => i.number)).toEqual(ids.map((_, k) => k + 1));
      expect(v.counts.total).toBe(rawPoints(name).length);
      // Each sits in the group of its initiative, or else of its goal.
      const model = modelOf(name);
      for (const g of v.groups) {
        for (const i of g.items) {
          const c = model.index.controlPoints.get(i.id);
          if (g.kind === 'initiative') expect(c?.initiative?.id, i.id).toBe(g.id);
          if (g.kind === 'goal') {
            expect(c?.initiative, i.id).toBeNull();
            expect(c?.goal?.id, i.id).toBe(g.id);
          }
        }
      }
    });

    it(`${name}: each item has an owner and a due date or frequency, or is flagged`, () => {
      const v = view(name);
      const people = new Map(((fixtureData(name).people as Raw[]) ?? []).map((p) => [p.id, p.name]));
      for (const c of rawPoints(name)) {
        const item = items(v).find((i) => i.id === c.id);
        if (!item) throw new Error(c.id);
        expect(item.owner, c.id).toBe(c.owner ? people.get(c.owner) : null);
        expect(item.flags.includes('owner'), c.id).toBe(!c.owner);
        expect(item.flags.includes('when'), c.id).toBe(!c.due && !c.frequency);
        expect(
          v.flagged.some((f) => f.id === c.id),
          c.id,
        ).toBe(item.flags.length > 0);
      }
    });

    it(`${name}: statuses match the model, and the red items are exactly the red ones`, () => {
      const model = modelOf(name);
      const v = composeControl(model);
      for (const c of model.controlPoints) {
        const item = items(v).find((i) => i.id === c.id);
        expect(item?.rag, c.id).toBe(c.rag);
        if (c.rag !== 'grey') expect(item?.status, c.id).toBe(c.rag);
        else expect(['no-data', 'not-due', 'not-judged'], c.id).toContain(item?.status);
        if (c.rule.code === 'no-data') expect(v.noData.map((i) => i.id)).toContain(c.id);
      }
      expect(v.red.map((i) => i.id).sort()).toEqual(
        model.controlPoints
          .filter((c) => c.rag === 'red')
          .map((c) => c.id)
          .sort(),
      );
      // The summary adds up to every item.
      expect(v.summary.reduce((s, x) => s + x.count, 0)).toBe(v.counts.total);
    });

    it(`${name}: a value-threshold status follows from the latest value, read in the indicator's direction`, () => {
      const v = view(name);
      for (const c of rawPoints(name)) {
        if (c.kind !== 'kpi' || !c.thresholds || (c.thresholds.basis ?? 'value') !== 'value') continue;
        if (!c.measurements?.length || !c.polarity) continue;
        const latest = [...c.measurements].sort((a: Raw, b: Raw) => (a.asOf < b.asOf ? -1 : 1)).at(-1);
        const up = c.polarity === 'higher-is-better';
        const atLeast = (a: number, b: number) => (up ? a >= b : a <= b);
        const expected = atLeast(latest.actual, c.thresholds.green)
          ? 'green'
          : atLeast(latest.actual, c.thresholds.amber)
            ? 'amber'
            : 'red';
        const item = items(v).find((i) => i.id === c.id);
        expect(item?.rag, c.id).toBe(expected);
        expect(item?.rule.key, c.id).toBe(`thresholds.${expected}.${up ? 'higher' : 'lower'}`);
        expect(item?.rule.date).toBe(formatDate(latest.asOf, v.language, 'short'));
      }
    });

    it(`${name}: the chart has a cell for every month in range, the last actual coloured as the model says`, () => {
      const model = modelOf(name);
      const v = composeControl(model);
      const charted = rawPoints(name).filter(
        (c) => c.kind === 'kpi' && ((c.plan?.length ?? 0) > 0 || (c.measurements?.length ?? 0) > 0),
      );
      const months = charted
        .flatMap((c) => [
          ...(c.plan ?? []).map((p: Raw) => p.month as string),
          ...(c.measurements ?? []).map((m: Raw) => (m.asOf as string).slice(0, 7)),
        ])
        .sort();
      if (months.length === 0) {
        expect(v.chart.tables).toEqual([]);
        return;
      }
      const range = monthRange(months[0] as string, months.at(-1) as string);
      expect(v.chart.months).toEqual(range);
      expect(v.chart.tables.flatMap((t) => t.months.map((m) => m.month))).toEqual(range);
      for (const t of v.chart.tables) {
        expect(t.months.length).toBeLessThanOrEqual(CHART_MONTHS);
        expect(t.years.reduce((s, y) => s + y.span, 0)).toBe(t.months.length);
        expect(t.rows.map((r) => r.id).sort()).toEqual(charted.map((c) => c.id).sort());
        for (const r of t.rows) expect(r.cells.map((c) => c.month)).toEqual(t.months.map((m) => m.month));
      }
      for (const c of charted) {
        const cells = v.chart.tables.flatMap((t) => t.rows.find((r) => r.id === c.id)?.cells ?? []);
        expect(cells, c.id).toHaveLength(range.length);
        for (const p of c.plan ?? [])
          expect(cells.find((x) => x.month === p.month)?.plan, c.id).toBe(formatNumber(p.value, v.language));
        const measured = cells.filter((x) => x.actual !== null);
        expect(measured.length, c.id).toBe(
          new Set((c.measurements ?? []).map((m: Raw) => (m.asOf as string).slice(0, 7))).size,
        );
        const last = measured.at(-1);
        const point = model.index.controlPoints.get(c.id);
        if (last && point) {
          expect(last.actual, c.id).toBe(formatNumber(point.latest?.actual as number, v.language));
          expect(last.rag, c.id).toBe(point.rag);
        }
      }
    });
  }

  it('formats dates, numbers, percentages and months for the session language', () => {
    const ru = view('industrial-safety.ru.json');
    const talks = items(ru).find((i) => i.id === 'cp-fl-safety-talks');
    expect(talks?.due).toBe('29.10.2027');
    expect(talks?.target).toBe('95\u00a0%');
    expect(talks?.rule.actual).toBe('52\u00a0%');
    expect(talks?.thresholds).toEqual({ basis: 'value', direction: 'higher', green: '85\u00a0%', red: '70\u00a0%' });
    const ltifr = items(ru).find((i) => i.id === 'cp-ltifr');
    expect(ltifr?.baseline).toBe('0,92');
    expect(ltifr?.rule.actual).toBe('0,83\u00a0на 1 млн чел.-ч');
    expect(ru.asOf).toBe('16 ноября 2026 г.');
    expect(ru.chart.tables[0]?.months.map((m) => m.label).slice(0, 4)).toEqual(['сент.', 'окт.', 'нояб.', 'дек.']);
    const cost = ru.chart.tables[0]?.rows.find((r) => r.id === 'cp-cost-per-tonne');
    expect(cost?.cells.find((c) => c.month === '2026-10')?.actual).toBe('2\u00a0878');
    const uk = view('city-swot.uk.json');
    expect(uk.asOf).toBe('20 листопада 2026 р.');
    expect(uk.chart.tables[0]?.months[0]?.label).toBe('жовт.');
    const en = view('corporate-planning.en.yaml');
    const ttv = items(en).find((i) => i.id === 'c-ttv');
    expect(ttv?.rule).toMatchObject({ key: 'plan.amber', planned: '85\u00a0days', attainment: '96.6%', green: '100%' });
    expect(ttv?.thresholds).toEqual({ basis: 'plan', direction: 'lower', green: '100%', red: '90%' });
    expect(en.chart.tables[0]?.months[0]?.label).toBe('Oct');
  });

  it('states the rule of each red item in words, with its countermeasures', async () => {
    const text = await html(fixtureData('industrial-safety.ru.json'));
    expect(text).toContain('Красный.');
    expect(text).toContain('Факт 52\u00a0% на 31.10.2026 ниже красной границы 70\u00a0%');
    expect(text).toContain('Срок 06.11.2026, на 16.11.2026 не выполнено');
    const v = view('industrial-safety.ru.json');
    for (const r of v.red) {
      expect(text).toContain(htmlText(r.title));
      expect(r.countermeasures.length, r.id).toBe(
        rawPoints('industrial-safety.ru.json').find((c) => c.id === r.id)?.countermeasures?.length,
      );
      for (const m of r.countermeasures) expect(text).toContain(htmlText(m.title));
    }
    // Every fixture's red items carry a countermeasure, so none is called out.
    expect(v.counts.redWithout).toBe(0);
    expect(text).not.toContain('Корректирующей меры нет');
  });

  it('calls out a red item without a countermeasure, and flags items without an owner or a date', async () => {
    const s = starter();
    const ltifr = s.controlPoints.find((c: Raw) => c.id === 'c-ltifr');
    ltifr.measurements = [{ asOf: '2027-04-30', actual: 4.1 }];
    ltifr.countermeasures = [];
    const otd = s.controlPoints.find((c: Raw) => c.id === 'c-otd');
    delete otd.owner;
    delete otd.due;
    delete otd.frequency;
    const v = composeControl(modelOfData(s));
    expect(v.red.map((i) => i.id)).toEqual(['c-ltifr']);
    expect(v.counts.redWithout).toBe(1);
    expect(items(v).find((i) => i.id === 'c-ltifr')?.rule).toMatchObject({
      key: 'thresholds.red.lower',
      actual: '4.1\u00a0per million hours',
      amber: '3.6\u00a0per million hours',
    });
    expect(v.flagged.map((i) => i.id)).toEqual(['c-otd']);
    expect(v.flagged[0]?.flags).toEqual(['owner', 'when']);
    const text = await html(s);
    expect(text).toContain('No countermeasure');
    expect(text).toContain('1 red item has no countermeasure');
    expect(text).toContain(
      'Actual 4.1\u00a0per million hours on 30/04/2027 is above the red threshold 3.6\u00a0per million hours',
    );
    expect(text).toContain('no owner, no due date or frequency');
  });

  it('lists items with no data yet as such, and a session without control points says so', async () => {
    const v = view('corporate-planning.en.yaml');
    expect(v.noData.length).toBe(v.counts.noData);
    for (const i of v.noData) {
      expect(i.latest, i.id).toBeNull();
      expect(i.rule.key).toBe('no-data');
    }
    const s = starter();
    s.controlPoints = [];
    s.poster.keyNumbers = [];
    const empty = composeControl(modelOfData(s));
    expect(empty.counts.total).toBe(0);
    expect(empty.chart.tables).toEqual([]);
    expect(await html(s)).toContain('No milestones or indicators have been set yet.');
  });

  it('splits a long range of months evenly across tables', () => {
    const v = view('industrial-safety.ru.json');
    expect(v.chart.months).toHaveLength(16);
    expect(v.chart.tables.map((t) => t.months.length)).toEqual([8, 8]);
    expect(v.chart.tables[1]?.years).toEqual([{ year: '2027', span: 8 }]);
    expect(monthRange('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});

/** The rectangle a box covers, or null for boxes that draw nothing. */
function extent(b: Box): { x: number; y: number; w: number; h: number } | null {
  switch (b.kind) {
    case 'text':
      return { x: b.x, y: b.top, w: b.width, h: b.height };
    case 'rect':
    case 'image':
    case 'link':
      return { x: b.x, y: b.y, w: b.w, h: b.h };
    default:
      return null;
  }
}

/** Every box inside the page's content area and no two texts overlapping; the problems found. */
function overflow(page: PageLayout): string[] {
  const EPS = 0.5;
  const problems: string[] = [];
  const c = page.content;
  for (const b of page.boxes) {
    const e = extent(b);
    if (!e) continue;
    if (e.x < c.x - EPS || e.y < c.y - EPS || e.x + e.w > c.x + c.w + EPS || e.y + e.h > c.y + c.h + EPS)
      problems.push(`${b.kind} ${'text' in b ? b.text : ''} outside the content area`);
  }
  const texts = page.boxes.filter((b) => b.kind === 'text' && b.text.trim() !== '');
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = extent(texts[i] as Box) as { x: number; y: number; w: number; h: number };
      const b = extent(texts[j] as Box) as { x: number; y: number; w: number; h: number };
      const x = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const y = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (x > EPS && y > EPS) problems.push(`"${(texts[i] as { text: string }).text}" overlaps another text`);
    }
  }
  return problems;
}

describe('the control documents', () => {
  for (const name of SESSIONS) {
    it(`${name}: builds as PDF, DOCX and HTML, and the PDF keeps inside its pages`, async () => {
      const result = await buildDocuments(fixtureData(name), nodeEnv(), {
        artifacts: ['control'],
        formats: ['pdf', 'docx', 'html'],
        diagrams: 'off',
      });
      if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
      expect(result.value.outputs.map((o) => o.fileName)).toEqual(['control.pdf', 'control.docx', 'control.html']);
      for (const o of result.value.outputs) expect(o.data.byteLength, o.fileName).toBeGreaterThan(1000);
      expect(result.value.warnings.filter((w) => w.code.startsWith('pdf/'))).toEqual([]);

      // The same document laid out again, to look at every page.
      const model = modelOf(name);
      const renderer = createTemplateRenderer(folderTemplates(), model.session.locale);
      if (!renderer.ok) throw new Error('renderer');
      const theme = resolveTheme(model);
      const doc = renderDocument('control', composeControl(model), {
        renderer: renderer.value,
        theme,
        templateTheme: templateTheme(model, theme),
        date: model.session.date,
        defaultTitle: model.session.title,
      });
      if (!doc.ok) throw new Error(JSON.stringify(doc.diagnostics));
      const pdf = await writePdf(doc.value, nodeEnv());
      expect(pdf.diagnostics).toEqual([]);
      for (const [i, page] of pdf.layout.pages.entries()) expect(overflow(page), `page ${i + 1}`).toEqual([]);
      // Each heading stays on the page of what it heads: the first row or item under it.
      const labels = catalog(model.session.locale);
      const v = composeControl(model);
      const pages = pdf.layout.pages.map((page) =>
        page.boxes.filter((b): b is Extract<Box, { kind: 'text' }> => b.kind === 'text'),
      );
      // A heading is set larger than any text of the body or the tables.
      const isHeading = (t: { text: string; size: number }, text: string) => t.text === text && t.size > 13;
      const keptWith = (heading: string, first: (text: string) => boolean) => {
        const p = pages.findIndex((texts) => texts.some((t) => isHeading(t, heading)));
        expect(p, heading).toBeGreaterThanOrEqual(0);
        const top = pages[p]?.find((t) => isHeading(t, heading))?.top ?? 0;
        expect(
          pages[p]?.some((t) => t.top > top && first(t.text)),
          `"${heading}" without what it heads on page ${p + 1}`,
        ).toBe(true);
      };
      keptWith(labels.standing.replace('{asOf}', v.asOf), (t) => t === labels.col.status);
      keptWith(
        labels.red,
        (t) => t === (v.red.length > 0 ? `${labels.status.red}.` : labels.noRed.replace('{asOf}', v.asOf)),
      );
      if (v.noData.length > 0) keptWith(labels.noData, (t) => t.startsWith(`${v.noData[0]?.number}. `));
      keptWith(labels.register, (t) => t === labels.col.reports);
      if (v.chart.tables.length > 0) keptWith(labels.chart, (t) => t === labels.plan);
    });
  }
});
