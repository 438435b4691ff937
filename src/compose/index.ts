import type { SessionModel } from '../model/index.js';
import { composeDecisions } from './decisions.js';

export { amounts, anchor, money, personName, type SessionView, sessionView } from './common.js';
export { composeDecisions, type DecisionView, type DecisionsView, type RefView } from './decisions.js';
export { matrixSpec, roadmapSpec, strategyMapSpec } from './diagrams.js';
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

/** The view composers of the artifacts available in this version, by id; the template has the same name. */
export const COMPOSERS: Readonly<Partial<Record<ArtifactId, (model: SessionModel) => unknown>>> = {
  decisions: composeDecisions,
};
