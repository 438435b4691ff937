import type { Initiative, LineOfSight, Unit } from './types.js';

/** For each unit: the initiatives it carries (directly, through a sub-unit, or by its people owning them). */
export function lineOfSightOf(units: readonly Unit[], initiatives: readonly Initiative[]): LineOfSight[] {
  const involved = new Map<Unit, Set<Initiative>>(units.map((u) => [u, new Set()]));
  const position = new Map(initiatives.map((n, i) => [n, i]));
  const mark = (u: Unit | null, n: Initiative) => {
    // A unit sees the work of its sub-units too.
    for (let cur = u; cur; cur = cur.parent) involved.get(cur)?.add(n);
  };
  for (const n of initiatives) {
    for (const u of n.units) mark(u, n);
    mark(n.owner?.unit ?? null, n);
  }
  return units.map((u) => ({
    unit: u,
    links: [...(involved.get(u) as Set<Initiative>)]
      .sort((a, b) => (position.get(a) as number) - (position.get(b) as number))
      .flatMap((n) =>
        n.paths.length > 0
          ? n.paths.map((p) => ({ initiative: n, goal: p.goals[p.goals.length - 1] ?? null, priority: p.priority }))
          : [{ initiative: n, goal: null, priority: n.priority }],
      ),
  }));
}
