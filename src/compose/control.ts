import { formatDate, formatNumber, formatPercent } from '../format/index.js';
import { kpiRag } from '../model/derive.js';
import type { ControlPoint, Rag, SessionModel } from '../model/index.js';
import { type SessionView, sessionView } from './common.js';

/** How many months one table of the plan-vs-actual chart shows at most; longer ranges are split evenly. */
export const CHART_MONTHS = 12;

/**
 * Where a control point stands: its RAG colour, or for a grey one why it has no colour — nothing measured
 * yet, a milestone not yet due, or a value that cannot be judged (no thresholds, no plan for the month).
 */
export type ControlStatus = 'green' | 'amber' | 'red' | 'no-data' | 'not-due' | 'not-judged';

/** What a control point lacks for the plan to work: an owner, a date or frequency, a target, thresholds. */
export type ControlFlag = 'owner' | 'when' | 'target' | 'thresholds';

/**
 * The rule that gave a control point its status, as a label key under `control.rule` and the figures it
 * names, formatted: "red: actual 52 % on 31.10.2026 is below the red threshold 70 %".
 */
export interface RuleView {
  /** `thresholds.red.higher`, `plan.amber`, `no-data`, `milestone-overdue`… */
  readonly key: string;
  readonly actual: string | null;
  /** The date of the measurement judged. */
  readonly date: string | null;
  readonly green: string | null;
  readonly amber: string | null;
  /** For plan-based thresholds: the planned value and the share of it reached. */
  readonly planned: string | null;
  readonly attainment: string | null;
  readonly due: string | null;
  readonly asOf: string | null;
}

/** A countermeasure, formatted. */
export interface CountermeasureView {
  readonly title: string;
  readonly owner: string | null;
  readonly due: string | null;
  readonly status: 'open' | 'in-progress' | 'done';
}

/** One milestone or indicator of the control plan, every value formatted for the session's language. */
export interface ControlItem {
  readonly id: string;
  /** Position in the plan, 1 first: the register, the red items and the chart use the same number. */
  readonly number: number;
  readonly title: string;
  readonly kind: ControlPoint['kind'];
  readonly initiative: string | null;
  readonly goal: string | null;
  readonly owner: string | null;
  readonly ownerRole: string | null;
  readonly unit: string | null;
  /** Baseline and target as the register shows them, next to the unit: "0,92", or "41 %" for percentages. */
  readonly baseline: string | null;
  readonly target: string | null;
  readonly due: string | null;
  /** The due date as `YYYY-MM-DD`. */
  readonly isoDue: string | null;
  readonly frequency: NonNullable<ControlPoint['frequency']> | null;
  /**
   * The thresholds as the reader checks them: green from `green` on, red beyond `red` (amber between), in the
   * direction of the polarity; on the value itself, or on the percentage of the month's plan reached.
   */
  readonly thresholds: {
    readonly basis: 'value' | 'plan';
    readonly direction: 'higher' | 'lower';
    readonly green: string;
    readonly red: string;
  } | null;
  readonly dataSource: string | null;
  /** The latest measurement. */
  readonly latest: { readonly value: string; readonly date: string; readonly comment: string | null } | null;
  /** The status as the model judged it. */
  readonly rag: Rag;
  readonly status: ControlStatus;
  /** Why it has its status, figures with their unit, for sentences. */
  readonly rule: RuleView;
  /** The same with the bare figures, for the register where the unit has a column of its own. */
  readonly brief: RuleView;
  readonly countermeasures: readonly CountermeasureView[];
  readonly flags: readonly ControlFlag[];
}

/** A group of the register: the indicators of one goal, of one initiative, or the rest. */
export interface ControlGroup {
  readonly kind: 'goal' | 'initiative' | 'other';
  readonly id: string | null;
  readonly title: string | null;
  readonly owner: string | null;
  readonly cancelled: boolean;
  readonly items: readonly ControlItem[];
}

/** One month cell of the plan-vs-actual chart. */
export interface ChartCell {
  /** `YYYY-MM`. */
  readonly month: string;
  readonly plan: string | null;
  /** The last value measured in the month. */
  readonly actual: string | null;
  /** The actual's status by the control point's own rule; null without an actual. */
  readonly rag: Rag | null;
  /** Text colour that reads on the cell's shade. */
  readonly ink: 'light' | 'dark';
  /** A month already over with a plan but nothing measured. */
  readonly missing: boolean;
}

/** One table of the chart: a run of months, every charted indicator as a row. */
export interface ChartTable {
  /** The months it covers: "September 2026 – April 2027". */
  readonly label: string;
  /** Each month column's share of the table width, for the template's column hints: "8.75%". */
  readonly monthWidth: string;
  readonly years: ReadonlyArray<{ readonly year: string; readonly span: number }>;
  readonly months: ReadonlyArray<{ readonly month: string; readonly label: string }>;
  readonly rows: ReadonlyArray<{
    readonly id: string;
    readonly number: number;
    readonly title: string;
    readonly unit: string | null;
    readonly cells: readonly ChartCell[];
  }>;
}

/** The view of the `control` artifact (principle 4): every milestone and indicator, how it is judged, and where it stands. */
export interface ControlView {
  readonly artifact: 'control';
  readonly language: string;
  readonly session: SessionView;
  /** The date statuses are judged at, formatted. */
  readonly asOf: string;
  readonly isoAsOf: string;
  readonly counts: {
    readonly total: number;
    readonly kpis: number;
    readonly milestones: number;
    readonly flagged: number;
  } & StatusCounts;
  /** The statuses that occur, worst first, with how many items have each. */
  readonly summary: ReadonlyArray<{ readonly status: ControlStatus; readonly rag: Rag; readonly count: number }>;
  /** The register, grouped: goal-level indicators by goal, then each initiative's, in dependency order. */
  readonly groups: readonly ControlGroup[];
  /** The red items, each with its countermeasures (or none, which the document calls out). */
  readonly red: readonly ControlItem[];
  /** Items nothing has been measured for yet. */
  readonly noData: readonly ControlItem[];
  /** Items measured but not judged: no thresholds, or no plan for the month. */
  readonly notJudged: readonly ControlItem[];
  /** Items missing an owner, a date or frequency, a target or thresholds. */
  readonly flagged: readonly ControlItem[];
  /** Month-by-month plan against actual for the indicators with a plan or measurements. */
  readonly chart: {
    /** Every month from the first planned or measured one to the last. */
    readonly months: readonly string[];
    readonly tables: readonly ChartTable[];
  };
}

/** The statuses in the order the summary lists them: what needs action first. */
const STATUS_ORDER: readonly ControlStatus[] = ['red', 'amber', 'green', 'not-judged', 'no-data', 'not-due'];

/** The share of a chart table's width the month columns take together, in percent. */
const MONTHS_SHARE = 72;

/** How control documents (control plan, status report, snapshot diff) write dates and values in `language`. */
export function valueFormats(language: string) {
  const number = (value: number) => formatNumber(value, language);
  const measure = (value: number, unit: string | null) =>
    unit === '%' ? formatPercent(value / 100, language, 2) : `${number(value)}${unit ? `\u00a0${unit}` : ''}`;
  return {
    shortDate: (iso: string | null | undefined) => (iso ? formatDate(iso, language, 'short') : null),
    number,
    /** A value with its unit (a percentage as a percentage). */
    measure,
    /** A bare figure where the unit is written next to it; a percentage keeps its sign. */
    figure: (value: number, unit: string | null) => (unit === '%' ? measure(value, unit) : number(value)),
    /** A share in percent (of a plan, say); an infinite one as the locale writes infinity. */
    percent: (value: number) =>
      Number.isFinite(value)
        ? formatPercent(value / 100, language, 1)
        : formatPercent(Number.POSITIVE_INFINITY, language),
  };
}

/** Composes the control artifact from the model (principle 4: control). */
export function composeControl(model: SessionModel): ControlView {
  const language = model.session.locale;
  const { shortDate, number, measure, figure, percent } = valueFormats(language);

  // The register's groups: goal-level indicators by goal, then each initiative's, then the rest.
  const groups: Array<{ group: Omit<ControlGroup, 'items'>; points: ControlPoint[] }> = [];
  for (const g of model.goals) {
    const points = model.controlPoints.filter((c) => !c.initiative && c.goal === g);
    if (points.length > 0)
      groups.push({
        group: {
          kind: 'goal',
          id: g.id,
          title: g.title,
          owner: g.owner?.name ?? null,
          cancelled: false,
        },
        points,
      });
  }
  for (const n of model.initiativeOrder) {
    const points = model.controlPoints.filter((c) => c.initiative === n);
    if (points.length > 0)
      groups.push({
        group: {
          kind: 'initiative',
          id: n.id,
          title: n.title,
          owner: n.owner?.name ?? null,
          cancelled: n.status === 'cancelled',
        },
        points,
      });
  }
  const rest = model.controlPoints.filter((c) => !c.initiative && !c.goal);
  if (rest.length > 0)
    groups.push({
      group: { kind: 'other', id: null, title: null, owner: null, cancelled: false },
      points: rest,
    });

  let counter = 0;
  const item = (c: ControlPoint): ControlItem => {
    const polarity = c.polarity ?? 'higher-is-better';
    const direction = polarity === 'lower-is-better' ? 'lower' : 'higher';
    const onPlan = c.thresholds?.basis === 'plan';
    const threshold = (value: number) => (onPlan ? percent(value) : figure(value, c.unit));
    const flags: ControlFlag[] = [];
    if (!c.owner) flags.push('owner');
    if (!c.due && !c.frequency) flags.push('when');
    if (c.kind === 'kpi' && c.target === null) flags.push('target');
    if (c.kind === 'kpi' && (!c.thresholds || !c.polarity)) flags.push('thresholds');
    return {
      id: c.id,
      number: ++counter,
      title: c.title,
      kind: c.kind,
      initiative: c.initiative?.title ?? null,
      goal: c.goal?.title ?? null,
      owner: c.owner?.name ?? null,
      ownerRole: c.owner?.role ?? null,
      unit: c.unit,
      baseline: c.baseline === null ? null : figure(c.baseline, c.unit),
      target: c.target === null ? null : figure(c.target, c.unit),
      due: shortDate(c.due),
      isoDue: c.due,
      frequency: c.frequency,
      thresholds:
        c.thresholds && c.kind === 'kpi'
          ? {
              basis: c.thresholds.basis,
              direction,
              green: threshold(c.thresholds.green),
              red: threshold(c.thresholds.amber),
            }
          : null,
      dataSource: c.dataSource,
      latest: c.latest
        ? {
            value: measure(c.latest.actual, c.unit),
            date: shortDate(c.latest.asOf) as string,
            comment: c.latest.comment,
          }
        : null,
      rag: c.rag,
      status: statusOf(c),
      rule: ruleView(c, { shortDate, measure, percent }),
      brief: ruleView(c, { shortDate, measure: figure, percent }),
      countermeasures: c.countermeasures.map((m) => ({
        title: m.title,
        owner: m.owner?.name ?? null,
        due: shortDate(m.due),
        status: m.status as CountermeasureView['status'],
      })),
      flags,
    };
  };
  const composed = groups.map(({ group, points }) => ({ ...group, items: points.map(item) }));
  const items = composed.flatMap((g) => g.items);
  const byId = new Map(items.map((i) => [i.id, i]));
  const red = items.filter((i) => i.rag === 'red');

  return {
    artifact: 'control',
    language,
    session: sessionView(model),
    asOf: formatDate(model.asOf, language),
    isoAsOf: model.asOf,
    counts: {
      ...statusCounts(items),
      kpis: items.filter((i) => i.kind === 'kpi').length,
      milestones: items.filter((i) => i.kind === 'milestone').length,
      flagged: items.filter((i) => i.flags.length > 0).length,
    },
    summary: STATUS_ORDER.map((status) => ({
      status,
      rag: (status === 'green' || status === 'amber' || status === 'red' ? status : 'grey') as Rag,
      count: items.filter((i) => i.status === status).length,
    })).filter((x) => x.count > 0),
    groups: composed,
    red,
    noData: items.filter((i) => i.status === 'no-data'),
    notJudged: items.filter((i) => i.status === 'not-judged'),
    flagged: items.filter((i) => i.flags.length > 0),
    chart: chart(
      model,
      composed.flatMap((g) => g.items.map((i) => model.index.controlPoints.get(i.id) as ControlPoint)),
      byId,
      language,
      number,
    ),
  };
}

/** How many control points there are, and how many have each status; red ones without a countermeasure. */
export interface StatusCounts {
  readonly total: number;
  readonly green: number;
  readonly amber: number;
  readonly red: number;
  readonly noData: number;
  readonly notDue: number;
  readonly notJudged: number;
  /** Red items with no countermeasure. */
  readonly redWithout: number;
}

/** The counts of control points by status, as the control plan and the status report give them. */
export function statusCounts(
  items: ReadonlyArray<{ readonly status: ControlStatus; readonly countermeasures: readonly unknown[] }>,
): StatusCounts {
  const count = (status: ControlStatus) => items.filter((i) => i.status === status).length;
  return {
    total: items.length,
    green: count('green'),
    amber: count('amber'),
    red: count('red'),
    noData: count('no-data'),
    notDue: count('not-due'),
    notJudged: count('not-judged'),
    redWithout: items.filter((i) => i.status === 'red' && i.countermeasures.length === 0).length,
  };
}

/** The status of a control point: its colour, or why it has none. */
export function statusOf(c: ControlPoint): ControlStatus {
  if (c.rag !== 'grey') return c.rag;
  if (c.rule.code === 'no-data') return 'no-data';
  if (c.rule.code === 'milestone-pending') return c.due ? 'not-due' : 'not-judged';
  return 'not-judged';
}

/** The rule of a control point's status as a label key and its figures. */
export function ruleView(
  c: ControlPoint,
  fmt: {
    shortDate: (iso: string | null | undefined) => string | null;
    measure: (value: number, unit: string | null) => string;
    percent: (value: number) => string;
  },
): RuleView {
  const r = c.rule;
  const onPlan = r.code === 'plan';
  const base = {
    actual: r.actual === undefined || c.kind === 'milestone' ? null : fmt.measure(r.actual, c.unit),
    date: fmt.shortDate(c.latest?.asOf),
    green: r.green === undefined ? null : onPlan ? fmt.percent(r.green) : fmt.measure(r.green, c.unit),
    amber: r.amber === undefined ? null : onPlan ? fmt.percent(r.amber) : fmt.measure(r.amber, c.unit),
    planned: r.planned === undefined ? null : fmt.measure(r.planned, c.unit),
    attainment: r.attainment === undefined ? null : fmt.percent(r.attainment),
    due: fmt.shortDate(r.due),
    asOf: fmt.shortDate(r.asOf),
  };
  const direction = r.polarity === 'lower-is-better' ? 'lower' : 'higher';
  switch (r.code) {
    case 'thresholds':
      return { key: `thresholds.${c.rag}.${direction}`, ...base };
    case 'plan':
      return { key: `plan.${c.rag}`, ...base };
    case 'milestone-pending':
      return { key: !r.due ? 'milestone-undated' : c.latest ? 'milestone-not-done' : 'milestone-pending', ...base };
    default:
      return { key: r.code, ...base };
  }
}

/** Months from `first` to `last` (`YYYY-MM`), both included. */
export function monthRange(first: string, last: string): string[] {
  const months: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (let month = first; month <= last; month = `${y}-${String(m).padStart(2, '0')}`) {
    months.push(month);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

/** The plan-vs-actual chart: indicators with a plan or measurements, one column per month, split evenly. */
function chart(
  model: SessionModel,
  points: readonly ControlPoint[],
  items: ReadonlyMap<string, ControlItem>,
  language: string,
  number: (value: number) => string,
): ControlView['chart'] {
  const charted = points.filter((c) => c.kind === 'kpi' && (c.plan.length > 0 || c.measurements.length > 0));
  const seen = charted.flatMap((c) => [
    ...c.plan.map((p) => p.month),
    ...c.measurements.map((m) => m.asOf.slice(0, 7)),
  ]);
  if (seen.length === 0) return { months: [], tables: [] };
  const sorted = [...seen].sort();
  const months = monthRange(sorted[0] as string, sorted.at(-1) as string);
  const current = model.asOf.slice(0, 7);
  const rows = charted.map((c) => {
    const item = items.get(c.id) as ControlItem;
    const cells = months.map((month): ChartCell => {
      const plan = c.plan.find((p) => p.month === month) ?? null;
      // The last value measured in the month, judged by the control point's own rule as if it were the latest.
      const measured = c.measurements.filter((m) => m.asOf.slice(0, 7) === month).at(-1) ?? null;
      const rag = measured ? kpiRag(measured, c.thresholds, c.polarity, c.plan).rag : null;
      return {
        month,
        plan: plan ? number(plan.value) : null,
        actual: measured ? number(measured.actual) : null,
        rag,
        ink: rag === 'red' || rag === 'green' ? 'light' : 'dark',
        missing: !measured && plan !== null && month < current,
      };
    });
    return { id: c.id, number: item.number, title: c.title, unit: c.unit, cells };
  });
  return { months, tables: chartTables(months, rows, language) };
}

/** One row of the plan-vs-actual chart: an indicator with a cell for every month of the chart. */
export type ChartRow = ChartTable['rows'][number];

/**
 * The plan-vs-actual chart's months split evenly into tables of at most `CHART_MONTHS`, each with its year
 * headings and its slice of every row's cells.
 */
export function chartTables(months: readonly string[], rows: readonly ChartRow[], language: string): ChartTable[] {
  const parts = Math.ceil(months.length / CHART_MONTHS);
  const size = Math.ceil(months.length / parts);
  const tables: ChartTable[] = [];
  for (let start = 0; start < months.length; start += size) {
    const slice = months.slice(start, start + size);
    const years: Array<{ year: string; span: number }> = [];
    for (const month of slice) {
      const year = month.slice(0, 4);
      const last = years.at(-1);
      if (last && last.year === year) last.span += 1;
      else years.push({ year, span: 1 });
    }
    tables.push({
      label: `${formatDate(slice[0] as string, language, 'month')} – ${formatDate(slice.at(-1) as string, language, 'month')}`,
      monthWidth: `${Math.floor((MONTHS_SHARE / slice.length) * 100) / 100}%`,
      years,
      months: slice.map((month) => ({ month, label: formatDate(month, language, 'month-short') })),
      rows: rows.map((r) => ({ ...r, cells: r.cells.slice(start, start + size) })),
    });
  }
  return tables;
}
