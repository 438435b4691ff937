import type { Amounts, Rag, RagRule, Thresholds } from './types.js';

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
  latest: { actual: number; asOf: string } | undefined,
  thresholds: Thresholds | null,
  polarity: 'higher-is-better' | 'lower-is-better' | null,
  plan: ReadonlyArray<{ month: string; value: number }>,
): { rag: Rag; rule: RagRule } {
  if (latest === undefined) return { rag: 'grey', rule: { code: 'no-data' } };
  const { actual } = latest;
  if (!thresholds || !polarity) return { rag: 'grey', rule: { code: 'no-thresholds', actual } };
  const { green, amber } = thresholds;
  if (thresholds.basis === 'plan') {
    // The plan of the measurement's month, or the last planned month before it.
    const month = latest.asOf.slice(0, 7);
    let planned: { month: string; value: number } | undefined;
    for (const p of plan) if (p.month <= month && (!planned || p.month > planned.month)) planned = p;
    if (!planned) return { rag: 'grey', rule: { code: 'no-plan', actual } };
    const attainment = attainmentOf(actual, planned.value, polarity);
    const rag: Rag = attainment >= green ? 'green' : attainment >= amber ? 'amber' : 'red';
    return { rag, rule: { code: 'plan', actual, planned: planned.value, attainment, green, amber, polarity } };
  }
  const better = polarity === 'higher-is-better' ? (a: number, b: number) => a >= b : (a: number, b: number) => a <= b;
  const rag: Rag = better(actual, green) ? 'green' : better(actual, amber) ? 'amber' : 'red';
  return { rag, rule: { code: 'thresholds', actual, green, amber, polarity } };
}

/** How much of the plan is reached, in percent, in the better direction (rounded to 0.1). */
function attainmentOf(actual: number, planned: number, polarity: 'higher-is-better' | 'lower-is-better'): number {
  const ratio = polarity === 'higher-is-better' ? actual / planned : planned / actual;
  if (!Number.isFinite(ratio)) return ratio > 0 || actual === planned ? Number.POSITIVE_INFINITY : 0;
  return Math.round(ratio * 1000) / 10;
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
  thresholds: Thresholds | undefined,
): 'higher-is-better' | 'lower-is-better' | null {
  if (stated) return stated;
  if (baseline !== undefined && target !== undefined && baseline !== target) {
    return target > baseline ? 'higher-is-better' : 'lower-is-better';
  }
  if (thresholds && thresholds.basis === 'value' && thresholds.green !== thresholds.amber) {
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
