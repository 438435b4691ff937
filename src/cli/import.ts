import { Document, isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { checkSession } from '../check.js';
import { formatDiagnostics } from '../diagnostics/index.js';
import {
  type CsvColumn,
  type CsvParticipant,
  type CsvSphere,
  guessLocale,
  parseParticipantsCsv,
} from '../network/index.js';
import { DEFAULT_SPHERE_NAMES, type Locale } from '../schema/index.js';
import { sniffLocale } from '../validate/index.js';
import { EXIT, type ReportOptions, readInput, report } from './common.js';
import type { CliIo } from './io.js';
import { cliText } from './texts.js';

export interface ImportOptions extends ReportOptions {
  /** The session file to merge the participants into. */
  readonly into: string | undefined;
  /** Sphere ids the CSV may name. */
  readonly spheres: readonly string[] | undefined;
}

/** A participant as the session file holds it. */
type ParticipantData = Record<string, unknown>;

/** The fields of a participant each CSV column sets. */
const FIELD: Readonly<Record<Exclude<CsvColumn, 'id'>, string>> = {
  name: 'name',
  sphere: 'sphere',
  affiliation: 'affiliation',
  core: 'core',
  preference: 'preferences',
  email: 'email',
};

/**
 * `stratdoc import participants <file.csv>`: the participants of a spreadsheet export, printed as the session's
 * `participants` (JSON), or merged into a session file with `--into`. Nothing is written when a row is wrong or
 * the merged session would not validate.
 */
export async function importParticipantsCommand(file: string, options: ImportOptions, io: CliIo): Promise<number> {
  const input = await readInput(file, options.locale, io);
  if ('error' in input) return report([input.error], file, options.locale ?? 'en', options, io, EXIT.invalid);

  // The session to merge into: checked first, its spheres and participants known.
  let session: {
    text: string;
    name: string;
    locale: Locale;
    spheres: CsvSphere[];
    existing: Array<{ id: string; name: string }>;
  } | null = null;
  if (options.into !== undefined) {
    const target = await readInput(options.into, options.locale, io);
    if ('error' in target)
      return report([target.error], options.into, options.locale ?? 'en', options, io, EXIT.invalid);
    const checked = checkSession(target.text, {
      fileName: target.name,
      ...(options.locale ? { locale: options.locale } : {}),
    });
    if (!checked.ok)
      return report(
        checked.diagnostics,
        target.name,
        options.locale ?? sniffLocale(target.text),
        options,
        io,
        EXIT.invalid,
      );
    const { model } = checked.value;
    session = {
      text: target.text,
      name: target.name,
      locale: model.session.locale,
      // A session without spheres or participants yet: the default four, as for an open session.
      spheres: (model.spheres.length > 0 ? model.spheres : defaultSphereList(model.session.locale)).map((s) => ({
        id: s.id,
        name: s.name,
        aliases: s.isDefault ? Object.values(DEFAULT_SPHERE_NAMES[s.id] ?? {}) : [],
      })),
      existing: model.participants.map((p) => ({ id: p.id, name: p.name })),
    };
  }
  const locale = options.locale ?? session?.locale ?? guessLocale(input.text);
  const spheres = options.spheres
    ? options.spheres.map((id) => ({
        id,
        name: DEFAULT_SPHERE_NAMES[id]?.[locale] ?? id,
        aliases: Object.values(DEFAULT_SPHERE_NAMES[id] ?? {}),
      }))
    : session?.spheres;
  const existing = session?.existing ?? [];
  const parsed = parseParticipantsCsv(input.text, {
    locale,
    ...(spheres ? { spheres } : {}),
    takenIds: existing.map((p) => p.id),
    existing,
    uniqueNames: session !== null,
  });
  if (!parsed.ok) {
    report(parsed.diagnostics, input.name, locale, options, io, EXIT.invalid);
    if (options.reporter === 'text') io.stderr(`${cliText(locale, 'nothing-written')}\n`);
    return EXIT.invalid;
  }
  const { participants, columns } = parsed.value;

  if (!session) {
    io.stdout(`${JSON.stringify(participants.map(toData), null, 2)}\n`);
    io.stderr(`${cliText(locale, 'import-read', { file: input.name, count: participants.length })}\n`);
    return EXIT.ok;
  }
  const target = session;
  const merged = /^\s*[[{]/.test(target.text)
    ? mergeJson(target.text, participants, columns)
    : mergeYaml(target.text, participants, columns);
  const checked = checkSession(merged.text, { fileName: target.name, locale });
  if (!checked.ok) {
    // The merged text is nowhere on disk: a participant's problem points at its row of the CSV instead.
    const ids = target.existing.map((p) => p.id);
    const rowAt = new Map<number, CsvParticipant>();
    let added = 0;
    for (const row of participants) {
      const i = ids.indexOf(row.id);
      rowAt.set(i >= 0 ? i : ids.length + added++, row);
    }
    const diagnostics = checked.diagnostics.map(({ location, ...d }) => {
      const row = d.path[0] === 'participants' ? rowAt.get(d.path[1] as number) : undefined;
      return row ? { ...d, file: input.name, location: { line: row.line, column: 1 } } : d;
    });
    report(diagnostics, target.name, locale, options, io, EXIT.invalid);
    if (options.reporter === 'text') io.stderr(`${cliText(locale, 'import-invalid', { file: target.name })}\n`);
    return EXIT.invalid;
  }
  await io.writeText(target.name, merged.text);
  if (checked.value.warnings.length > 0)
    io.stderr(formatDiagnostics(checked.value.warnings, { file: target.name, locale, color: io.color }));
  io.stderr(
    `${cliText(locale, 'import-merged', { file: target.name, added: merged.added, updated: merged.updated })}\n`,
  );
  return EXIT.ok;
}

function defaultSphereList(locale: Locale) {
  return Object.entries(DEFAULT_SPHERE_NAMES).map(([id, names]) => ({ id, name: names[locale], isDefault: true }));
}

/** A row as a participant of the session file: only the fields it has, in the schema's order. */
function toData(p: CsvParticipant): ParticipantData {
  return {
    id: p.id,
    name: p.name,
    ...(p.sphere ? { sphere: p.sphere } : {}),
    ...(p.affiliation ? { affiliation: p.affiliation } : {}),
    ...(p.core ? { core: true } : {}),
    ...(p.preferences && p.preferences.length > 0 ? { preferences: p.preferences } : {}),
    ...(p.email ? { email: p.email } : {}),
  };
}

/**
 * What a row changes in an existing participant: every column the file has sets its field; an empty cell
 * removes an optional field (core: no).
 */
function changes(p: CsvParticipant, columns: readonly CsvColumn[]): Array<[string, unknown]> {
  const data = toData(p);
  return columns
    .filter((c): c is Exclude<CsvColumn, 'id'> => c !== 'id')
    .map((c) => {
      const field = FIELD[c];
      if (c === 'core') return [field, p.core === true];
      return [field, data[field]];
    });
}

/** Where each row goes: the index of the existing participant it updates (same id), or -1 to be added. */
function targets(existingIds: readonly unknown[], rows: readonly CsvParticipant[]): number[] {
  return rows.map((p) => existingIds.indexOf(p.id));
}

interface Merged {
  readonly text: string;
  readonly added: number;
  readonly updated: number;
}

/** Merges into JSON text: key order kept, two-space indentation. */
function mergeJson(text: string, rows: readonly CsvParticipant[], columns: readonly CsvColumn[]): Merged {
  const data = JSON.parse(text) as Record<string, unknown>;
  const list = (Array.isArray(data.participants) ? data.participants : []) as ParticipantData[];
  data.participants = list;
  const at = targets(
    list.map((p) => p.id),
    rows,
  );
  let added = 0;
  let updated = 0;
  rows.forEach((row, i) => {
    const index = at[i] as number;
    if (index < 0) {
      list.push(toData(row));
      added++;
      return;
    }
    const p = list[index] as ParticipantData;
    for (const [field, value] of changes(row, columns)) {
      if (field === 'core' && value === false && !('core' in p)) continue;
      if (value === undefined) delete p[field];
      else p[field] = value;
    }
    updated++;
  });
  return { text: `${JSON.stringify(data, null, 2)}\n`, added, updated };
}

/**
 * Merges into YAML text through the document, so comments, key order and styles survive; only the participants
 * the file changes are written again, the rest of the text is kept byte for byte.
 */
function mergeYaml(text: string, rows: readonly CsvParticipant[], columns: readonly CsvColumn[]): Merged {
  const doc = parseDocument(text);
  const found = doc.get('participants', true);
  const list = isSeq(found) ? found : null;
  const items = list?.items ?? [];
  const node = (value: unknown) => {
    const n = doc.createNode(value);
    if (isSeq(n)) n.flow = true;
    return n;
  };
  const at = targets(
    items.map((item) => (isMap(item) ? String(item.get('id')) : null)),
    rows,
  );
  const edits: Array<{ from: number; to: number; text: string }> = [];
  const fresh: YAMLMap[] = [];
  let updated = 0;
  rows.forEach((row, i) => {
    const index = at[i] as number;
    if (index < 0) {
      const map = doc.createNode({}) as YAMLMap;
      for (const [key, value] of Object.entries(toData(row))) map.set(key, node(value));
      fresh.push(map);
      return;
    }
    const p = items[index] as YAMLMap;
    for (const [field, value] of changes(row, columns)) {
      if (field === 'core' && value === false && !p.has('core')) continue;
      if (value === undefined) p.delete(field);
      else p.set(field, node(value));
    }
    updated++;
    // The range of a block map takes the line break after it: that stays.
    const [from, end] = p.range ?? [0, 0];
    const to = text.slice(0, end).replace(/\s+$/, '').length;
    edits.push({ from, to, text: indentFrom(yamlText(p), column(text, from)) });
  });
  if (list?.flow && items.length > 0 && list.range) {
    // A list written inline (`participants: [{ … }, { … }]`) is written again inline, as a whole.
    for (const map of fresh) list.items.push(map);
    const from = list.range[0];
    const to = text.slice(0, list.range[1]).replace(/\s+$/, '').length;
    const comment = list.comment;
    list.comment = null;
    const inline = new Document(list).toString({ lineWidth: 0 }).replace(/\n$/, '');
    list.comment = comment;
    return { text: text.slice(0, from) + inline + text.slice(to), added: fresh.length, updated };
  }
  if (fresh.length > 0) {
    const block = (indent: number) =>
      fresh.map((m) => `\n${' '.repeat(indent)}- ${indentFrom(yamlText(m), indent + 2)}`).join('');
    if (list && !list.flow && items.length > 0 && list.range) {
      // After the last item, at the items' indentation.
      // At the end of the last item's line (after a comment there), at the items' indentation.
      const end = (items[items.length - 1] as YAMLMap).range?.[1] ?? list.range[1];
      const last = text.slice(0, end).replace(/\s+$/, '').length;
      const lineEnd = text.indexOf('\n', last);
      const stop = lineEnd < 0 ? text.length : lineEnd;
      edits.push({ from: stop, to: stop, text: block(column(text, list.range[0])) });
    } else if (list?.range) {
      // `participants: []`: the empty list becomes a block.
      edits.push({ from: list.range[0], to: list.range[1], text: block(2).trimEnd() });
    } else if (found === undefined) {
      // No participants yet: a new section at the end.
      const end = text.length === 0 || text.endsWith('\n') ? '' : '\n';
      edits.push({ from: text.length, to: text.length, text: `${end}\nparticipants:${block(2)}\n` });
    } else {
      doc.set('participants', fresh);
      return { text: doc.toString({ lineWidth: 0 }), added: fresh.length, updated };
    }
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.from - a.from)) out = out.slice(0, e.from) + e.text + out.slice(e.to);
  return { text: out, added: fresh.length, updated };
}

/** One node as YAML text on its own, without the final line break. */
function yamlText(node: YAMLMap): string {
  // A comment after the node stays where it is in the text, outside the node's range.
  const comment = node.comment;
  node.comment = null;
  const out = new Document(node).toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, '');
  node.comment = comment;
  return out;
}

/** Text that starts at `indent`: its second and later lines indented to match. */
function indentFrom(text: string, indent: number): string {
  return text.replace(/\n(?=.)/g, `\n${' '.repeat(indent)}`);
}

/** The column (from 0) of an offset in the text. */
function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}
