import type { PathSegment, Severity } from '../diagnostics/diagnostic.js';
import type { SessionModel } from '../model/index.js';
import type { Locale } from '../schema/index.js';
import { P1_RULES } from './p1-decisions.js';
import { P2_RULES } from './p2-resources.js';
import { P3_RULES } from './p3-initiatives.js';
import { P4_RULES } from './p4-control.js';
import { P5_RULES } from './p5-communication.js';
import { interpolate } from '../format/index.js';
import type { Finding, LintRule } from './rule.js';

/** Every built-in rule, principle by principle. */
export const LINT_RULES: readonly LintRule[] = [...P1_RULES, ...P2_RULES, ...P3_RULES, ...P4_RULES, ...P5_RULES];

/** Options of the linter. */
export interface LintOptions {
  /** Language of the messages; defaults to the session's locale. */
  readonly locale?: Locale;
  /** Severity per rule code, or `off` to turn a rule off. */
  readonly rules?: Readonly<Record<string, Severity | 'off'>>;
}

/** Checks the model against the five artifact principles; findings come ordered by principle, then by rule. */
export function lintSession(model: SessionModel, options: LintOptions = {}): Finding[] {
  const locale = options.locale ?? model.session.locale;
  const findings: Finding[] = [];
  for (const rule of LINT_RULES) {
    const setting = options.rules?.[rule.code];
    if (setting === 'off') continue;
    const severity = setting ?? rule.severity;
    const [message, hint] = rule.text[locale];
    rule.check(model, (path: readonly PathSegment[], params = {}) => {
      findings.push({
        code: rule.code,
        principle: rule.principle,
        severity,
        path,
        message: interpolate(message, params),
        hint: interpolate(hint, params),
      });
    });
  }
  return findings;
}
