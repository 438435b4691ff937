import { formatDate, formatList } from '../format/index.js';
import type { ControlPoint, Goal, Initiative, Measurement, Rag, SessionModel } from '../model/index.js';
import { type SessionView, sessionView } from './common.js';
import {
  type ChartRow,
  type ChartTable,
  type ControlItem,
  type ControlStatus,
  chartTables,
  composeControl,
  valueFormats,
  type StatusCounts,
  statusCounts,
} from './control.js';

/** Which way an indicator's last measurements moved, read by its polarity; `up`/`down` when it has none. */
export type TrendDirection = 'improving' | 'worsening' | 'flat' | 'up' | 'down';

/** The move between an indicator's two latest measurements, with the figures it names. */
export interface TrendView {
  readonly direction: TrendDirection;
  /** The earlier value and its date, formatted. */
  readonly from: string;
  readonly fromDate: string;
  /** The latest value and its date, formatted. */
  readonly to: string;
  readonly toDate: string;
  /** The same two values without their unit (a percentage keeps its sign), for a table with the unit beside it. */
  readonly fromFigure: string;
  readonly toFigure: string;
  /** The change with its sign: "−0,04", "+4,5 %". */
  readonly change: string;
  /** How many measurements in a row (counting moves, at least 1) went the same way. */
  readonly run: number;
}

/** A countermeasure of a control point, with whether it is late. */
export interface StatusCountermeasure {
  readonly title: string;
  readonly owner: string | null;
  readonly due: string | null;
  readonly status: 'open' | 'in-progress' | 'done';
  /** Not done and its due date lies before the as-of date. */
  readonly overdue: boolean;
}

/** When a control point's next value is expected, and whether it is late. */
export interface ExpectedView {
  /** The date the first (or next) value was due, formatted; null when none is expected any more. */
  readonly by: string | null;
  readonly isoBy: string | null;
  readonly overdue: boolean;
}

/** One control point of the status report. */
export interface StatusItem {
  readonly id: string;
  /** The number the control plan gives the point; the same on both documents. */
  readonly number: number;
  readonly title: string;
  readonly kind: ControlItem['kind'];
  readonly initiative: string | null;
  readonly owner: string | null;
  readonly unit: string | null;
  readonly frequency: ControlItem['frequency'];
  readonly due: string | null;
  readonly target: string | null;
  /** The latest measurement; `figure` is the value without its unit (a percentage keeps its sign). */
  readonly latest: (NonNullable<ControlItem['latest']> & { readonly figure: string }) | null;
  readonly rag: Rag;
  readonly status: ControlStatus;
  /** The rule that gave the status, in the control plan's words (`control.rule.*`). */
  readonly rule: ControlItem['rule'];
  readonly brief: ControlItem['brief'];
  /** Null for milestones and for indicators with fewer than two measurements. */
  readonly trend: TrendView | null;
  readonly countermeasures: readonly StatusCountermeasure[];
  readonly overdueCountermeasures: number;
  readonly expected: ExpectedView;
}

/** An initiative or goal with the colour its control points roll up to. */
export interface RollupRow {
  readonly kind: 'goal' | 'initiative';
  readonly id: string;
  readonly title: string;
  readonly owner: string | null;
  /** Nesting of goals: 0 for a top goal, 1 for its sub-goal… */
  readonly level: number;
  readonly cancelled: boolean;
  readonly rag: Rag;
  /** The colour, or `no-data` when none of what it rolls up from has one. */
  readonly status: 'green' | 'amber' | 'red' | 'no-data';
  /** The numbers of its own control points that have the deciding (worst) colour. */
  readonly points: readonly number[];
  /** The same, joined for a sentence: "6, 12 и 14"; null when none. */
  readonly pointList: string | null;
  /** Initiatives and sub-goals (goals only) that have the deciding colour; a cancelled initiative says so. */
  readonly via: ReadonlyArray<{ readonly title: string; readonly cancelled: boolean }>;
  /** Its own control points with a colour, and all of them. */
  readonly coloured: number;
  readonly total: number;
}

/** A control point whose status differs from the previous snapshot's. */
export interface StatusSinceChange {
  readonly number: number;
  readonly title: string;
  /** The previous status; null for a control point the previous snapshot did not have. */
  readonly from: ControlStatus | null;
  readonly fromRag: Rag | null;
  readonly to: ControlStatus;
  readonly toRag: Rag;
  /** Whether the colour got better, worse, or neither (to or from grey). */
  readonly direction: 'better' | 'worse' | 'other';
}

/** The view of the `status` artifact: where the control points stand on the latest measurement date. */
export interface StatusView {
  readonly artifact: 'status';
  readonly language: string;
  readonly session: SessionView;
  /** The date of the latest measurement in the session (the session date if that is later), formatted. */
  readonly asOf: string;
  readonly isoAsOf: string;
  readonly counts: {
    readonly overdueCountermeasures: number;
    readonly missingValues: number;
    /** Indicators with two measurements or more, and how many of them improved or worsened last. */
    readonly trended: number;
    readonly improving: number;
    readonly worsening: number;
  } & StatusCounts;
  readonly summary: ReadonlyArray<{ readonly status: ControlStatus; readonly rag: Rag; readonly count: number }>;
  /** The goals (as a tree, top goals first) and the initiatives (in dependency order) with their roll-up. */
  readonly goals: readonly RollupRow[];
  readonly initiatives: readonly RollupRow[];
  /** Every control point, in groups as the control plan has them. */
  readonly groups: ReadonlyArray<{
    readonly kind: 'goal' | 'initiative' | 'other';
    readonly title: string | null;
    readonly cancelled: boolean;
    readonly items: readonly StatusItem[];
  }>;
  readonly red: readonly StatusItem[];
  /** Indicators nothing has been measured for, those whose first value is overdue first. */
  readonly noData: readonly StatusItem[];
  /** Control points with values whose next value is overdue by their frequency. */
  readonly late: readonly StatusItem[];
  /** Countermeasures past their due date and not done, with the control point they belong to. */
  readonly overdue: ReadonlyArray<StatusCountermeasure & { readonly number: number; readonly item: string }>;
  /** The control plan's plan-vs-actual chart up to the as-of month, for the indicators with a plan or a value there. */
  readonly chart: {
    readonly months: readonly string[];
    /** How many indicators it shows. */
    readonly rows: number;
    readonly tables: readonly ChartTable[];
  };
  /** Status changes against the previous snapshot, when one was given. */
  readonly previous: {
    readonly asOf: string;
    readonly changes: readonly StatusSinceChange[];
    /** Control points of the previous snapshot that this one no longer has. */
    readonly removed: readonly string[];
    /** The same, joined for a sentence; null when none. */
    readonly removedList: string | null;
  } | null;
}

const RAG_WEIGHT: Record<Rag, number> = { grey: 0, green: 1, amber: 2, red: 3 };

/** Months of one measuring period. */
const PERIOD_MONTHS: Readonly<Record<string, number>> = { monthly: 1, quarterly: 3, yearly: 12 };

/** Whether status can be built: it needs control points with at least one measurement. */
export function statusNotApplicable(model: SessionModel): string | null {
  return model.controlPoints.some((c) => c.measurements.length > 0)
    ? null
    : 'no control point has a measurement yet (`controlPoints[].measurements`)';
}

/**
 * Composes the status report (principle 4, from measurements): each control point's RAG with the rule behind
 * it, the roll-up to initiatives and goals, trends, red items with their countermeasures, missing values; with
 * `previous`, the control points whose status changed since that snapshot.
 */
export function composeStatus(model: SessionModel, previous?: SessionModel): StatusView {
  const language = model.session.locale;
  const control = composeControl(model);
  const asOf = model.asOf;
  const formats = valueFormats(language);
  const shortDate = (iso: string) => formats.shortDate(iso) as string;
  const { measure, figure } = formats;
  const signed = (value: number, unit: string | null) =>
    `${value > 0 ? '+' : value < 0 ? '\u2212' : '±'}${measure(Math.abs(value), unit)}`;

  const item = (ci: ControlItem): StatusItem => {
    const c = model.index.controlPoints.get(ci.id) as ControlPoint;
    const countermeasures = c.countermeasures.map(
      (m): StatusCountermeasure => ({
        title: m.title,
        owner: m.owner?.name ?? null,
        due: m.due ? shortDate(m.due) : null,
        status: m.status as StatusCountermeasure['status'],
        overdue: m.status !== 'done' && m.due !== null && m.due < asOf,
      }),
    );
    const expected = expectedValue(c, model.session.endDate, asOf);
    return {
      id: ci.id,
      number: ci.number,
      title: ci.title,
      kind: ci.kind,
      initiative: ci.initiative,
      owner: ci.owner,
      unit: ci.unit,
      frequency: ci.frequency,
      due: ci.due,
      target: ci.target,
      latest: ci.latest && c.latest ? { ...ci.latest, figure: figure(c.latest.actual, c.unit) } : null,
      rag: ci.rag,
      status: ci.status,
      rule: ci.rule,
      brief: ci.brief,
      trend: c.kind === 'kpi' ? trendOf(c, { measure, figure, signed, shortDate }) : null,
      countermeasures,
      overdueCountermeasures: countermeasures.filter((m) => m.overdue).length,
      expected: {
        by: expected.by ? formatDate(expected.by, language, 'short') : null,
        isoBy: expected.by,
        overdue: expected.overdue,
      },
    };
  };

  const groups = control.groups.map((g) => ({
    kind: g.kind,
    title: g.title,
    cancelled: g.cancelled,
    items: g.items.map(item),
  }));
  const items = groups.flatMap((g) => g.items);
  const numberOf = new Map(items.map((i) => [i.id, i.number]));
  const red = items.filter((i) => i.rag === 'red');
  const noData = items
    .filter((i) => i.status === 'no-data')
    .sort((a, b) => Number(b.expected.overdue) - Number(a.expected.overdue) || a.number - b.number);
  const late = items.filter((i) => i.latest !== null && i.expected.overdue);

  const deciding = (rag: Rag, points: readonly ControlPoint[]) =>
    rag === 'grey' ? [] : points.filter((c) => c.rag === rag).map((c) => numberOf.get(c.id) as number);
  const joined = (list: readonly (string | number)[]) =>
    list.length > 0 ? formatList(list.map(String), language) : null;
  const lists = (points: number[], via: Array<{ title: string; cancelled: boolean }>) => ({
    points,
    pointList: joined(points),
    via,
  });
  const statusOfRag = (rag: Rag): RollupRow['status'] => (rag === 'grey' ? 'no-data' : rag);
  const initiativeRow = (n: Initiative): RollupRow => ({
    kind: 'initiative',
    id: n.id,
    title: n.title,
    owner: n.owner?.name ?? null,
    level: 0,
    cancelled: n.status === 'cancelled',
    rag: n.rag,
    status: statusOfRag(n.rag),
    ...lists(deciding(n.rag, n.controlPoints), []),
    coloured: n.controlPoints.filter((c) => c.rag !== 'grey').length,
    total: n.controlPoints.length,
  });
  const goalRows: RollupRow[] = [];
  const visit = (g: Goal, level: number, seen: Set<Goal>) => {
    if (seen.has(g)) return;
    seen.add(g);
    goalRows.push({
      kind: 'goal',
      id: g.id,
      title: g.title,
      owner: g.owner?.name ?? null,
      level,
      cancelled: false,
      rag: g.rag,
      status: statusOfRag(g.rag),
      ...lists(
        deciding(g.rag, g.controlPoints),
        g.rag === 'grey'
          ? []
          : [
              ...g.initiatives
                .filter((n) => n.rag === g.rag)
                .map((n) => ({ title: n.title, cancelled: n.status === 'cancelled' })),
              ...g.children.filter((x) => x.rag === g.rag).map((x) => ({ title: x.title, cancelled: false })),
            ],
      ),
      coloured: g.controlPoints.filter((c) => c.rag !== 'grey').length,
      total: g.controlPoints.length,
    });
    for (const child of g.children) visit(child, level + 1, seen);
  };
  const seen = new Set<Goal>();
  for (const g of model.goals) if (!g.parent) visit(g, 0, seen);
  for (const g of model.goals) visit(g, 0, seen);

  const trends = items.flatMap((i) => (i.trend ? [i.trend.direction] : []));
  const overdue = items.flatMap((i) =>
    i.countermeasures.filter((m) => m.overdue).map((m) => ({ ...m, number: i.number, item: i.title })),
  );

  return {
    artifact: 'status',
    language,
    session: sessionView(model),
    asOf: formatDate(asOf, language),
    isoAsOf: asOf,
    counts: {
      ...statusCounts(items),
      overdueCountermeasures: overdue.length,
      missingValues: noData.filter((i) => i.expected.overdue).length + late.length,
      trended: trends.length,
      improving: trends.filter((t) => t === 'improving').length,
      worsening: trends.filter((t) => t === 'worsening').length,
    },
    summary: control.summary,
    goals: goalRows,
    initiatives: model.initiativeOrder.filter((n) => n.controlPoints.length > 0).map(initiativeRow),
    groups,
    red,
    noData,
    late,
    overdue,
    chart: chartUntil(control.chart, asOf.slice(0, 7), language),
    previous: previous ? changesSince(previous, items, language) : null,
  };
}

/** The control plan's chart cut at a month: nothing of the months after it, no row without a figure. */
function chartUntil(
  chart: { readonly months: readonly string[]; readonly tables: readonly ChartTable[] },
  last: string,
  language: string,
): StatusView['chart'] {
  const months = chart.months.filter((m) => m <= last);
  const rows: ChartRow[] = (chart.tables[0]?.rows ?? [])
    .map((row) => ({
      ...row,
      cells: chart.tables
        .flatMap((t) => t.rows.find((r) => r.id === row.id)?.cells ?? [])
        .filter((c) => c.month <= last),
    }))
    .filter((row) => row.cells.some((c) => c.plan !== null || c.actual !== null));
  return months.length > 0 && rows.length > 0
    ? { months, rows: rows.length, tables: chartTables(months, rows, language) }
    : { months: [], rows: 0, tables: [] };
}

/**
 * The status changes against an earlier snapshot, by control point id: only the status, nothing else —
 * a full comparison of two snapshots is `stratdoc diff`'s job.
 */
function changesSince(previous: SessionModel, items: readonly StatusItem[], language: string): StatusView['previous'] {
  const before = composeControl(previous);
  const earlier = new Map(before.groups.flatMap((g) => g.items).map((i) => [i.id, i]));
  const changes: StatusSinceChange[] = [];
  for (const i of items) {
    const was = earlier.get(i.id);
    if (was && was.status === i.status) continue;
    const from = was?.rag ?? null;
    changes.push({
      number: i.number,
      title: i.title,
      from: was?.status ?? null,
      fromRag: from,
      to: i.status,
      toRag: i.rag,
      direction:
        from === null || from === 'grey' || i.rag === 'grey'
          ? 'other'
          : RAG_WEIGHT[i.rag] < RAG_WEIGHT[from]
            ? 'better'
            : RAG_WEIGHT[i.rag] > RAG_WEIGHT[from]
              ? 'worse'
              : 'other',
    });
  }
  const ids = new Set(items.map((i) => i.id));
  const removed = [...earlier.values()].filter((i) => !ids.has(i.id)).map((i) => i.title);
  return {
    asOf: formatDate(previous.asOf, language),
    changes,
    removed,
    removedList: removed.length > 0 ? formatList(removed, language) : null,
  };
}

/** The move between the two latest measurements of an indicator, judged by its polarity. */
function trendOf(
  c: ControlPoint,
  fmt: {
    measure: (value: number, unit: string | null) => string;
    figure: (value: number, unit: string | null) => string;
    signed: (value: number, unit: string | null) => string;
    shortDate: (iso: string) => string;
  },
): TrendView | null {
  const { measure, figure, signed, shortDate } = fmt;
  const ms = c.measurements;
  if (ms.length < 2) return null;
  const last = ms.at(-1) as Measurement;
  const before = ms.at(-2) as Measurement;
  const sign = (a: Measurement, b: Measurement) => Math.sign(round(b.actual - a.actual));
  const move = sign(before, last);
  let run = 1;
  for (let k = ms.length - 2; k > 0 && sign(ms[k - 1] as Measurement, ms[k] as Measurement) === move; k--) run++;
  const direction: TrendDirection =
    move === 0
      ? 'flat'
      : !c.polarity
        ? move > 0
          ? 'up'
          : 'down'
        : move > 0 === (c.polarity === 'higher-is-better')
          ? 'improving'
          : 'worsening';
  return {
    direction,
    from: measure(before.actual, c.unit),
    fromDate: shortDate(before.asOf),
    to: measure(last.actual, c.unit),
    toDate: shortDate(last.asOf),
    fromFigure: figure(before.actual, c.unit),
    toFigure: figure(last.actual, c.unit),
    change: signed(round(last.actual - before.actual), c.unit),
    run,
  };
}

/** A difference rounded to remove floating-point noise (0.83 − 0.86). */
function round(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/**
 * When a control point's next value is due: one measuring period after its latest value. The first value is
 * due one period after the later of the session's end and its initiative's start, not before the end of the
 * first month the plan has a value for, and at the latest by the point's due date. No value is expected after
 * the due date (except a first one), for a cancelled initiative, or for a milestone (its status says whether it
 * is late).
 */
export function expectedValue(
  c: Pick<ControlPoint, 'frequency' | 'due' | 'latest' | 'kind' | 'plan' | 'initiative'>,
  sessionEnd: string,
  asOf: string,
): { by: string | null; overdue: boolean } {
  if (c.kind === 'milestone' || c.initiative?.status === 'cancelled') return { by: null, overdue: false };
  const start = c.latest?.asOf ?? laterOf(sessionEnd, c.initiative?.start ?? null);
  let next: string | null = null;
  if (c.frequency === 'weekly') next = addDays(start, 7);
  else if (c.frequency && PERIOD_MONTHS[c.frequency]) next = addMonths(start, PERIOD_MONTHS[c.frequency] as number);
  const firstPlanned = c.plan[0]?.month;
  if (!c.latest && next !== null && firstPlanned) next = laterOf(next, endOfMonth(firstPlanned));
  if (c.due && (next === null || next > c.due)) next = c.latest ? null : c.due;
  return { by: next, overdue: next !== null && next < asOf };
}

/** The later of two ISO dates; the first when the second is missing. */
function laterOf(a: string, b: string | null): string {
  return b !== null && b > a ? b : a;
}

/** The last day of a `YYYY-MM` month. */
function endOfMonth(month: string): string {
  return addDays(addMonths(`${month}-01`, 1), -1);
}

/** An ISO date plus days. */
function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** An ISO date plus months; a month's last day stays the last day, a day past the month's end is clamped. */
function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = d === daysIn(y, m) ? daysIn(year, month) : Math.min(d, daysIn(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
