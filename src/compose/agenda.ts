import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDate } from '../format/index.js';
import type { SessionModel } from '../model/index.js';
import { NETWORK_STEPS, type NetworkStepId } from '../network/index.js';
import { clock, networkTimetable, type TimetableRow } from '../network/timetable.js';
import { type CorporateAgendaParts, composeCorporateAgenda } from './agenda-corporate.js';
import { type SessionView, sessionView } from './common.js';
import { groupLabel, type NetworkBuildOptions, sessionAssignment } from './protocols.js';

/** One block of the run sheet. */
export interface RunSheetRow {
  readonly time: string;
  readonly day: string | null;
  readonly title: string;
  readonly kind: TimetableRow['kind'];
  /** Which grouping meets, e.g. "16 groups, tables 1–16"; null for plenary blocks and breaks. */
  readonly step: NetworkStepId | null;
  readonly groups: number | null;
  readonly objective: string | null;
  readonly lead: string | null;
}

/** A table's members at one step, for the facilitator who runs it. */
export interface FacilitatorTable {
  readonly table: number;
  readonly id: string;
  readonly label: string;
  readonly members: ReadonlyArray<{
    readonly name: string;
    readonly core: boolean;
    /** What tells the members of this table apart: the sphere (agreement), the subject (cross), else the affiliation. */
    readonly note: string | null;
  }>;
}

export interface FacilitatorStep {
  readonly step: NetworkStepId;
  /** The blocks that meet in this grouping, e.g. "10:30–11:00, 13:30–14:00". */
  readonly times: string;
  readonly titles: readonly string[];
  readonly tables: readonly FacilitatorTable[];
}

export interface AgendaView {
  readonly session: SessionView;
  readonly language: string;
  /** Whether the session runs as a dynamic network (participants rotating through groups). */
  readonly network: boolean;
  readonly participants: number;
  readonly runSheet: readonly RunSheetRow[];
  /** Per rotating step, every table with its members (dynamic-network sessions). */
  readonly facilitator: readonly FacilitatorStep[];
  /** The seed of the rotation, as text, and the command that prints the same rotation. */
  readonly seed: string | null;
  readonly seedCommand: string | null;
  /**
   * For a session that is not a dynamic network: the agenda by day, the objectives, what each participant
   * prepares and the impact × feasibility matrix. Null for a dynamic-network session.
   */
  readonly corporate: CorporateAgendaParts | null;
}

/**
 * The run sheet (timed blocks, who leads, what each must produce) and, for a dynamic-network session, the
 * facilitator sheets: every table's members at each rotating step; for any other session, the agenda by day,
 * its objectives, the preparation list and the impact × feasibility matrix.
 */
export function composeAgenda(
  model: SessionModel,
  options: NetworkBuildOptions = {},
): { view: AgendaView } | { diagnostics: readonly Diagnostic[] } {
  const language = model.session.locale;
  const network = model.participants.length > 0;
  const multiDay = model.session.endDate !== model.session.date;
  const timetable: TimetableRow[] = network ? networkTimetable(model) : model.agenda.map((b) => ({ ...b, step: null }));
  let facilitator: FacilitatorStep[] = [];
  let seed: number | null = null;
  const counts = new Map<NetworkStepId, number>();
  if (network) {
    const assigned = sessionAssignment(model, options);
    if (!assigned.ok) return { diagnostics: assigned.diagnostics };
    const assignment = assigned.value;
    seed = assignment.seed;
    const byId = new Map(assignment.participants.map((p) => [p.id, p]));
    const sphereName = new Map(assignment.spheres.map((s) => [s.id, s.name]));
    facilitator = NETWORK_STEPS.map((step) => {
      const rows = timetable.filter((r) => r.step === step);
      const groups = assignment.steps.find((s) => s.id === step)?.groups ?? [];
      counts.set(step, groups.length);
      return {
        step,
        times: rows.map((r) => `${clock(r.start)}–${clock(r.end)}`).join(', '),
        titles: rows.map((r) => r.title),
        tables: groups.map((g) => ({
          table: g.table,
          id: g.id,
          label: groupLabel(model, assignment, g),
          members: g.members.map((id) => {
            const p = byId.get(id);
            const place = assignment.placements.get(id);
            const sphere = assignment.spheres.find((s) => s.id === place?.sphere);
            const note =
              step === 'agreement'
                ? (sphereName.get(place?.sphere ?? '') ?? null)
                : step === 'cross'
                  ? (sphere?.slots[place?.slot ?? 0]?.title ?? null)
                  : (p?.affiliation ?? null);
            return { name: p?.name ?? id, core: p?.core ?? false, note };
          }),
        })),
      };
    }).filter((s) => s.tables.length > 0);
  }
  return {
    view: {
      session: sessionView(model),
      language,
      network,
      participants: model.participants.length,
      runSheet: timetable.map((r) => ({
        time: `${clock(r.start)}–${clock(r.end)}`,
        day: multiDay ? formatDate(r.day, language, 'short') : null,
        title: r.title,
        kind: r.kind,
        step: r.step,
        groups: r.step ? (counts.get(r.step) ?? null) : null,
        objective: r.objective,
        lead: r.lead,
      })),
      facilitator,
      seed: seed === null ? null : String(seed),
      seedCommand: seed === null ? null : `stratdoc groups --seed ${seed}`,
      corporate: network ? null : composeCorporateAgenda(model),
    },
  };
}
