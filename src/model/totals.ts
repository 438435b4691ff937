import { addAmount, sortedAmounts } from './derive.js';
import type { Initiative, Resource, ResourceTotals } from './types.js';

/** Resource costs and quantities added up by kind, initiative and month, per currency. */
export function totalsOf(resources: readonly Resource[], initiatives: readonly Initiative[]): ResourceTotals {
  const total: Record<string, number> = {};
  const byKind: Record<Resource['kind'], Record<string, number>> = {
    budget: {},
    specialists: {},
    equipment: {},
    other: {},
  };
  const quantities: Record<Resource['kind'], Record<string, number>> = {
    budget: {},
    specialists: {},
    equipment: {},
    other: {},
  };
  const byMonth = new Map<string, Record<string, number>>();
  const unscheduled: Record<string, number> = {};
  for (const r of resources) {
    if (r.quantity !== null) addAmount(quantities[r.kind], r.unit ?? '', r.quantity);
    if (!r.cost) continue;
    addAmount(total, r.cost.currency, r.cost.amount);
    addAmount(byKind[r.kind], r.cost.currency, r.cost.amount);
    let scheduled = 0;
    for (const m of r.months) {
      const month = byMonth.get(m.month) ?? {};
      byMonth.set(m.month, month);
      addAmount(month, r.cost.currency, m.amount);
      scheduled += m.amount;
    }
    if (scheduled < r.cost.amount) addAmount(unscheduled, r.cost.currency, r.cost.amount - scheduled);
  }
  return {
    total: sortedAmounts(total),
    byKind: {
      budget: sortedAmounts(byKind.budget),
      specialists: sortedAmounts(byKind.specialists),
      equipment: sortedAmounts(byKind.equipment),
      other: sortedAmounts(byKind.other),
    },
    byInitiative: initiatives
      .filter((n) => Object.keys(n.cost).length > 0)
      .map((n) => ({ initiative: n, amounts: n.cost })),
    byMonth: [...byMonth.keys()]
      .sort()
      .map((month) => ({ month, amounts: sortedAmounts(byMonth.get(month) as Record<string, number>) })),
    unscheduled: sortedAmounts(unscheduled),
    quantities,
  };
}
