import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildDocuments,
  buildModel,
  composeStatus,
  expectedValue,
  formatDate,
  nodeEnv,
  notApplicable,
  type Rag,
  type StatusItem,
  type StatusView,
  validateSession,
} from '../../src/index.js';
import { buildArtifact, pageTexts } from '../helpers/build.js';
import { stratdoc } from '../helpers/cli.js';
import { FIXTURES, fixtureText, ROOT, sessionModel, starter } from '../helpers/sessions.js';

/** The same session twice: as of mid-November 2026, and in February 2027 with three more months measured. */
const NOVEMBER = join('sessions', 'industrial-safety.ru.json');
const FEBRUARY = join('snapshots', 'industrial-safety.ru.2027-02.json');

const text = (path: string) => readFileSync(join(ROOT, 'fixtures', path), 'utf8');
// biome-ignore lint/suspicious/noExplicitAny: the raw fixture is read as plain data
type Raw = any;
const raw = (path: string): Raw => JSON.parse(text(path));

const modelOf = sessionModel;

const november = () => modelOf(text(NOVEMBER), 'industrial-safety.ru.json');
const february = () => modelOf(text(FEBRUARY), 'industrial-safety.ru.2027-02.json');

const items = (v: StatusView) => v.groups.flatMap((g) => g.items);
const itemOf = (v: StatusView, id: string): StatusItem => {
  const found = items(v).find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};

const WEIGHT: Record<Rag, number> = { grey: 0, green: 1, amber: 2, red: 3 };
/** The roll-up rule as the page states it: the worst colour among those that have one, grey when none has. */
const worst = (rags: Rag[]): Rag => rags.reduce<Rag>((w, r) => (WEIGHT[r] > WEIGHT[w] ? r : w), 'grey');

/** The latest measurement date of a raw session: what the report is "as of". */
const latestDate = (data: Raw): string =>
  (data.controlPoints as Raw[])
    .flatMap((c) => (c.measurements ?? []).map((m: Raw) => m.asOf as string))
    .sort()
    .at(-1) as string;

const SNAPSHOTS = [
  { name: 'November', path: NOVEMBER, model: november },
  { name: 'February', path: FEBRUARY, model: february },
] as const;

describe('composeStatus (principle 4: the status report from measurements)', () => {
  for (const s of SNAPSHOTS) {
    it(`${s.name}: a plain, JSON-safe view, as of the latest measurement date`, () => {
      const v = composeStatus(s.model());
      expect(JSON.parse(JSON.stringify(v))).toEqual(v);
      expect(v.isoAsOf).toBe(latestDate(raw(s.path)));
      expect(v.asOf).toBe(formatDate(v.isoAsOf, 'ru'));
      // Every control point once, with the model's status.
      const model = s.model();
      expect(
        items(v)
          .map((i) => i.id)
          .sort(),
      ).toEqual(model.controlPoints.map((c) => c.id).sort());
      for (const c of model.controlPoints) expect(itemOf(v, c.id).rag, c.id).toBe(c.rag);
      expect(v.previous).toBeNull();
      expect(v).toMatchSnapshot();
    });

    it(`${s.name}: plan against actual runs to the as-of month, every row with a figure in it`, () => {
      const v = composeStatus(s.model());
      expect(v.chart.months.at(-1)).toBe(v.isoAsOf.slice(0, 7));
      const months = v.chart.tables.flatMap((t) => t.months.map((m) => m.month));
      expect(months).toEqual(v.chart.months);
      for (const t of v.chart.tables)
        for (const r of t.rows) expect(r.cells.map((c) => c.month)).toEqual(t.months.map((m) => m.month));
      const rows = v.chart.tables[0]?.rows ?? [];
      expect(rows.length).toBeGreaterThan(5);
      expect(v.chart.rows).toBe(rows.length);
      for (const r of rows) {
        const cells = v.chart.tables.flatMap((t) => t.rows.find((x) => x.id === r.id)?.cells ?? []);
        expect(
          cells.some((c) => c.plan !== null || c.actual !== null),
          r.id,
        ).toBe(true);
      }
    });

    it(`${s.name}: an initiative's colour is the worst of its control points that have one`, () => {
      const model = s.model();
      const v = composeStatus(model);
      expect(v.initiatives.length).toBeGreaterThan(5);
      for (const row of v.initiatives) {
        const points = model.controlPoints.filter((c) => c.initiative?.id === row.id);
        const expected = worst(points.map((c) => c.rag));
        expect(row.rag, row.id).toBe(expected);
        expect(row.status, row.id).toBe(expected === 'grey' ? 'no-data' : expected);
        // The points named as deciding it are exactly those of that colour.
        const deciding = points.filter((c) => expected !== 'grey' && c.rag === expected).map((c) => c.id);
        expect(row.points, row.id).toEqual(deciding.map((id) => itemOf(v, id).number));
        expect(row.total).toBe(points.length);
        expect(row.coloured).toBe(points.filter((c) => c.rag !== 'grey').length);
      }
    });

    it(`${s.name}: a goal's colour is the worst of its own points, its initiatives and its sub-goals`, () => {
      const model = s.model();
      const v = composeStatus(model);
      const data = raw(s.path);
      const goalRag = (id: string): Rag =>
        worst([
          ...model.controlPoints.filter((c) => c.goal?.id === id && !c.initiative).map((c) => c.rag),
          ...model.controlPoints.filter((c) => c.goal?.id === id && c.initiative).map((c) => c.rag),
          ...(data.initiatives as Raw[])
            .filter((n) => (n.goals ?? []).includes(id))
            .map((n) => worst(model.controlPoints.filter((c) => c.initiative?.id === n.id).map((c) => c.rag))),
          ...(data.goals as Raw[]).filter((g) => g.parent === id).map((g) => goalRag(g.id)),
        ]);
      expect(v.goals.map((g) => g.id).sort()).toEqual((data.goals as Raw[]).map((g) => g.id).sort());
      for (const row of v.goals) expect(row.rag, row.id).toBe(goalRag(row.id));
      // Sub-goals follow their parent, one level deeper.
      for (const [k, row] of v.goals.entries()) {
        const parent = (data.goals as Raw[]).find((g) => g.id === row.id).parent;
        if (parent) expect(v.goals.slice(0, k).some((g) => g.id === parent && g.level === row.level - 1)).toBe(true);
        else expect(row.level).toBe(0);
      }
    });

    it(`${s.name}: trends read the last two measurements by polarity`, () => {
      const v = composeStatus(s.model());
      for (const c of raw(s.path).controlPoints as Raw[]) {
        const item = itemOf(v, c.id);
        const ms = [...(c.measurements ?? [])].sort((a: Raw, b: Raw) => (a.asOf < b.asOf ? -1 : 1));
        if (c.kind !== 'kpi' || ms.length < 2) {
          expect(item.trend, c.id).toBeNull();
          continue;
        }
        const delta = ms.at(-1).actual - ms.at(-2).actual;
        const better = c.polarity === 'lower-is-better' ? delta < 0 : delta > 0;
        expect(item.trend?.direction, c.id).toBe(delta === 0 ? 'flat' : better ? 'improving' : 'worsening');
      }
    });

    it(`${s.name}: the items with no data are exactly the indicators without a measurement`, () => {
      const v = composeStatus(s.model());
      const data = raw(s.path);
      const unmeasured = (data.controlPoints as Raw[])
        .filter((c) => c.kind === 'kpi' && (c.measurements ?? []).length === 0)
        .map((c) => c.id as string);
      expect(unmeasured.length).toBeGreaterThan(3);
      expect(v.noData.map((i) => i.id).sort()).toEqual([...unmeasured].sort());
      for (const i of v.noData) expect(i.latest, i.id).toBeNull();
      // Those whose first value is overdue come first.
      const flags = v.noData.map((i) => i.expected.overdue);
      expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
      // Late values are of points that have values.
      for (const i of v.late) expect(i.latest, i.id).not.toBeNull();
    });

    it(`${s.name}: red items carry their countermeasures, flagged overdue when past due and not done`, () => {
      const v = composeStatus(s.model());
      const data = raw(s.path);
      expect(v.red.map((i) => i.id).sort()).toEqual(
        items(v)
          .filter((i) => i.rag === 'red')
          .map((i) => i.id)
          .sort(),
      );
      const overdue: string[] = [];
      for (const c of data.controlPoints as Raw[]) {
        const item = itemOf(v, c.id);
        const cms = (c.countermeasures ?? []) as Raw[];
        expect(item.countermeasures.map((m) => m.title)).toEqual(cms.map((m) => m.title));
        for (const [k, m] of cms.entries()) {
          const late = m.status !== 'done' && m.due !== undefined && m.due < v.isoAsOf;
          expect(item.countermeasures[k]?.overdue, `${c.id}: ${m.title}`).toBe(late);
          if (late) overdue.push(m.title);
        }
      }
      expect(v.overdue.map((m) => m.title)).toEqual(overdue);
      expect(v.counts.overdueCountermeasures).toBe(overdue.length);
    });
  }

  it('a milestone red in November is green in February; an indicator amber then is green now', () => {
    const nov = composeStatus(november());
    const feb = composeStatus(february());
    // The near-miss bot was due 6 November and not live on the 16th; it went live on 4 December.
    expect(itemOf(nov, 'cp-nm-pilot').rag).toBe('red');
    expect(itemOf(nov, 'cp-nm-pilot').rule.key).toBe('milestone-overdue');
    expect(nov.red.map((i) => i.id)).toContain('cp-nm-pilot');
    expect(itemOf(feb, 'cp-nm-pilot').rag).toBe('green');
    expect(feb.red.map((i) => i.id)).not.toContain('cp-nm-pilot');
    // LTIFR (lower is better, green at 0.75 or below): 0.83 in October, 0.74 in January.
    expect(itemOf(nov, 'cp-ltifr').rag).toBe('amber');
    expect(itemOf(feb, 'cp-ltifr').rag).toBe('green');
    expect(itemOf(feb, 'cp-ltifr').rule.key).toBe('thresholds.green.lower');
  });

  it('a falling value of a lower-is-better indicator is improving; a falling higher-is-better one worsening', () => {
    const nov = composeStatus(november());
    const feb = composeStatus(february());
    expect(itemOf(nov, 'cp-ltifr').trend).toMatchObject({
      direction: 'improving',
      from: '0,86\u00a0на 1 млн чел.-ч',
      fromFigure: '0,86',
      toFigure: '0,83',
      run: 1,
    });
    // 0.86 → 0.83 → 0.81 → 0.78 → 0.74: four falls in a row.
    expect(itemOf(feb, 'cp-ltifr').trend).toMatchObject({
      direction: 'improving',
      fromFigure: '0,78',
      fromDate: '31.12.2026',
      toFigure: '0,74',
      toDate: '31.01.2027',
      change: '\u22120,04\u00a0на 1 млн чел.-ч',
      run: 4,
    });
    // OTIF (higher is better): 88.3 → 87.6.
    expect(itemOf(feb, 'cp-otif').trend?.direction).toBe('worsening');
    expect(itemOf(feb, 'cp-otif').trend?.change).toMatch(/^\u22120,7\s?%$/);
    // Downtime (lower is better): 4.4 → 4.6 is worse, though the value rose.
    expect(itemOf(feb, 'cp-downtime').trend?.direction).toBe('worsening');
    // Near-miss reports (higher is better): 236 → 262, three rises in a row.
    expect(itemOf(feb, 'cp-near-miss-reports').trend).toMatchObject({ direction: 'improving', run: 3 });
    // One measurement gives no trend.
    expect(itemOf(nov, 'cp-fl-safety-talks').trend).toBeNull();
    expect(nov.counts.improving + nov.counts.worsening).toBe(2);
  });

  it('countermeasures go overdue between the snapshots', () => {
    const nov = composeStatus(november());
    const feb = composeStatus(february());
    // Due 27 November, in progress: not yet late on 16 November, late by 31 January.
    const talks = (v: StatusView) => itemOf(v, 'cp-fl-safety-talks').countermeasures;
    expect(talks(nov)[0]).toMatchObject({ status: 'in-progress', due: '27.11.2026', overdue: false });
    expect(talks(feb)[0]).toMatchObject({ status: 'in-progress', due: '27.11.2026', overdue: true });
    // Done before its due date: never overdue.
    expect(talks(feb)[1]).toMatchObject({ status: 'done', overdue: false });
    expect(nov.overdue).toEqual([]);
    expect(feb.overdue.map((m) => m.number)).toEqual(
      [itemOf(feb, 'cp-fl-safety-talks').number, itemOf(feb, 'cp-near-miss-reports').number].sort((a, b) => a - b),
    );
    expect(feb.red.find((i) => i.id === 'cp-fl-safety-talks')?.overdueCountermeasures).toBe(1);
  });

  it('says when a missing value was due: after the session or the initiative start, not before the plan', () => {
    const feb = composeStatus(february());
    const nov = composeStatus(november());
    // Digital permits started 2 November; the wait time is monthly with no plan: due 2 December, late by January.
    expect(itemOf(feb, 'cp-permit-wait').expected).toEqual({ by: '02.12.2026', isoBy: '2026-12-02', overdue: true });
    // Its share has a plan from February 2027: nothing is expected before the end of February.
    expect(itemOf(feb, 'cp-permits-share').expected).toEqual({ by: '28.02.2027', isoBy: '2027-02-28', overdue: false });
    // Unit cost is quarterly, with no initiative: due three months after the session (18 September).
    expect(itemOf(nov, 'cp-unit-cost').expected).toMatchObject({ isoBy: '2026-12-18', overdue: false });
    expect(nov.noData.map((i) => i.id)).toContain('cp-unit-cost');
    // Measured on 31 December: no longer missing in February, the next value due at the end of March.
    expect(feb.noData.map((i) => i.id)).not.toContain('cp-unit-cost');
    expect(itemOf(feb, 'cp-unit-cost').expected).toMatchObject({ isoBy: '2027-03-31', overdue: false });
    // A measured point past its due date expects nothing more.
    expect(itemOf(feb, 'cp-loto-audit').expected).toEqual({ by: null, isoBy: null, overdue: false });
  });

  it('counts a month-end measurement forward to the next month end', () => {
    const point = (latest: string | null, frequency: string, due: string | null = null) =>
      ({
        kind: 'kpi',
        frequency,
        due,
        plan: [],
        initiative: null,
        latest: latest ? { asOf: latest, actual: 1, comment: null } : null,
      }) as unknown as Parameters<typeof expectedValue>[0];
    expect(expectedValue(point('2026-10-31', 'monthly'), '2026-09-18', '2026-11-30').by).toBe('2026-11-30');
    expect(expectedValue(point('2026-11-30', 'monthly'), '2026-09-18', '2027-01-01')).toEqual({
      by: '2026-12-31',
      overdue: true,
    });
    expect(expectedValue(point('2027-01-29', 'monthly'), '2026-09-18', '2027-02-28').by).toBe('2027-02-28');
    expect(expectedValue(point('2026-11-16', 'weekly'), '2026-09-18', '2026-11-30')).toEqual({
      by: '2026-11-23',
      overdue: true,
    });
    expect(expectedValue(point(null, 'yearly', '2027-06-30'), '2026-09-18', '2026-11-30').by).toBe('2027-06-30');
    expect(expectedValue(point(null, 'once'), '2026-09-18', '2026-11-30').by).toBeNull();
  });

  it('lists the status changes against a previous snapshot, and only those', () => {
    const nov = composeStatus(november());
    const feb = composeStatus(february(), november());
    const changes = feb.previous?.changes ?? [];
    expect(feb.previous?.asOf).toBe(nov.asOf);
    for (const i of items(feb)) {
      const before = itemOf(nov, i.id);
      expect(
        changes.some((c) => c.number === i.number),
        i.id,
      ).toBe(before.status !== i.status);
    }
    expect(changes.find((c) => c.number === itemOf(feb, 'cp-nm-pilot').number)).toMatchObject({
      from: 'red',
      to: 'green',
      direction: 'better',
    });
    expect(changes.find((c) => c.number === itemOf(feb, 'cp-ltifr').number)?.direction).toBe('better');
    expect(feb.previous?.removed).toEqual([]);
  });

  it('lists a measured indicator whose next value is overdue as late, not as without data', async () => {
    const session = starter();
    const otd = session.controlPoints.find((c: Raw) => c.id === 'c-otd');
    // Weekly, last measured on 26 March: the next value was due 2 April, a month before the as-of date.
    otd.measurements = [
      { asOf: '2027-03-19', actual: 94.1 },
      { asOf: '2027-03-26', actual: 94.1 },
    ];
    const validated = validateSession(session);
    if (!validated.ok) throw new Error(JSON.stringify(validated.diagnostics));
    const v = composeStatus(buildModel(validated.value));
    expect(v.isoAsOf).toBe('2027-04-30');
    expect(v.late.map((i) => i.id)).toEqual(['c-otd']);
    expect(v.noData.map((i) => i.id)).not.toContain('c-otd');
    expect(itemOf(v, 'c-otd').expected).toEqual({ by: '02/04/2027', isoBy: '2027-04-02', overdue: true });
    expect(itemOf(v, 'c-otd').trend?.direction).toBe('flat');
    const result = await buildDocuments(session, nodeEnv(), { artifacts: ['status'], formats: ['html'] });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics.slice(0, 3)));
    const html = new TextDecoder().decode(result.value.outputs[0]?.data);
    expect(html).toContain('next was due 02/04/2027');
    expect(html).toContain('last 94.1% on 26/03/2027');
  });

  it('needs a measurement: without any it is left out, and asking for it is an error', async () => {
    const session = starter();
    for (const c of session.controlPoints) delete c.measurements;
    const validated = validateSession(session);
    if (!validated.ok) throw new Error('invalid');
    expect(notApplicable('status', buildModel(validated.value))).toMatch(/measurement/);
    const asked = await buildDocuments(session, nodeEnv(), { artifacts: ['status'], formats: ['html'] });
    expect(asked.ok).toBe(false);
    if (!asked.ok) expect(asked.diagnostics[0]?.code).toBe('build/artifact-not-applicable');
    // Every example session has measurements.
    for (const name of FIXTURES) expect(notApplicable('status', modelOf(fixtureText(name), name)), name).toBeNull();
  });
});

describe('the status report as printed', () => {
  it('February: the as-of date, the red items with overdue countermeasures, the missing values, the chart', async () => {
    const { layout, outputs } = await buildArtifact(text(FEBRUARY), 'status', ['pdf']);
    expect(outputs.map((o) => o.fileName)).toEqual(['status.pdf']);
    if (!layout) throw new Error('no layout');
    const pages = pageTexts(layout);
    const all = pages.join(' ');
    expect(pages[0]).toContain('Отчёт о ходе реализации на 31 января 2027 г.');
    expect(pages[0]).toContain('дата последнего измерения в файле сессии');
    expect(all).toContain('2 корректирующие меры просрочены');
    expect(all).toContain('Правило свёртки');
    // The red OTIF item names its rule and its trend.
    expect(all).toContain('22. OTIF — заказы в полном объёме и в срок');
    expect(all).toMatch(/Тренд: ухудшение, с 88,3\s?% на 31\.12\.2026 до 87,6\s?% на 31\.01\.2027/);
    expect(all).toContain('просрочено');
    expect(all).toContain('первое значение ожидалось к 02.12.2026 — просрочено');
    expect(all).toContain('План и факт по месяцам');
    expect(all).not.toContain('Что изменилось');
  });

  it('November: as of 16 November, no countermeasure overdue, the late milestone red', async () => {
    const { layout } = await buildArtifact(text(NOVEMBER), 'status', ['pdf']);
    if (!layout) throw new Error('no layout');
    const all = pageTexts(layout).join(' ');
    expect(all).toContain('Отчёт о ходе реализации на 16 ноября 2026 г.');
    expect(all).not.toContain('просрочены');
    expect(all).toContain('Срок 06.11.2026, на 16.11.2026 не выполнено');
  });

  it('with the previous snapshot, says what changed since it', async () => {
    const result = await buildDocuments(text(FEBRUARY), nodeEnv(), {
      artifacts: ['status'],
      formats: ['html'],
      diagrams: 'off',
      previous: text(NOVEMBER),
      previousFileName: 'industrial-safety.ru.json',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics.slice(0, 3)));
    const html = new TextDecoder().decode(result.value.outputs[0]?.data);
    expect(html).toContain('Что изменилось с 16 ноября 2026 г.');
    // A broken previous snapshot is reported as such, with its path.
    const broken = await buildDocuments(text(FEBRUARY), nodeEnv(), {
      artifacts: ['status'],
      formats: ['html'],
      previous: { session: {} },
    });
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.diagnostics[0]?.message).toMatch(/^The previous snapshot: /);
  });

  it('stratdoc build --previous FILE: the changes in the HTML; a missing file is exit 2 and nothing written', () => {
    const out = mkdtempSync(join(tmpdir(), 'stratdoc-status-'));
    const args = ['build', join('fixtures', FEBRUARY), '--artifacts', 'status', '--format', 'html', '--out', out];
    const ok = stratdoc([...args, '--previous', join('fixtures', NOVEMBER)]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(readFileSync(join(out, 'status.html'), 'utf8')).toContain('Что изменилось с 16 ноября 2026 г.');
    const empty = mkdtempSync(join(tmpdir(), 'stratdoc-status-'));
    const missing = stratdoc([...args.slice(0, -1), empty, '--previous', 'no-such-snapshot.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no-such-snapshot.json');
    expect(readdirSync(empty)).toEqual([]);
  });
});
