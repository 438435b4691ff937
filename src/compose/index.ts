import type { DiagramSpec } from '../diagrams/spec.js';
import type { SessionModel } from '../model/index.js';
import { composeDecisions } from './decisions.js';
import { composeInitiatives } from './initiatives.js';
import { composeResources } from './resources.js';

export { amounts, anchor, money, personName, type SessionView, sessionView } from './common.js';
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
export { composeInitiatives, type InitiativeRow, type InitiativesView } from './initiatives.js';
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

/** What an artifact's composer gives: the view its template renders and the diagrams the template refers to. */
export interface Composed {
  readonly view: unknown;
  readonly diagrams: readonly DiagramSpec[];
}

/** The composers of the artifacts available in this version, by id; the template has the same name. */
export const COMPOSERS: Readonly<Partial<Record<ArtifactId, (model: SessionModel) => Composed>>> = {
  decisions: (model) => ({ view: composeDecisions(model), diagrams: [] }),
  resources: (model) => ({ view: composeResources(model), diagrams: [] }),
  initiatives: composeInitiatives,
};
