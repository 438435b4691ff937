import type { Locale, SessionInput } from '../schema/index.js';
import { DEFAULT_SPHERE_NAMES } from '../schema/index.js';
import { addAmount, inferPolarity, kpiRag, milestoneRag, minutesOf, sortedAmounts, worstRag } from './derive.js';
import { lineOfSightOf } from './line-of-sight.js';
import { scheduleInitiatives } from './schedule.js';
import { totalsOf } from './totals.js';
import type {
  Action,
  AgendaBlock,
  ControlPoint,
  Decision,
  EconomicsModel,
  Goal,
  Initiative,
  Money,
  Participant,
  PathToVision,
  Person,
  Priority,
  Rag,
  Resource,
  SessionModel,
  Sphere,
  SwotItem,
  Unit,
} from './types.js';

/** Makes every property writable and every readonly array a plain array, for building the model in place. */
type Draft<T> = { -readonly [K in keyof T]: T[K] extends ReadonlyArray<infer U> ? U[] : T[K] };

/** Options of model building. */
export interface BuildModelOptions {
  /** The date statuses are judged at; defaults to the latest measurement or the session date. */
  readonly asOf?: string;
}

/**
 * Builds the read-only session model from validated input: resolves references, derives the goal tree,
 * paths to the vision, dependency order and critical path, resource totals, RAG status and lines of sight.
 * The input must have passed `validateSession`; unknown references are then impossible.
 */
export function buildModel(input: SessionInput, options: BuildModelOptions = {}): SessionModel {
  const s = input.session;
  const currency = s.currency ?? null;
  const money = (m: { amount: number; currency?: string | undefined } | undefined): Money | null =>
    m ? { amount: m.amount, currency: m.currency ?? currency ?? '' } : null;
  const or = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

  // Spheres: the file's, or the four defaults of an open session.
  const spheres: Sphere[] =
    input.spheres.length > 0
      ? input.spheres.map((x) => ({ id: x.id, name: x.name, description: or(x.description), isDefault: false }))
      : defaultSpheres(s.locale);
  const sphereById = new Map(spheres.map((x) => [x.id, x]));
  const usesSpheres =
    input.spheres.length > 0 ||
    input.swot.length > 0 ||
    input.participants.length > 0 ||
    input.units.some((u) => u.sphere);

  // Shells first, so references in any direction can be resolved.
  const units = input.units.map(
    (u): Draft<Unit> => ({
      id: u.id,
      name: u.name,
      kind: u.kind,
      description: or(u.description),
      parent: null,
      children: [],
      head: null,
      sphere: u.sphere ? (sphereById.get(u.sphere) ?? null) : null,
      people: [],
    }),
  );
  const unitById = new Map(units.map((u) => [u.id, u]));
  const people = input.people.map(
    (p): Draft<Person> => ({
      id: p.id,
      name: p.name,
      role: or(p.role),
      email: or(p.email),
      unit: null,
      reportsTo: null,
      owns: [],
    }),
  );
  const personById = new Map(people.map((p) => [p.id, p]));
  const person = (id: string | undefined) => (id === undefined ? null : (personById.get(id) ?? null));
  const unit = (id: string | undefined) => (id === undefined ? null : (unitById.get(id) ?? null));

  input.units.forEach((u, i) => {
    const draft = units[i] as Draft<Unit>;
    draft.parent = unit(u.parent);
    draft.head = person(u.head);
    (draft.parent as Draft<Unit> | null)?.children.push(draft);
  });
  input.people.forEach((p, i) => {
    const draft = people[i] as Draft<Person>;
    draft.unit = unit(p.unit);
    draft.reportsTo = person(p.reportsTo);
    (draft.unit as Draft<Unit> | null)?.people.push(draft);
  });

  const goals = input.goals.map(
    (g): Draft<Goal> => ({
      id: g.id,
      title: g.title,
      description: or(g.description),
      level: g.level,
      perspective: or(g.perspective),
      owner: person(g.owner),
      parent: null,
      children: [],
      leadsTo: [],
      causedBy: [],
      priorities: [],
      initiatives: [],
      controlPoints: [],
      pathToVision: [],
      reachesVision: false,
      rag: 'grey',
    }),
  );
  const goalById = new Map(goals.map((g) => [g.id, g]));
  const goal = (id: string) => goalById.get(id) as Draft<Goal>;
  input.goals.forEach((g, i) => {
    const draft = goals[i] as Draft<Goal>;
    if (g.parent) {
      draft.parent = goal(g.parent);
      goal(g.parent).children.push(draft);
    }
    for (const id of g.leadsTo) {
      draft.leadsTo.push(goal(id));
      goal(id).causedBy.push(draft);
    }
  });
  // A goal serves the vision when its chain of parents ends in a strategic goal.
  for (const g of goals) {
    const chain: Goal[] = [];
    for (let cur: Goal | null = g; cur; cur = cur.parent) chain.push(cur);
    const top = chain[chain.length - 1] as Goal;
    g.reachesVision = top.level === 'strategic' && input.vision !== undefined;
    g.pathToVision = g.reachesVision ? chain : [];
  }

  const priorities = input.priorities.map(
    (p): Draft<Priority> => ({
      id: p.id,
      title: p.title,
      description: or(p.description),
      critical: p.critical,
      rank: or(p.rank),
      owner: person(p.owner),
      goals: p.goals.map(goal),
      initiatives: [],
      rag: 'grey',
    }),
  );
  const priorityById = new Map(priorities.map((p) => [p.id, p]));
  for (const p of priorities) for (const g of p.goals) (g as Draft<Goal>).priorities.push(p);

  const initiatives = input.initiatives.map(
    (n): Draft<Initiative> => ({
      id: n.id,
      title: n.title,
      description: or(n.description),
      goals: n.goals.map(goal),
      priority: null,
      owner: person(n.owner),
      accountableTo: null,
      team: n.team.map((id) => personById.get(id) as Person),
      units: n.units.map((id) => unitById.get(id) as Unit),
      start: or(n.start),
      due: or(n.due),
      dependsOn: [],
      dependents: [],
      status: n.status,
      impact: or(n.impact),
      feasibility: or(n.feasibility),
      resources: [],
      controlPoints: [],
      risks: [],
      actions: [],
      decisions: [],
      paths: [],
      cost: {},
      order: 0,
      critical: false,
      rag: 'grey',
    }),
  );
  const initiativeById = new Map(initiatives.map((n) => [n.id, n]));
  const initiative = (id: string | undefined) => (id === undefined ? null : (initiativeById.get(id) ?? null));
  input.initiatives.forEach((n, i) => {
    const draft = initiatives[i] as Draft<Initiative>;
    draft.accountableTo = person(n.accountableTo) ?? draft.owner?.reportsTo ?? null;
    (draft.owner as Draft<Person> | null)?.owns.push(draft);
    for (const id of n.dependsOn) {
      const dep = initiativeById.get(id) as Draft<Initiative>;
      draft.dependsOn.push(dep);
      dep.dependents.push(draft);
    }
    for (const g of draft.goals) (g as Draft<Goal>).initiatives.push(draft);
    draft.priority =
      (n.priority ? priorityById.get(n.priority) : undefined) ?? draft.goals.flatMap(inheritedPriorities)[0] ?? null;
    draft.paths = pathsOf(draft);
  });
  for (const p of priorities) {
    const seen = new Set<Initiative>();
    for (const n of initiatives) {
      if (n.priority === p || n.goals.some((g) => inheritedPriorities(g).includes(p))) seen.add(n);
    }
    p.initiatives = [...seen];
  }

  // Resources, spread over months.
  const resources = input.resources.map((r): Resource => {
    const owner = initiative(r.initiative) as Draft<Initiative>;
    const cost = money(r.cost);
    const months =
      r.schedule.length > 0
        ? r.schedule.map((m) => ({ month: m.month, amount: m.amount }))
        : cost && (r.neededBy ?? owner.start)
          ? [{ month: (r.neededBy ?? (owner.start as string)).slice(0, 7), amount: cost.amount }]
          : [];
    const resource: Resource = {
      id: r.id,
      title: r.title,
      kind: r.kind,
      initiative: owner,
      quantity: or(r.quantity),
      unit: or(r.unit),
      cost,
      neededBy: or(r.neededBy),
      neededFirst: r.neededFirst,
      months,
      owner: person(r.owner),
      note: or(r.note),
    };
    owner.resources.push(resource);
    if (cost) addAmount(owner.cost as Record<string, number>, cost.currency, cost.amount);
    return resource;
  });

  // The date statuses are judged at.
  let asOf = options.asOf ?? s.date;
  if (!options.asOf)
    for (const c of input.controlPoints) for (const m of c.measurements) if (m.asOf > asOf) asOf = m.asOf;

  const controlPoints = input.controlPoints.map((c): ControlPoint => {
    const measurements = [...c.measurements]
      .sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0))
      .map((m) => ({ asOf: m.asOf, actual: m.actual, comment: or(m.comment) }));
    const latest = measurements[measurements.length - 1] ?? null;
    const polarity = inferPolarity(c.polarity, c.baseline, c.target, c.thresholds);
    const status =
      c.kind === 'milestone'
        ? milestoneRag(latest?.actual, or(c.due), asOf)
        : kpiRag(latest ?? undefined, c.thresholds ?? null, polarity, c.plan);
    const point: ControlPoint = {
      id: c.id,
      title: c.title,
      kind: c.kind,
      initiative: initiative(c.initiative),
      goal: c.goal ? goal(c.goal) : null,
      owner: person(c.owner),
      units: c.units.map((id) => unitById.get(id) as Unit),
      unit: or(c.unit),
      baseline: or(c.baseline),
      target: or(c.target),
      polarity,
      polarityStated: c.polarity !== undefined,
      due: or(c.due),
      frequency: or(c.frequency),
      thresholds: c.thresholds ?? null,
      plan: [...c.plan].sort((a, b) => (a.month < b.month ? -1 : 1)),
      dataSource: or(c.dataSource),
      measurements,
      latest,
      countermeasures: c.countermeasures.map((m) => ({
        id: or(m.id),
        title: m.title,
        owner: person(m.owner),
        due: or(m.due),
        status: m.status,
      })),
      rag: status.rag,
      rule: status.rule,
    };
    (point.initiative as Draft<Initiative> | null)?.controlPoints.push(point);
    (point.goal as Draft<Goal> | null)?.controlPoints.push(point);
    return point;
  });

  const decisions = input.decisions.map(
    (d): Draft<Decision> => ({
      id: d.id,
      title: d.title,
      statement: or(d.statement),
      rationale: or(d.rationale),
      economic: d.economic || d.economics !== undefined,
      economics: d.economics ? economicsOf(d.economics, money) : null,
      options: d.options.map((o) => ({
        title: o.title,
        description: or(o.description),
        chosen: o.chosen,
        rejectedBecause: or(o.rejectedBecause),
      })),
      deciders: d.deciders.map((id) => personById.get(id) as Person),
      consulted: d.consulted.map((id) => personById.get(id) as Person),
      informed: d.informed.map((id) => (personById.get(id) ?? unitById.get(id)) as Person | Unit),
      date: d.date ?? s.date,
      status: d.status,
      supersedes: null,
      supersededBy: null,
      goals: d.goals.map(goal),
      initiatives: d.initiatives.map((id) => initiativeById.get(id) as Initiative),
    }),
  );
  const decisionById = new Map(decisions.map((d) => [d.id, d]));
  input.decisions.forEach((d, i) => {
    const draft = decisions[i] as Draft<Decision>;
    if (d.supersedes) {
      const old = decisionById.get(d.supersedes) as Draft<Decision>;
      draft.supersedes = old;
      old.supersededBy = draft;
    }
    for (const n of draft.initiatives) (n as Draft<Initiative>).decisions.push(draft);
  });

  const actions = input.actions.map((a): Action => {
    const action: Action = {
      id: a.id,
      title: a.title,
      owner: person(a.owner),
      due: or(a.due),
      initiative: initiative(a.initiative),
      status: a.status,
    };
    (action.initiative as Draft<Initiative> | null)?.actions.push(action);
    return action;
  });
  const risks = input.risks.map((r) => {
    const risk = {
      id: r.id,
      title: r.title,
      probability: r.probability,
      impact: r.impact,
      score: r.probability * r.impact,
      mitigation: or(r.mitigation),
      owner: person(r.owner),
      initiative: initiative(r.initiative),
    };
    (risk.initiative as Draft<Initiative> | null)?.risks.push(risk);
    return risk;
  });

  // Status rolls up worst-child: control points → initiatives → goals (with sub-goals) → priorities.
  for (const n of initiatives) n.rag = worstRag(n.controlPoints.map((c) => c.rag));
  const goalRag = new Map<Goal, Rag>();
  const rollGoal = (g: Draft<Goal>, seen: Set<Goal>): Rag => {
    const known = goalRag.get(g);
    if (known) return known;
    if (seen.has(g)) return 'grey';
    seen.add(g);
    const rag = worstRag([
      ...g.controlPoints.map((c) => c.rag),
      ...g.initiatives.map((n) => n.rag),
      ...g.children.map((c) => rollGoal(c as Draft<Goal>, seen)),
    ]);
    goalRag.set(g, rag);
    g.rag = rag;
    return rag;
  };
  for (const g of goals) rollGoal(g, new Set());
  for (const p of priorities) p.rag = worstRag(p.goals.map((g) => g.rag));

  const { order, criticalPath } = scheduleInitiatives(initiatives);
  order.forEach((n, i) => {
    (n as Draft<Initiative>).order = i;
  });
  for (const n of criticalPath) (n as Draft<Initiative>).critical = true;
  for (const n of initiatives) n.cost = sortedAmounts(n.cost as Record<string, number>);

  const swot = input.swot.map(
    (x): SwotItem => ({
      id: x.id,
      sphere: sphereById.get(x.sphere) as Sphere,
      component: x.component,
      title: x.title,
      description: or(x.description),
      group: or(x.group),
      votes: or(x.votes),
    }),
  );
  const swotById = new Map(swot.map((x) => [x.id, x]));

  const participants = input.participants.map(
    (p): Participant => ({
      id: p.id,
      name: p.name,
      sphere: p.sphere ? (sphereById.get(p.sphere) ?? null) : null,
      affiliation: or(p.affiliation),
      core: p.core,
      preferences: p.preferences.map((id) => sphereById.get(id) as Sphere),
      person: person(p.person),
      email: or(p.email),
    }),
  );

  const model: SessionModel = {
    session: {
      title: s.title,
      organisation: s.organisation,
      date: s.date,
      endDate: s.endDate ?? s.date,
      place: or(s.place),
      facilitator: or(s.facilitator),
      locale: s.locale,
      currency,
      timezone: s.timezone,
      request: or(s.request),
      holidays: [...s.holidays].sort(),
      logo: or(s.logo),
    },
    vision: input.vision
      ? {
          title: input.vision.title,
          statement: input.vision.statement,
          horizon: input.vision.horizon === undefined ? null : String(input.vision.horizon),
          directions: input.vision.directions.map((d) => ({
            id: d.id,
            title: d.title,
            description: or(d.description),
            sphere: d.sphere ? (sphereById.get(d.sphere) ?? null) : null,
          })),
        }
      : null,
    spheres: usesSpheres ? spheres : [],
    units,
    people,
    goals,
    priorities,
    decisions,
    initiatives,
    resources,
    controlPoints,
    actions,
    risks,
    parkingLot: input.parkingLot.map((x) => ({
      id: x.id,
      title: x.title,
      description: or(x.description),
      owner: person(x.owner),
      raisedBy: person(x.raisedBy),
      forum: or(x.forum),
      due: or(x.due),
      status: x.status,
    })),
    swot,
    tows: input.tows.map((t) => ({
      id: t.id,
      kind: t.kind,
      title: t.title,
      description: or(t.description),
      cites: t.cites.map((id) => swotById.get(id) as SwotItem),
      goals: t.goals.map(goal),
    })),
    participants,
    agenda: agendaOf(input, s.date, person),
    poster: input.poster ?? { size: 'A3', orientation: 'landscape', perUnit: false, keyNumbers: [] },
    followUp: input.followUp ?? null,
    theme: input.theme ?? { paper: 'A4', margins: '20mm 18mm' },
    initiativeOrder: order,
    criticalPath,
    totals: totalsOf(resources, initiatives),
    lineOfSight: lineOfSightOf(units, initiatives),
    asOf,
    index: {
      units: unitById,
      people: personById,
      goals: goalById,
      priorities: priorityById,
      decisions: decisionById,
      initiatives: initiativeById,
      controlPoints: new Map(controlPoints.map((c) => [c.id, c])),
      spheres: sphereById,
      swot: swotById,
    },
  };
  return model;
}

/** Priorities of a goal or, failing that, of its nearest ancestor that has one. */
function inheritedPriorities(g: Goal): Priority[] {
  for (let cur: Goal | null = g; cur; cur = cur.parent) if (cur.priorities.length > 0) return [...cur.priorities];
  return [];
}

function pathsOf(n: Initiative): PathToVision[] {
  return n.goals.map((g) => {
    const goals = g.reachesVision ? g.pathToVision : chainOf(g);
    const top = goals[goals.length - 1];
    const priority = n.priority ?? (top ? (inheritedPriorities(top)[0] ?? null) : null);
    return { goals, priority, reachesVision: g.reachesVision };
  });
}

function chainOf(g: Goal): Goal[] {
  const chain: Goal[] = [];
  const seen = new Set<Goal>();
  for (let cur: Goal | null = g; cur && !seen.has(cur); cur = cur.parent) {
    seen.add(cur);
    chain.push(cur);
  }
  return chain;
}

function economicsOf(
  e: NonNullable<SessionInput['decisions'][number]['economics']>,
  money: (m: { amount: number; currency?: string | undefined } | undefined) => Money | null,
): EconomicsModel {
  const perYear: Record<string, number> = { once: 1, month: 12, quarter: 4, year: 1 };
  const firstYearCost: Record<string, number> = {};
  const annualBenefit: Record<string, number> = {};
  const costs = e.costs.map((c) => {
    const amount = money(c.amount) as Money;
    addAmount(firstYearCost, amount.currency, amount.amount * (perYear[c.per] ?? 1));
    return { title: c.title, amount, kind: c.kind, per: c.per };
  });
  const benefits = e.benefits.map((b) => {
    const amount = money(b.amount);
    if (amount)
      addAmount(
        annualBenefit,
        amount.currency,
        b.per === 'once' ? amount.amount : amount.amount * (perYear[b.per] ?? 1),
      );
    return { title: b.title, amount, per: b.per, note: b.note ?? null };
  });
  return {
    costs,
    benefits,
    paybackMonths: e.paybackMonths ?? null,
    fundingSource: e.fundingSource ?? null,
    summary: e.summary ?? null,
    firstYearCost: sortedAmounts(firstYearCost),
    annualBenefit: sortedAmounts(annualBenefit),
    hasFigures: costs.length > 0 || benefits.some((b) => b.amount !== null) || e.paybackMonths !== undefined,
  };
}

function agendaOf(
  input: SessionInput,
  sessionDate: string,
  person: (id: string | undefined) => Person | null,
): AgendaBlock[] {
  const out: AgendaBlock[] = [];
  const clock = new Map<string, number>();
  for (const b of input.agenda) {
    const day = b.day ?? sessionDate;
    const start = b.start ? minutesOf(b.start) : (clock.get(day) ?? 9 * 60);
    const end = start + b.duration;
    clock.set(day, end);
    out.push({
      id: b.id,
      title: b.title,
      kind: b.kind,
      day,
      start,
      end,
      duration: b.duration,
      objective: b.objective ?? null,
      lead: b.lead ?? null,
      preparation: b.preparation.map((p) => ({ title: p.title, kind: p.kind, owner: person(p.owner) })),
    });
  }
  return out;
}

function defaultSpheres(locale: Locale): Sphere[] {
  return Object.entries(DEFAULT_SPHERE_NAMES).map(([id, names]) => ({
    id,
    name: names[locale],
    description: null,
    isDefault: true,
  }));
}
