import type { MatrixSpec, RoadmapSpec, StrategyMapSpec } from '../diagrams/spec.js';
import type { Initiative, SessionModel } from '../model/index.js';
import type { Locale } from '../schema/index.js';

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
  return { type: 'strategy-map', id: 'strategy-map', title: model.vision?.title ?? model.session.title, nodes, edges };
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

const MATRIX_LABELS: Record<
  Locale,
  { x: [string, string]; y: [string, string]; q: [string, string, string, string]; title: string }
> = {
  en: {
    title: 'Impact and feasibility',
    x: ['Hard', 'Easy'],
    y: ['Low impact', 'High impact'],
    q: ['Do first', 'Plan carefully', 'Drop', 'Quick wins'],
  },
  ru: {
    title: 'Эффект и реализуемость',
    x: ['Сложно', 'Легко'],
    y: ['Малый эффект', 'Большой эффект'],
    q: ['Делать первым', 'Тщательно планировать', 'Отказаться', 'Быстрые победы'],
  },
  uk: {
    title: 'Ефект і здійсненність',
    x: ['Складно', 'Легко'],
    y: ['Малий ефект', 'Великий ефект'],
    q: ['Робити першим', 'Ретельно планувати', 'Відмовитися', 'Швидкі перемоги'],
  },
};

/** The impact × feasibility matrix of initiatives that carry both scores. */
export function matrixSpec(model: SessionModel): MatrixSpec {
  const l = MATRIX_LABELS[model.session.locale];
  return {
    type: 'matrix',
    id: 'impact-feasibility',
    title: l.title,
    xAxis: l.x,
    yAxis: l.y,
    quadrants: l.q,
    points: model.initiatives
      .filter((n) => n.impact !== null && n.feasibility !== null)
      .map((n) => ({ label: n.title, x: ((n.feasibility as number) - 0.5) / 5, y: ((n.impact as number) - 0.5) / 5 })),
  };
}
