import type { DiagramSpec } from '../diagrams/spec.js';
import { formatDate } from '../format/index.js';
import type { SessionModel } from '../model/index.js';
import { anchor, type SessionView, sessionView } from './common.js';
import { lineOfSightId, lineOfSightSpec, matrixItems, matrixSpec, roadmapSpec, strategyMaps } from './diagrams.js';

/** One initiative with its path to the vision, formatted for the session language. */
export interface InitiativeRow {
  readonly id: string;
  readonly anchor: string;
  readonly title: string;
  readonly owner: string | null;
  readonly dates: string | null;
  readonly status: string;
  readonly rag: string;
  /** goal → … → priority → vision, as titles. */
  readonly path: readonly string[];
  /** The same path written with arrows. */
  readonly pathText: string;
  readonly dependsOn: readonly string[];
  readonly critical: boolean;
  readonly orphan: boolean;
}

/** The view of the `initiatives` artifact (principle 3): the strategy map, the roadmap, every path to the goal. */
export interface InitiativesView {
  readonly artifact: 'initiatives';
  readonly language: string;
  readonly session: SessionView;
  readonly vision: string | null;
  readonly initiatives: readonly InitiativeRow[];
  readonly orphans: readonly InitiativeRow[];
  readonly criticalPath: readonly string[];
  readonly hasMatrix: boolean;
  /**
   * The strategy map: one diagram, or when too big to read on a page an overview and a map per priority (and
   * one for initiatives outside them). `items` is each part's content as text, for when it is not drawn.
   */
  readonly maps: ReadonlyArray<{
    readonly ref: string;
    readonly kind: 'whole' | 'overview' | 'priority' | 'other';
    readonly title: string | null;
    readonly items: readonly string[];
  }>;
  /** The matrix's points: number, initiative, scores and the quadrant it falls in. */
  readonly matrix: ReadonlyArray<{
    readonly n: number;
    readonly title: string;
    readonly impact: number;
    readonly feasibility: number;
    readonly quadrant: string;
  }>;
  /** Each unit that carries initiatives, with the diagram of its line of sight. */
  readonly lineOfSight: ReadonlyArray<{
    readonly unit: string;
    /** The diagram's ref. */
    readonly ref: string;
    /** initiative → goal → priority, as text, one per link. */
    readonly links: readonly string[];
  }>;
}

/** Composes the initiatives artifact and the diagrams its template refers to by id. */
export function composeInitiatives(model: SessionModel): { view: InitiativesView; diagrams: DiagramSpec[] } {
  const language = model.session.locale;
  const rows = model.initiativeOrder.map((n): InitiativeRow => {
    const best = n.paths.find((p) => p.reachesVision) ?? n.paths[0];
    const path = best
      ? [
          ...best.goals.map((g) => g.title),
          ...(best.priority ? [best.priority.title] : []),
          ...(best.reachesVision && model.vision ? [model.vision.title] : []),
        ]
      : [];
    return {
      id: n.id,
      anchor: anchor('initiative', n.id),
      title: n.title,
      owner: n.owner?.name ?? null,
      dates:
        n.start && n.due
          ? `${formatDate(n.start, language, 'short')} – ${formatDate(n.due, language, 'short')}`
          : n.due
            ? formatDate(n.due, language, 'short')
            : null,
      status: n.status,
      rag: n.rag,
      path,
      pathText: path.join(' → '),
      dependsOn: n.dependsOn.map((d) => d.title),
      critical: n.critical,
      orphan: n.goals.length === 0 || !n.paths.some((p) => p.reachesVision),
    };
  });
  const matrix = matrixSpec(model);
  const maps = strategyMaps(model);
  const diagrams: DiagramSpec[] = [...maps.map((m) => m.spec), roadmapSpec(model, model.session.title)];
  if (matrix.points.length > 0) diagrams.push(matrix);
  // A unit that carries every initiative (the company itself, a division holding all the work) sees what the
  // strategy map shows: only the units with a part of the work get a line of sight of their own.
  const active = model.initiatives.filter((n) => n.status !== 'cancelled').length;
  const sights = model.lineOfSight.filter((los) => {
    const carried = new Set(los.links.filter((l) => l.initiative.status !== 'cancelled').map((l) => l.initiative));
    return carried.size > 0 && carried.size < active;
  });
  for (const los of sights) diagrams.push(lineOfSightSpec(model, los));
  return {
    view: {
      artifact: 'initiatives',
      language,
      session: sessionView(model),
      vision: model.vision?.statement ?? null,
      initiatives: rows,
      orphans: rows.filter((r) => r.orphan),
      criticalPath: model.criticalPath.map((n) => n.title),
      hasMatrix: matrix.points.length > 0,
      maps: maps.map((m) => ({
        ref: m.spec.id,
        kind: m.kind,
        title: m.priority,
        items:
          m.kind === 'overview'
            ? m.spec.nodes.filter((n) => n.kind !== 'vision').map((n) => n.label)
            : rows
                .filter((r) => m.spec.nodes.some((n) => n.id === `i:${r.id}`))
                .map((r) => (r.pathText ? `${r.title} → ${r.pathText}` : r.title)),
      })),
      matrix: matrixItems(model).map(({ n, initiative }) => {
        const impact = initiative.impact as number;
        const feasibility = initiative.feasibility as number;
        // Quadrants as the chart draws them: 1 top right, 2 top left, 3 bottom left, 4 bottom right.
        const quadrant =
          impact >= 3
            ? feasibility >= 3
              ? matrix.quadrants[0]
              : matrix.quadrants[1]
            : feasibility >= 3
              ? matrix.quadrants[3]
              : matrix.quadrants[2];
        return { n, title: initiative.title, impact, feasibility, quadrant };
      }),
      lineOfSight: sights.map((los) => ({
        unit: los.unit.name,
        ref: lineOfSightId(los.unit.id),
        links: los.links
          .filter((l) => l.initiative.status !== 'cancelled')
          .map((l) => [l.initiative.title, l.goal?.title, l.priority?.title].filter(Boolean).join(' → ')),
      })),
    },
    diagrams,
  };
}
