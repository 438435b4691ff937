import { PAPER_SIZES } from '../doctree/index.js';
import { formatDate, formatNumber } from '../format/index.js';
import type { ControlPoint, Goal, Initiative, LineOfSight, Priority, SessionModel } from '../model/index.js';
import { type SessionView, sessionView } from './common.js';
import type { ComposeContext, Composed, ComposedVariant } from './index.js';
import { shortName } from './resources.js';

/** Paper sizes of the poster. */
export type PosterSize = 'A4' | 'A3' | 'A2';

/** The smallest body text of a poster at A3, in points; other sizes scale it with the paper (see `posterPage`). */
export const POSTER_MIN_BODY_A3 = 9;

/** The largest body text of a poster at A3, in points: a sparse poster grows to this and no further. */
export const POSTER_MAX_BODY_A3 = 20;

/** Margins of the poster by paper size: the same share of the page on each. */
const POSTER_MARGINS: Readonly<Record<PosterSize, string>> = { A4: '10mm', A3: '14mm', A2: '20mm' };

/** The page of a poster, as its template's `<section>` takes it. */
export interface PosterPage {
  readonly size: PosterSize;
  readonly orientation: 'landscape' | 'portrait';
  readonly margins: string;
  /** The smallest body text size the poster may be scaled down to, as a length: "9pt" at A3. */
  readonly minBody: string;
  /** The largest body text size it may be scaled up to. */
  readonly maxBody: string;
  /** The next larger paper, to suggest when the poster does not fit; null at A2 (and in the pack). */
  readonly larger: PosterSize | null;
}

/** A key number: a control point's target, with where it starts and by when. */
export interface KeyNumberView {
  readonly id: string;
  readonly title: string;
  readonly kind: 'kpi' | 'milestone';
  /** The target, formatted; for a milestone (or a KPI without a target), the due date. */
  readonly figure: string;
  /**
   * The unit of measure when it is too long to stand with the figure ("на 1 млн чел.-ч"), or what a percentage
   * is of ("календарного времени"); short units stand with the figure ("95 %").
   */
  readonly unit: string | null;
  readonly baseline: string | null;
  readonly due: string | null;
  readonly owner: string | null;
  /** The poster number of the priority it measures, or null when it measures none of the poster's. */
  readonly priority: number | null;
}

/** An initiative on the poster. */
export interface PosterInitiativeView {
  readonly id: string;
  /** "2.3": the priority's number and the initiative's place in it. */
  readonly code: string;
  readonly title: string;
  readonly owner: string | null;
  readonly due: string | null;
  readonly done: boolean;
  /** On a unit's poster: whether the unit takes part in it. */
  readonly mine: boolean;
}

/** A priority of the poster with its owner, goals, key numbers and initiatives. */
export interface PosterPriorityView {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly owner: string | null;
  /** The strategic goals it serves, as titles. */
  readonly goals: readonly string[];
  readonly keyNumbers: readonly KeyNumberView[];
  readonly initiatives: readonly PosterInitiativeView[];
}

/** An initiative in the line-of-sight band: its code on the poster, or its title when it stands under none of its priorities. */
export interface SightItemView {
  readonly id: string;
  readonly code: string | null;
  readonly title: string;
  /** Set on the one item that stands for this many initiatives off the poster, too many to name. */
  readonly more?: number;
}

/**
 * The line-of-sight band: a row per unit (on a unit's poster, the unit alone), a column per goal the units'
 * initiatives lead to, and in each cell the unit's initiatives that lead there — your unit → initiative → goal.
 */
export interface SightView {
  /** Column heads: the strategic goals reached, the poster's priorities' first; null heads "no goal yet". */
  readonly goals: ReadonlyArray<string | null>;
  readonly rows: ReadonlyArray<{
    readonly id: string;
    readonly unit: string;
    /** One cell per goal, in the order of `goals`. */
    readonly cells: ReadonlyArray<readonly SightItemView[]>;
  }>;
  /** Width of each goal column, as a percentage for `<col width>`. */
  readonly goalWidth: string;
  /** The last column (head null) gathers the goals beyond `GOAL_COLUMNS` as well as "no goal yet". */
  readonly merged: boolean;
}

/**
 * One step of a unit's own line of sight: a goal, and the unit's initiatives that lead to it — by their code
 * on the poster, or by title when they stand under none of its priorities.
 */
export interface ChainLinkView {
  /** The strategic goal; null for initiatives that lead to no goal. */
  readonly goal: string | null;
  readonly initiatives: readonly SightItemView[];
}

/** The view of the `poster` artifact (principle 5): the strategy on one page a shift foreman reads on the wall. */
export interface PosterView {
  readonly artifact: 'poster';
  readonly language: string;
  readonly session: SessionView;
  /** Composed as a page of the pack: it then opens with a heading, for the pack's contents. */
  readonly inPack: boolean;
  readonly page: PosterPage;
  /** The vision's short title (or the session's title when there is no vision) and its statement. */
  readonly headline: string;
  readonly statement: string | null;
  readonly horizon: string | null;
  readonly tagline: string | null;
  /** When the band shows top-level units only (more than `BAND_UNITS` carry work): how many carry work in all. */
  readonly sightCondensed: number | null;
  /** Whether `headline` is the vision's (false: the session's, for lack of a vision). */
  readonly hasVision: boolean;
  readonly priorities: readonly PosterPriorityView[];
  /** Key numbers that measure none of the poster's priorities. */
  readonly otherKeyNumbers: readonly KeyNumberView[];
  /** The same, two to a row of their band. */
  readonly otherKeyNumberRows: ReadonlyArray<readonly KeyNumberView[]>;
  /** The line-of-sight band: every unit that takes part in the work, or on a unit's poster that unit. */
  readonly sight: SightView;
  /** A unit's poster: the unit, its chain and its own figures; null on the whole poster. */
  readonly unit: {
    readonly id: string;
    readonly name: string;
    /** How many live initiatives the unit takes part in. */
    readonly initiativeCount: number;
    /** The unit's chain: unit → initiatives → goal, one step per goal. */
    readonly chain: readonly ChainLinkView[];
    /** Control points measured for this unit (`units` of the control point). */
    readonly keyNumbers: readonly KeyNumberView[];
  } | null;
  readonly counts: {
    readonly priorities: number;
    readonly initiatives: number;
    readonly keyNumbers: number;
    /** Units in the line-of-sight band. */
    readonly units: number;
  };
}

/**
 * Composes the poster (principle 5): the vision, the two or three critical priorities with their owners, key
 * numbers and initiatives, and the line of sight from each unit to the goals — on one page. With
 * `poster.perUnit` also one poster per unit that takes part in the work, showing that unit's own chain.
 */
export function composePoster(model: SessionModel, context: ComposeContext): Composed {
  const page = posterPage(model, context.inPack);
  const view = posterView(model, page, null, context.inPack);
  const variants: ComposedVariant[] = [];
  if (model.poster.perUnit && !context.inPack) {
    const used = new Set<string>();
    for (const los of model.lineOfSight) {
      if (liveLinks(los).length === 0) continue;
      variants.push({ suffix: uniqueSlug(los.unit.id, used), view: posterView(model, page, los, false), diagrams: [] });
    }
  }
  return { view, diagrams: [], ...(variants.length > 0 ? { variants } : {}) };
}

/**
 * The poster's page. Its body text may shrink to 9 pt on A3 and in proportion on other paper (6.4 pt on A4,
 * 12.7 pt on A2): the poster is one picture at every size, so what fits on A3 fits on A4 and A2 alike. In the
 * pack the poster is a page of an A4 brochure, landscape.
 */
export function posterPage(model: SessionModel, inPack: boolean): PosterPage {
  const size: PosterSize = inPack ? 'A4' : model.poster.size;
  const orientation = inPack ? 'landscape' : model.poster.orientation;
  const ratio = PAPER_SIZES[size][0] / PAPER_SIZES.A3[0];
  const length = (value: number) => `${Number(value.toFixed(2))}pt`;
  return {
    size,
    orientation,
    margins: POSTER_MARGINS[size],
    minBody: length(POSTER_MIN_BODY_A3 * ratio),
    maxBody: length(POSTER_MAX_BODY_A3 * ratio),
    larger: inPack ? null : size === 'A4' ? 'A3' : size === 'A3' ? 'A2' : null,
  };
}

/**
 * The priorities a poster shows: the critical ones, by rank; when none is marked critical, the first three by
 * rank.
 */
export function posterPriorities(model: SessionModel): Priority[] {
  const ranked = model.priorities
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.rank ?? Number.POSITIVE_INFINITY) - (b.p.rank ?? Number.POSITIVE_INFINITY) || a.i - b.i)
    .map(({ p }) => p);
  const critical = ranked.filter((p) => p.critical);
  return critical.length > 0 ? critical : ranked.slice(0, 3);
}

/**
 * Which shown priority each live initiative stands under: its own priority when the poster shows it, else the
 * first shown priority it serves. Each initiative stands under one priority only, so none appears twice.
 */
function columnsOf(model: SessionModel, shown: readonly Priority[]): Map<Initiative, Priority> {
  const out = new Map<Initiative, Priority>();
  for (const n of model.initiatives) {
    if (n.status === 'cancelled') continue;
    const own = n.priority && shown.includes(n.priority) ? n.priority : null;
    const column = own ?? shown.find((p) => p.initiatives.includes(n)) ?? null;
    if (column) out.set(n, column);
  }
  return out;
}

function posterView(model: SessionModel, page: PosterPage, los: LineOfSight | null, inPack: boolean): PosterView {
  const language = model.session.locale;
  const shown = posterPriorities(model);
  const column = columnsOf(model, shown);
  const numberOf = new Map(shown.map((p, i) => [p, i + 1]));
  const mine = new Set(los ? liveLinks(los).map((l) => l.initiative) : []);

  const codes = new Map<Initiative, string>();
  const priorities = shown.map((p, i): PosterPriorityView => {
    const number = i + 1;
    const initiatives = p.initiatives.filter((n) => column.get(n) === p);
    initiatives.forEach((n, k) => {
      codes.set(n, `${number}.${k + 1}`);
    });
    return {
      id: p.id,
      number,
      title: p.title,
      owner: p.owner ? shortName(p.owner.name, language) : null,
      goals: p.goals.filter((g) => g.level === 'strategic' || !g.parent).map((g) => g.title),
      keyNumbers: [],
      initiatives: initiatives.map((n) => ({
        id: n.id,
        code: codes.get(n) as string,
        title: n.title,
        owner: n.owner ? shortName(n.owner.name, language) : null,
        due: n.due ? formatDate(n.due, language, 'short') : null,
        done: n.status === 'done',
        mine: mine.has(n),
      })),
    };
  });

  // Key numbers: the control points the session names, or else the KPIs with targets set on the goals of the
  // poster's priorities; each stands under the priority it measures.
  const named = model.poster.keyNumbers
    .map((id) => model.index.controlPoints.get(id))
    .filter((c): c is ControlPoint => c !== undefined);
  const keyPoints = named.length > 0 ? named : defaultKeyNumbers(model, shown);
  const priorityOfPoint = (c: ControlPoint): Priority | null => {
    const viaInitiative = c.initiative ? column.get(c.initiative) : undefined;
    if (viaInitiative) return viaInitiative;
    return goalPriorities(c.goal).find((p) => shown.includes(p)) ?? null;
  };
  const keyNumber = (c: ControlPoint): KeyNumberView => {
    const p = priorityOfPoint(c);
    return keyNumberView(c, language, p ? (numberOf.get(p) ?? null) : null);
  };
  const other: KeyNumberView[] = [];
  const byPriority = new Map<number, KeyNumberView[]>();
  for (const c of keyPoints) {
    const k = keyNumber(c);
    if (k.priority === null) other.push(k);
    else byPriority.set(k.priority, [...(byPriority.get(k.priority) ?? []), k]);
  }
  const withNumbers = priorities.map((p) => ({ ...p, keyNumbers: byPriority.get(p.number) ?? [] }));

  // A wall poster cannot carry a row for each of dozens of units: beyond BAND_UNITS, the band keeps the
  // top-level units (each row already holds its sub-units' work) and says that sub-units have posters of their own.
  const carrying = model.lineOfSight.filter((l) => liveLinks(l).length > 0);
  const condensed = !los && carrying.length > BAND_UNITS;
  const sight = sightOf(
    los ? [los] : condensed ? carrying.filter((l) => !l.unit.parent) : model.lineOfSight,
    codes,
    shown,
  );

  const unit = los
    ? {
        id: los.unit.id,
        name: los.unit.name,
        initiativeCount: mine.size,
        chain: chainOf(los, codes),
        keyNumbers: model.controlPoints.filter((c) => c.units.includes(los.unit)).map(keyNumber),
      }
    : null;

  const vision = model.vision;
  return {
    artifact: 'poster',
    language,
    session: sessionView(model),
    inPack,
    page,
    headline: vision?.title ?? model.session.title,
    statement: vision?.statement ?? null,
    horizon: vision?.horizon ?? null,
    tagline: model.poster.tagline ?? null,
    sightCondensed: condensed ? carrying.length : null,
    hasVision: vision !== null,
    priorities: withNumbers,
    otherKeyNumbers: other,
    otherKeyNumberRows: other.flatMap((_, i) => (i % 2 === 0 ? [other.slice(i, i + 2)] : [])),
    sight,
    unit,
    counts: {
      priorities: withNumbers.length,
      initiatives: withNumbers.reduce((n, p) => n + p.initiatives.length, 0),
      keyNumbers: keyPoints.length,
      units: sight.rows.length,
    },
  };
}

/** When the session names no key numbers: per shown priority, up to two KPIs with a target set on its goals. */
function defaultKeyNumbers(model: SessionModel, shown: readonly Priority[]): ControlPoint[] {
  return shown.flatMap((p) =>
    model.controlPoints
      .filter((c) => c.kind === 'kpi' && c.target !== null && c.goal && goalPriorities(c.goal).includes(p))
      .slice(0, 2),
  );
}

/** The priorities a goal serves: its own, or else those of the nearest goal above it that has some. */
function goalPriorities(goal: Goal | null): readonly Priority[] {
  for (let g = goal; g; g = g.parent) if (g.priorities.length > 0) return g.priorities;
  return [];
}

/** Units of measure short enough to stand with the figure ("95 %", "2 740 ₽/т"); longer ones go below it. */
const SHORT_UNIT = 5;

function keyNumberView(c: ControlPoint, language: string, priority: number | null): KeyNumberView {
  const due = c.due ? formatDate(c.due, language, 'short') : null;
  const hasTarget = c.kind === 'kpi' && c.target !== null;
  // "% календарного времени" is a percentage of something: "3 %" with the rest below the figure.
  const unit = c.unit?.trim() ?? '';
  const percentOf = /^%\s+\S/.test(unit);
  const suffix = percentOf ? '%' : unit.length > 0 && unit.length <= SHORT_UNIT ? unit : null;
  const rest = percentOf ? unit.slice(1).trim() : suffix === null && unit ? unit : null;
  const withSuffix = (value: number) => `${formatNumber(value, language)}${suffix ? `\u00a0${suffix}` : ''}`;
  return {
    id: c.id,
    title: c.title,
    kind: c.kind,
    figure: hasTarget ? withSuffix(c.target as number) : (due ?? '—'),
    unit: hasTarget ? rest : null,
    baseline: hasTarget && c.baseline !== null ? withSuffix(c.baseline) : null,
    due: hasTarget ? due : null,
    owner: c.owner ? shortName(c.owner.name, language) : null,
    priority,
  };
}

/** A unit's chain grouped by goal, goals in the order the unit's initiatives first reach them. */
function chainOf(los: LineOfSight, codes: ReadonlyMap<Initiative, string>): ChainLinkView[] {
  const steps = new Map<Goal | null, Initiative[]>();
  for (const link of liveLinks(los)) {
    const list = steps.get(link.goal) ?? [];
    if (!list.includes(link.initiative)) list.push(link.initiative);
    steps.set(link.goal, list);
  }
  // Codes in poster order (1.1 before 3.1), then those without a code in the order met.
  const rank = (code: string | null) => (code ? code.split('.').map(Number) : [Number.POSITIVE_INFINITY, 0]);
  const byCode = (a: SightItemView, b: SightItemView) => {
    const [x, y] = [rank(a.code), rank(b.code)];
    return (x[0] as number) - (y[0] as number) || (x[1] as number) - (y[1] as number) || 0;
  };
  return [...steps].map(([goal, initiatives]) => ({
    goal: goal?.title ?? null,
    initiatives: initiatives.map((n) => ({ id: n.id, code: codes.get(n) ?? null, title: n.title })).sort(byCode),
  }));
}

/** The most units the main poster's line-of-sight band shows one by one. */
export const BAND_UNITS = 12;

/** The line-of-sight band of the given units (those without live work left out). */
function sightOf(
  lines: readonly LineOfSight[],
  codes: ReadonlyMap<Initiative, string>,
  shown: readonly Priority[],
): SightView {
  const rows = lines.map((los) => ({ los, chain: chainOf(los, codes) })).filter(({ chain }) => chain.length > 0);
  // Goals in the order of the poster's priorities, then as the units reach them; "no goal" last.
  const reached = new Set(rows.flatMap(({ chain }) => chain.map((c) => c.goal)));
  const ordered: Array<string | null> = [];
  const add = (goal: string | null) => {
    if (reached.has(goal) && !ordered.includes(goal)) ordered.push(goal);
  };
  for (const p of shown)
    for (const g of p.goals) for (let top: Goal | null = g; top; top = top.parent) if (!top.parent) add(top.title);
  for (const { chain } of rows) for (const c of chain) if (c.goal !== null) add(c.goal);
  add(null);
  // Beyond GOAL_COLUMNS goals, the last column gathers the rest; a cell names at most MORE_NAMED initiatives
  // that are off the poster and counts the others.
  const merged = ordered.length > GOAL_COLUMNS;
  const columns = merged ? [...ordered.filter((g) => g !== null).slice(0, GOAL_COLUMNS - 1), null] : ordered;
  const columnOf = (goal: string | null) => (columns.includes(goal) ? goal : null);
  const goalShare = columns.length > 0 ? Math.floor((78 / columns.length) * 10) / 10 : 78;
  const cell = (items: SightItemView[]): SightItemView[] => {
    const off = items.filter((i) => !i.code);
    if (off.length <= MORE_NAMED) return items;
    return [...items.filter((i) => i.code), { id: '', code: null, title: '', more: off.length }];
  };
  return {
    goals: columns,
    rows: rows.map(({ los, chain }) => ({
      id: los.unit.id,
      unit: los.unit.name,
      cells: columns.map((goal) => cell(chain.filter((c) => columnOf(c.goal) === goal).flatMap((c) => c.initiatives))),
    })),
    goalWidth: `${goalShare}%`,
    merged,
  };
}

/** The most goal columns the band has; more goals share the last one. */
export const GOAL_COLUMNS = 6;

/** The most initiatives off the poster a cell of the band names; more are counted. */
export const MORE_NAMED = 3;

/** A unit's links to live initiatives. */
function liveLinks(los: LineOfSight): LineOfSight['links'] {
  return los.links.filter((l) => l.initiative.status !== 'cancelled');
}

/** A file-name-safe slug of a unit id, unique among those already given: `u-site-ber`, `wg-gov`. */
function uniqueSlug(id: string, used: Set<string>): string {
  const base =
    id
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'unit';
  let slug = base;
  for (let i = 2; used.has(slug); i++) slug = `${base}-${i}`;
  used.add(slug);
  return slug;
}
