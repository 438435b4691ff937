/** Generates a large, valid session for benchmarks and stress tests: deterministic for a given size. */
export function generateSession(options?: {
  initiatives?: number;
  controlPoints?: number;
  resources?: number;
  decisions?: number;
  goalsPerPriority?: number;
}): {
  // biome-ignore lint/suspicious/noExplicitAny: the generated session is raw input data.
  [key: string]: any;
};
