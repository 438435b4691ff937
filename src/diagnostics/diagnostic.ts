/** How serious a diagnostic or lint finding is. */
export type Severity = 'error' | 'warning' | 'info';

/** One segment of a path into the session: an object key or an array index. */
export type PathSegment = string | number;

/** A place in the source text, 1-based. */
export interface SourceLocation {
  readonly line: number;
  readonly column: number;
}

/** A problem found in the input, as plain data; formatting for people or machines is separate. */
export interface Diagnostic {
  /** Stable machine-readable code, e.g. `ref/unknown` or `P1-rationale-missing`. */
  readonly code: string;
  readonly severity: Severity;
  /** Path of the offending field in the session, e.g. `['initiatives', 3, 'owner']`. */
  readonly path: readonly PathSegment[];
  /** What is wrong, in the session's or the requested language. */
  readonly message: string;
  /** How to fix it. */
  readonly hint?: string;
  /** Where the offending field is in the source text, when the text is known. */
  readonly location?: SourceLocation;
  /** The file `location` refers to, when it is not the session file (e.g. a template). */
  readonly file?: string;
}

/** The outcome of a stage that can fail: a value with warnings, or the diagnostics that stopped it. */
export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Formats a path the way people write it: `initiatives[3].owner`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out || '(root)';
}

/** Whether any diagnostic in the list is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
