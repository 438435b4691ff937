import type { Diagnostic, Result } from './diagnostics/diagnostic.js';
import { type Finding, type LintOptions, lintSession } from './lint/index.js';
import { buildModel, type SessionModel } from './model/index.js';
import type { Locale } from './schema/index.js';
import { type SourceFormat, validateSession, validateSessionText } from './validate/index.js';

/** What checking a session yields: the model and its five-principle findings. */
export interface CheckedSession {
  readonly model: SessionModel;
  readonly findings: readonly Finding[];
  /** Validation warnings (not lint findings). */
  readonly warnings: readonly Diagnostic[];
}

/** Options of `checkSession`. */
export interface CheckOptions extends LintOptions {
  readonly format?: SourceFormat;
  readonly fileName?: string;
  readonly asOf?: string;
}

/**
 * Runs the front half of the pipeline — validate → buildModel → lint — on text or on already parsed data.
 * Each stage is also exported on its own.
 */
export function checkSession(input: string | unknown, options: CheckOptions = {}): Result<CheckedSession> {
  const locale: Locale | undefined = options.locale;
  const validated =
    typeof input === 'string'
      ? validateSessionText(input, {
          ...(locale ? { locale } : {}),
          ...(options.format ? { format: options.format } : {}),
          ...(options.fileName ? { fileName: options.fileName } : {}),
        })
      : validateSession(input, locale ? { locale } : {});
  if (!validated.ok) return validated;
  const model = buildModel(validated.value, options.asOf ? { asOf: options.asOf } : {});
  const findings = lintSession(model, options);
  return { ok: true, value: { model, findings, warnings: validated.warnings }, warnings: validated.warnings };
}
