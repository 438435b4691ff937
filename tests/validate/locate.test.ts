import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSessionText } from '../../src/index.js';
import { ROOT } from '../helpers/sessions.js';

/** Every path of a value, depth first, plus paths that do not exist. */
function pathsOf(value: unknown, path: Array<string | number> = [], out: Array<Array<string | number>> = []) {
  out.push(path);
  if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, Array.isArray(value) ? Number(k) : k], out);
  return out;
}

describe('locating a path in JSON text', () => {
  it('finds the same line and column as the YAML parser, for every path of a fixture and for missing ones', () => {
    const text = readFileSync(join(ROOT, 'fixtures/sessions/industrial-safety.ru.json'), 'utf8');
    const json = parseSessionText(text, { format: 'json' });
    const yaml = parseSessionText(text, { format: 'yaml' });
    if (!json.ok || !yaml.ok) throw new Error('fixture does not parse');
    const paths = [...pathsOf(json.value.data), ['nope'], ['decisions', 999, 'title'], ['session', 'zzz']];
    expect(paths.length).toBeGreaterThan(1000);
    for (const path of paths) expect(json.value.locate(path), path.join('.')).toEqual(yaml.value.locate(path));
  });

  it('handles escapes, nesting and one-line text', () => {
    const text = '{"a":"x\\"y","b":[1,{"c":"\\u0436"}],"d":{}}';
    const parsed = parseSessionText(text, { format: 'json' });
    if (!parsed.ok) throw new Error('does not parse');
    expect(parsed.value.locate(['b', 1, 'c'])).toEqual({ line: 1, column: text.indexOf('"c"') + 1 });
    expect(parsed.value.locate(['d'])).toEqual({ line: 1, column: text.indexOf('"d"') + 1 });
    expect(parsed.value.locate(['b', 0])).toEqual({ line: 1, column: text.indexOf('1,') + 1 });
  });
});
