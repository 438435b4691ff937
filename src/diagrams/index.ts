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
export { type DiagramCache, folderCache, renderDiagrams } from './cache.js';
export {
  createChromiumRenderer,
  type DiagramRenderer,
  diagramKey,
  findBrowser,
  type RenderedDiagram,
  rendererVersion,
} from './render.js';
