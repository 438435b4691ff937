import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, type Node, parseDocument } from 'yaml';
import type { PathSegment } from '../../src/diagnostics/diagnostic.js';
import { JsonPositions } from '../../src/validate/json-positions.js';
import { ROOT } from '../helpers/sessions.js';

/** Every path of a value, its own first. */
function pathsOf(value: unknown, path: PathSegment[] = []): PathSegment[][] {
  const out: PathSegment[][] = [path];
  if (Array.isArray(value)) for (const [i, item] of value.entries()) out.push(...pathsOf(item, [...path, i]));
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) out.push(...pathsOf(item, [...path, key]));
  return out;
}

/** The same place found by the YAML parser (JSON is YAML): a member's key, an item itself. */
function yamlOffset(root: Node | null, path: readonly PathSegment[]): number {
  let node = root;
  let best = node?.range?.[0] ?? 0;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = [...node.items].reverse().find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return best;
      best = (pair.key as Node).range?.[0] ?? best;
      node = pair.value as Node;
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
      node = node.items[seg] as Node;
      best = node.range?.[0] ?? best;
    } else return best;
  }
  return best;
}

const ODD = `  {"a" : [1, -2.5e+3, true, null, "x\\"y", {"k\\u00e9y": {}}, []],
 "b": {"c": [[], [{"d": "}]{["}]], "e": "\\\\"}, "b": {"late": 1}, "Ключ": ["значення"] }`;

describe('JSON positions', () => {
  const texts: Array<[string, string]> = [
    ['odd', ODD],
    ['city-swot.uk.json', readFileSync(join(ROOT, 'fixtures/sessions/city-swot.uk.json'), 'utf8')],
    ['industrial-safety.ru.json', readFileSync(join(ROOT, 'fixtures/sessions/industrial-safety.ru.json'), 'utf8')],
  ];
  for (const [name, text] of texts) {
    it(`${name}: every path found where the YAML parser finds it`, () => {
      const positions = new JsonPositions(text);
      const root = parseDocument(text).contents as Node | null;
      const paths = pathsOf(JSON.parse(text));
      expect(paths.length).toBeGreaterThan(name === 'odd' ? 12 : 500);
      for (const path of paths) expect(positions.offsetOf(path), path.join('.')).toBe(yamlOffset(root, path));
    });
  }

  it('stops at the deepest value that exists', () => {
    const positions = new JsonPositions(ODD);
    expect(positions.offsetOf(['a', 5, 'kéy', 'missing'])).toBe(ODD.indexOf('"k\\u00e9y"'));
    expect(positions.offsetOf(['a', 99])).toBe(ODD.indexOf('"a"'));
    expect(positions.offsetOf(['nothing'])).toBe(2);
    // A key given twice: the last one, as JSON.parse takes it.
    expect(positions.offsetOf(['b', 'late'])).toBe(ODD.indexOf('"late"'));
  });
});
