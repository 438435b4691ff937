import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagramSpec } from '../diagrams/spec.js';
import type { Finding } from '../lint/index.js';
import type { SessionModel } from '../model/index.js';
import { composeAgenda } from './agenda.js';
import { composeControl } from './control.js';
import { composeDecisions } from './decisions.js';
import { composeFollowup, followupNotApplicable } from './followup.js';
import { composeInitiatives } from './initiatives.js';
import { composePoster } from './poster.js';
import { composeProtocols, type NetworkBuildOptions } from './protocols.js';
import { composePack, PACK_PARTS } from './pack.js';
import { composeResources } from './resources.js';
import { composeStatus, statusNotApplicable } from './status.js';
import { composeSwot } from './swot.js';
import { composeVision } from './vision.js';

export {
  type AgendaView,
  composeAgenda,
  type FacilitatorStep,
  type FacilitatorTable,
  type RunSheetRow,
} from './agenda.js';
export {
  type AgendaBlockView,
  type AgendaDayView,
  type CorporateAgendaParts,
  composeCorporateAgenda,
  type MatrixItemView,
  type MatrixView,
  type ObjectivesView,
  PREPARATION_KINDS,
  type PreparationItemView,
  type PreparationKind,
  type PreparationOwnerView,
  type PreparationView,
  QUADRANT_SHADES,
  QUADRANTS,
  type Quadrant,
  quadrantOf,
} from './agenda-corporate.js';
export { amounts, anchor, money, personName, type SessionView, sessionView } from './common.js';
export {
  CHART_MONTHS,
  type ChartCell,
  type ChartTable,
  type ControlFlag,
  type ControlGroup,
  type ControlItem,
  type ControlStatus,
  type ControlView,
  type CountermeasureView,
  composeControl,
  monthRange,
  type RuleView,
} from './control.js';
export { composeDecisions, type DecisionView, type DecisionsView, type RefView } from './decisions.js';
export {
  lineOfSightId,
  lineOfSightSpec,
  matrixItems,
  matrixSpec,
  roadmapSpec,
  type StrategyMapPart,
  strategyMapSpec,
  strategyMaps,
} from './diagrams.js';
export {
  CALENDAR_FILE,
  composeFollowup,
  type FollowupComposed,
  type FollowupView,
  followupNotApplicable,
  KICKOFF_MINUTES,
  KICKOFF_SLOTS,
  type KickoffView,
  MONTHLY_MINUTES,
  type MonthlyView,
  type MovedDate,
  type OwnerRow,
  type PointRow,
  WEEKDAYS,
  type Weekday,
  WEEKLY_MINUTES,
  type WeeklyView,
} from './followup.js';
export { composeInitiatives, type InitiativeRow, type InitiativesView } from './initiatives.js';
export {
  type ChainLinkView,
  BAND_UNITS,
  composePoster,
  GOAL_COLUMNS,
  type KeyNumberView,
  MORE_NAMED,
  POSTER_MAX_BODY_A3,
  POSTER_MIN_BODY_A3,
  type PosterInitiativeView,
  type PosterPage,
  type PosterPriorityView,
  type PosterSize,
  type PosterView,
  posterPage,
  posterPriorities,
  type SightItemView,
  type SightView,
} from './poster.js';
export {
  composePack,
  type FindingPlace,
  PACK_PARTS,
  type PackFinding,
  type PackFindingGroup,
  type PackPart,
  type PackView,
  type ParkingRow,
} from './pack.js';
export {
  composeProtocols,
  groupLabel,
  type NetworkBuildOptions,
  networkMode,
  type ProtocolPageView,
  type ProtocolStepView,
  type ProtocolsView,
  sessionAssignment,
} from './protocols.js';
export {
  composeResources,
  type PlanRow,
  RACI_COLUMNS,
  type RaciRole,
  RESOURCE_KINDS,
  type ResourceKind,
  type ResourceRow,
  type ResourcesView,
  shortName,
  type WorkRow,
} from './resources.js';
export {
  composeStatus,
  expectedValue,
  type ExpectedView,
  type RollupRow,
  type StatusSinceChange,
  type StatusCountermeasure,
  type StatusItem,
  type StatusView,
  statusNotApplicable,
  type TrendDirection,
  type TrendView,
} from './status.js';
export {
  composeSwot,
  SWOT_LETTERS,
  SWOT_ORDER,
  SWOT_TOP,
  type SwotCellView,
  type SwotComponent,
  type SwotItemView,
  type SwotMatrixRow,
  type SwotSphereView,
  type SwotView,
  swotCodes,
  type TowsStrategyView,
} from './swot.js';
export {
  composeVision,
  type DirectionView,
  VISION_COLUMNS,
  type VisionSphereView,
  type VisionView,
} from './vision.js';
export {
  DEFAULT_COLORS,
  DEFAULT_FONT_FAMILY,
  resolveTheme,
  type TemplateTheme,
  templateTheme,
  type ThemeOverrides,
} from './theme.js';

/** Every artifact stratdoc knows, by the id the CLI and the API use (DESIGN.md §3). */
export const ARTIFACT_IDS = [
  'decisions',
  'resources',
  'initiatives',
  'control',
  'poster',
  'pack',
  'swot',
  'vision',
  'protocols',
  'agenda',
  'followup',
  'status',
] as const;

/** An artifact id. */
export type ArtifactId = (typeof ARTIFACT_IDS)[number];

/** One more document of an artifact, written as `<artifact>-<suffix>.<ext>` (one poster per unit). */
export interface ComposedVariant {
  /** A file-name-safe suffix: lower-case letters, digits and hyphens. */
  readonly suffix: string;
  readonly view: unknown;
  readonly diagrams: readonly DiagramSpec[];
}

/** Looks a label up in the session language's catalog and fills in its `{name}` placeholders. */
export type LabelLookup = (key: string, params?: Readonly<Record<string, unknown>>) => string;

/**
 * A file an artifact writes beside its documents, whatever formats are asked for (the follow-up's
 * `calendar.ics`). Its text is made when the build writes it, with the labels of the session's language.
 */
export interface ComposedFile {
  readonly fileName: string;
  readonly format: 'ics';
  readonly text: (label: LabelLookup) => string;
}

/** What an artifact's composer gives: the view its template renders and the diagrams the template refers to. */
export interface Composed {
  readonly view: unknown;
  readonly diagrams: readonly DiagramSpec[];
  /** Further documents of the same artifact, rendered with the same template. */
  readonly variants?: readonly ComposedVariant[];
  /**
   * Other artifacts this one carries (the pack): their documents are placed between this artifact's own
   * document (template `<id>.hbs`: cover, contents) and its appendix (template `<id>-appendix.hbs`).
   */
  readonly parts?: readonly ArtifactId[];
  /** Why the artifact cannot be composed (errors fail the build) or what to look at (warnings). */
  readonly diagnostics?: readonly Diagnostic[];
  /** Files written beside the artifact's documents (not for the variants or as a part of the pack). */
  readonly files?: readonly ComposedFile[];
}

/** What a composer may need besides the model. */
export interface ComposeContext {
  /** The session's lint findings still open. */
  readonly findings: readonly Finding[];
  /** Composing an artifact as a part of another (the pack) rather than as a document of its own. */
  readonly inPack: boolean;
  /** Options of the dynamic-network artifacts (the seed of the group rotation). */
  readonly network?: NetworkBuildOptions;
  /** One document per person besides the merged one (`protocols`, `--split`). */
  readonly split?: boolean;
  /** An earlier snapshot of the session, for what changed since (`status`, `--previous`). */
  readonly previous?: SessionModel;
  /** Seconds since 1970 that stamp generated files (SOURCE_DATE_EPOCH); else the session's first day does. */
  readonly sourceDateEpoch?: number;
}

/** Builds an artifact's view from the model. */
export type Composer = (model: SessionModel, context: ComposeContext) => Composed;

/**
 * Artifacts that only some sessions can have: why a session has none (an English sentence), or null when it
 * has one. A build without `artifacts` leaves them out quietly; asking for one is an error.
 */
export const NOT_APPLICABLE: Readonly<Partial<Record<ArtifactId, (model: SessionModel) => string | null>>> = {
  agenda: (model) =>
    model.participants.length === 0 && model.agenda.length === 0
      ? 'the session has neither an agenda (`agenda`) nor participants (`participants`)'
      : null,
  followup: followupNotApplicable,
  protocols: (model) => (model.participants.length === 0 ? 'the session lists no participants (`participants`)' : null),
  status: statusNotApplicable,
  swot: (model) => (model.swot.length === 0 ? 'the session has no SWOT items (`swot`)' : null),
  vision: (model) =>
    (model.vision?.directions.length ?? 0) === 0 ? 'the vision has no directions (`vision.directions`)' : null,
};

/** Why the session cannot have the artifact, or null when it can. */
export function notApplicable(id: ArtifactId, model: SessionModel): string | null {
  return NOT_APPLICABLE[id]?.(model) ?? null;
}

/** The composers of the artifacts available in this version, by id; the template has the same name. */
export const COMPOSERS: Readonly<Partial<Record<ArtifactId, Composer>>> = {
  decisions: (model) => ({ view: composeDecisions(model), diagrams: [] }),
  resources: (model) => ({ view: composeResources(model), diagrams: [] }),
  initiatives: composeInitiatives,
  control: (model) => ({ view: composeControl(model), diagrams: [] }),
  poster: composePoster,
  agenda: (model, context) => {
    const composed = composeAgenda(model, context.network);
    return 'diagnostics' in composed
      ? { view: null, diagrams: [], diagnostics: composed.diagnostics }
      : { view: composed.view, diagrams: [] };
  },
  protocols: (model, context) => {
    const composed = composeProtocols(model, context.network);
    if ('diagnostics' in composed) return { view: null, diagrams: [], diagnostics: composed.diagnostics };
    const { view } = composed;
    if (!context.split) return { view, diagrams: [] };
    return {
      view,
      diagrams: [],
      variants: view.pages.map((page) => ({
        suffix: fileSafe(page.id),
        view: { ...view, pages: [page] },
        diagrams: [],
      })),
    };
  },
  status: (model, context) => ({ view: composeStatus(model, context.previous), diagrams: [] }),
  swot: (model) => ({ view: composeSwot(model), diagrams: [] }),
  followup: composeFollowup,
  vision: (model) => ({ view: composeVision(model), diagrams: [] }),
  // The pack carries the parts this version can build.
  pack: (model, context) =>
    composePack(
      model,
      context,
      PACK_PARTS.filter((id) => COMPOSERS[id]),
    ),
};

/** An id as a file-name suffix: lower-case letters, digits and hyphens. */
function fileSafe(id: string): string {
  return (
    id
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  );
}
