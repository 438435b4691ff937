import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { TemplateSource } from '../env/index.js';
import { formatNumber, interpolate, pluralCategory } from '../format/index.js';

/** A label: plain text, or plural forms chosen by `count` (one, few, many, other). */
export type Label = string | Readonly<Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }>;

/** All labels of one language, by dotted key (`decisions.status.approved`). */
export type Catalog = ReadonlyMap<string, Label>;

/** Flattens a nested catalog object into dotted keys; an object with `other` is a plural label. */
export function flattenCatalog(value: unknown, prefix = '', into = new Map<string, Label>()): Map<string, Label> {
  if (typeof value === 'string') into.set(prefix, value);
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.other === 'string' && Object.values(record).every((v) => typeof v === 'string')) {
      into.set(prefix, record as Label);
    } else {
      for (const [key, child] of Object.entries(record)) flattenCatalog(child, prefix ? `${prefix}.${key}` : key, into);
    }
  }
  return into;
}

/**
 * Loads the catalog of a language: the built-in `locales/<lang>.json`, with any user folder's file of the
 * same name laid over it key by key.
 */
export function loadCatalog(source: TemplateSource, language: string): { catalog: Catalog; diagnostics: Diagnostic[] } {
  const catalog = new Map<string, Label>();
  const diagnostics: Diagnostic[] = [];
  const files = source.readAll(`locales/${language}.json`);
  if (files.length === 0) {
    diagnostics.push({
      code: 'template/catalog-missing',
      severity: 'error',
      path: [],
      message: `There is no label catalog for "${language}".`,
      hint: 'The built-in catalogs are en, ru and uk.',
    });
  }
  for (const file of files) {
    try {
      flattenCatalog(JSON.parse(file.text), '', catalog);
    } catch (error) {
      diagnostics.push({
        code: 'template/catalog-invalid',
        severity: 'error',
        path: [],
        file: file.origin,
        message: `The label catalog is not valid JSON: ${(error as Error).message}`,
        hint: 'Fix the JSON syntax of the catalog.',
      });
    }
  }
  return { catalog, diagnostics };
}

/** The text of a label: the plural form for `count` (formatted as a number), `{name}` placeholders filled. */
export function formatLabel(label: Label, language: string, params: Readonly<Record<string, unknown>>): string {
  let template: string;
  if (typeof label === 'string') template = label;
  else {
    const count = Number(params.count ?? 0);
    template = label[pluralCategory(count, language)] ?? label.other;
  }
  const texts: Record<string, string> = {};
  for (const [name, value] of Object.entries(params))
    texts[name] = typeof value === 'number' ? formatNumber(value, language) : String(value);
  return interpolate(template, texts);
}
