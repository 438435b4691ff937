import type { Diagnostic, PathSegment, Severity } from '../diagnostics/diagnostic.js';
import type { SessionModel } from '../model/index.js';
import type { Locale } from '../schema/index.js';

/** The five artifact principles. */
export type Principle = 1 | 2 | 3 | 4 | 5;

/** A lint finding: a diagnostic tied to one of the five principles. */
export interface Finding extends Diagnostic {
  readonly principle: Principle;
}

type Text = readonly [message: string, hint: string];

/** A five-principle rule: a code, a default severity, its words in each language, and the check. */
export interface LintRule {
  readonly code: string;
  readonly principle: Principle;
  readonly severity: Severity;
  readonly text: Readonly<Record<Locale, Text>>;
  /** Calls `report` once per offending place, with values for the `{name}` placeholders of the text. */
  readonly check: (
    model: SessionModel,
    report: (path: readonly PathSegment[], params?: Record<string, string | number>) => void,
  ) => void;
}

/** Declares a rule; the principle is read from the code's `P<n>-` prefix. */
export function defineRule(rule: Omit<LintRule, 'principle'>): LintRule {
  const principle = Number(/^P([1-5])-/.exec(rule.code)?.[1]);
  if (!principle) throw new Error(`lint rule code must start with P1- … P5-: ${rule.code}`);
  return { ...rule, principle: principle as Principle };
}
