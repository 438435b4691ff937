import type { MatrixSpec, RoadmapSpec, StrategyMapSpec } from '../diagrams/spec.js';
import type { Initiative, LineOfSight, SessionModel } from '../model/index.js';
import type { Locale } from '../schema/index.js';

/** The most boxes side by side in a strategy map drawn bottom to top. */
const MAX_RANK_ACROSS = 6;

/**
 * Drawn bottom to top a map is as wide as its widest rank: past a handful of boxes side by side it would be
 * shrunk to an unreadable strip on a portrait page, so wide maps run left to right instead.
 */
function directionOf(nodes: StrategyMapSpec['nodes']): 'LR' | 'BT' {
  const widest = Math.max(
    ...(['priority', 'goal', 'initiative'] as const).map((k) => nodes.filter((n) => n.kind === k).length),
  );
  return widest > MAX_RANK_ACROSS ? 'LR' : 'BT';
}

/** The strategy map: the vision, the critical priorities, their goals and the initiatives that serve them. */
export function strategyMapSpec(model: SessionModel): StrategyMapSpec {
  const nodes: StrategyMapSpec['nodes'][number][] = [];
  const edges: StrategyMapSpec['edges'][number][] = [];
  const add = (node: StrategyMapSpec['nodes'][number]) => {
    if (!nodes.some((n) => n.id === node.id)) nodes.push(node);
  };
  if (model.vision) add({ id: 'vision', kind: 'vision', label: model.vision.title, status: 'grey' });
  const priorities = model.priorities.filter((p) => p.critical);
  for (const p of priorities) {
    add({ id: `p:${p.id}`, kind: 'priority', label: p.title, status: p.rag });
    if (model.vision) edges.push({ from: `p:${p.id}`, to: 'vision', kind: 'serves' });
  }
  for (const g of model.goals) {
    add({ id: `g:${g.id}`, kind: 'goal', label: g.title, status: g.rag });
    if (g.parent) {
      edges.push({ from: `g:${g.id}`, to: `g:${g.parent.id}`, kind: 'serves' });
      continue;
    }
    // A top goal serves its critical priorities, or else the vision directly.
    const critical = g.priorities.filter((p) => priorities.includes(p));
    for (const p of critical) edges.push({ from: `g:${g.id}`, to: `p:${p.id}`, kind: 'serves' });
    if (critical.length === 0 && model.vision) edges.push({ from: `g:${g.id}`, to: 'vision', kind: 'serves' });
  }
  for (const n of model.initiatives) {
    if (n.status === 'cancelled') continue;
    add({ id: `i:${n.id}`, kind: 'initiative', label: n.title, status: n.rag });
    for (const g of n.goals) edges.push({ from: `i:${n.id}`, to: `g:${g.id}`, kind: 'serves' });
    for (const d of n.dependsOn) edges.push({ from: `i:${d.id}`, to: `i:${n.id}`, kind: 'depends' });
  }
  return {
    type: 'strategy-map',
    id: 'strategy-map',
    title: model.vision?.title ?? model.session.title,
    direction: directionOf(nodes),
    nodes,
    edges,
  };
}

/** The most boxes a strategy map shows before it is split: past this its labels get too small on a page. */
const MAX_MAP_NODES = 24;

/** A strategy map as the document shows it: its diagram and a heading naming its part of the strategy. */
export interface StrategyMapPart {
  readonly spec: StrategyMapSpec;
  /** The priority the part shows, or null for the whole map, the overview, or the initiatives outside them. */
  readonly priority: string | null;
  readonly kind: 'whole' | 'overview' | 'priority' | 'other';
}

/**
 * The strategy map, split when it is too big to read on a page: an overview (vision, priorities and goals)
 * and, for each critical priority, the goals and initiatives that lead to it; initiatives that lead to none
 * of them get a map of their own. A small map stays whole.
 */
export function strategyMaps(model: SessionModel): StrategyMapPart[] {
  const whole = strategyMapSpec(model);
  if (whole.nodes.length <= MAX_MAP_NODES) return [{ spec: whole, priority: null, kind: 'whole' }];
  // Who serves whom: a node belongs to a priority's part when it reaches the priority along `serves` edges.
  const servedBy = new Map<string, string[]>();
  for (const e of whole.edges) if (e.kind === 'serves') servedBy.set(e.to, [...(servedBy.get(e.to) ?? []), e.from]);
  const reaching = (target: string) => {
    const seen = new Set([target]);
    const queue = [target];
    while (queue.length > 0)
      for (const from of servedBy.get(queue.shift() as string) ?? [])
        if (!seen.has(from)) {
          seen.add(from);
          queue.push(from);
        }
    return seen;
  };
  const part = (id: string, title: string, keep: Set<string>): StrategyMapSpec => {
    const nodes = whole.nodes.filter((n) => keep.has(n.id));
    return {
      type: 'strategy-map',
      id,
      title,
      direction: directionOf(nodes),
      nodes,
      edges: whole.edges.filter((e) => keep.has(e.from) && keep.has(e.to)),
    };
  };
  const parts: StrategyMapPart[] = [
    {
      spec: part(
        'strategy-map',
        whole.title,
        new Set(whole.nodes.filter((n) => n.kind !== 'initiative').map((n) => n.id)),
      ),
      priority: null,
      kind: 'overview',
    },
  ];
  const placed = new Set<string>();
  for (const node of whole.nodes.filter((n) => n.kind === 'priority')) {
    const keep = reaching(node.id);
    if (![...keep].some((id) => id.startsWith('i:'))) continue;
    if (whole.nodes.some((n) => n.id === 'vision')) keep.add('vision');
    for (const id of keep) placed.add(id);
    parts.push({
      spec: part(`strategy-map-${node.id.slice(2).replace(/[^\w-]+/g, '_')}`, node.label, keep),
      priority: node.label,
      kind: 'priority',
    });
  }
  const rest = whole.nodes.filter((n) => n.kind === 'initiative' && !placed.has(n.id));
  if (rest.length > 0) {
    // Each initiative with what it leads to, up to the vision.
    const serves = new Map<string, string[]>();
    for (const e of whole.edges) if (e.kind === 'serves') serves.set(e.from, [...(serves.get(e.from) ?? []), e.to]);
    const keep = new Set<string>();
    const queue = rest.map((n) => n.id);
    while (queue.length > 0) {
      const id = queue.shift() as string;
      if (keep.has(id)) continue;
      keep.add(id);
      queue.push(...(serves.get(id) ?? []).filter((t) => !t.startsWith('p:')));
    }
    parts.push({ spec: part('strategy-map-other', whole.title, keep), priority: null, kind: 'other' });
  }
  return parts;
}

/** The diagram id of a unit's line of sight: safe in file names and mermaid alike. */
export function lineOfSightId(unitId: string): string {
  return `line-of-sight-${unitId.replace(/[^\w-]+/g, '_')}`;
}

/** A unit's line of sight: the unit → the initiatives it carries → their goals → priorities → the vision. */
export function lineOfSightSpec(model: SessionModel, los: LineOfSight): StrategyMapSpec {
  const nodes: StrategyMapSpec['nodes'][number][] = [];
  const edges: StrategyMapSpec['edges'][number][] = [];
  const seen = new Set<string>();
  const node = (n: StrategyMapSpec['nodes'][number]) => {
    if (seen.has(n.id)) return;
    seen.add(n.id);
    nodes.push(n);
  };
  const edge = (from: string, to: string) => {
    if (!edges.some((e) => e.from === from && e.to === to)) edges.push({ from, to, kind: 'serves' });
  };
  node({ id: `u:${los.unit.id}`, kind: 'unit', label: los.unit.name, status: 'grey' });
  for (const link of los.links) {
    const n = link.initiative;
    if (n.status === 'cancelled') continue;
    node({ id: `i:${n.id}`, kind: 'initiative', label: n.title, status: n.rag });
    edge(`u:${los.unit.id}`, `i:${n.id}`);
    let last = `i:${n.id}`;
    if (link.goal) {
      node({ id: `g:${link.goal.id}`, kind: 'goal', label: link.goal.title, status: link.goal.rag });
      edge(last, `g:${link.goal.id}`);
      last = `g:${link.goal.id}`;
    }
    if (link.priority) {
      node({ id: `p:${link.priority.id}`, kind: 'priority', label: link.priority.title, status: link.priority.rag });
      edge(last, `p:${link.priority.id}`);
      last = `p:${link.priority.id}`;
    }
    if (model.vision && last !== `i:${n.id}`) {
      node({ id: 'vision', kind: 'vision', label: model.vision.title, status: 'grey' });
      edge(last, 'vision');
    }
  }
  return { type: 'strategy-map', id: lineOfSightId(los.unit.id), title: los.unit.name, direction: 'LR', nodes, edges };
}

/** The roadmap: dated initiatives grouped by their priority, with their dated milestones. */
export function roadmapSpec(model: SessionModel, other: string): RoadmapSpec {
  const groups = new Map<string, Initiative[]>();
  for (const n of model.initiativeOrder) {
    if (!n.start || !n.due || n.status === 'cancelled') continue;
    const key = n.priority?.title ?? other;
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  return {
    type: 'roadmap',
    id: 'roadmap',
    title: '',
    sections: [...groups.entries()].map(([title, items]) => ({
      title,
      tasks: items.flatMap((n) => [
        {
          id: n.id,
          label: n.title,
          start: n.start as string,
          end: n.due as string,
          milestone: false,
          after: [],
          status: n.rag,
        },
        ...n.controlPoints
          .filter((c) => c.kind === 'milestone' && c.due)
          .map((c) => ({
            id: `${n.id}/${c.id}`,
            label: c.title,
            start: c.due as string,
            end: c.due as string,
            milestone: true,
            after: [],
            status: c.rag,
          })),
      ]),
    })),
  };
}

/** Quadrant names as the corporate agenda's matrix gives them (agenda.quadrant in the locales): top right, top left, bottom left, bottom right. */
const MATRIX_LABELS: Record<
  Locale,
  { x: [string, string]; y: [string, string]; q: [string, string, string, string]; title: string }
> = {
  en: {
    title: 'Impact and feasibility',
    x: ['Hard', 'Easy'],
    y: ['Low impact', 'High impact'],
    q: ['Quick wins', 'Major projects', 'Thankless tasks', 'Fill-ins'],
  },
  ru: {
    title: 'Эффект и реализуемость',
    x: ['Сложно', 'Легко'],
    y: ['Малый эффект', 'Большой эффект'],
    q: ['Быстрые победы', 'Крупные проекты', 'Неблагодарные задачи', 'Второстепенные задачи'],
  },
  uk: {
    title: 'Ефект і здійсненність',
    x: ['Складно', 'Легко'],
    y: ['Малий ефект', 'Великий ефект'],
    q: ['Швидкі перемоги', 'Великі проєкти', 'Невдячні завдання', 'Другорядні завдання'],
  },
};

/**
 * Where a score of 1 to 5 sits on a matrix axis. A middle score counts as high (the document's table says so
 * too), so 3 sits just past the midline rather than on it.
 */
const AT_SCORE = [0.1, 0.3, 0.58, 0.76, 0.92] as const;

/** The initiatives the impact × feasibility matrix shows, numbered as its points are. */
export function matrixItems(model: SessionModel): Array<{ n: number; initiative: Initiative }> {
  return model.initiatives
    .filter((n) => n.impact !== null && n.feasibility !== null && n.status !== 'cancelled')
    .map((initiative, i) => ({ n: i + 1, initiative }));
}

/**
 * The impact × feasibility matrix. Scores are whole numbers from 1 to 5, so many initiatives share a spot:
 * each point is the initiative's number (the document lists them beside the chart), and points sharing a
 * spot are spread in a small grid around it instead of being drawn on top of each other.
 */
export function matrixSpec(model: SessionModel): MatrixSpec {
  const l = MATRIX_LABELS[model.session.locale];
  const items = matrixItems(model);
  const cells = new Map<string, number[]>();
  for (const { n, initiative } of items) {
    const key = `${initiative.feasibility}/${initiative.impact}`;
    cells.set(key, [...(cells.get(key) ?? []), n]);
  }
  const points: Array<{ label: string; x: number; y: number }> = [];
  for (const { n, initiative } of items) {
    const shared = cells.get(`${initiative.feasibility}/${initiative.impact}`) as number[];
    const cols = Math.ceil(Math.sqrt(shared.length));
    const rows = Math.ceil(shared.length / cols);
    const k = shared.indexOf(n);
    const step = Math.min(0.06, 0.17 / Math.max(cols, rows));
    const dx = ((k % cols) - (cols - 1) / 2) * step;
    const dy = ((rows - 1) / 2 - Math.floor(k / cols)) * step;
    const x = (AT_SCORE[(initiative.feasibility as number) - 1] ?? 0.5) + dx;
    const y = (AT_SCORE[(initiative.impact as number) - 1] ?? 0.5) + dy;
    points.push({ label: String(n), x: Math.round(x * 1000) / 1000, y: Math.round(y * 1000) / 1000 });
  }
  return { type: 'matrix', id: 'impact-feasibility', title: l.title, xAxis: l.x, yAxis: l.y, quadrants: l.q, points };
}
