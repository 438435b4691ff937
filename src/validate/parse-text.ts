import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { PathSegment, Result, SourceLocation } from '../diagnostics/diagnostic.js';
import { describeIssue } from '../diagnostics/messages.js';
import { JsonPositions } from './json-positions.js';
import type { Locale } from '../schema/index.js';

/** The syntax of a session file. */
export type SourceFormat = 'json' | 'yaml';

/** Parsed session text: the data, and a way back from a path in the data to a place in the text. */
export interface ParsedSource {
  readonly data: unknown;
  readonly format: SourceFormat;
  /** Where the value (or, for a missing key, its parent) at `path` is written; computed on first use. */
  locate(path: readonly PathSegment[]): SourceLocation | undefined;
}

/** Guesses the format from a file name, falling back to the first character of the text. */
export function detectFormat(text: string, fileName?: string): SourceFormat {
  if (fileName && /\.json$/i.test(fileName)) return 'json';
  if (fileName && /\.ya?ml$/i.test(fileName)) return 'yaml';
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  return first === '{' || first === '[' ? 'json' : 'yaml';
}

/** Parses JSON or YAML session text; syntax errors come back as diagnostics with line and column. */
export function parseSessionText(
  text: string,
  options: { format?: SourceFormat; fileName?: string; locale?: Locale } = {},
): Result<ParsedSource> {
  const locale = options.locale ?? 'en';
  const body = text.replace(/^\uFEFF/, '');
  const format = options.format ?? detectFormat(body, options.fileName);
  if (body.trim() === '') {
    return {
      ok: false,
      diagnostics: [{ code: 'syntax/empty', severity: 'error', path: [], ...describeIssue('syntax/empty', locale) }],
    };
  }
  if (format === 'json') {
    try {
      const data: unknown = JSON.parse(body);
      return { ok: true, value: makeSource(body, data, 'json'), warnings: [] };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      const offset = jsonErrorOffset(detail, body);
      return {
        ok: false,
        diagnostics: [
          {
            code: 'syntax/json',
            severity: 'error',
            path: [],
            ...describeIssue('syntax/json', locale, { detail: cleanJsonMessage(detail) }),
            location: offsetToLocation(body, offset),
          },
        ],
      };
    }
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(body, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      diagnostics: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return {
          code: 'syntax/yaml',
          severity: 'error' as const,
          path: [],
          ...describeIssue('syntax/yaml', locale, { detail: e.message.split('\n')[0] ?? e.code }),
          location: { line: pos.line, column: pos.col },
        };
      }),
    };
  }
  const data: unknown = doc.toJS({ maxAliasCount: 1000 });
  return { ok: true, value: makeSource(body, data, 'yaml'), warnings: [] };
}

function makeSource(text: string, data: unknown, format: SourceFormat): ParsedSource {
  let index: { root: YamlNode | null; lines: LineCounter } | undefined;
  let json: { positions: JsonPositions; lineStarts: number[] } | undefined;
  return {
    data,
    format,
    locate(path) {
      if (format === 'json') {
        json ??= { positions: new JsonPositions(text), lineStarts: lineStartsOf(text) };
        return offsetToLine(json.lineStarts, json.positions.offsetOf(path));
      }
      if (!index) {
        // JSON is YAML 1.2, so one position-keeping parser serves both formats.
        const lines = new LineCounter();
        const doc = parseDocument(text, { lineCounter: lines, keepSourceTokens: false });
        index = { root: doc.contents as YamlNode | null, lines };
      }
      const offset = findOffset(index.root, path);
      if (offset === undefined) return undefined;
      const pos = index.lines.linePos(offset);
      return { line: pos.line, column: pos.col };
    },
  };
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Line and column (both from 1) of an offset, by binary search over the line starts. */
function offsetToLine(starts: readonly number[], offset: number): SourceLocation {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
}

/** The offset of the deepest node on `path` that exists: the key of the last pair, or the node itself. */
function findOffset(root: YamlNode | null, path: readonly PathSegment[]): number | undefined {
  let node: unknown = root;
  let best = (root as YamlNode | null)?.range?.[0];
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return best;
      const key = pair.key as YamlNode;
      best = key.range?.[0] ?? best;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as YamlNode | undefined;
      if (!item) return best;
      best = item.range?.[0] ?? best;
      node = item;
    } else return best;
  }
  return best;
}

function jsonErrorOffset(message: string, text: string): number {
  const line = /\(line (\d+) column (\d+)\)/.exec(message);
  if (line) {
    const lines = text.split('\n');
    let offset = 0;
    for (let i = 0; i < Number(line[1]) - 1 && i < lines.length; i++) offset += (lines[i] as string).length + 1;
    return offset + Number(line[2]) - 1;
  }
  const pos = /at position (\d+)/.exec(message);
  // An error at the very end points at the last written character, not at a trailing newline.
  const end = text.trimEnd().length;
  return Math.min(pos ? Number(pos[1]) : end, end);
}

function cleanJsonMessage(message: string): string {
  return message
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/\s*in JSON at position \d+/, '')
    .replace(/^Unexpected end of JSON input$/, 'the text ends before the JSON is complete');
}

/** 1-based line and column of a character offset. */
export function offsetToLocation(text: string, offset: number): SourceLocation {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
