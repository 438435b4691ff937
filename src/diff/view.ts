import { type ControlStatus, type RuleView, ruleView, valueFormats } from '../compose/control.js';
import { type SessionView, sessionView } from '../compose/common.js';
import { formatDate } from '../format/index.js';
import type { ControlPoint, Rag } from '../model/index.js';
import type { CheckedDiff } from './diff-sessions.js';
import type { SessionDiff } from './diff.js';

/** A status cell: its label key part and its colour. */
export interface StatusCell {
  readonly status: ControlStatus;
  readonly rag: Rag;
  /** Light text on a dark shade (red, green). */
  readonly light: boolean;
}

/** The view of the diff report (`diff.hbs`): every change of the `SessionDiff`, formatted for the language. */
export interface DiffView {
  readonly artifact: 'diff';
  readonly language: string;
  /** The newer snapshot's session (the running header names it). */
  readonly session: SessionView;
  /** The dates the two snapshots are judged at, formatted, and the older snapshot's title when it differs. */
  readonly from: string;
  readonly to: string;
  /** Both snapshots are judged at the same date: the heading names it once. */
  readonly sameDate: boolean;
  readonly oldSession: { readonly title: string; readonly organisation: string } | null;
  readonly changed: boolean;
  readonly counts: SessionDiff['counts'];
  /** The kinds of change that occur, with their count and the anchor of their part. */
  /** The title of the measurements' part: `measurements` (new ones only) or `measurementsChanged`. */
  readonly measurementsPart: 'measurements' | 'measurementsChanged';
  readonly summary: ReadonlyArray<{
    readonly key: string;
    readonly anchor: string;
    readonly count: number;
    /** What the count is made of, each a label key under `diff.detail` with its count: "better — 7, worse — 3". */
    readonly details: ReadonlyArray<{ readonly key: string; readonly count: number }>;
    /** The largest slip in days, for the dates; null elsewhere. */
    readonly maxLater: number | null;
  }>;
  readonly decisions: ReadonlyArray<{
    readonly id: string;
    readonly title: string;
    readonly change: 'added' | 'removed' | 'status';
    readonly from: string | null;
    readonly to: string | null;
    readonly date: string;
    readonly supersedes: string | null;
    readonly supersededBy: string | null;
  }>;
  readonly initiativeStatuses: ReadonlyArray<{
    readonly id: string;
    readonly title: string;
    readonly from: string;
    readonly to: string;
  }>;
  readonly controlStatuses: ReadonlyArray<{
    readonly id: string;
    readonly title: string;
    readonly initiative: string | null;
    readonly from: StatusCell;
    readonly to: StatusCell;
    /** Why it has its new status. */
    readonly rule: RuleView;
  }>;
  readonly dates: ReadonlyArray<{
    readonly kind: 'initiative' | 'controlPoint' | 'countermeasure';
    readonly title: string;
    readonly field: 'start' | 'due';
    readonly from: string | null;
    readonly to: string | null;
    /** Days moved, without sign; null when a date was set or cleared. */
    readonly days: number | null;
    readonly later: boolean;
    readonly controlPoint: string | null;
  }>;
  /** Control points with new measurements: one row each, the measurements as aligned lines. */
  readonly measurements: ReadonlyArray<{
    readonly id: string;
    readonly title: string;
    readonly unit: string | null;
    /** The target, a bare figure (the unit stands beside it); null for milestones or without one. */
    readonly target: string | null;
    readonly milestone: boolean;
    readonly rows: ReadonlyArray<{
      readonly date: string;
      /** A bare figure; for a milestone `done` or `not-done`. */
      readonly actual: string;
      readonly plan: string | null;
      /** The measurement judged by the control point's own rule; null for a corrected value. */
      readonly rag: Rag | null;
      /** The status label: the colour, or for grey `not-due` (a milestone) or `not-judged`. */
      readonly status: ControlStatus | null;
      /** A corrected value: what it was before. */
      readonly was: string | null;
      /** A measurement the newer snapshot no longer has. */
      readonly removed: boolean;
    }>;
    /** Comments of the new measurements, with their dates. */
    readonly comments: ReadonlyArray<{ readonly date: string; readonly text: string }>;
  }>;
  readonly owners: ReadonlyArray<{
    readonly kind: 'initiative' | 'controlPoint' | 'countermeasure';
    readonly title: string;
    readonly from: string | null;
    readonly to: string | null;
    readonly controlPoint: string | null;
  }>;
  readonly countermeasures: ReadonlyArray<{
    readonly title: string;
    readonly controlPoint: string;
    readonly change: 'added' | 'removed' | 'closed' | 'reopened' | 'status';
    readonly from: string | null;
    readonly to: string | null;
    readonly owner: string | null;
    readonly due: string | null;
  }>;
  readonly added: ReadonlyArray<{ readonly kind: 'initiative' | 'controlPoint'; readonly title: string }>;
  readonly removed: ReadonlyArray<{ readonly kind: 'initiative' | 'controlPoint'; readonly title: string }>;
}

const light = (rag: Rag) => rag === 'red' || rag === 'green';

/** How good a colour is, for telling a change for the better from one for the worse; grey is not judged. */
const RANK: Record<Rag, number | null> = { green: 2, amber: 1, red: 0, grey: null };

/** Whether a control point's change of colour is for the better (1), the worse (-1), or neither (0). */
function direction(from: Rag, to: Rag): -1 | 0 | 1 {
  const a = RANK[from];
  const b = RANK[to];
  if (b === null) return 0;
  // Judged for the first time: red is bad news and green good news; amber is neither.
  if (a === null) return b === 0 ? -1 : b === 2 ? 1 : 0;
  return b > a ? 1 : b < a ? -1 : 0;
}

type Detail = { key: string; count: number };
const count = <T>(list: readonly T[], test: (x: T) => boolean) => list.filter(test).length;

/** What each count of the summary is made of. */
const DETAILS: Readonly<Record<string, (diff: SessionDiff) => Detail[]>> = {
  decisions: (d) => [
    { key: 'newDecision', count: count(d.decisions, (x) => x.change === 'added') },
    ...(['approved', 'superseded', 'rejected', 'proposed'] as const).map((status) => ({
      key: status,
      count: count(d.decisions, (x) => x.change === 'status' && x.to === status),
    })),
    { key: 'removedDecision', count: count(d.decisions, (x) => x.change === 'removed') },
  ],
  statuses: (d) => [
    {
      key: 'better',
      count: count(d.statuses, (s) => s.kind === 'controlPoint' && direction(s.from.rag, s.to.rag) > 0),
    },
    { key: 'worse', count: count(d.statuses, (s) => s.kind === 'controlPoint' && direction(s.from.rag, s.to.rag) < 0) },
    { key: 'initiativesDone', count: count(d.statuses, (s) => s.kind === 'initiative' && s.to === 'done') },
    { key: 'initiativesCancelled', count: count(d.statuses, (s) => s.kind === 'initiative' && s.to === 'cancelled') },
  ],
  dates: (d) => [
    { key: 'later', count: count(d.dates, (x) => (x.days ?? 0) > 0) },
    { key: 'earlier', count: count(d.dates, (x) => (x.days ?? 0) < 0) },
  ],
  measurements: (d) => [
    { key: 'values', count: d.measurements.reduce((n, m) => n + m.added.length, 0) },
    { key: 'corrected', count: d.measurements.reduce((n, m) => n + m.corrected.length, 0) },
    { key: 'removedValues', count: d.measurements.reduce((n, m) => n + m.removed.length, 0) },
  ],
  countermeasures: (d) => [
    { key: 'cmAdded', count: count(d.countermeasures, (c) => c.change === 'added') },
    { key: 'cmClosed', count: count(d.countermeasures, (c) => c.change === 'closed') },
    { key: 'cmReopened', count: count(d.countermeasures, (c) => c.change === 'reopened') },
  ],
};

/** The measurements' part is "new measurements" unless some were corrected or removed. */
function measurementsPart(diff: SessionDiff): 'measurements' | 'measurementsChanged' {
  return diff.measurements.every((m) => m.corrected.length + m.removed.length === 0)
    ? 'measurements'
    : 'measurementsChanged';
}

/** The largest slip among the dates, in days; null when no date moved later. */
function maxLater(diff: SessionDiff): number | null {
  const later = diff.dates.map((d) => d.days ?? 0).filter((days) => days > 0);
  return later.length > 0 ? Math.max(...later) : null;
}

/** Composes the report's view from two checked snapshots; labels stay keys, the template looks them up. */
export function composeDiff(checked: CheckedDiff): DiffView {
  const { diff, oldModel, newModel } = checked;
  const language = newModel.session.locale;
  const { shortDate, measure, figure, percent } = valueFormats(language);
  const point = (id: string) =>
    (newModel.index.controlPoints.get(id) ?? oldModel.index.controlPoints.get(id)) as ControlPoint;

  const parts: Array<[string, string, number]> = [
    ['decisions', 'decisions', diff.counts.decisions],
    ['statuses', 'statuses', diff.counts.statuses],
    ['dates', 'dates', diff.counts.dates],
    [measurementsPart(diff), 'measurements', diff.counts.measurements],
    ['owners', 'owners', diff.counts.owners],
    ['countermeasures', 'countermeasures', diff.counts.countermeasures],
    ['added', 'added-removed', diff.counts.added],
    ['removed', 'added-removed', diff.counts.removed],
  ];
  return {
    artifact: 'diff',
    language,
    session: sessionView(newModel),
    from: formatDate(diff.old.asOf, language),
    to: formatDate(diff.new.asOf, language),
    sameDate: diff.old.asOf === diff.new.asOf,
    measurementsPart: measurementsPart(diff),
    oldSession: diff.sameSession ? null : { title: diff.old.title, organisation: diff.old.organisation },
    changed: diff.changed,
    counts: diff.counts,
    summary: parts
      .filter(([, , count]) => count > 0)
      .map(([key, anchor, count]) => ({
        key,
        anchor,
        count,
        details: (DETAILS[anchor]?.(diff) ?? []).filter((d) => d.count > 0),
        maxLater: key === 'dates' ? maxLater(diff) : null,
      })),
    decisions: diff.decisions.map((d) => ({
      id: d.id,
      title: d.title,
      change: d.change,
      from: d.from,
      to: d.to,
      date: shortDate(d.date) as string,
      supersedes: d.supersedes?.title ?? null,
      supersededBy: d.supersededBy?.title ?? null,
    })),
    initiativeStatuses: diff.statuses.flatMap((s) =>
      s.kind === 'initiative' ? [{ id: s.id, title: s.title, from: s.from, to: s.to }] : [],
    ),
    controlStatuses: diff.statuses.flatMap((s) =>
      s.kind === 'controlPoint'
        ? [
            {
              id: s.id,
              title: s.title,
              initiative: s.initiative?.title ?? null,
              from: { status: s.from.status, rag: s.from.rag, light: light(s.from.rag) },
              to: { status: s.to.status, rag: s.to.rag, light: light(s.to.rag) },
              rule: ruleView(point(s.id), { shortDate, measure, percent }),
            },
          ]
        : [],
    ),
    dates: diff.dates.map((d) => ({
      kind: d.kind,
      title: d.title,
      field: d.field,
      from: shortDate(d.from),
      to: shortDate(d.to),
      days: d.days === null ? null : Math.abs(d.days),
      later: (d.days ?? 0) > 0,
      controlPoint: d.controlPoint?.title ?? null,
    })),
    measurements: diff.measurements.map((m) => {
      const milestone = m.kind === 'milestone';
      const value = (v: number) => (milestone ? (v >= 1 ? 'done' : 'not-done') : figure(v, m.unit));
      const rows = [
        ...m.added.map((a) => ({
          asOf: a.asOf,
          actual: value(a.actual),
          plan: a.plan === null || milestone ? null : figure(a.plan, m.unit),
          rag: a.rag,
          status: (a.rag !== 'grey' ? a.rag : milestone ? 'not-due' : 'not-judged') as ControlStatus,
          was: null,
        })),
        ...m.corrected.map((c) => ({
          asOf: c.asOf,
          actual: value(c.to),
          plan: null,
          rag: null,
          status: null,
          was: value(c.from),
        })),
        ...m.removed.map((r) => ({
          asOf: r.asOf,
          actual: value(r.actual),
          plan: null,
          rag: null,
          status: null,
          was: null,
          removed: true,
        })),
      ]
        .map((row) => ({ removed: false, ...row }))
        .sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
      return {
        id: m.id,
        title: m.title,
        unit: milestone || m.unit === '%' ? null : m.unit,
        target: m.target === null || milestone ? null : figure(m.target, m.unit),
        milestone,
        rows: rows.map(({ asOf, ...row }) => ({ date: shortDate(asOf) as string, ...row })),
        comments: m.added.flatMap((a) => (a.comment ? [{ date: shortDate(a.asOf) as string, text: a.comment }] : [])),
      };
    }),
    owners: diff.owners.map((o) => ({
      kind: o.kind,
      title: o.title,
      from: o.from?.name ?? null,
      to: o.to?.name ?? null,
      controlPoint: o.controlPoint?.title ?? null,
    })),
    countermeasures: diff.countermeasures.map((c) => ({
      title: c.title,
      controlPoint: c.controlPoint.title,
      change: c.change,
      from: c.from,
      to: c.to,
      owner: c.owner?.name ?? null,
      due: shortDate(c.due),
    })),
    added: diff.added.map((a) => ({ kind: a.kind, title: a.title })),
    removed: diff.removed.map((a) => ({ kind: a.kind, title: a.title })),
  };
}
