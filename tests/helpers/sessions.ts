import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSession, type SessionModel } from '../../src/index.js';
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

/** The model of a session given as text (JSON or YAML) or data; an invalid one fails the test with its diagnostics. */
export function sessionModel(input: unknown, fileName?: string): SessionModel {
  const checked = checkSession(input, fileName ? { fileName } : {});
  if (!checked.ok) throw new Error(JSON.stringify(checked.diagnostics.slice(0, 3)));
  return checked.value.model;
}

/** A fixture as data with its session's locale set to `language` (its structure unchanged): labels in that language. */
// biome-ignore lint/suspicious/noExplicitAny: the raw fixture is read as plain data
export function fixtureIn(name: string, language: 'en' | 'ru' | 'uk'): any {
  const data = structuredClone(fixtureData(name)) as { session: { locale: string } };
  data.session.locale = language;
  return data;
}
