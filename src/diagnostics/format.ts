import type { Locale } from '../schema/index.js';
import { type Diagnostic, formatPath } from './diagnostic.js';

/** How diagnostics are printed: for people or for machines. */
export type ReportFormat = 'text' | 'json';

const LABELS: Record<Locale, Record<Diagnostic['severity'] | 'hint', string>> = {
  en: { error: 'error', warning: 'warning', info: 'info', hint: 'hint' },
  ru: { error: 'ошибка', warning: 'предупреждение', info: 'заметка', hint: 'подсказка' },
  uk: { error: 'помилка', warning: 'попередження', info: 'примітка', hint: 'підказка' },
};

/**
 * Formats diagnostics. Text: one block per diagnostic, `file:line:col  severity  path  message`, hint below.
 * JSON: `{ file, diagnostics: [...] }`, stable keys, for CI.
 */
export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  options: { format?: ReportFormat; file?: string; locale?: Locale; color?: boolean } = {},
): string {
  const file = options.file ?? '<input>';
  if (options.format === 'json') return `${JSON.stringify({ file, diagnostics }, null, 2)}\n`;
  const labels = LABELS[options.locale ?? 'en'];
  const paint = (code: string, s: string) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const tone: Record<Diagnostic['severity'], string> = { error: '31', warning: '33', info: '36' };
  return diagnostics
    .map((d) => {
      const where = d.location ? `${file}:${d.location.line}:${d.location.column}` : file;
      const head = `${paint('1', where)}  ${paint(tone[d.severity], labels[d.severity])} ${paint('2', d.code)}`;
      const lines = [head, d.path.length > 0 ? `  ${formatPath(d.path)}: ${d.message}` : `  ${d.message}`];
      if (d.hint) lines.push(`  ${paint('2', `${labels.hint}:`)} ${d.hint}`);
      return lines.join('\n');
    })
    .join('\n\n')
    .concat(diagnostics.length > 0 ? '\n' : '');
}
