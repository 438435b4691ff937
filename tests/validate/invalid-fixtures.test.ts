import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateSessionText } from '../../src/index.js';
import { ROOT } from '../helpers/sessions.js';

/** Each file in fixtures/invalid stands for one diagnostic family: its code, the offending path, and where. */
const EXPECTED: Record<string, { code: string; path: (string | number)[]; line?: number; hint?: RegExp }> = {
  'syntax-json.json': { code: 'syntax/json', path: [], line: 5 },
  'syntax-yaml.yaml': { code: 'syntax/yaml', path: [], line: 4 },
  'syntax-empty.yaml': { code: 'syntax/empty', path: [] },
  'schema-required.json': { code: 'schema/required', path: ['session', 'title'], line: 2, hint: /Name of the session/ },
  'schema-type.yaml': { code: 'schema/type', path: ['initiatives', 0, 'owner'], line: 9, hint: /exactly one/ },
  'schema-enum.yaml': { code: 'schema/enum', path: ['decisions', 0, 'status'], line: 5, hint: /"approved"/ },
  'schema-unknown-key.yaml': {
    code: 'schema/unknown-key',
    path: ['decisions', 0, 'rationalle'],
    line: 6,
    hint: /"rationale"/,
  },
  'schema-format.json': { code: 'schema/format', path: ['session', 'date'], line: 2 },
  'schema-too-small.yaml': { code: 'schema/too-small', path: ['risks', 0, 'probability'], line: 3 },
  'schema-too-big.yaml': { code: 'schema/too-big', path: ['risks', 0, 'impact'], line: 3 },
  'id-duplicate.json': { code: 'id/duplicate', path: ['goals', 1, 'id'], line: 5, hint: /goals\[0\]\.id/ },
  'ref-unknown.yaml': { code: 'ref/unknown', path: ['initiatives', 0, 'owner'], line: 7, hint: /"p-ops"/ },
  'cycle-depends-on.yaml': { code: 'cycle/depends-on', path: ['initiatives', 0, 'dependsOn'], line: 3 },
  'cycle-goal-parent.yaml': { code: 'cycle/goal-parent', path: ['goals', 0, 'parent'], line: 3 },
  'date-order.yaml': { code: 'date/order', path: ['initiatives', 0, 'due'], line: 3 },
  'money-currency-missing.yaml': { code: 'money/currency-missing', path: ['resources', 0, 'cost'], line: 6 },
};

const dir = join(ROOT, 'fixtures', 'invalid');

describe('fixtures/invalid', () => {
  it('has one expectation per file and one file per expectation', () => {
    expect(readdirSync(dir).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file} → ${expected.code} at ${JSON.stringify(expected.path)}`, () => {
      const result = validateSessionText(readFileSync(join(dir, file), 'utf8'), { fileName: file });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const hit = result.diagnostics.find((d) => d.code === expected.code);
      expect(hit, JSON.stringify(result.diagnostics, null, 2)).toBeDefined();
      expect(hit?.path).toEqual(expected.path);
      expect(hit?.severity).toBe('error');
      expect(hit?.message.length).toBeGreaterThan(5);
      expect(hit?.hint?.length).toBeGreaterThan(5);
      if (expected.line) expect(hit?.location?.line).toBe(expected.line);
      if (expected.hint) expect(hit?.hint).toMatch(expected.hint);
    });
  }
});
