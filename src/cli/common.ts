import { type Diagnostic, formatDiagnostics, hasErrors, type ReportFormat } from '../diagnostics/index.js';
import { describeIssue } from '../diagnostics/messages.js';
import type { Locale } from '../schema/index.js';
import type { CliIo } from './io.js';

/** Exit codes of the CLI. */
export const EXIT = { ok: 0, findings: 1, invalid: 2, internal: 3 } as const;

/** A mistake in the command line: printed with a pointer to --help, exit 2. */
export class UsageError extends Error {}

export interface ReportOptions {
  readonly reporter: ReportFormat;
  readonly locale: Locale | undefined;
}

/** The text of a file, or of standard input for `-`; a diagnostic when it cannot be read. */
export async function readInput(
  file: string,
  locale: Locale | undefined,
  io: CliIo,
): Promise<{ text: string; name: string } | { error: Diagnostic }> {
  const name = file === '-' ? '<stdin>' : file;
  try {
    return { text: file === '-' ? await io.readStdin() : await io.readText(file), name };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const detail = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    const text = describeIssue('input/read', locale ?? 'en', { file: name, detail });
    return { error: { code: 'input/read', severity: 'error', path: [], ...text } };
  }
}

/** Prints diagnostics (to stderr for people, as JSON on stdout for machines) and returns `code`. */
export function report(
  diagnostics: readonly Diagnostic[],
  file: string,
  locale: Locale,
  options: ReportOptions,
  io: CliIo,
  code: number,
): number {
  if (options.reporter === 'json')
    io.stdout(`${JSON.stringify({ file, valid: !hasErrors(diagnostics), diagnostics }, null, 2)}\n`);
  else io.stderr(formatDiagnostics(diagnostics, { file, locale, color: io.color }));
  return code;
}

export function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of: ${allowed.join(', ')}`);
}
