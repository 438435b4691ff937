import type { Initiative } from './types.js';

/**
 * Dependency order (Kahn's algorithm, ties kept in file order) and the critical path: the chain of
 * dependencies that finishes last, followed back through the dependency due latest at each step.
 * A slip anywhere on it moves the end date of the whole plan.
 */
export function scheduleInitiatives(initiatives: readonly Initiative[]): {
  order: Initiative[];
  criticalPath: Initiative[];
} {
  const indexOf = new Map(initiatives.map((n, i) => [n, i]));
  const remaining = initiatives.map((n) => n.dependsOn.length);
  const ready: number[] = [];
  remaining.forEach((r, i) => {
    if (r === 0) ready.push(i);
  });
  const order: Initiative[] = [];
  // Finish of each initiative: its due date, or else the finish of its latest dependency.
  const finish: string[] = new Array(initiatives.length).fill('');
  const via = new Int32Array(initiatives.length).fill(-1);
  let head = 0;
  while (head < ready.length) {
    const i = ready[head++] as number;
    const n = initiatives[i] as Initiative;
    order.push(n);
    let latest = '';
    for (const dep of n.dependsOn) {
      const d = indexOf.get(dep) as number;
      if (via[i] === -1 || (finish[d] as string) > latest) {
        latest = finish[d] as string;
        via[i] = d;
      }
    }
    finish[i] = n.due ?? latest;
    for (const next of n.dependents) {
      const j = indexOf.get(next) as number;
      remaining[j] = (remaining[j] as number) - 1;
      if (remaining[j] === 0) ready.push(j);
    }
  }
  let end = -1;
  for (let i = 0; i < initiatives.length; i++) {
    if (via[i] !== -1 && (end === -1 || (finish[i] as string) > (finish[end] as string))) end = i;
  }
  const criticalPath: Initiative[] = [];
  for (let i = end; i !== -1; i = via[i] as number) criticalPath.unshift(initiatives[i] as Initiative);
  return { order, criticalPath };
}
