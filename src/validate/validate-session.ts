import { type Diagnostic, hasErrors, type Result } from '../diagnostics/diagnostic.js';
import { checkSchema, type Locale, type SessionInput } from '../schema/index.js';
import { checkReferences } from './check-references.js';
import { type ParsedSource, parseSessionText, type SourceFormat } from './parse-text.js';
import { schemaDiagnostics } from './schema-diagnostics.js';

/** Options of validation. */
export interface ValidateOptions {
  /** Language of the messages; defaults to the session's own locale, then English. */
  readonly locale?: Locale;
  /** The parsed source, so diagnostics can carry line and column. */
  readonly source?: ParsedSource;
}

/** Validates unknown data as a session: schema, ids, references, cycles, date order. Collects every problem. */
export function validateSession(data: unknown, options: ValidateOptions = {}): Result<SessionInput> {
  const locale = options.locale ?? sessionLocaleOf(data);
  const schema = checkSchema(data);
  let diagnostics: Diagnostic[];
  let value: SessionInput | undefined;
  if (!schema.ok) diagnostics = schemaDiagnostics(schema.issues, locale);
  else {
    value = schema.value;
    diagnostics = checkReferences(value, locale);
  }
  const located = options.source ? withLocations(diagnostics, options.source) : diagnostics;
  if (value === undefined || hasErrors(located)) return { ok: false, diagnostics: located };
  return { ok: true, value, warnings: located };
}

/** Parses JSON or YAML text and validates it as a session. */
export function validateSessionText(
  text: string,
  options: { locale?: Locale; format?: SourceFormat; fileName?: string } = {},
): Result<SessionInput> {
  const parsed = parseSessionText(text, { ...options, locale: options.locale ?? sniffLocale(text) });
  if (!parsed.ok) return parsed;
  return validateSession(parsed.value.data, {
    source: parsed.value,
    ...(options.locale ? { locale: options.locale } : {}),
  });
}

function withLocations(diagnostics: readonly Diagnostic[], source: ParsedSource): Diagnostic[] {
  return diagnostics.map((d) => {
    const location = source.locate(d.path);
    return location ? { ...d, location } : d;
  });
}

/** The session's own locale, when the data has a valid one. */
function sessionLocaleOf(data: unknown): Locale {
  const locale = (data as { session?: { locale?: unknown } } | null)?.session?.locale;
  return locale === 'ru' || locale === 'uk' ? locale : 'en';
}

/** The locale written in session text that may not even parse, so syntax errors speak the session's language. */
export function sniffLocale(text: string): Locale {
  const m = /["']?locale["']?\s*:\s*["']?(ru|uk|en)\b/.exec(text);
  return (m?.[1] as Locale | undefined) ?? 'en';
}
