import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** The repository root, for reading fixtures. */
export const ROOT = join(import.meta.dirname, '..', '..');

/** The three realistic fixtures plus the starter. */
export const FIXTURES = [
  'industrial-safety.ru.json',
  'city-swot.uk.json',
  'corporate-planning.en.yaml',
  'starter.en.yaml',
] as const;

/** Reads a fixture session as text. */
export function fixtureText(name: string): string {
  return readFileSync(join(ROOT, 'fixtures', 'sessions', name), 'utf8');
}

/** Reads a fixture session as plain data. */
export function fixtureData(name: string): Record<string, unknown> {
  const text = fixtureText(name);
  return (name.endsWith('.json') ? JSON.parse(text) : parse(text)) as Record<string, unknown>;
}

/** The starter session as a fresh mutable object: the clean base every lint rule test starts from. */
// biome-ignore lint/suspicious/noExplicitAny: tests mutate the raw session freely
export function starter(): any {
  return structuredClone(fixtureData('starter.en.yaml'));
}
