import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flattenCatalog, type Label } from '../../src/index.js';
import { ROOT } from '../helpers/sessions.js';

const LANGUAGES = ['en', 'ru', 'uk'] as const;
const catalogs = Object.fromEntries(
  LANGUAGES.map((l) => [
    l,
    flattenCatalog(JSON.parse(readFileSync(join(ROOT, 'templates', 'locales', `${l}.json`), 'utf8'))),
  ]),
) as Record<(typeof LANGUAGES)[number], Map<string, Label>>;

/** Every template file, partials included. */
function templates(dir = join(ROOT, 'templates')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name === 'locales'
        ? []
        : templates(join(dir, e.name))
      : e.name.endsWith('.hbs')
        ? [readFileSync(join(dir, e.name), 'utf8')]
        : [],
  );
}

const placeholders = (label: Label) =>
  [...new Set((typeof label === 'string' ? label : Object.values(label).join(' ')).match(/\{\w+\}/g) ?? [])].sort();

describe('locale catalogs', () => {
  it('have exactly the same keys in en, ru and uk', () => {
    const en = [...catalogs.en.keys()].sort();
    expect([...catalogs.ru.keys()].sort()).toEqual(en);
    expect([...catalogs.uk.keys()].sort()).toEqual(en);
    expect(en.length).toBeGreaterThan(40);
  });

  it('use the same placeholders in every language', () => {
    for (const [key, label] of catalogs.en) {
      expect(placeholders(catalogs.ru.get(key) as Label), key).toEqual(placeholders(label));
      expect(placeholders(catalogs.uk.get(key) as Label), key).toEqual(placeholders(label));
    }
  });

  it('give Russian and Ukrainian plurals all the forms their rules use', () => {
    for (const language of ['ru', 'uk'] as const) {
      for (const [key, label] of catalogs[language]) {
        if (typeof label === 'string') continue;
        expect(Object.keys(label).sort(), `${language} ${key}`).toEqual(['few', 'many', 'one', 'other']);
      }
    }
    for (const [key, label] of catalogs.en)
      if (typeof label !== 'string') expect(Object.keys(label).sort(), key).toEqual(['one', 'other']);
  });

  it('hold every label the built-in templates use', () => {
    const used = new Set<string>();
    for (const text of templates()) {
      for (const m of text.matchAll(/\{\{t\s+'([\w.]+)'([^}]*)\}\}/g)) {
        // A second, unnamed argument completes the key at run time: `{{t 'decisions.status' status}}`.
        const dynamic = (m[2] ?? '')
          .trim()
          .split(/\s+/)
          .some((arg) => arg && !arg.includes('='));
        used.add(dynamic ? `${m[1]}.*` : (m[1] as string));
      }
    }
    expect(used.size).toBeGreaterThan(20);
    for (const key of used) {
      for (const language of LANGUAGES) {
        const keys = [...catalogs[language].keys()];
        const found = key.endsWith('.*')
          ? keys.some((k) => k.startsWith(key.slice(0, -1)))
          : catalogs[language].has(key);
        expect(found, `${language}: ${key}`).toBe(true);
      }
    }
  });

  it('contain no empty labels', () => {
    for (const language of LANGUAGES) {
      for (const [key, label] of catalogs[language]) {
        for (const text of typeof label === 'string' ? [label] : Object.values(label))
          expect(text.trim(), `${language} ${key}`).not.toBe('');
      }
    }
  });
});
