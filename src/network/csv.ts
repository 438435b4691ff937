import { parse } from 'csv-parse/sync';
import type { Diagnostic, Result, SourceLocation } from '../diagnostics/diagnostic.js';
import { DEFAULT_SPHERE_IDS, DEFAULT_SPHERE_NAMES, type Locale } from '../schema/index.js';
import { type NetworkMessageCode, networkMessage } from './messages.js';

/** A sphere a CSV may name: by its id, its name, or one of its other names (case-insensitive). */
export interface CsvSphere {
  readonly id: string;
  readonly name: string;
  readonly aliases?: readonly string[];
}

/** A participant read from a row, in the shape of the session's `participants`; fields the row left empty are absent. */
export interface CsvParticipant {
  readonly id: string;
  /** Whether the id came from the file's `id` column (rather than being made up). */
  readonly idGiven: boolean;
  readonly name: string;
  readonly sphere?: string;
  readonly affiliation?: string;
  readonly core?: boolean;
  readonly preferences?: readonly string[];
  readonly email?: string;
  /** Line of the row in the file, 1-based, the header being line 1. */
  readonly line: number;
}

/** The columns a participants CSV may have. */
export type CsvColumn = 'id' | 'name' | 'sphere' | 'affiliation' | 'core' | 'preference' | 'email';

export const CSV_COLUMNS: readonly CsvColumn[] = ['id', 'name', 'sphere', 'affiliation', 'core', 'preference', 'email'];

/** Header names accepted for each column, after lower-casing and trimming. */
const COLUMN_NAMES: Readonly<Record<CsvColumn, readonly string[]>> = {
  id: ['id'],
  name: ['name', 'full name', "ім'я", 'піб', 'имя', 'фио'],
  sphere: ['sphere', 'сфера'],
  affiliation: ['affiliation', 'organisation', 'organization', 'організація', 'организация'],
  core: ['core', 'ядро'],
  preference: ['preference', 'preferences', 'вподобання', 'предпочтения'],
  email: ['email', 'e-mail', 'пошта', 'почта'],
};

const YES = new Set(['true', 'yes', '1', 'y', '+', 'x', 'х', 'так', 'т', 'да', 'д']);
const NO = new Set(['', 'false', 'no', '0', 'n', '-', 'ні', 'н', 'нет']);

const ID = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface ParseParticipantsOptions {
  /** Language of the diagnostics; guessed from the file (Ukrainian or Russian letters) when absent. */
  readonly locale?: Locale;
  /**
   * The spheres a `sphere` or `preference` may name. Absent: the spheres are collected from the file in order
   * of first appearance (a default sphere's id or name gives that sphere), or are the default four when the
   * file names none.
   */
  readonly spheres?: readonly CsvSphere[];
  /** Ids already taken (a session's participants): made-up ids `p001`, `p002`, … continue after them. */
  readonly takenIds?: readonly string[];
  /** Participants already in the session: a row without an id whose name is one of theirs takes that id. */
  readonly existing?: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  /** Report a second row with the same name as an error (it would update the same participant). */
  readonly uniqueNames?: boolean;
  /** At most this many errors are listed (default 50). */
  readonly maxErrors?: number;
}

export interface ParsedParticipants {
  readonly participants: readonly CsvParticipant[];
  /** The spheres given, or those collected from the file. */
  readonly spheres: readonly CsvSphere[];
  /** The file's columns, in order. */
  readonly columns: readonly CsvColumn[];
  readonly delimiter: ',' | ';' | '\t';
  readonly locale: Locale;
}

/**
 * Reads a participants CSV exported from a spreadsheet: UTF-8 with or without BOM, comma, semicolon or tab
 * delimited (told from the header line), a header row naming the columns in any order and case. Every bad row
 * is reported with its line and column as in the file (a quoted field spanning lines counts them).
 */
export function parseParticipantsCsv(text: string, options: ParseParticipantsOptions = {}): Result<ParsedParticipants> {
  const locale = options.locale ?? guessLocale(text);
  const maxErrors = options.maxErrors ?? 50;
  const errors: Diagnostic[] = [];
  let hidden = 0;
  const fail = (
    code: NetworkMessageCode,
    values: Record<string, string | number>,
    location?: SourceLocation,
    field?: string,
  ) => {
    if (errors.length >= maxErrors) {
      hidden++;
      return;
    }
    errors.push({
      code: `csv/${code.slice(4)}`,
      severity: 'error',
      path: field ? [field] : [],
      ...networkMessage(locale, code, values),
      ...(location ? { location } : {}),
    });
  };
  const known = CSV_COLUMNS.join(', ');
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const delimiter = detectDelimiter(body);
  let rows: Array<{ record: string[]; raw: string; info: { lines: number } }>;
  try {
    rows = parse(body, {
      bom: true,
      delimiter,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof rows;
  } catch (error) {
    const e = error as Error & { lines?: number };
    fail('csv-syntax', { detail: e.message }, { line: e.lines ?? 1, column: 1 });
    return { ok: false, diagnostics: errors };
  }
  const header = rows[0];
  if (!header || header.record.every((f) => f.trim() === '')) {
    fail('csv-empty', { known }, { line: 1, column: 1 });
    return { ok: false, diagnostics: errors };
  }
  const located = locateRecords(rows, delimiter);
  const headerAt = located[0] as SourceLocation[];
  const columns: CsvColumn[] = [];
  const seen = new Set<CsvColumn>();
  header.record.forEach((title, i) => {
    const column = columnOf(title);
    const at = headerAt[i] as SourceLocation;
    if (!column) fail('csv-unknown-column', { column: title.trim(), known }, at);
    else if (seen.has(column)) fail('csv-duplicate-column', { column: title.trim() }, at);
    else seen.add(column);
    columns.push(column ?? ('' as CsvColumn));
  });
  if (!seen.has('name') && errors.length === 0) fail('csv-no-name', { known }, { line: 1, column: 1 });
  if (errors.length > 0) return { ok: false, diagnostics: errors };

  // Spheres: given, or collected from the file as they appear.
  const collecting = options.spheres === undefined;
  const spheres: CsvSphere[] = collecting ? [] : [...(options.spheres as readonly CsvSphere[])];
  const lookup = new Map<string, string>();
  const addKeys = (s: CsvSphere) => {
    for (const key of [s.id, s.name, ...(s.aliases ?? [])]) if (!lookup.has(norm(key))) lookup.set(norm(key), s.id);
  };
  for (const s of spheres) addKeys(s);
  const defaults = defaultSpheres(locale);
  const resolve = (value: string): string | null => {
    const found = lookup.get(norm(value));
    if (found !== undefined || !collecting) return found ?? null;
    const fallback = defaults.find((d) => [d.id, d.name, ...(d.aliases ?? [])].some((k) => norm(k) === norm(value)));
    const sphere = fallback ?? { id: uniqueSlug(value, spheres), name: value.trim() };
    spheres.push(sphere);
    addKeys(sphere);
    lookup.set(norm(value), sphere.id);
    return sphere.id;
  };
  const sphereNames = () => spheres.map((s) => (s.name === s.id ? s.id : `${s.id} (${s.name})`)).join(', ');

  const participants: CsvParticipant[] = [];
  const idLine = new Map<string, number>();
  const nameLine = new Map<string, number>();
  for (const [r, row] of rows.entries()) {
    if (r === 0 || row.record.every((f) => f.trim() === '')) continue;
    const at = located[r] as SourceLocation[];
    const line = (at[0] as SourceLocation).line;
    if (row.record.length > columns.length && row.record.slice(columns.length).some((f) => f.trim() !== '')) {
      fail('csv-extra-fields', { count: row.record.length, columns: columns.length }, at[columns.length]);
      continue;
    }
    const cell = (column: CsvColumn) => {
      const i = columns.indexOf(column);
      // Line breaks inside a quoted cell (a wrapped spreadsheet cell) become spaces.
      return i < 0 ? undefined : (row.record[i] ?? '').replace(/\s+/g, ' ').trim();
    };
    const where = (column: CsvColumn) => {
      const i = columns.indexOf(column);
      // A short row: the place where the missing field would start, at the end of the row. The path is the
      // column's own name, whatever the header calls it.
      return { at: at[i] ?? (at[at.length - 1] as SourceLocation), field: column };
    };
    const before = errors.length + hidden;
    const name = cell('name') ?? '';
    if (name === '') fail('csv-name-empty', {}, where('name').at, where('name').field);
    const id = cell('id');
    if (id) {
      if (!ID.test(id)) fail('csv-id', { value: id }, where('id').at, where('id').field);
      else if (idLine.has(id))
        fail('csv-duplicate-id', { value: id, line: idLine.get(id) as number }, where('id').at, where('id').field);
      else idLine.set(id, line);
    }
    if (options.uniqueNames && name !== '' && !id) {
      const earlier = nameLine.get(norm(name));
      if (earlier !== undefined)
        fail('csv-duplicate-name', { value: name, line: earlier }, where('name').at, where('name').field);
      else nameLine.set(norm(name), line);
    }
    const coreText = cell('core');
    let core: boolean | undefined;
    if (coreText !== undefined) {
      const v = coreText.toLocaleLowerCase();
      if (YES.has(v)) core = true;
      else if (NO.has(v)) core = false;
      else fail('csv-core', { value: coreText }, where('core').at, where('core').field);
    }
    let sphere: string | undefined;
    const sphereText = cell('sphere');
    if (sphereText) {
      const found = resolve(sphereText);
      if (found === null)
        fail('csv-sphere', { value: sphereText, known: sphereNames() }, where('sphere').at, where('sphere').field);
      else sphere = found;
    }
    const preferences: string[] = [];
    for (const item of (cell('preference') ?? '').split(/[|>]/)) {
      if (item.trim() === '') continue;
      const found = resolve(item);
      if (found === null)
        fail(
          'csv-sphere',
          { value: item.trim(), known: sphereNames() },
          where('preference').at,
          where('preference').field,
        );
      else if (!preferences.includes(found)) preferences.push(found);
    }
    const email = cell('email');
    if (email && !EMAIL.test(email)) fail('csv-email', { value: email }, where('email').at, where('email').field);
    if (errors.length + hidden > before) continue;
    const affiliation = cell('affiliation');
    participants.push({
      id: id ?? '',
      idGiven: Boolean(id),
      name,
      ...(sphere ? { sphere } : {}),
      ...(affiliation ? { affiliation } : {}),
      ...(core !== undefined ? { core } : {}),
      ...(preferences.length > 0 ? { preferences } : {}),
      ...(email ? { email } : {}),
      line,
    });
  }
  if (hidden > 0)
    errors.push({
      code: 'csv/more-errors',
      severity: 'error',
      path: [],
      ...networkMessage(locale, 'csv-more-errors', { count: hidden }),
    });
  if (errors.length > 0) return { ok: false, diagnostics: errors };

  // Made-up ids continue after the largest pNNN taken, skipping ids the file gives.
  const taken = new Set([...(options.takenIds ?? []), ...idLine.keys()]);
  let next = Math.max(0, ...[...taken].map((t) => Number(/^p(\d+)$/.exec(t)?.[1] ?? 0))) + 1;
  const existingByName = new Map((options.existing ?? []).map((p) => [norm(p.name), p.id]));
  const withIds = participants.map((p) => {
    if (p.idGiven) return p;
    const same = existingByName.get(norm(p.name));
    if (same !== undefined) return { ...p, id: same };
    let id = `p${String(next++).padStart(3, '0')}`;
    while (taken.has(id)) id = `p${String(next++).padStart(3, '0')}`;
    taken.add(id);
    return { ...p, id };
  });
  const resultSpheres = collecting && spheres.length === 0 ? defaults : spheres;
  return {
    ok: true,
    value: { participants: withIds, spheres: resultSpheres, columns, delimiter, locale },
    warnings: [],
  };
}

/** The default four spheres, named in `locale`, recognised by their names in every language. */
function defaultSpheres(locale: Locale): CsvSphere[] {
  return DEFAULT_SPHERE_IDS.map((id) => {
    const names = DEFAULT_SPHERE_NAMES[id] as Readonly<Record<Locale, string>>;
    return { id, name: names[locale], aliases: Object.values(names) };
  });
}

/** The delimiter of the header line: the most frequent of `;`, `,` and tab outside quotes (comma on a tie). */
function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/**
 * Where each field of each record starts, as line and column in the file. The lines are counted here from the
 * records' raw text (csv-parse counts a CR LF inside a quoted field as two lines): CR LF, CR or LF is one line
 * break, and a record's raw text may start with the empty lines skipped before it.
 */
function locateRecords(rows: ReadonlyArray<{ raw: string }>, delimiter: string): SourceLocation[][] {
  let line = 1;
  let afterCr = false;
  return rows.map((row) => {
    let chars = Array.from(row.raw);
    // The LF of a CR LF whose CR ended the previous record.
    if (afterCr && chars[0] === '\n') chars = chars.slice(1);
    afterCr = chars[chars.length - 1] === '\r';
    const isBreak = (i: number) => chars[i] === '\n' || (chars[i] === '\r' && chars[i + 1] !== '\n');
    let i = 0;
    while (i < chars.length && (chars[i] === '\n' || chars[i] === '\r')) {
      if (isBreak(i)) line++;
      i++;
    }
    let column = 1;
    const out: SourceLocation[] = [{ line, column }];
    let quoted = false;
    for (; i < chars.length; i++) {
      const c = chars[i] as string;
      if (isBreak(i)) {
        line++;
        column = 1;
        continue;
      }
      if (c === '"') {
        if (quoted && chars[i + 1] === '"') {
          i++;
          column += 2;
          continue;
        }
        quoted = !quoted;
      } else if (c === delimiter && !quoted) out.push({ line, column: column + 1 });
      column++;
    }
    return out;
  });
}

function columnOf(title: string): CsvColumn | undefined {
  const key = norm(title).replace(/[’ʼ`]/g, "'");
  return CSV_COLUMNS.find((c) => COLUMN_NAMES[c].includes(key));
}

function norm(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

/** An id for a sphere the file names: its name in lower case, runs of other characters as `-`. */
function uniqueSlug(name: string, taken: readonly CsvSphere[]): string {
  const base =
    norm(name)
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || `sphere-${taken.length + 1}`;
  let id = base;
  for (let n = 2; taken.some((s) => s.id === id); n++) id = `${base}-${n}`;
  return id;
}

/** Ukrainian when the text has і, ї, є or ґ; Russian for other Cyrillic; else English. */
export function guessLocale(text: string): Locale {
  if (/[іїєґІЇЄҐ]/.test(text)) return 'uk';
  if (/[а-яА-ЯёЁ]/.test(text)) return 'ru';
  return 'en';
}
