import { type ControlStatus, statusOf } from '../compose/control.js';
import { daysBetween, kpiRag, milestoneRag } from '../model/derive.js';
import type { ControlPoint, Decision, Initiative, Person, Rag, RagRule, SessionModel } from '../model/index.js';

/** The version of the `SessionDiff` structure; raised only when a field changes meaning or goes away. */
export const SESSION_DIFF_VERSION = 1;

/** One of the two snapshots compared. */
export interface DiffSnapshot {
  readonly title: string;
  readonly organisation: string;
  /** The session date, `YYYY-MM-DD`. */
  readonly date: string;
  /** The date its statuses are judged at: its latest measurement, or the session date. */
  readonly asOf: string;
  readonly locale: string;
}

/** Something named by its id and title. */
export interface DiffRef {
  readonly id: string;
  readonly title: string;
}

/** A person named by id and name. */
export interface DiffPerson {
  readonly id: string;
  readonly name: string;
}

/** A decision that is new, gone, or has another status. */
export interface DecisionChange {
  readonly change: 'added' | 'removed' | 'status';
  readonly id: string;
  readonly title: string;
  /** The status in the older snapshot; null when the decision is new. */
  readonly from: Decision['status'] | null;
  /** The status in the newer snapshot; null when the decision was removed. */
  readonly to: Decision['status'] | null;
  /** When it was decided (newer snapshot, or the older for a removed one). */
  readonly date: string;
  /** The decision it replaces and the one that replaces it, as the newer snapshot (or the older) says. */
  readonly supersedes: DiffRef | null;
  readonly supersededBy: DiffRef | null;
}

/** An initiative or control point present in only one of the snapshots. */
export interface EntityChange {
  readonly kind: 'initiative' | 'controlPoint';
  readonly id: string;
  readonly title: string;
}

/** Where a control point stands, as the model judges it at its snapshot's `asOf`. */
export interface ControlState {
  readonly rag: Rag;
  /** The RAG colour, or for grey why: `no-data`, `not-due`, `not-judged`. */
  readonly status: ControlStatus;
  /** The rule that gave the status, with its figures. */
  readonly rule: RagRule;
}

/** An initiative's status changed (`planned` → `in-progress`, …). */
export interface InitiativeStatusChange {
  readonly kind: 'initiative';
  readonly id: string;
  readonly title: string;
  readonly from: Initiative['status'];
  readonly to: Initiative['status'];
}

/** A control point's status changed: another RAG colour, or grey for another reason. */
export interface ControlStatusChange {
  readonly kind: 'controlPoint';
  readonly id: string;
  readonly title: string;
  readonly initiative: DiffRef | null;
  readonly from: ControlState;
  readonly to: ControlState;
}

export type StatusChange = InitiativeStatusChange | ControlStatusChange;

/** A date that moved: an initiative's start or due date, a control point's or a countermeasure's due date. */
export interface DateChange {
  readonly kind: 'initiative' | 'controlPoint' | 'countermeasure';
  /** The id; a countermeasure without one is known by its title. */
  readonly id: string | null;
  readonly title: string;
  readonly field: 'start' | 'due';
  readonly from: string | null;
  readonly to: string | null;
  /** Days moved: positive when later (slipped), negative when earlier; null when a date was set or cleared. */
  readonly days: number | null;
  /** The control point a countermeasure belongs to; null for the others. */
  readonly controlPoint: DiffRef | null;
}

/** A measurement taken since the older snapshot, and how it compares. */
export interface NewMeasurement {
  readonly asOf: string;
  readonly actual: number;
  readonly comment: string | null;
  /** The plan for the measurement's month (the last planned month before it); null without a plan. */
  readonly plan: number | null;
  /** The control point's target; null without one. */
  readonly target: number | null;
  /** The value judged by the control point's own rule, as if it were the latest (a milestone: done is green). */
  readonly rag: Rag;
}

/** What changed in a control point's measurements. */
export interface MeasurementChange {
  readonly id: string;
  readonly title: string;
  readonly kind: ControlPoint['kind'];
  readonly unit: string | null;
  readonly baseline: number | null;
  readonly target: number | null;
  readonly polarity: ControlPoint['polarity'];
  /** Measurements on dates the older snapshot did not have, oldest first. */
  readonly added: readonly NewMeasurement[];
  /** Measurements on the same date with another value. */
  readonly corrected: ReadonlyArray<{ readonly asOf: string; readonly from: number; readonly to: number }>;
  /** Measurements the newer snapshot no longer has. */
  readonly removed: ReadonlyArray<{ readonly asOf: string; readonly actual: number }>;
  /** The latest value before and after. */
  readonly latest: {
    readonly from: { readonly asOf: string; readonly actual: number } | null;
    readonly to: { readonly asOf: string; readonly actual: number } | null;
  };
}

/** Someone else is accountable now. */
export interface OwnerChange {
  readonly kind: 'initiative' | 'controlPoint' | 'countermeasure';
  readonly id: string | null;
  readonly title: string;
  readonly from: DiffPerson | null;
  readonly to: DiffPerson | null;
  /** The control point a countermeasure belongs to; null for the others. */
  readonly controlPoint: DiffRef | null;
}

export type CountermeasureStatus = ControlPoint['countermeasures'][number]['status'];

/** A countermeasure that was added, removed, closed (done), reopened, or moved between open and in progress. */
export interface CountermeasureChange {
  readonly change: 'added' | 'removed' | 'closed' | 'reopened' | 'status';
  readonly id: string | null;
  readonly title: string;
  readonly controlPoint: DiffRef;
  readonly from: CountermeasureStatus | null;
  readonly to: CountermeasureStatus | null;
  readonly owner: DiffPerson | null;
  readonly due: string | null;
}

/** How many changes of each kind. */
export interface DiffCounts {
  readonly decisions: number;
  readonly added: number;
  readonly removed: number;
  readonly statuses: number;
  readonly dates: number;
  /** Control points with new, corrected or removed measurements. */
  readonly measurements: number;
  readonly owners: number;
  readonly countermeasures: number;
  readonly total: number;
}

/**
 * What changed between two snapshots of a session, things matched by id. Every list follows the newer
 * snapshot's order, with what it no longer has after, in the older one's order.
 */
export interface SessionDiff {
  readonly format: 'stratdoc-diff';
  readonly version: typeof SESSION_DIFF_VERSION;
  readonly old: DiffSnapshot;
  readonly new: DiffSnapshot;
  /** Same organisation and title: snapshots of one session. */
  readonly sameSession: boolean;
  /** Whether anything at all changed. */
  readonly changed: boolean;
  readonly counts: DiffCounts;
  readonly decisions: readonly DecisionChange[];
  /** Initiatives and control points only the newer snapshot has. */
  readonly added: readonly EntityChange[];
  /** Initiatives and control points only the older snapshot has. */
  readonly removed: readonly EntityChange[];
  /** Initiatives' statuses, then control points' statuses. */
  readonly statuses: readonly StatusChange[];
  readonly dates: readonly DateChange[];
  readonly measurements: readonly MeasurementChange[];
  readonly owners: readonly OwnerChange[];
  readonly countermeasures: readonly CountermeasureChange[];
}

const ref = (x: { id: string; title: string } | null | undefined): DiffRef | null =>
  x ? { id: x.id, title: x.title } : null;
const person = (p: Person | null): DiffPerson | null => (p ? { id: p.id, name: p.name } : null);

/** Pairs the items of two lists by id: those of `b` with their match in `a` (or null), then those only in `a`. */
function match<T extends { id: string }>(a: readonly T[], b: readonly T[]): { pairs: Array<[T | null, T]>; gone: T[] } {
  const before = new Map(a.map((x) => [x.id, x]));
  const after = new Set(b.map((x) => x.id));
  return {
    pairs: b.map((x) => [before.get(x.id) ?? null, x]),
    gone: a.filter((x) => !after.has(x.id)),
  };
}

/** A change of owner of one thing, or null when the owner stayed. */
function ownerChange(
  kind: OwnerChange['kind'],
  thing: { readonly id: string | null; readonly title: string },
  before: Person | null,
  after: Person | null,
  controlPoint: DiffRef | null = null,
): OwnerChange | null {
  if (before?.id === after?.id) return null;
  return { kind, id: thing.id, title: thing.title, from: person(before), to: person(after), controlPoint };
}

function dateChange(
  kind: DateChange['kind'],
  id: string | null,
  title: string,
  field: DateChange['field'],
  from: string | null,
  to: string | null,
  controlPoint: DiffRef | null = null,
): DateChange | null {
  if (from === to) return null;
  return { kind, id, title, field, from, to, days: from && to ? daysBetween(from, to) : null, controlPoint };
}

function snapshot(model: SessionModel): DiffSnapshot {
  const s = model.session;
  return { title: s.title, organisation: s.organisation, date: s.date, asOf: model.asOf, locale: s.locale };
}

/** Whether two snapshots belong to one session: the same organisation and title. */
export function sameSession(a: SessionModel, b: SessionModel): boolean {
  return a.session.organisation === b.session.organisation && a.session.title === b.session.title;
}

/** Compares two snapshots of a session, matching decisions, initiatives and control points by id. */
export function diffModels(oldModel: SessionModel, newModel: SessionModel): SessionDiff {
  const decisions: DecisionChange[] = [];
  const added: EntityChange[] = [];
  const removed: EntityChange[] = [];
  const initiativeStatuses: StatusChange[] = [];
  const controlStatuses: StatusChange[] = [];
  const dates: DateChange[] = [];
  const measurements: MeasurementChange[] = [];
  const owners: OwnerChange[] = [];
  const countermeasures: CountermeasureChange[] = [];

  const d = match(oldModel.decisions, newModel.decisions);
  const decisionChange = (change: DecisionChange['change'], before: Decision | null, after: Decision | null) => {
    const shown = (after ?? before) as Decision;
    decisions.push({
      change,
      id: shown.id,
      title: shown.title,
      from: before?.status ?? null,
      to: after?.status ?? null,
      date: shown.date,
      supersedes: ref(shown.supersedes),
      supersededBy: ref(shown.supersededBy),
    });
  };
  for (const [before, after] of d.pairs) {
    if (!before) decisionChange('added', null, after);
    else if (before.status !== after.status) decisionChange('status', before, after);
  }
  for (const gone of d.gone) decisionChange('removed', gone, null);

  const i = match(oldModel.initiatives, newModel.initiatives);
  for (const [before, after] of i.pairs) {
    if (!before) {
      added.push({ kind: 'initiative', id: after.id, title: after.title });
      continue;
    }
    if (before.status !== after.status)
      initiativeStatuses.push({
        kind: 'initiative',
        id: after.id,
        title: after.title,
        from: before.status,
        to: after.status,
      });
    for (const field of ['start', 'due'] as const) {
      const moved = dateChange('initiative', after.id, after.title, field, before[field], after[field]);
      if (moved) dates.push(moved);
    }
    const owner = ownerChange('initiative', after, before.owner, after.owner);
    if (owner) owners.push(owner);
  }
  for (const gone of i.gone) removed.push({ kind: 'initiative', id: gone.id, title: gone.title });

  const c = match(oldModel.controlPoints, newModel.controlPoints);
  const cmDates: DateChange[] = [];
  const cmOwners: OwnerChange[] = [];
  for (const [before, after] of c.pairs) {
    if (!before) {
      added.push({ kind: 'controlPoint', id: after.id, title: after.title });
      continue;
    }
    const point = ref(after) as DiffRef;
    const was = state(before);
    const is = state(after);
    if (was.rag !== is.rag || was.status !== is.status)
      controlStatuses.push({
        kind: 'controlPoint',
        id: after.id,
        title: after.title,
        initiative: ref(after.initiative),
        from: was,
        to: is,
      });
    const moved = dateChange('controlPoint', after.id, after.title, 'due', before.due, after.due);
    if (moved) dates.push(moved);
    const owner = ownerChange('controlPoint', after, before.owner, after.owner);
    if (owner) owners.push(owner);
    const measured = measurementChange(before, after);
    if (measured) measurements.push(measured);
    // Countermeasures are matched by id, or by title when they have none.
    const key = (m: { id: string | null; title: string }) => m.id ?? `\0${m.title}`;
    const cm = match(
      before.countermeasures.map((m) => ({ ...m, id: key(m), own: m.id })),
      after.countermeasures.map((m) => ({ ...m, id: key(m), own: m.id })),
    );
    for (const [b, a] of cm.pairs) {
      const base = { id: a.own, title: a.title, controlPoint: point, owner: person(a.owner), due: a.due };
      if (!b) {
        countermeasures.push({ change: 'added', ...base, from: null, to: a.status });
        continue;
      }
      if (b.status !== a.status) {
        const change = a.status === 'done' ? 'closed' : b.status === 'done' ? 'reopened' : 'status';
        countermeasures.push({ change, ...base, from: b.status, to: a.status });
      }
      const due = dateChange('countermeasure', a.own, a.title, 'due', b.due, a.due, point);
      if (due) cmDates.push(due);
      const owner = ownerChange('countermeasure', { id: a.own, title: a.title }, b.owner, a.owner, point);
      if (owner) cmOwners.push(owner);
    }
    for (const b of cm.gone)
      countermeasures.push({
        change: 'removed',
        id: b.own,
        title: b.title,
        controlPoint: point,
        from: b.status,
        to: null,
        owner: person(b.owner),
        due: b.due,
      });
  }
  for (const gone of c.gone) removed.push({ kind: 'controlPoint', id: gone.id, title: gone.title });
  dates.push(...cmDates);
  owners.push(...cmOwners);

  const statuses = [...initiativeStatuses, ...controlStatuses];
  const counts = {
    decisions: decisions.length,
    added: added.length,
    removed: removed.length,
    statuses: statuses.length,
    dates: dates.length,
    measurements: measurements.length,
    owners: owners.length,
    countermeasures: countermeasures.length,
  };
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return {
    format: 'stratdoc-diff',
    version: SESSION_DIFF_VERSION,
    old: snapshot(oldModel),
    new: snapshot(newModel),
    sameSession: sameSession(oldModel, newModel),
    changed: total > 0,
    counts: { ...counts, total },
    decisions,
    added,
    removed,
    statuses,
    dates,
    measurements,
    owners,
    countermeasures,
  };
}

function state(c: ControlPoint): ControlState {
  return { rag: c.rag, status: statusOf(c), rule: c.rule };
}

/** New, corrected and removed measurements of a control point; null when they are the same. */
function measurementChange(before: ControlPoint, after: ControlPoint): MeasurementChange | null {
  const old = new Map(before.measurements.map((m) => [m.asOf, m.actual]));
  const now = new Set(after.measurements.map((m) => m.asOf));
  const added: NewMeasurement[] = [];
  const corrected: Array<{ asOf: string; from: number; to: number }> = [];
  for (const m of after.measurements) {
    const was = old.get(m.asOf);
    if (was === undefined)
      added.push({
        asOf: m.asOf,
        actual: m.actual,
        comment: m.comment,
        plan: planFor(after, m.asOf),
        target: after.target,
        rag:
          after.kind === 'kpi'
            ? kpiRag(m, after.thresholds, after.polarity, after.plan).rag
            : milestoneRag(m.actual, after.due, m.asOf).rag,
      });
    else if (was !== m.actual) corrected.push({ asOf: m.asOf, from: was, to: m.actual });
  }
  const removed = before.measurements.filter((m) => !now.has(m.asOf)).map((m) => ({ asOf: m.asOf, actual: m.actual }));
  if (added.length + corrected.length + removed.length === 0) return null;
  const latest = (m: ControlPoint['latest']) => (m ? { asOf: m.asOf, actual: m.actual } : null);
  return {
    id: after.id,
    title: after.title,
    kind: after.kind,
    unit: after.unit,
    baseline: after.baseline,
    target: after.target,
    polarity: after.polarity,
    added,
    corrected,
    removed,
    latest: { from: latest(before.latest), to: latest(after.latest) },
  };
}

/** The plan of a date's month, or of the last planned month before it. */
function planFor(c: ControlPoint, asOf: string): number | null {
  const month = asOf.slice(0, 7);
  let planned: { month: string; value: number } | null = null;
  for (const p of c.plan) if (p.month <= month && (!planned || p.month > planned.month)) planned = p;
  return planned?.value ?? null;
}
