import { type CheckOptions, checkSession } from '../check.js';
import type { Diagnostic, Result } from '../diagnostics/diagnostic.js';
import { interpolate } from '../format/index.js';
import type { SessionModel } from '../model/index.js';
import type { Locale } from '../schema/index.js';
import { diffModels, type SessionDiff } from './diff.js';

/** Options of `diffSessions`. */
export interface DiffOptions {
  /** Language of the messages and of the report; defaults to the newer snapshot's. */
  readonly locale?: Locale;
  /** Names of the two inputs for diagnostics (file names); default `old` and `new`. */
  readonly oldName?: string;
  readonly newName?: string;
}

/** Both snapshots checked and compared. */
export interface CheckedDiff {
  readonly diff: SessionDiff;
  readonly oldModel: SessionModel;
  readonly newModel: SessionModel;
}

const DIFFERENT: Record<Locale, { message: string; hint: string }> = {
  en: {
    message: 'The snapshots seem to be of different sessions: “{old}” and “{new}”.',
    hint: 'Compare two snapshots of one session (the same organisation and title); the report matches things by id only.',
  },
  ru: {
    message: 'Похоже, это снимки разных сессий: «{old}» и «{new}».',
    hint: 'Сравнивайте два снимка одной сессии (та же организация и то же название): отчёт сопоставляет всё только по id.',
  },
  uk: {
    message: 'Схоже, це знімки різних сесій: «{old}» і «{new}».',
    hint: 'Порівнюйте два знімки однієї сесії (та сама організація й та сама назва): звіт зіставляє все лише за id.',
  },
};

/** A diagnostic of one input, marked with its name so a report over two files says which one. */
const inFile = (d: Diagnostic, file: string): Diagnostic => (d.file ? d : { ...d, file });

/**
 * Checks both snapshots (parse → validate → model) and compares them. Diagnostics of either input carry its
 * name in `file`; both are checked even when the first is invalid. Snapshots of different sessions (another
 * organisation or title) are compared anyway, with a warning.
 */
export function checkDiff(oldInput: unknown, newInput: unknown, options: DiffOptions = {}): Result<CheckedDiff> {
  const oldName = options.oldName ?? 'old';
  const newName = options.newName ?? 'new';
  const check = (input: unknown, fileName: string) => {
    const opts: CheckOptions = { fileName, ...(options.locale ? { locale: options.locale } : {}) };
    return checkSession(input, opts);
  };
  const before = check(oldInput, oldName);
  const after = check(newInput, newName);
  if (!before.ok || !after.ok) {
    const diagnostics = [
      ...(before.ok ? [] : before.diagnostics.map((d) => inFile(d, oldName))),
      ...(after.ok ? [] : after.diagnostics.map((d) => inFile(d, newName))),
    ];
    return { ok: false, diagnostics };
  }
  const oldModel = before.value.model;
  const newModel = after.value.model;
  const warnings: Diagnostic[] = [
    ...before.warnings.map((d) => inFile(d, oldName)),
    ...after.warnings.map((d) => inFile(d, newName)),
  ];
  const diff = diffModels(oldModel, newModel);
  if (!diff.sameSession) {
    const text = DIFFERENT[newModel.session.locale];
    const name = (m: SessionModel) => `${m.session.organisation} · ${m.session.title}`;
    warnings.push({
      code: 'diff/different-sessions',
      severity: 'warning',
      path: ['session'],
      message: interpolate(text.message, { old: name(oldModel), new: name(newModel) }),
      hint: text.hint,
      file: newName,
    });
  }
  return { ok: true, value: { diff, oldModel, newModel }, warnings };
}

/**
 * What changed between two snapshots of a session — given as JSON or YAML text, or as data: decisions,
 * statuses, dates, measurements, owners, countermeasures, things added and removed.
 *
 * ```ts
 * const result = diffSessions(readFileSync('november.json', 'utf8'), readFileSync('february.json', 'utf8'));
 * if (result.ok) for (const d of result.value.dates) console.log(d.title, d.days);
 * ```
 */
export function diffSessions(oldInput: unknown, newInput: unknown, options: DiffOptions = {}): Result<SessionDiff> {
  const checked = checkDiff(oldInput, newInput, options);
  return checked.ok ? { ok: true, value: checked.value.diff, warnings: checked.warnings } : checked;
}
