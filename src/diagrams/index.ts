export type {
  DiagramSpec,
  DiagramStatus,
  DiagramTheme,
  MapEdge,
  MapNode,
  MatrixSpec,
  RoadmapSpec,
  StrategyMapSpec,
} from './spec.js';
export { escapeLabel, mermaidConfig, toMermaid, wrapLabel } from './to-mermaid.js';
