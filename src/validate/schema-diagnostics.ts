import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { describeIssue, TYPE_WORDS, type ValidationCode } from '../diagnostics/messages.js';
import { suggest } from '../diagnostics/suggest.js';
import { describeField, type Locale, type SchemaIssue } from '../schema/index.js';

const EXAMPLES: Record<string, string> = {
  date: '2027-03-31',
  month: '2027-03',
  time: '09:30',
  id: 'i-new-routes',
  currency: 'EUR',
  color: '#1F4E79',
  email: 'name@example.org',
};

/** Turns schema issues into diagnostics with field-aware wording and hints. */
export function schemaDiagnostics(issues: readonly SchemaIssue[], locale: Locale): Diagnostic[] {
  return issues.flatMap((issue) => toDiagnostics(issue, locale));
}

function toDiagnostics(issue: SchemaIssue, locale: Locale): Diagnostic[] {
  const words = TYPE_WORDS[locale];
  const field = describeField(issue.path);
  const about = field.description ?? '';
  const make = (code: ValidationCode, params: Record<string, string | number>, path = issue.path): Diagnostic => ({
    code,
    severity: 'error',
    path,
    ...describeIssue(code, locale, params),
  });

  switch (issue.code) {
    case 'invalid_type': {
      const last = issue.path[issue.path.length - 1];
      if (issue.input === undefined) return [make('schema/required', { field: String(last ?? ''), about })];
      const expected = words[issue.expected ?? ''] ?? issue.expected ?? '?';
      // The field's own description is the best hint: for `owner` it says "exactly one — others go to team".
      return [make('schema/type', { expected, received: describeValue(issue.input, locale), about })];
    }
    case 'invalid_value': {
      const options = (issue.values ?? []).map((v) => String(v));
      const value = String(issue.input);
      const suggestion = suggest(value, options);
      return [
        make('schema/enum', {
          value,
          options: options.map((o) => `"${o}"`).join(', '),
          ...(suggestion ? { suggestion } : {}),
        }),
      ];
    }
    case 'unrecognized_keys':
      return (issue.keys ?? []).map((key) => {
        const allowed = field.keys ?? [];
        const suggestion = suggest(key, allowed);
        return make('schema/unknown-key', { key, allowed: allowed.join(', '), ...(suggestion ? { suggestion } : {}) }, [
          ...issue.path,
          key,
        ]);
      });
    case 'invalid_format': {
      const kind = formatKind(issue);
      return [
        make('schema/format', {
          value: String(issue.input),
          format: words[kind] ?? kind,
          example: EXAMPLES[kind] ?? '?',
        }),
      ];
    }
    case 'too_small':
      return [make('schema/too-small', { what: issue.origin ?? '', minimum: Number(issue.minimum), about })];
    case 'too_big':
      return [make('schema/too-big', { maximum: Number(issue.maximum), about })];
    default:
      return [make('schema/invalid', { detail: issue.message, about })];
  }
}

function formatKind(issue: SchemaIssue): string {
  if (issue.format && issue.format !== 'regex') return issue.format;
  const pattern = issue.pattern ?? '';
  if (pattern.includes('p{L}')) return 'id';
  if (pattern.includes('(0[1-9]|1[0-2])')) return 'month';
  if (pattern.includes('[01]\\d|2[0-3]')) return 'time';
  if (pattern.includes('[A-Z]{3}')) return 'currency';
  if (pattern.includes('#[0-9a-fA-F]')) return 'color';
  return 'regex';
}

function describeValue(value: unknown, locale: Locale): string {
  const words = TYPE_WORDS[locale];
  if (value === null) return 'null';
  if (Array.isArray(value)) return words.array as string;
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'object') return words.object as string;
  return String(value);
}
