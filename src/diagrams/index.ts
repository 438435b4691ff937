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
export { escapeBare, escapeLabel, mermaidConfig, toMermaid } from './to-mermaid.js';
export { type DiagramCache, type DrawnDiagrams, folderCache, keptCache, renderDiagrams } from './cache.js';
export {
  ALL_OUTPUTS,
  createChromiumRenderer,
  type DiagramJob,
  type DiagramOutputs,
  type DiagramRenderer,
  diagramKey,
  findBrowser,
  type RenderedDiagram,
  rendererVersion,
} from './render.js';
