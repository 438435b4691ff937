import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { sessionJsonSchema } from '../../src/index.js';
import { FIXTURES, fixtureData, ROOT } from '../helpers/sessions.js';

describe('JSON Schema of the session file', () => {
  const schema = sessionJsonSchema();
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  // ajv-formats is CommonJS; its plugin is the `default` export under NodeNext interop.
  ajvFormats.default(ajv);
  const validate = ajv.compile(schema);

  for (const name of FIXTURES) {
    it(`accepts ${name}`, () => {
      const ok = validate(fixtureData(name));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    });
  }

  it('rejects what the schema forbids: unknown fields, wrong enums, missing required fields', () => {
    expect(validate({ session: { title: 'x', organisation: 'y', date: '2027-01-01', colour: 'red' } })).toBe(false);
    expect(validate({ session: { title: 'x', organisation: 'y', date: '2027-01-01', locale: 'de' } })).toBe(false);
    expect(validate({ session: { title: 'x', date: '2027-01-01' } })).toBe(false);
    expect(validate({ session: { title: 'x', organisation: 'y', date: '1 March 2027' } })).toBe(false);
  });

  it('describes every property, for editor hover docs', () => {
    const undocumented: string[] = [];
    const visit = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n.properties) {
        for (const [key, child] of Object.entries(n.properties as Record<string, Record<string, unknown>>)) {
          if (!child.description) undocumented.push(`${path}.${key}`);
          visit(child, `${path}.${key}`);
        }
      }
      if (n.items) visit(n.items, `${path}[]`);
      for (const k of ['anyOf', 'oneOf', 'allOf'] as const)
        if (Array.isArray(n[k])) for (const c of n[k] as unknown[]) visit(c, path);
    };
    visit(schema, '');
    expect(undocumented).toEqual([]);
  });

  it('is committed up to date in docs/session.schema.json', () => {
    const committed = readFileSync(join(ROOT, 'docs', 'session.schema.json'), 'utf8');
    expect(JSON.parse(committed)).toEqual(JSON.parse(JSON.stringify(schema)));
  });
});
