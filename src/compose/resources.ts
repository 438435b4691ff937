import { formatDate, formatNumber } from '../format/index.js';
import type { Amounts, Initiative, Person, Resource, SessionModel, Unit } from '../model/index.js';
import { amounts, anchor, money, type SessionView, sessionView } from './common.js';

/** The kinds of resource, in the order the documents list them. */
export const RESOURCE_KINDS = ['budget', 'specialists', 'equipment', 'other'] as const;

/** A kind of resource. */
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** A role in the responsibility matrix: responsible, accountable, consulted, informed. */
export type RaciRole = 'R' | 'A' | 'C' | 'I';

/** How many people the responsibility matrix gives a column of their own; the rest are listed below it. */
export const RACI_COLUMNS = 8;

/** One live initiative: what will be done, who answers for it and to whom. */
export interface WorkRow {
  readonly id: string;
  readonly anchor: string;
  readonly title: string;
  readonly owner: string | null;
  readonly ownerRole: string | null;
  /** Whom the owner answers to: named on the initiative, or else the owner's manager. */
  readonly reportsTo: string | null;
  readonly reportsToRole: string | null;
  readonly units: readonly string[];
  readonly dates: string | null;
}

/** One resource, formatted for the session's language. */
export interface ResourceRow {
  readonly id: string;
  readonly title: string;
  readonly kind: ResourceKind;
  /** Quantity and unit: "4 FTE", "1 200 компл.". */
  readonly quantity: string | null;
  readonly cost: string | null;
  readonly neededBy: string | null;
  /** The date as `YYYY-MM-DD`, for sorting and checking. */
  readonly isoNeededBy: string | null;
  readonly initiative: string;
  /** Who arranges the resource. */
  readonly owner: string | null;
  readonly note: string | null;
}

/** A row of amounts: one cell per kind shown, then the row's total. */
export interface PlanRow {
  readonly label: string;
  /** `YYYY-MM`, or null for the unscheduled and total rows. */
  readonly month: string | null;
  readonly cells: readonly (string | null)[];
  readonly total: string | null;
}

/** The view of the `resources` artifact (principle 2): what will be done, by whom, with what, and when. */
export interface ResourcesView {
  readonly artifact: 'resources';
  readonly language: string;
  readonly session: SessionView;
  readonly counts: {
    readonly initiatives: number;
    readonly resources: number;
    readonly neededFirst: number;
  };
  /** Everything the live initiatives need, added up; null when no resource has a cost. */
  readonly total: string | null;
  readonly work: readonly WorkRow[];
  /** The resources needed first, by date: flagged `neededFirst`, or when none is, those needed earliest. */
  readonly neededFirst: readonly ResourceRow[];
  /** Whether `neededFirst` holds the flagged resources (true) or the earliest ones (false). */
  readonly neededFirstFlagged: boolean;
  readonly byKind: ReadonlyArray<{
    readonly kind: ResourceKind;
    readonly count: number;
    /** Quantities added up per unit: "4 FTE", "180 шт.". */
    readonly quantities: readonly string[];
    readonly amount: string | null;
  }>;
  readonly byInitiative: ReadonlyArray<{
    readonly id: string;
    readonly title: string;
    readonly count: number;
    readonly amount: string | null;
  }>;
  /** Live initiatives no resource is listed for. */
  readonly withoutResources: readonly string[];
  /** Month × kind amounts, for finance and production to plan from. */
  readonly plan: {
    /** The kinds that carry a cost: the columns. */
    readonly kinds: readonly ResourceKind[];
    readonly months: readonly PlanRow[];
    /** Costs not spread over any month; null when every cost is. */
    readonly unscheduled: PlanRow | null;
    readonly total: PlanRow;
  };
  /** Responsibility matrix: rows are the live initiatives, columns the people involved in most of them. */
  readonly raci: {
    readonly people: ReadonlyArray<{ readonly id: string; readonly name: string; readonly short: string }>;
    readonly rows: ReadonlyArray<{
      readonly id: string;
      readonly title: string;
      /** The accountable owner's short name when the owner has no column of their own. */
      readonly accountable: string | null;
      readonly cells: readonly (RaciRole | null)[];
    }>;
    /** Everyone else involved, with their roles per initiative. */
    readonly others: ReadonlyArray<{
      readonly name: string;
      readonly role: string | null;
      readonly roles: ReadonlyArray<{ readonly role: RaciRole; readonly initiatives: readonly string[] }>;
    }>;
  };
}

const RANK: Record<RaciRole, number> = { A: 4, R: 3, C: 2, I: 1 };

/** Composes the resources artifact from the model (principle 2: who does what, with which resources, when). */
export function composeResources(model: SessionModel): ResourcesView {
  const language = model.session.locale;
  const live = model.initiativeOrder.filter((n) => n.status !== 'cancelled');
  const liveSet = new Set<Initiative>(live);
  const resources = model.resources.filter((r) => liveSet.has(r.initiative));

  const shortDate = (iso: string | null) => (iso ? formatDate(iso, language, 'short') : null);
  const quantity = (value: number, unit: string | null) =>
    `${formatNumber(value, language)}${unit ? `\u00a0${unit}` : ''}`;
  const row = (r: Resource): ResourceRow => ({
    id: r.id,
    title: r.title,
    kind: r.kind,
    quantity: r.quantity === null ? null : quantity(r.quantity, r.unit),
    cost: money(r.cost, language),
    neededBy: shortDate(r.neededBy),
    isoNeededBy: r.neededBy,
    initiative: r.initiative.title,
    owner: r.owner?.name ?? null,
    note: r.note,
  });

  // Needed first: the flagged ones, or else those needed on the earliest date.
  const flagged = resources.filter((r) => r.neededFirst);
  const dated = resources.filter((r) => r.neededBy !== null);
  const earliest = dated.reduce<string | null>(
    (min, r) => (min === null || (r.neededBy as string) < min ? r.neededBy : min),
    null,
  );
  const first = (flagged.length > 0 ? flagged : dated.filter((r) => r.neededBy === earliest))
    .map((r, i) => ({ r, i }))
    .sort((a, b) => byDate(a.r.neededBy, b.r.neededBy) || a.i - b.i)
    .map(({ r }) => row(r));

  // Totals by kind, by initiative, by month and kind.
  const total: Record<string, number> = {};
  const kindTotals = new Map<ResourceKind, Record<string, number>>();
  const monthKind = new Map<string, Map<ResourceKind, Record<string, number>>>();
  const unscheduled = new Map<ResourceKind, Record<string, number>>();
  const bucket = <K>(map: Map<K, Record<string, number>>, key: K) => {
    let value = map.get(key);
    if (!value) {
      value = {};
      map.set(key, value);
    }
    return value;
  };
  for (const r of resources) {
    if (!r.cost) continue;
    const { amount, currency } = r.cost;
    add(total, currency, amount);
    add(bucket(kindTotals, r.kind), currency, amount);
    let scheduled = 0;
    for (const m of r.months) {
      let kinds = monthKind.get(m.month);
      if (!kinds) {
        kinds = new Map();
        monthKind.set(m.month, kinds);
      }
      add(bucket(kinds, r.kind), currency, m.amount);
      scheduled += m.amount;
    }
    if (scheduled < amount) add(bucket(unscheduled, r.kind), currency, amount - scheduled);
  }
  const fmt = (value: Amounts | undefined) => (value ? amounts(sorted(value), language) : null);

  const byKind = RESOURCE_KINDS.filter((k) => resources.some((r) => r.kind === k)).map((kind) => {
    const units = new Map<string, number>();
    for (const r of resources) {
      if (r.kind !== kind || r.quantity === null) continue;
      units.set(r.unit ?? '', (units.get(r.unit ?? '') ?? 0) + r.quantity);
    }
    return {
      kind,
      count: resources.filter((r) => r.kind === kind).length,
      quantities: [...units].map(([unit, value]) => quantity(value, unit || null)),
      amount: fmt(kindTotals.get(kind)),
    };
  });

  const byInitiative = live
    .filter((n) => n.resources.length > 0)
    .map((n) => {
      const sum: Record<string, number> = {};
      for (const r of n.resources) if (r.cost) add(sum, r.cost.currency, r.cost.amount);
      return {
        id: n.id,
        title: n.title,
        count: n.resources.length,
        amount: Object.keys(sum).length > 0 ? fmt(sum) : null,
      };
    });

  const planKinds = RESOURCE_KINDS.filter((k) => kindTotals.has(k));
  const planRow = (label: string, month: string | null, cells: Map<ResourceKind, Record<string, number>>) => {
    const sum: Record<string, number> = {};
    for (const value of cells.values()) for (const [c, a] of Object.entries(value)) add(sum, c, a);
    return { label, month, cells: planKinds.map((k) => fmt(cells.get(k))), total: fmt(sum) };
  };

  return {
    artifact: 'resources',
    language,
    session: sessionView(model),
    counts: { initiatives: live.length, resources: resources.length, neededFirst: first.length },
    total: Object.keys(total).length > 0 ? fmt(total) : null,
    work: live.map((n) => ({
      id: n.id,
      anchor: anchor('initiative', n.id),
      title: n.title,
      owner: n.owner?.name ?? null,
      ownerRole: n.owner?.role ?? null,
      reportsTo: n.accountableTo?.name ?? null,
      reportsToRole: n.accountableTo?.role ?? null,
      units: n.units.map((u) => u.name),
      dates:
        n.start && n.due
          ? `${shortDate(n.start)} – ${shortDate(n.due)}`
          : n.due
            ? shortDate(n.due)
            : n.start
              ? shortDate(n.start)
              : null,
    })),
    neededFirst: first,
    neededFirstFlagged: flagged.length > 0,
    byKind,
    byInitiative,
    withoutResources: live.filter((n) => n.resources.length === 0).map((n) => n.title),
    plan: {
      kinds: planKinds,
      months: [...monthKind.keys()]
        .sort()
        .map((month) => planRow(formatDate(month, language, 'month'), month, monthKind.get(month) as never)),
      unscheduled: unscheduled.size > 0 ? planRow('', null, unscheduled) : null,
      total: planRow('', null, kindTotals),
    },
    raci: raci(live, language),
  };
}

/** The responsibility matrix of the live initiatives. */
function raci(live: readonly Initiative[], language: string): ResourcesView['raci'] {
  const roles = new Map<Person, Map<Initiative, RaciRole>>();
  const assign = (person: Person | null, n: Initiative, role: RaciRole) => {
    if (!person) return;
    let of = roles.get(person);
    if (!of) {
      of = new Map();
      roles.set(person, of);
    }
    const current = of.get(n);
    if (!current || RANK[role] > RANK[current]) of.set(n, role);
  };
  for (const n of live) {
    assign(n.owner, n, 'A');
    for (const p of n.team) assign(p, n, 'R');
    for (const r of n.resources) assign(r.owner, n, 'R');
    for (const d of n.decisions) {
      if (d.status === 'rejected' || d.status === 'superseded') continue;
      for (const p of [...d.deciders, ...d.consulted]) assign(p, n, 'C');
      for (const x of d.informed) assign(isPerson(x) ? x : x.head, n, 'I');
    }
    assign(n.accountableTo, n, 'I');
  }
  // The people whose work spans most initiatives get a column: most initiatives, then most answered for and
  // most worked on, then the first met. Each row names its accountable owner when the owner has no column.
  const weight = (p: Person) => {
    const of = [...(roles.get(p) as Map<Initiative, RaciRole>).values()];
    return [of.length, of.filter((r) => r === 'A').length, of.filter((r) => r === 'R').length] as const;
  };
  const ranked = [...roles.keys()]
    .map((p, i) => ({ p, i, w: weight(p) }))
    .sort((a, b) => b.w[0] - a.w[0] || b.w[1] - a.w[1] || b.w[2] - a.w[2] || a.i - b.i)
    .map(({ p }) => p);
  const columns = ranked.slice(0, RACI_COLUMNS);
  return {
    people: columns.map((p) => ({ id: p.id, name: p.name, short: shortName(p.name, language) })),
    rows: live.map((n) => ({
      id: n.id,
      title: n.title,
      accountable: n.owner && !columns.includes(n.owner) ? shortName(n.owner.name, language) : null,
      cells: columns.map((p) => roles.get(p)?.get(n) ?? null),
    })),
    others: ranked.slice(RACI_COLUMNS).map((p) => {
      const of = roles.get(p) as Map<Initiative, RaciRole>;
      return {
        name: p.name,
        role: p.role,
        roles: (['A', 'R', 'C', 'I'] as const)
          .map((role) => ({
            role,
            initiatives: live.filter((n) => of.get(n) === role).map((n) => n.title),
          }))
          .filter((x) => x.initiatives.length > 0),
      };
    }),
  };
}

/**
 * A name short enough for a narrow column header: "Ершов П.\u00a0И." for a Russian or Ukrainian name written
 * surname first with a patronymic, "K.\u00a0Vossberg" otherwise.
 */
export function shortName(name: string, language: string): string {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return name;
  const initial = (w: string) => (w.endsWith('.') ? w : `${[...w][0]}.`);
  const last = words[words.length - 1] as string;
  if ((language === 'ru' || language === 'uk') && words.length === 3 && /(вич|вна|ична|ич|івна|ївна)$/u.test(last)) {
    return `${words[0]} ${words.slice(1).map(initial).join('\u00a0')}`;
  }
  return `${words.slice(0, -1).map(initial).join('\u00a0')}\u00a0${last}`;
}

function isPerson(x: Person | Unit): x is Person {
  return 'reportsTo' in x;
}

function add(into: Record<string, number>, currency: string, amount: number): void {
  // Rounded to cents, so that adding up never leaves a float tail the formatting would show.
  into[currency] = Math.round(((into[currency] ?? 0) + amount) * 100) / 100;
}

function sorted(value: Amounts): Amounts {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function byDate(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
