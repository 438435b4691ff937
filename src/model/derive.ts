import type { Amounts, Rag, RagRule } from './types.js';

const RAG_WEIGHT: Record<Rag, number> = { grey: 0, green: 1, amber: 2, red: 3 };

/** The worst of several statuses; grey only when nothing has data. */
export function worstRag(statuses: Iterable<Rag>): Rag {
  let worst: Rag = 'grey';
  for (const s of statuses) if (RAG_WEIGHT[s] > RAG_WEIGHT[worst]) worst = s;
  return worst;
}

/** Adds `amount` of `currency` into a mutable amounts record. */
export function addAmount(into: Record<string, number>, currency: string, amount: number): void {
  into[currency] = (into[currency] ?? 0) + amount;
}

/** Status of a KPI from its latest value and thresholds, read in the direction of its polarity. */
export function kpiRag(
  actual: number | undefined,
  thresholds: { green: number; amber: number } | null,
  polarity: 'higher-is-better' | 'lower-is-better' | null,
): { rag: Rag; rule: RagRule } {
  if (actual === undefined) return { rag: 'grey', rule: { code: 'no-data' } };
  if (!thresholds || !polarity) return { rag: 'grey', rule: { code: 'no-thresholds', actual } };
  const better = polarity === 'higher-is-better' ? (a: number, b: number) => a >= b : (a: number, b: number) => a <= b;
  const rag: Rag = better(actual, thresholds.green) ? 'green' : better(actual, thresholds.amber) ? 'amber' : 'red';
  return { rag, rule: { code: 'thresholds', actual, green: thresholds.green, amber: thresholds.amber, polarity } };
}

/** Status of a milestone: done is green, overdue is red, otherwise not yet judged. */
export function milestoneRag(
  actual: number | undefined,
  due: string | null,
  asOf: string,
): { rag: Rag; rule: RagRule } {
  if (actual !== undefined && actual >= 1) return { rag: 'green', rule: { code: 'milestone-done', actual } };
  if (due && due < asOf) return { rag: 'red', rule: { code: 'milestone-overdue', due, asOf } };
  return { rag: 'grey', rule: due ? { code: 'milestone-pending', due, asOf } : { code: 'milestone-pending', asOf } };
}

/** The polarity a KPI states, or the one its baseline → target or thresholds imply. */
export function inferPolarity(
  stated: 'higher-is-better' | 'lower-is-better' | undefined,
  baseline: number | undefined,
  target: number | undefined,
  thresholds: { green: number; amber: number } | undefined,
): 'higher-is-better' | 'lower-is-better' | null {
  if (stated) return stated;
  if (baseline !== undefined && target !== undefined && baseline !== target) {
    return target > baseline ? 'higher-is-better' : 'lower-is-better';
  }
  if (thresholds && thresholds.green !== thresholds.amber) {
    return thresholds.green > thresholds.amber ? 'higher-is-better' : 'lower-is-better';
  }
  return null;
}

/** Days from one ISO date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Minutes after midnight of an `HH:MM` time. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
}

/** A frozen copy of a mutable amounts record, keys sorted for stable output. */
export function sortedAmounts(amounts: Record<string, number>): Amounts {
  const out: Record<string, number> = {};
  for (const key of Object.keys(amounts).sort()) out[key] = amounts[key] as number;
  return out;
}
