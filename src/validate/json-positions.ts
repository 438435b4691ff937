import type { PathSegment } from '../diagnostics/diagnostic.js';

/** A container's members (by key: where the key and the value start) or items (where each starts). */
type Container =
  | { readonly members: Map<string, readonly [keyStart: number, start: number]> }
  | { readonly items: readonly number[] };

/**
 * Where the values of a JSON text that `JSON.parse` accepted are, read lazily: a container is read (its members'
 * or items' places, nested values skipped over) when a path first goes through it, and kept. Locating the lint
 * findings of a large session reads the containers on their paths only, without a position for every value.
 */
export class JsonPositions {
  private readonly containers = new Map<number, Container | null>();
  private readonly root: number;

  constructor(private readonly text: string) {
    this.root = this.space(0);
  }

  /**
   * The offset of the deepest value on `path` that exists: the key of the last member on the way, or the array item
   * itself (the text's first value when none does).
   */
  offsetOf(path: readonly PathSegment[]): number {
    let at = this.root;
    let best = at;
    for (const seg of path) {
      const container = this.container(at);
      if (!container) return best;
      if ('members' in container) {
        const member = container.members.get(String(seg));
        if (!member) return best;
        [best, at] = member;
      } else {
        const item = typeof seg === 'number' ? container.items[seg] : undefined;
        if (item === undefined) return best;
        best = item;
        at = item;
      }
    }
    return best;
  }

  /** The container starting at `at`, read once; null for a scalar. */
  private container(at: number): Container | null {
    let known = this.containers.get(at);
    if (known === undefined) {
      known = this.read(at);
      this.containers.set(at, known);
    }
    return known;
  }

  private read(start: number): Container | null {
    const text = this.text;
    const open = text.charCodeAt(start);
    if (open === OBJECT) {
      const members = new Map<string, readonly [number, number]>();
      let i = this.space(start + 1);
      if (text.charCodeAt(i) === OBJECT_END) return { members };
      for (;;) {
        i = this.space(i);
        const keyStart = i;
        const keyEnd = this.skipString(i);
        i = this.space(keyEnd);
        i = this.space(i + 1); // the colon
        const key = this.stringAt(keyStart, keyEnd);
        // A key given twice: the last one counts, as for JSON.parse.
        members.set(key, [keyStart, i]);
        i = this.space(this.skip(i));
        if (text.charCodeAt(i) !== COMMA) break;
        i++;
      }
      return { members };
    }
    if (open === ARRAY) {
      const items: number[] = [];
      let i = this.space(start + 1);
      if (text.charCodeAt(i) === ARRAY_END) return { items };
      for (;;) {
        i = this.space(i);
        items.push(i);
        i = this.space(this.skip(i));
        if (text.charCodeAt(i) !== COMMA) break;
        i++;
      }
      return { items };
    }
    return null;
  }

  /** The offset just after the value starting at `i`. */
  private skip(i: number): number {
    const text = this.text;
    const c = text.charCodeAt(i);
    if (c === QUOTE) return this.skipString(i);
    if (c === OBJECT || c === ARRAY) {
      let depth = 0;
      for (let j = i; j < text.length; j++) {
        const d = text.charCodeAt(j);
        if (d === QUOTE) j = this.skipString(j) - 1;
        else if (d === OBJECT || d === ARRAY) depth++;
        else if (d === OBJECT_END || d === ARRAY_END) {
          depth--;
          if (depth === 0) return j + 1;
        }
      }
      return text.length;
    }
    let j = i;
    while (j < text.length && !DELIMITERS.has(text.charCodeAt(j))) j++;
    return j;
  }

  /** The offset just after the string starting at `i` (its opening quote). */
  private skipString(i: number): number {
    const text = this.text;
    for (let j = i + 1; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === BACKSLASH) j++;
      else if (c === QUOTE) return j + 1;
    }
    return text.length;
  }

  /** The string from its opening quote to just after its closing one, unescaped. */
  private stringAt(start: number, end: number): string {
    const raw = this.text.slice(start + 1, end - 1);
    return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
  }

  private space(i: number): number {
    const text = this.text;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
    return i;
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OBJECT = 0x7b;
const OBJECT_END = 0x7d;
const ARRAY = 0x5b;
const ARRAY_END = 0x5d;
/** What ends a number, `true`, `false` or `null`. */
const DELIMITERS = new Set([COMMA, OBJECT_END, ARRAY_END, 0x20, 0x0a, 0x0d, 0x09]);
