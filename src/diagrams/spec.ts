/**
 * Diagram specs: what a diagram shows, as plain data made by compose/ from the model. The diagram stage turns
 * each into mermaid source (to-mermaid.ts); writers only see the rendered result.
 */

/** RAG status as the diagrams colour it. */
export type DiagramStatus = 'green' | 'amber' | 'red' | 'grey';

/** A node of a strategy map. */
export interface MapNode {
  readonly id: string;
  readonly kind: 'vision' | 'priority' | 'goal' | 'initiative' | 'unit';
  readonly label: string;
  readonly status: DiagramStatus;
}

/** An edge of a strategy map: `serves` (solid, up the tree) or `depends` (dashed, between initiatives). */
export interface MapEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: 'serves' | 'depends' | 'causes';
}

/**
 * The strategy map: vision → priorities → goals → initiatives, drawn bottom to top. A unit's line of sight is
 * the same kind of drawing from the unit's side: unit → initiatives → goals → priorities → vision, left to right.
 */
export interface StrategyMapSpec {
  readonly type: 'strategy-map';
  readonly id: string;
  readonly title: string;
  /** `BT` (bottom to top, the default) for the strategy map, `LR` for a line of sight. */
  readonly direction?: 'BT' | 'LR';
  readonly nodes: readonly MapNode[];
  readonly edges: readonly MapEdge[];
}

/** The roadmap: initiatives as bars by section (priority or unit), milestones as points. */
export interface RoadmapSpec {
  readonly type: 'roadmap';
  readonly id: string;
  readonly title: string;
  readonly sections: ReadonlyArray<{
    readonly title: string;
    readonly tasks: ReadonlyArray<{
      readonly id: string;
      readonly label: string;
      readonly start: string;
      readonly end: string;
      readonly milestone: boolean;
      readonly after: readonly string[];
      readonly status: DiagramStatus;
    }>;
  }>;
}

/** The impact × feasibility matrix of proposals. */
export interface MatrixSpec {
  readonly type: 'matrix';
  readonly id: string;
  readonly title: string;
  readonly xAxis: readonly [low: string, high: string];
  readonly yAxis: readonly [low: string, high: string];
  readonly quadrants: readonly [topRight: string, topLeft: string, bottomLeft: string, bottomRight: string];
  /** Points with coordinates between 0 and 1. */
  readonly points: ReadonlyArray<{ readonly label: string; readonly x: number; readonly y: number }>;
}

export type DiagramSpec = StrategyMapSpec | RoadmapSpec | MatrixSpec;

/** What the mermaid source takes from the document's theme. */
export interface DiagramTheme {
  readonly fontFamily: string;
  readonly colors: Readonly<Record<'primary' | 'accent' | 'muted' | 'text' | DiagramStatus, string>>;
}
