import { nextWorkingDay } from '../calendar/index.js';
import type { PathSegment, Severity } from '../diagnostics/diagnostic.js';
import { formatDate } from '../format/index.js';
import type { Finding, Principle } from '../lint/index.js';
import type { SessionModel } from '../model/index.js';
import { type SessionView, sessionView } from './common.js';
import type { ArtifactId, ComposeContext, Composed } from './index.js';

/** The artifacts the pack carries, in the order it carries them. */
export const PACK_PARTS = [
  'decisions',
  'resources',
  'initiatives',
  'control',
  'poster',
] as const satisfies readonly ArtifactId[];

/** An artifact the pack carries. */
export type PackPart = (typeof PACK_PARTS)[number];

/** What a finding points at in the session, for "where" in the list of open findings. */
export type FindingPlace =
  | 'session'
  | 'vision'
  | 'priorities'
  | 'goals'
  | 'decisions'
  | 'initiatives'
  | 'resources'
  | 'controlPoints'
  | 'actions'
  | 'units'
  | 'parkingLot'
  | 'poster'
  | 'followUp'
  | 'file';

/** One open lint finding as the pack lists it. */
export interface PackFinding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** The kind of thing the finding is about. */
  readonly place: FindingPlace;
  /** Its title when the message does not already name it. */
  readonly subject: string | null;
  /** Its line in the session file, when the session was read from text. */
  readonly line: number | null;
}

/** Open findings of one principle, errors first. */
export interface PackFindingGroup {
  readonly principle: Principle;
  readonly anchor: string;
  readonly counts: { readonly error: number; readonly warning: number; readonly info: number };
  readonly findings: readonly PackFinding[];
}

/** One question of the parking lot. */
export interface ParkingRow {
  readonly n: number;
  readonly id: string;
  readonly title: string;
  readonly description: string | null;
  readonly owner: string | null;
  readonly ownerRole: string | null;
  readonly raisedBy: string | null;
  readonly forum: string | null;
  readonly due: string | null;
  readonly isoDue: string | null;
  readonly status: 'open' | 'answered' | 'dropped';
}

/** The view of the `pack` artifact: the cover and contents of the brochure, its open findings and its appendix. */
export interface PackView {
  readonly artifact: 'pack';
  readonly language: string;
  readonly session: SessionView;
  readonly cover: {
    /** The session's first and last day, formatted; equal for a one-day session. */
    readonly from: string;
    readonly to: string;
    readonly oneDay: boolean;
    /**
     * When the pack goes out: `followUp.dispatch`, or else the next working day after the session (weekends and the
     * session's holidays skipped).
     */
    readonly sentOn: string;
    readonly isoSentOn: string;
    readonly participants: number;
    /** The facilitator's name (a person id in the session is resolved). */
    readonly facilitator: string | null;
  };
  /** The artifacts this pack carries, in order. */
  readonly parts: ReadonlyArray<{ readonly id: PackPart }>;
  readonly findings: {
    readonly total: number;
    readonly counts: { readonly error: number; readonly warning: number; readonly info: number };
    readonly groups: readonly PackFindingGroup[];
  };
  readonly parkingLot: {
    readonly total: number;
    readonly open: number;
    /** Open questions first, then answered, then dropped; in the session's order within each. */
    readonly items: readonly ParkingRow[];
  };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const STATUS_ORDER: Record<ParkingRow['status'], number> = { open: 0, answered: 1, dropped: 2 };
const PLACES = new Set<FindingPlace>([
  'session',
  'vision',
  'priorities',
  'goals',
  'decisions',
  'initiatives',
  'resources',
  'controlPoints',
  'actions',
  'units',
  'parkingLot',
  'poster',
  'followUp',
]);

/**
 * Composes the pack (seed 000): the brochure every participant gets the next working day — cover, contents, the
 * documents of `parts` (those this version can build), the lint findings still open and the parking lot.
 */
export function composePack(
  model: SessionModel,
  context: ComposeContext,
  available: readonly ArtifactId[] = PACK_PARTS,
): Composed & { view: PackView; parts: readonly PackPart[] } {
  const language = model.session.locale;
  const parts = PACK_PARTS.filter((id) => available.includes(id));
  const facilitator = model.session.facilitator;
  // The follow-up's dispatch date when the session sets one, so the pack and the cover note agree.
  const sentOn = model.followUp?.dispatch ?? nextWorkingDay(model.session.endDate, model.session.holidays);

  const counts = (list: readonly { severity: Severity }[]) => ({
    error: list.filter((f) => f.severity === 'error').length,
    warning: list.filter((f) => f.severity === 'warning').length,
    info: list.filter((f) => f.severity === 'info').length,
  });
  const groups: PackFindingGroup[] = ([1, 2, 3, 4, 5] as const).flatMap((principle) => {
    const list = context.findings
      .filter((f) => f.principle === principle)
      .map((f, i) => ({ f, i }))
      .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
      .map(({ f }) => packFinding(f, model));
    return list.length === 0
      ? []
      : [{ principle, anchor: `findings-p${principle}`, counts: counts(list), findings: list }];
  });

  const items = model.parkingLot
    .map((p, i) => ({ p, i }))
    .sort((a, b) => STATUS_ORDER[a.p.status] - STATUS_ORDER[b.p.status] || a.i - b.i)
    .map(
      ({ p }, k): ParkingRow => ({
        n: k + 1,
        id: p.id,
        title: p.title,
        description: p.description,
        owner: p.owner?.name ?? null,
        ownerRole: p.owner?.role ?? null,
        raisedBy: p.raisedBy?.name ?? null,
        forum: p.forum,
        due: p.due ? formatDate(p.due, language, 'short') : null,
        isoDue: p.due,
        status: p.status,
      }),
    );

  const view: PackView = {
    artifact: 'pack',
    language,
    session: sessionView(model),
    cover: {
      from: formatDate(model.session.date, language),
      to: formatDate(model.session.endDate, language),
      oneDay: model.session.date === model.session.endDate,
      sentOn: formatDate(sentOn, language),
      isoSentOn: sentOn,
      participants: model.participants.length,
      facilitator: facilitator ? (model.index.people.get(facilitator)?.name ?? facilitator) : null,
    },
    parts: parts.map((id) => ({ id })),
    findings: { total: context.findings.length, counts: counts(context.findings), groups },
    parkingLot: { total: items.length, open: items.filter((p) => p.status === 'open').length, items },
  };
  return { view, diagrams: [], parts };
}

function packFinding(f: Finding, model: SessionModel): PackFinding {
  const head = f.path[0];
  const place: FindingPlace =
    typeof head === 'string' && PLACES.has(head as FindingPlace) ? (head as FindingPlace) : 'file';
  const title = titleAt(model, f.path);
  return {
    code: f.code,
    severity: f.severity,
    message: f.message,
    place,
    // The message usually names what it is about; the title is added only where it does not.
    subject: title && !f.message.includes(title) ? title : null,
    line: f.location?.line ?? null,
  };
}

/** The title (or name) of the entity a path points into: `['decisions', 3, 'options']` → the fourth decision's. */
function titleAt(model: SessionModel, path: readonly PathSegment[]): string | null {
  const [collection, index] = path;
  if (typeof collection !== 'string' || typeof index !== 'number') return null;
  const list = (model as unknown as Record<string, unknown>)[collection];
  if (!Array.isArray(list)) return null;
  const entity = list[index] as { title?: unknown; name?: unknown } | undefined;
  const title = entity?.title ?? entity?.name;
  return typeof title === 'string' ? title : null;
}
