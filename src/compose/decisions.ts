import { formatDate, formatNumber } from '../format/index.js';
import type { ControlPoint, Decision, SessionModel } from '../model/index.js';
import { amounts, anchor, money, type SessionView, sessionView } from './common.js';

/** A link to another entity of the documents. */
export interface RefView {
  readonly id: string;
  readonly title: string;
  readonly anchor: string;
}

/** One decision memo, every value formatted for the session's language. */
export interface DecisionView {
  readonly id: string;
  readonly anchor: string;
  readonly number: number;
  readonly title: string;
  readonly statement: string | null;
  readonly rationale: string | null;
  readonly status: Decision['status'];
  readonly date: string;
  /** The date in the short numeric form, for tables: 17.09.2026. */
  readonly shortDate: string;
  readonly economics: {
    readonly costs: ReadonlyArray<{
      readonly title: string;
      readonly amount: string;
      readonly kind: string;
      readonly per: string;
    }>;
    readonly benefits: ReadonlyArray<{
      readonly title: string;
      readonly amount: string | null;
      readonly per: string;
      readonly note: string | null;
    }>;
    readonly paybackMonths: number | null;
    readonly fundingSource: string | null;
    readonly summary: string | null;
    readonly firstYearCost: string | null;
    readonly annualBenefit: string | null;
  } | null;
  readonly chosen: ReadonlyArray<{ readonly title: string; readonly description: string | null }>;
  readonly rejected: ReadonlyArray<{
    readonly title: string;
    readonly description: string | null;
    readonly reason: string | null;
  }>;
  readonly deciders: readonly string[];
  readonly consulted: readonly string[];
  readonly informed: readonly string[];
  readonly goals: readonly RefView[];
  readonly initiatives: readonly RefView[];
  readonly supersedes: RefView | null;
  readonly supersededBy: RefView | null;
  /** The first milestone or KPI that will show whether the decision works. */
  readonly firstControlPoint: {
    readonly title: string;
    readonly target: string | null;
    readonly due: string | null;
    readonly owner: string | null;
  } | null;
}

/** The view of the `decisions` artifact: one memo per decision, then the register. */
export interface DecisionsView {
  readonly artifact: 'decisions';
  readonly language: string;
  readonly session: SessionView;
  readonly decisions: readonly DecisionView[];
  readonly counts: {
    readonly total: number;
    readonly approved: number;
    readonly proposed: number;
    readonly superseded: number;
  };
}

const ref =
  (kind: string) =>
  (x: { id: string; title: string }): RefView => ({ id: x.id, title: x.title, anchor: anchor(kind, x.id) });

/** Composes the decision memos and register from the model (principle 1: what was decided and why). */
export function composeDecisions(model: SessionModel): DecisionsView {
  const language = model.session.locale;
  const decisions = model.decisions.map((d, i): DecisionView => {
    const e = d.economics;
    return {
      id: d.id,
      anchor: anchor('decision', d.id),
      number: i + 1,
      title: d.title,
      statement: d.statement,
      rationale: d.rationale,
      status: d.status,
      date: formatDate(d.date, language),
      shortDate: formatDate(d.date, language, 'short'),
      economics: e
        ? {
            costs: e.costs.map((c) => ({
              title: c.title,
              amount: money(c.amount, language) ?? '',
              kind: c.kind,
              per: c.per,
            })),
            benefits: e.benefits.map((b) => ({
              title: b.title,
              amount: money(b.amount, language),
              per: b.per,
              note: b.note,
            })),
            paybackMonths: e.paybackMonths,
            fundingSource: e.fundingSource,
            summary: e.summary,
            firstYearCost: amounts(e.firstYearCost, language),
            annualBenefit: amounts(e.annualBenefit, language),
          }
        : null,
      chosen: d.options.filter((o) => o.chosen).map((o) => ({ title: o.title, description: o.description })),
      rejected: d.options
        .filter((o) => !o.chosen)
        .map((o) => ({ title: o.title, description: o.description, reason: o.rejectedBecause })),
      deciders: d.deciders.map((p) => p.name),
      consulted: d.consulted.map((p) => p.name),
      informed: d.informed.map((x) => x.name),
      goals: d.goals.map(ref('goal')),
      initiatives: d.initiatives.map(ref('initiative')),
      supersedes: d.supersedes ? ref('decision')(d.supersedes) : null,
      supersededBy: d.supersededBy ? ref('decision')(d.supersededBy) : null,
      firstControlPoint: firstControlPoint(d, language),
    };
  });
  const count = (status: Decision['status']) => model.decisions.filter((d) => d.status === status).length;
  return {
    artifact: 'decisions',
    language,
    session: sessionView(model),
    decisions,
    counts: {
      total: decisions.length,
      approved: count('approved'),
      proposed: count('proposed'),
      superseded: count('superseded'),
    },
  };
}

/** The earliest-due control point of the decision's initiatives. */
function firstControlPoint(d: Decision, language: string): DecisionView['firstControlPoint'] {
  const candidates: ControlPoint[] = d.initiatives.flatMap((n) => [...n.controlPoints]);
  const first = candidates
    .filter((c) => c.due !== null)
    .sort((a, b) => ((a.due as string) < (b.due as string) ? -1 : (a.due as string) > (b.due as string) ? 1 : 0))[0];
  if (!first) return null;
  const target =
    first.kind === 'kpi' && first.target !== null
      ? `${formatNumber(first.target, language)}${first.unit ? ` ${first.unit}` : ''}`
      : null;
  return {
    title: first.title,
    target,
    due: first.due ? formatDate(first.due, language) : null,
    owner: first.owner?.name ?? null,
  };
}
