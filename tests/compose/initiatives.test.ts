import { describe, expect, it } from 'vitest';
import {
  buildModel,
  composeInitiatives,
  type StrategyMapSpec,
  strategyMapSpec,
  validateSessionText,
} from '../../src/index.js';
import { FIXTURES, fixtureText } from '../helpers/sessions.js';

function composed(name: string) {
  const validated = validateSessionText(fixtureText(name), { fileName: name });
  if (!validated.ok) throw new Error('invalid fixture');
  const model = buildModel(validated.value);
  return { model, ...composeInitiatives(model) };
}

describe('composeInitiatives (principle 3: show how the initiatives lead to one goal)', () => {
  for (const name of FIXTURES) {
    it(`${name}: every live initiative is on the strategy map, in the roadmap when dated, and in the paths table`, () => {
      const { model, view, diagrams } = composed(name);
      const maps = diagrams.filter(
        (d): d is StrategyMapSpec => d.type === 'strategy-map' && d.id.startsWith('strategy-map'),
      );
      const roadmap = diagrams.find((d) => d.type === 'roadmap');
      if (maps.length === 0 || roadmap?.type !== 'roadmap') throw new Error('diagrams missing');
      const tasks = roadmap.sections.flatMap((s) => s.tasks).map((t) => t.id);
      for (const n of model.initiatives.filter((i) => i.status !== 'cancelled')) {
        const onMap = maps.some((map) => map.nodes.some((node) => node.id === `i:${n.id}`));
        expect(onMap, n.title).toBe(true);
        if (n.start && n.due) expect(tasks, n.title).toContain(n.id);
        expect(view.initiatives.some((r) => r.id === n.id)).toBe(true);
      }
    });

    it(`${name}: a map too big for a page is split into an overview and a map per priority`, () => {
      const { model, view, diagrams } = composed(name);
      const whole = strategyMapSpec(model);
      const maps = diagrams.filter(
        (d): d is StrategyMapSpec => d.type === 'strategy-map' && d.id.startsWith('strategy-map'),
      );
      expect(view.maps.map((m) => m.ref)).toEqual(maps.map((m) => m.id));
      if (whole.nodes.length <= 24) {
        expect(view.maps.map((m) => m.kind)).toEqual(['whole']);
        return;
      }
      expect(view.maps[0]?.kind).toBe('overview');
      expect(maps[0]?.nodes.some((n) => n.kind === 'initiative')).toBe(false);
      const goals = (spec: StrategyMapSpec | undefined) => spec?.nodes.filter((n) => n.kind === 'goal').length;
      expect(goals(maps[0])).toBe(goals(whole));
      for (const part of maps.slice(1)) {
        expect(part.nodes.length).toBeLessThan(whole.nodes.length);
        // Every edge of a part joins two of its own boxes.
        const ids = new Set(part.nodes.map((n) => n.id));
        for (const e of part.edges) expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
      }
      for (const m of view.maps.filter((m) => m.kind === 'priority')) expect(m.title).toBeTruthy();
    });

    it(`${name}: a line of sight for each unit carrying part of the work, numbered matrix points`, () => {
      const { model, view, diagrams } = composed(name);
      const live = model.initiatives.filter((n) => n.status !== 'cancelled');
      for (const los of model.lineOfSight) {
        const carried = new Set(los.links.map((l) => l.initiative).filter((n) => n.status !== 'cancelled'));
        const shown = view.lineOfSight.find((l) => l.unit === los.unit.name);
        expect(Boolean(shown), los.unit.name).toBe(carried.size > 0 && carried.size < live.length);
        if (shown) expect(diagrams.some((d) => d.id === shown.ref)).toBe(true);
      }
      const matrix = diagrams.find((d) => d.type === 'matrix');
      expect(view.hasMatrix).toBe(Boolean(matrix));
      if (matrix?.type === 'matrix') {
        expect(matrix.points.map((p) => p.label)).toEqual(view.matrix.map((m) => String(m.n)));
        for (const row of view.matrix) {
          const top = row.impact >= 3;
          const right = row.feasibility >= 3;
          const expected = matrix.quadrants[top ? (right ? 0 : 1) : right ? 3 : 2];
          expect(row.quadrant, row.title).toBe(expected);
        }
      }
    });
  }
});
