import type { Locale } from '../schema/index.js';
import { LINT_RULES } from './lint-session.js';

const PRINCIPLES: Record<number, string> = {
  1: 'Record the essence of decisions — what was decided and why — not the course of the discussion.',
  2: 'Be the basis for resource planning: what will be done, who is responsible, which resources are needed first.',
  3: 'Show how the initiatives connect to each other and lead to one goal: a whole path, not scattered tasks.',
  4: 'Carry built-in control: every plan has clear, measurable milestones and indicators.',
  5: 'Be a communication tool for the whole company, down to the shift foreman.',
};

/** The rule reference as Markdown, generated from the rules themselves so it cannot drift. */
export function lintRulesMarkdown(locale: Locale = 'en'): string {
  const lines = [
    '# Lint rules',
    '',
    '<!-- Generated from src/lint by `npm run docs`; do not edit by hand. -->',
    '',
    `\`stratdoc lint\` checks a session against the five artifact principles with ${LINT_RULES.length} rules.`,
    'Severity `error` fails the command (exit 1); `warning` fails it only with `--strict`; `info` never does.',
    'In the library, `lintSession(model, { rules: { CODE: "off" | "error" | "warning" | "info" } })` changes a rule.',
    'Placeholders in braces are filled with the names from the session.',
  ];
  for (const principle of [1, 2, 3, 4, 5]) {
    lines.push(
      '',
      `## P${principle}. ${PRINCIPLES[principle]}`,
      '',
      '| code | severity | finding | how to fix |',
      '|---|---|---|---|',
    );
    for (const rule of LINT_RULES.filter((r) => r.principle === principle)) {
      const [message, hint] = rule.text[locale];
      lines.push(`| \`${rule.code}\` | ${rule.severity} | ${cell(message)} | ${cell(hint)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
