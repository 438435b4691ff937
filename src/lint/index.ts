export { LINT_RULES, type LintOptions, lintSession } from './lint-session.js';
export type { Finding, LintRule, Principle } from './rule.js';
export { lintRulesMarkdown } from './rules-markdown.js';
