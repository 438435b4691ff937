import type { Diagnostic, Result, SourceLocation } from './diagnostics/diagnostic.js';
import { type Finding, type LintOptions, lintSession } from './lint/index.js';
import { buildModel, type SessionModel } from './model/index.js';
import { type ParsedSource, parseSessionText, type SourceFormat, validateSession } from './validate/index.js';

/** What checking a session yields: the model and its five-principle findings. */
export interface CheckedSession {
  readonly model: SessionModel;
  /** Lint findings, with line and column when the session was given as text. */
  readonly findings: readonly Finding[];
  /** Validation warnings (not lint findings). */
  readonly warnings: readonly Diagnostic[];
}

/** Options of `checkSession`. */
export interface CheckOptions extends LintOptions {
  readonly format?: SourceFormat;
  readonly fileName?: string;
  /** The date statuses are judged at; defaults to the latest measurement or the session date. */
  readonly asOf?: string;
}

/**
 * Runs the front half of the pipeline — parse (for text) → validate → buildModel → lint — and collects every
 * diagnostic on the way. Each stage is also exported on its own.
 */
export function checkSession(input: unknown, options: CheckOptions = {}): Result<CheckedSession> {
  const { locale } = options;
  let source: ParsedSource | undefined;
  if (typeof input === 'string') {
    const parsed = parseSessionText(input, {
      ...(locale ? { locale } : {}),
      ...(options.format ? { format: options.format } : {}),
      ...(options.fileName ? { fileName: options.fileName } : {}),
    });
    if (!parsed.ok) return parsed;
    source = parsed.value;
  }
  const validated = validateSession(source ? source.data : input, {
    ...(locale ? { locale } : {}),
    ...(source ? { source } : {}),
  });
  if (!validated.ok) return validated;
  // A requested language is the language of everything after validation: messages and documents alike.
  const session = locale ? { ...validated.value, session: { ...validated.value.session, locale } } : validated.value;
  const model = buildModel(session, options.asOf ? { asOf: options.asOf } : {});
  const findings = lintSession(model, options).map((finding) => (source ? located(finding, source) : finding));
  return { ok: true, value: { model, findings, warnings: validated.warnings }, warnings: validated.warnings };
}

/**
 * A finding whose `location` (line and column in the session file) is found when first read: finding places in
 * the text means indexing the whole file, which a build that only counts its findings does without.
 */
function located(finding: Finding, source: ParsedSource): Finding {
  let location: SourceLocation | undefined | null = null;
  const out = { ...finding };
  Object.defineProperty(out, 'location', {
    enumerable: true,
    configurable: true,
    get() {
      if (location === null) location = source.locate(finding.path);
      return location;
    },
  });
  return out;
}
