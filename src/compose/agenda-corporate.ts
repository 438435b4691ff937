import { formatDate, formatDuration, formatNumber, formatPercent } from '../format/index.js';
import type { AgendaBlock, ControlPoint, Initiative, Person, SessionModel } from '../model/index.js';
import { clock } from '../network/timetable.js';
import { matrixItems } from './diagrams.js';
import { shortName } from './resources.js';

/** One block of a corporate agenda, with its times worked out. */
export interface AgendaBlockView {
  readonly id: string;
  /** "09:15–10:00". */
  readonly time: string;
  readonly start: string;
  readonly end: string;
  /** "45 min", "1 hr 30 min", in the session's language. */
  readonly duration: string;
  readonly title: string;
  readonly kind: AgendaBlock['kind'];
  readonly isBreak: boolean;
  readonly objective: string | null;
  readonly lead: string | null;
}

/** One day of the agenda. */
export interface AgendaDayView {
  /** 1, 2, … in date order. */
  readonly number: number;
  /** The date as `YYYY-MM-DD`. */
  readonly isoDate: string;
  /** "Thursday, 17 September 2026". */
  readonly date: string;
  /** From the first start to the last end: "09:00–17:45". */
  readonly span: string;
  readonly blocks: readonly AgendaBlockView[];
}

/** What kind of thing a participant prepares. */
export type PreparationKind = 'goals' | 'kpis' | 'progress' | 'unit-data' | 'feedback' | 'proposals' | 'misc';

/** The order in which an owner's items are listed. */
export const PREPARATION_KINDS: readonly PreparationKind[] = [
  'goals',
  'kpis',
  'progress',
  'unit-data',
  'feedback',
  'proposals',
  'misc',
];

/** One thing to prepare. */
export interface PreparationItemView {
  readonly kind: PreparationKind;
  /** The goal, KPI, initiative or unit it is about, or what the session file says to bring. */
  readonly title: string;
  /** A KPI's value to start from: the latest measurement up to the session's first day, else its baseline. */
  readonly current: { readonly value: string; readonly asOf: string | null; readonly baseline: boolean } | null;
  /** A KPI's target (with its unit) and the date it is due, formatted. */
  readonly target: string | null;
  readonly due: string | null;
  /** An initiative's status, as the session file has it (`in-progress`, …). */
  readonly status: Initiative['status'] | null;
  /** The block it is brought to, null when the agenda has no such block. */
  readonly block: PreparationBlockView | null;
}

/** The agenda block a preparation item is brought to. */
export interface PreparationBlockView {
  readonly id: string;
  readonly title: string;
  /** Its start: "09:15", or "17 September, 09:15" when the session runs over several days. */
  readonly when: string;
  /** Whether it is the review block, where most items go (the list names that block once, above). */
  readonly review: boolean;
}

/** Everything one person prepares. */
export interface PreparationOwnerView {
  readonly id: string;
  readonly name: string;
  /** "Chief Revenue Officer · Sales". */
  readonly role: string | null;
  readonly items: readonly PreparationItemView[];
}

/** The preparation list: by owner, then what every participant brings, then what nobody has been named for. */
export interface PreparationView {
  readonly owners: readonly PreparationOwnerView[];
  readonly everyone: readonly PreparationItemView[];
  readonly unassigned: readonly PreparationItemView[];
  /** The blocks the derived items are brought to: the first review and the first prioritisation block. */
  readonly reviewBlock: PreparationBlockView | null;
  readonly rankingBlock: PreparationBlockView | null;
}

/** A quadrant of the impact × feasibility matrix. */
export type Quadrant = 'quick-wins' | 'major-projects' | 'fill-ins' | 'thankless';

/** The order the quadrants are listed in the legend. */
export const QUADRANTS: readonly Quadrant[] = ['quick-wins', 'major-projects', 'fill-ins', 'thankless'];

/** Light background of each quadrant's cells, dark enough to tell apart on paper and in grey. */
export const QUADRANT_SHADES: Readonly<Record<Quadrant, string>> = {
  'quick-wins': '#DCEFD8',
  'major-projects': '#FBE8C8',
  'fill-ins': '#DCE8F4',
  thankless: '#ECECEC',
};

/** Which quadrant scores fall in: a 3 counts as high, as in the initiatives document. */
export function quadrantOf(impact: number, feasibility: number): Quadrant {
  if (impact >= 3) return feasibility >= 3 ? 'quick-wins' : 'major-projects';
  return feasibility >= 3 ? 'fill-ins' : 'thankless';
}

/** An initiative placed on the matrix, by the number the initiatives document gives it too. */
export interface MatrixItemView {
  readonly n: number;
  readonly id: string;
  readonly title: string;
  readonly owner: string | null;
  readonly impact: number;
  readonly feasibility: number;
  readonly status: Initiative['status'];
}

/** The impact × feasibility grid, 5 × 5: rows impact 5 down to 1, columns feasibility 1 (hard) to 5 (easy). */
export interface MatrixView {
  readonly rows: ReadonlyArray<{
    readonly impact: number;
    readonly cells: ReadonlyArray<{
      readonly feasibility: number;
      readonly quadrant: Quadrant;
      readonly shade: string;
      /** The quadrant's name in its outer corner cell, else null. */
      readonly label: Quadrant | null;
      readonly items: readonly MatrixItemView[];
    }>;
  }>;
  /** The key of the quadrant colours, every quadrant in the order of the legend. */
  readonly quadrantKey: ReadonlyArray<{ readonly id: Quadrant; readonly shade: string }>;
  /** The legend: every scored initiative by quadrant, highest impact first (owners by short name). */
  readonly quadrants: ReadonlyArray<{
    readonly id: Quadrant;
    readonly shade: string;
    readonly items: readonly MatrixItemView[];
  }>;
  /** Initiatives without both scores, listed apart (cancelled ones are left out). */
  readonly unscored: ReadonlyArray<{
    readonly id: string;
    readonly title: string;
    readonly owner: string | null;
    readonly status: Initiative['status'];
    /** The score that is there, if one is. */
    readonly impact: number | null;
    readonly feasibility: number | null;
  }>;
  readonly count: number;
}

/** The session's objectives: the request, and what each block must produce. */
export interface ObjectivesView {
  readonly request: string | null;
  readonly outcomes: ReadonlyArray<{ readonly title: string; readonly objective: string }>;
}

/** The parts of the agenda of a session that is not a dynamic network. */
export interface CorporateAgendaParts {
  /** Who facilitates: the person's name when the session names one by id, else the text as written. */
  readonly facilitator: string | null;
  readonly days: readonly AgendaDayView[];
  readonly objectives: ObjectivesView;
  readonly preparation: PreparationView;
  /** Null when no initiative is scored or unscored (the session has none). */
  readonly matrix: MatrixView | null;
}

/** The timed days, objectives, preparation list and impact × feasibility matrix of a corporate session. */
export function composeCorporateAgenda(model: SessionModel): CorporateAgendaParts {
  const language = model.session.locale;
  const days = daysOf(model);
  const multiDay = days.length > 1;
  const review = model.agenda.find((b) => b.kind === 'review') ?? null;
  const at = (b: AgendaBlock): PreparationBlockView => ({
    id: b.id,
    title: b.title,
    // Non-breaking spaces: "17 September, 14:00" stays on one line in a narrow cell.
    when: multiDay
      ? `${formatDate(b.day, language, 'day-month').replace(/ /g, '\u00a0')}, ${clock(b.start)}`
      : clock(b.start),
    review: b === review,
  });
  const outcomes = model.agenda.flatMap((b) =>
    b.kind !== 'break' && b.objective ? [{ title: b.title, objective: b.objective }] : [],
  );
  const facilitator = model.session.facilitator;
  return {
    facilitator: facilitator === null ? null : (model.index.people.get(facilitator)?.name ?? facilitator),
    days,
    objectives: { request: model.session.request, outcomes },
    preparation: preparationOf(model, at),
    matrix: model.initiatives.length > 0 ? matrixOf(model) : null,
  };
}

function daysOf(model: SessionModel): AgendaDayView[] {
  const language = model.session.locale;
  const byDay = new Map<string, AgendaBlock[]>();
  for (const b of model.agenda) byDay.set(b.day, [...(byDay.get(b.day) ?? []), b]);
  return [...byDay.keys()].sort().map((day, i) => {
    const blocks = byDay.get(day) as AgendaBlock[];
    return {
      number: i + 1,
      isoDate: day,
      date: formatDate(day, language, 'weekday'),
      span: `${clock(Math.min(...blocks.map((b) => b.start)))}–${clock(Math.max(...blocks.map((b) => b.end)))}`,
      blocks: blocks.map((b) => ({
        id: b.id,
        time: `${clock(b.start)}–${clock(b.end)}`,
        start: clock(b.start),
        end: clock(b.end),
        duration: formatDuration(b.duration, language),
        title: b.title,
        kind: b.kind,
        isBreak: b.kind === 'break',
        objective: b.objective,
        lead: b.lead,
      })),
    };
  });
}

type BlockAt = (b: AgendaBlock) => PreparationBlockView;

function preparationOf(model: SessionModel, at: BlockAt): PreparationView {
  const language = model.session.locale;
  const review = model.agenda.find((b) => b.kind === 'review') ?? null;
  const ranking =
    model.agenda.find((b) => b.kind === 'prioritisation') ?? model.agenda.find((b) => b.kind === 'ideas') ?? null;
  const reviewBlock = review ? at(review) : null;
  const rankingBlock = ranking ? at(ranking) : null;
  const owned: Array<{ owner: Person | null; explicit: boolean; item: PreparationItemView }> = [];
  const plain = (kind: PreparationKind, title: string, block: PreparationItemView['block']): PreparationItemView => ({
    kind,
    title,
    current: null,
    target: null,
    due: null,
    status: null,
    block,
  });
  for (const g of model.goals)
    owned.push({ owner: g.owner, explicit: false, item: plain('goals', g.title, reviewBlock) });
  for (const c of model.controlPoints) {
    if (c.kind !== 'kpi') continue;
    owned.push({ owner: c.owner, explicit: false, item: { ...kpiItem(c, model, language), block: reviewBlock } });
  }
  for (const n of model.initiatives) {
    if (n.status === 'cancelled') continue;
    const proposal = n.status === 'proposed';
    owned.push({
      owner: n.owner,
      explicit: false,
      item: {
        ...plain(proposal ? 'proposals' : 'progress', n.title, proposal ? rankingBlock : reviewBlock),
        status: n.status,
        due: n.due && !proposal ? formatDate(n.due, language, 'medium') : null,
      },
    });
  }
  // The whole company's figures are what the review is about, not one department's data.
  for (const u of model.units) {
    if (u.kind !== 'company')
      owned.push({ owner: u.head, explicit: false, item: plain('unit-data', u.name, reviewBlock) });
  }
  for (const b of model.agenda) {
    for (const p of b.preparation) {
      // `other` in the file; the catalog keeps `other` for plural forms, so the view calls it `misc`.
      const kind: PreparationKind = p.kind === 'other' ? 'misc' : p.kind;
      owned.push({ owner: p.owner, explicit: true, item: plain(kind, p.title, at(b)) });
    }
  }
  const rank = (i: PreparationItemView) => PREPARATION_KINDS.indexOf(i.kind);
  // A stable sort by kind keeps the session file's order inside each kind.
  const sorted = (items: PreparationItemView[]) =>
    items
      .map((item, i) => ({ item, i }))
      .sort((a, b) => rank(a.item) - rank(b.item) || a.i - b.i)
      .map((x) => x.item);
  const owners: PreparationOwnerView[] = [];
  for (const person of model.people) {
    const items = owned.filter((o) => o.owner?.id === person.id).map((o) => o.item);
    if (items.length === 0) continue;
    owners.push({
      id: person.id,
      name: person.name,
      role: [person.role, person.unit?.name].filter(Boolean).join(' · ') || null,
      items: sorted(items),
    });
  }
  return {
    owners,
    everyone: sorted(owned.filter((o) => !o.owner && o.explicit).map((o) => o.item)),
    unassigned: sorted(owned.filter((o) => !o.owner && !o.explicit).map((o) => o.item)),
    reviewBlock,
    rankingBlock,
  };
}

function kpiItem(c: ControlPoint, model: SessionModel, language: string): Omit<PreparationItemView, 'block'> {
  const measure = (value: number) =>
    c.unit === '%'
      ? formatPercent(value / 100, language, 2)
      : `${formatNumber(value, language)}${c.unit ? `\u00a0${c.unit}` : ''}`;
  // An agenda is read before the session: what was measured after its first day is not "current" yet.
  const known = c.measurements.filter((m) => m.asOf <= model.session.date);
  const last = known[known.length - 1] ?? null;
  const current = last
    ? { value: measure(last.actual), asOf: formatDate(last.asOf, language, 'medium'), baseline: false }
    : c.baseline !== null
      ? { value: measure(c.baseline), asOf: null, baseline: true }
      : null;
  return {
    kind: 'kpis',
    title: c.title,
    current,
    target: c.target === null ? null : measure(c.target),
    due: c.due ? formatDate(c.due, language, 'medium') : null,
    status: null,
  };
}

function matrixOf(model: SessionModel): MatrixView {
  const items: MatrixItemView[] = matrixItems(model).map(({ n, initiative }) => ({
    n,
    id: initiative.id,
    title: initiative.title,
    owner: initiative.owner ? shortName(initiative.owner.name, model.session.locale) : null,
    impact: initiative.impact as number,
    feasibility: initiative.feasibility as number,
    status: initiative.status,
  }));
  const corner: Partial<Record<string, Quadrant>> = {
    '5/5': 'quick-wins',
    '5/1': 'major-projects',
    '1/5': 'fill-ins',
    '1/1': 'thankless',
  };
  const rows = [5, 4, 3, 2, 1].map((impact) => ({
    impact,
    cells: [1, 2, 3, 4, 5].map((feasibility) => {
      const quadrant = quadrantOf(impact, feasibility);
      return {
        feasibility,
        quadrant,
        shade: QUADRANT_SHADES[quadrant],
        label: corner[`${impact}/${feasibility}`] ?? null,
        items: items.filter((i) => i.impact === impact && i.feasibility === feasibility),
      };
    }),
  }));
  const quadrants = QUADRANTS.map((id) => ({
    id,
    shade: QUADRANT_SHADES[id],
    items: items
      .filter((i) => quadrantOf(i.impact, i.feasibility) === id)
      .map((item, k) => ({ item, k }))
      .sort((a, b) => b.item.impact - a.item.impact || b.item.feasibility - a.item.feasibility || a.k - b.k)
      .map((x) => x.item),
  })).filter((q) => q.items.length > 0);
  const unscored = model.initiatives
    .filter((n) => n.status !== 'cancelled' && (n.impact === null || n.feasibility === null))
    .map((n) => ({
      id: n.id,
      title: n.title,
      owner: n.owner?.name ?? null,
      status: n.status,
      impact: n.impact,
      feasibility: n.feasibility,
    }));
  const quadrantKey = QUADRANTS.map((id) => ({ id, shade: QUADRANT_SHADES[id] }));
  return { rows, quadrantKey, quadrants, unscored, count: items.length };
}
