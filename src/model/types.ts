import type {
  AgendaBlockInput,
  ControlPointInput,
  FollowUpOptions,
  Locale,
  PosterOptions,
  ResourceInput,
  SwotItemInput,
  ThemeOptions,
} from '../schema/index.js';

/** Red-amber-green status; grey when there is no data to judge. */
export type Rag = 'green' | 'amber' | 'red' | 'grey';

/** Amounts of money by currency code. */
export type Amounts = Readonly<Record<string, number>>;

/** An amount of money with its currency resolved. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

/** Where and when the session took place, with defaults resolved. */
export interface SessionInfoModel {
  readonly title: string;
  readonly organisation: string;
  readonly date: string;
  readonly endDate: string;
  readonly place: string | null;
  readonly facilitator: string | null;
  readonly locale: Locale;
  readonly currency: string | null;
  readonly timezone: string;
  readonly request: string | null;
  readonly holidays: readonly string[];
  readonly logo: string | null;
}

export interface VisionModel {
  readonly title: string;
  readonly statement: string;
  readonly horizon: string | null;
  readonly directions: readonly DirectionModel[];
}

export interface DirectionModel {
  readonly id: string;
  readonly title: string;
  readonly description: string | null;
  readonly sphere: Sphere | null;
}

export interface Sphere {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  /** Whether the sphere comes from the built-in default four rather than the file. */
  readonly isDefault: boolean;
}

export interface Unit {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly description: string | null;
  readonly parent: Unit | null;
  readonly children: readonly Unit[];
  readonly head: Person | null;
  readonly sphere: Sphere | null;
  readonly people: readonly Person[];
}

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly role: string | null;
  readonly email: string | null;
  readonly unit: Unit | null;
  readonly reportsTo: Person | null;
  /** Initiatives this person is the accountable owner of. */
  readonly owns: readonly Initiative[];
}

export interface Goal {
  readonly id: string;
  readonly title: string;
  readonly description: string | null;
  readonly level: 'strategic' | 'operational';
  readonly perspective: string | null;
  readonly owner: Person | null;
  readonly parent: Goal | null;
  readonly children: readonly Goal[];
  /** Goals this goal causes (cause → effect). */
  readonly leadsTo: readonly Goal[];
  /** Goals that cause this one. */
  readonly causedBy: readonly Goal[];
  readonly priorities: readonly Priority[];
  readonly initiatives: readonly Initiative[];
  readonly controlPoints: readonly ControlPoint[];
  /** This goal and its ancestors up to the one that serves the vision; empty when there is no such path. */
  readonly pathToVision: readonly Goal[];
  readonly reachesVision: boolean;
  /** Worst status of its control points, initiatives and sub-goals. */
  readonly rag: Rag;
}

export interface Priority {
  readonly id: string;
  readonly title: string;
  readonly description: string | null;
  readonly critical: boolean;
  readonly rank: number | null;
  readonly owner: Person | null;
  readonly goals: readonly Goal[];
  /** Initiatives of the priority: named on the initiative, or serving one of its goals. */
  readonly initiatives: readonly Initiative[];
  readonly rag: Rag;
}

export interface EconomicsModel {
  readonly costs: ReadonlyArray<{
    readonly title: string;
    readonly amount: Money;
    readonly kind: string;
    readonly per: string;
  }>;
  readonly benefits: ReadonlyArray<{
    readonly title: string;
    readonly amount: Money | null;
    readonly per: string;
    readonly note: string | null;
  }>;
  readonly paybackMonths: number | null;
  readonly fundingSource: string | null;
  readonly summary: string | null;
  /** Costs added up by currency, one-off amounts plus one year of recurring ones. */
  readonly firstYearCost: Amounts;
  /** Benefits per year by currency. */
  readonly annualBenefit: Amounts;
  /** Whether any cost or benefit carries a figure. */
  readonly hasFigures: boolean;
}

export interface Decision {
  readonly id: string;
  readonly title: string;
  readonly statement: string | null;
  readonly rationale: string | null;
  readonly economic: boolean;
  readonly economics: EconomicsModel | null;
  readonly options: ReadonlyArray<{
    readonly title: string;
    readonly description: string | null;
    readonly chosen: boolean;
    readonly rejectedBecause: string | null;
  }>;
  readonly deciders: readonly Person[];
  readonly consulted: readonly Person[];
  readonly informed: ReadonlyArray<Person | Unit>;
  readonly date: string;
  readonly status: 'proposed' | 'approved' | 'rejected' | 'superseded';
  readonly supersedes: Decision | null;
  readonly supersededBy: Decision | null;
  readonly goals: readonly Goal[];
  readonly initiatives: readonly Initiative[];
}

/** One way an initiative leads to the vision: initiative → goal → … → strategic goal → priority → vision. */
export interface PathToVision {
  readonly goals: readonly Goal[];
  readonly priority: Priority | null;
  readonly reachesVision: boolean;
}

export interface Initiative {
  readonly id: string;
  readonly title: string;
  readonly description: string | null;
  readonly goals: readonly Goal[];
  /** The priority named on the initiative, or else the first priority of its goals. */
  readonly priority: Priority | null;
  readonly owner: Person | null;
  /** Whom the owner answers to for the initiative: named, or else the owner's manager. */
  readonly accountableTo: Person | null;
  readonly team: readonly Person[];
  readonly units: readonly Unit[];
  readonly start: string | null;
  readonly due: string | null;
  readonly dependsOn: readonly Initiative[];
  readonly dependents: readonly Initiative[];
  readonly status: string;
  readonly impact: number | null;
  readonly feasibility: number | null;
  readonly resources: readonly Resource[];
  readonly controlPoints: readonly ControlPoint[];
  readonly risks: readonly Risk[];
  readonly actions: readonly Action[];
  readonly decisions: readonly Decision[];
  readonly paths: readonly PathToVision[];
  readonly cost: Amounts;
  /** Position in dependency order, 0 first. */
  readonly order: number;
  /** Whether the initiative lies on the critical path. */
  readonly critical: boolean;
  readonly rag: Rag;
}

export interface Resource {
  readonly id: string;
  readonly title: string;
  readonly kind: ResourceInput['kind'];
  readonly initiative: Initiative;
  readonly quantity: number | null;
  readonly unit: string | null;
  readonly cost: Money | null;
  readonly neededBy: string | null;
  readonly neededFirst: boolean;
  /** The cost spread over months (`YYYY-MM`), from the schedule or the month it is needed by. */
  readonly months: ReadonlyArray<{ readonly month: string; readonly amount: number }>;
  readonly owner: Person | null;
  readonly note: string | null;
}

/** RAG thresholds: on the KPI's value, or on the percentage of the month's plan reached. */
export interface Thresholds {
  readonly green: number;
  readonly amber: number;
  readonly basis: 'value' | 'plan';
}

/** Why a control point has its status: a code plus the figures that decided it. */
export interface RagRule {
  readonly code:
    | 'thresholds'
    | 'plan'
    | 'no-plan'
    | 'no-data'
    | 'no-thresholds'
    | 'milestone-done'
    | 'milestone-overdue'
    | 'milestone-pending';
  readonly actual?: number;
  readonly green?: number;
  readonly amber?: number;
  readonly polarity?: 'higher-is-better' | 'lower-is-better';
  /** For plan-based thresholds: the planned value and the percentage of it reached. */
  readonly planned?: number;
  readonly attainment?: number;
  readonly due?: string;
  readonly asOf?: string;
}

export interface Measurement {
  readonly asOf: string;
  readonly actual: number;
  readonly comment: string | null;
}

export interface ControlPoint {
  readonly id: string;
  readonly title: string;
  readonly kind: ControlPointInput['kind'];
  readonly initiative: Initiative | null;
  readonly goal: Goal | null;
  readonly owner: Person | null;
  /** Units the value is measured for. */
  readonly units: readonly Unit[];
  readonly unit: string | null;
  readonly baseline: number | null;
  readonly target: number | null;
  /** Polarity as written, or inferred from baseline → target or from the thresholds. */
  readonly polarity: 'higher-is-better' | 'lower-is-better' | null;
  readonly polarityStated: boolean;
  readonly due: string | null;
  readonly frequency: string | null;
  readonly thresholds: Thresholds | null;
  readonly plan: ReadonlyArray<{ readonly month: string; readonly value: number }>;
  readonly dataSource: string | null;
  /** Measurements, oldest first. */
  readonly measurements: readonly Measurement[];
  readonly latest: Measurement | null;
  readonly countermeasures: ReadonlyArray<{
    readonly id: string | null;
    readonly title: string;
    readonly owner: Person | null;
    readonly due: string | null;
    readonly status: string;
  }>;
  readonly rag: Rag;
  readonly rule: RagRule;
}

export interface Action {
  readonly id: string;
  readonly title: string;
  readonly owner: Person | null;
  readonly due: string | null;
  readonly initiative: Initiative | null;
  readonly status: string;
}

export interface Risk {
  readonly id: string;
  readonly title: string;
  readonly probability: number;
  readonly impact: number;
  /** probability × impact, 1–25. */
  readonly score: number;
  readonly mitigation: string | null;
  readonly owner: Person | null;
  readonly initiative: Initiative | null;
}

export interface ParkingItem {
  readonly id: string;
  readonly title: string;
  readonly description: string | null;
  readonly owner: Person | null;
  readonly raisedBy: Person | null;
  readonly forum: string | null;
  readonly due: string | null;
  readonly status: 'open' | 'answered' | 'dropped';
}

export interface SwotItem {
  readonly id: string;
  readonly sphere: Sphere;
  readonly component: SwotItemInput['component'];
  readonly title: string;
  readonly description: string | null;
  readonly group: string | null;
  readonly votes: number | null;
}

export interface TowsStrategy {
  readonly id: string;
  readonly kind: 'SO' | 'ST' | 'WO' | 'WT';
  readonly title: string;
  readonly description: string | null;
  readonly cites: readonly SwotItem[];
  readonly goals: readonly Goal[];
}

export interface Participant {
  readonly id: string;
  readonly name: string;
  readonly sphere: Sphere | null;
  readonly affiliation: string | null;
  readonly core: boolean;
  readonly preferences: readonly Sphere[];
  readonly person: Person | null;
  readonly email: string | null;
}

/** An agenda block with its start and end resolved. */
export interface AgendaBlock {
  readonly id: string;
  readonly title: string;
  readonly kind: AgendaBlockInput['kind'];
  readonly day: string;
  /** Start and end as minutes after midnight. */
  readonly start: number;
  readonly end: number;
  readonly duration: number;
  readonly objective: string | null;
  readonly lead: string | null;
  /** What participants bring to the block, as the session file lists it. */
  readonly preparation: readonly PreparationItem[];
}

/** Something a participant prepares for an agenda block; without an owner every participant does. */
export interface PreparationItem {
  readonly title: string;
  readonly kind: AgendaBlockInput['preparation'][number]['kind'];
  readonly owner: Person | null;
}

/** A unit's line of sight: how its work links to the initiatives, goals and priorities. */
export interface LineOfSight {
  readonly unit: Unit;
  readonly links: ReadonlyArray<{
    readonly initiative: Initiative;
    readonly goal: Goal | null;
    readonly priority: Priority | null;
  }>;
}

/** Resource totals for finance and production. */
export interface ResourceTotals {
  readonly total: Amounts;
  readonly byKind: Readonly<Record<ResourceInput['kind'], Amounts>>;
  readonly byInitiative: ReadonlyArray<{ readonly initiative: Initiative; readonly amounts: Amounts }>;
  /** Sorted by month; amounts without a month are under `unscheduled`. */
  readonly byMonth: ReadonlyArray<{ readonly month: string; readonly amounts: Amounts }>;
  readonly unscheduled: Amounts;
  /** Quantities by kind and unit, e.g. specialists: { FTE: 4 }. */
  readonly quantities: Readonly<Record<ResourceInput['kind'], Readonly<Record<string, number>>>>;
}

/** The session with every reference resolved and every derived figure computed. Read-only. */
export interface SessionModel {
  readonly session: SessionInfoModel;
  readonly vision: VisionModel | null;
  readonly spheres: readonly Sphere[];
  readonly units: readonly Unit[];
  readonly people: readonly Person[];
  readonly goals: readonly Goal[];
  readonly priorities: readonly Priority[];
  readonly decisions: readonly Decision[];
  readonly initiatives: readonly Initiative[];
  readonly resources: readonly Resource[];
  readonly controlPoints: readonly ControlPoint[];
  readonly actions: readonly Action[];
  readonly risks: readonly Risk[];
  readonly parkingLot: readonly ParkingItem[];
  readonly swot: readonly SwotItem[];
  readonly tows: readonly TowsStrategy[];
  readonly participants: readonly Participant[];
  readonly agenda: readonly AgendaBlock[];
  readonly poster: PosterOptions;
  readonly followUp: FollowUpOptions | null;
  readonly theme: ThemeOptions;
  /** Initiatives in dependency order: every initiative after those it depends on. */
  readonly initiativeOrder: readonly Initiative[];
  /** The chain of dependent initiatives that finishes last: a slip on it moves the end of the plan. */
  readonly criticalPath: readonly Initiative[];
  readonly totals: ResourceTotals;
  readonly lineOfSight: readonly LineOfSight[];
  /** The date statuses are judged at: the latest measurement, or the session date. */
  readonly asOf: string;
  /** Lookup by id, per collection. */
  readonly index: ModelIndex;
}

export interface ModelIndex {
  readonly units: ReadonlyMap<string, Unit>;
  readonly people: ReadonlyMap<string, Person>;
  readonly goals: ReadonlyMap<string, Goal>;
  readonly priorities: ReadonlyMap<string, Priority>;
  readonly decisions: ReadonlyMap<string, Decision>;
  readonly initiatives: ReadonlyMap<string, Initiative>;
  readonly controlPoints: ReadonlyMap<string, ControlPoint>;
  readonly spheres: ReadonlyMap<string, Sphere>;
  readonly swot: ReadonlyMap<string, SwotItem>;
}

/** The agenda and SWOT input types, re-exported for stages that need the raw kinds. */
export type { AgendaBlockInput, SwotItemInput };
