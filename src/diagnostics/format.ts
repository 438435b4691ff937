import type { Locale } from '../schema/index.js';
import { type Diagnostic, formatPath } from './diagnostic.js';

/** How diagnostics are printed: for people or for machines. */
export type ReportFormat = 'text' | 'json';

const LABELS: Record<Locale, Record<Diagnostic['severity'] | 'hint', string>> = {
  en: { error: 'error', warning: 'warning', info: 'info', hint: 'hint' },
  ru: { error: 'ошибка', warning: 'предупреждение', info: 'заметка', hint: 'подсказка' },
  uk: { error: 'помилка', warning: 'попередження', info: 'примітка', hint: 'підказка' },
};

/**
 * Formats diagnostics. Text: one block per diagnostic, `file:line:col  severity  path  message`, hint below.
 * JSON: `{ file, diagnostics: [...] }`, stable keys, for CI.
 */
export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  options: { format?: ReportFormat; file?: string; locale?: Locale; color?: boolean } = {},
): string {
  const file = options.file ?? '<input>';
  if (options.format === 'json') return `${JSON.stringify({ file, diagnostics }, null, 2)}\n`;
  const labels = LABELS[options.locale ?? 'en'];
  const paint = (code: string, s: string) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const tone: Record<Diagnostic['severity'], string> = { error: '31', warning: '33', info: '36' };
  return diagnostics
    .map((d) => {
      const at = d.file ?? file;
      const where = d.location ? `${at}:${d.location.line}:${d.location.column}` : at;
      const head = `${paint('1', where)}  ${paint(tone[d.severity], labels[d.severity])} ${paint('2', d.code)}`;
      const lines = [head, d.path.length > 0 ? `  ${formatPath(d.path)}: ${d.message}` : `  ${d.message}`];
      if (d.hint) lines.push(`  ${paint('2', `${labels.hint}:`)} ${d.hint}`);
      return lines.join('\n');
    })
    .join('\n\n')
    .concat(diagnostics.length > 0 ? '\n' : '');
}

type Countable = 'error' | 'warning' | 'info' | 'decision' | 'initiative' | 'controlPoint' | 'resource';
type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const COUNT_WORDS: Record<Locale, Record<Countable | 'valid', Forms>> = {
  en: {
    error: { one: 'error', other: 'errors' },
    warning: { one: 'warning', other: 'warnings' },
    info: { one: 'note', other: 'notes' },
    decision: { one: 'decision', other: 'decisions' },
    initiative: { one: 'initiative', other: 'initiatives' },
    controlPoint: { one: 'control point', other: 'control points' },
    resource: { one: 'resource', other: 'resources' },
    valid: { other: 'valid' },
  },
  ru: {
    error: { one: 'ошибка', few: 'ошибки', other: 'ошибок' },
    warning: { one: 'предупреждение', few: 'предупреждения', other: 'предупреждений' },
    info: { one: 'заметка', few: 'заметки', other: 'заметок' },
    decision: { one: 'решение', few: 'решения', other: 'решений' },
    initiative: { one: 'инициатива', few: 'инициативы', other: 'инициатив' },
    controlPoint: { one: 'контрольная точка', few: 'контрольные точки', other: 'контрольных точек' },
    resource: { one: 'ресурс', few: 'ресурса', other: 'ресурсов' },
    valid: { other: 'файл корректен' },
  },
  uk: {
    error: { one: 'помилка', few: 'помилки', other: 'помилок' },
    warning: { one: 'попередження', few: 'попередження', other: 'попереджень' },
    info: { one: 'примітка', few: 'примітки', other: 'приміток' },
    decision: { one: 'рішення', few: 'рішення', other: 'рішень' },
    initiative: { one: 'ініціатива', few: 'ініціативи', other: 'ініціатив' },
    controlPoint: { one: 'контрольна точка', few: 'контрольні точки', other: 'контрольних точок' },
    resource: { one: 'ресурс', few: 'ресурси', other: 'ресурсів' },
    valid: { other: 'файл коректний' },
  },
};

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** "3 errors", "3 ошибки", "5 помилок": a count with its noun in the right plural form. */
export function formatCount(n: number, what: Countable, locale: Locale = 'en'): string {
  const rules = pluralRules.get(locale) ?? new Intl.PluralRules(locale);
  pluralRules.set(locale, rules);
  const forms = COUNT_WORDS[locale][what];
  return `${n} ${forms[rules.select(n)] ?? forms.other}`;
}

/** The word for a valid file in the given language. */
export function validWord(locale: Locale = 'en'): string {
  return COUNT_WORDS[locale].valid.other;
}
