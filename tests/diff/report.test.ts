import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDiff, composeDiff, type DocumentLayout, nodeEnv, renderDiffReport } from '../../src/index.js';
import { layoutProblems } from '../helpers/layout.js';
import { ROOT } from '../helpers/sessions.js';

const OLD = readFileSync(join(ROOT, 'fixtures/sessions/industrial-safety.ru.json'), 'utf8');
const NEW = readFileSync(join(ROOT, 'fixtures/snapshots/industrial-safety.ru.2027-02.json'), 'utf8');

type Page = DocumentLayout['pages'][number];

/** Headings with nothing of their own section after them on their page. */
function headingsAlone(page: Page): string[] {
  const texts = page.boxes.flatMap((b) => (b.kind === 'text' && b.text.trim() !== '' ? [b] : []));
  return page.boxes.flatMap((b) => {
    if (b.kind !== 'anchor') return [];
    const below = texts.filter((t) => t.top > b.y && !b.title.includes(t.text.trim()));
    return below.length === 0 ? [b.title] : [];
  });
}

async function report(locale: 'ru' | 'en' | 'uk') {
  const checked = checkDiff(OLD, NEW, { locale });
  if (!checked.ok) throw new Error(JSON.stringify(checked.diagnostics.slice(0, 3)));
  const pdf = await renderDiffReport(checked.value, nodeEnv(), 'pdf');
  if (!pdf.ok) throw new Error(JSON.stringify(pdf.diagnostics.slice(0, 3)));
  return pdf;
}

describe('the view of the diff report', () => {
  it('sums each kind of change up: better and worse, later and earlier, the largest slip', () => {
    const checked = checkDiff(OLD, NEW);
    if (!checked.ok) throw new Error('invalid');
    const view = composeDiff(checked.value);
    const summary = Object.fromEntries(view.summary.map((s) => [s.key, s]));
    expect(Object.keys(summary)).toEqual([
      'decisions',
      'statuses',
      'dates',
      'measurements',
      'owners',
      'countermeasures',
    ]);
    expect(summary.decisions?.details).toEqual([
      { key: 'newDecision', count: 1 },
      { key: 'superseded', count: 1 },
      { key: 'rejected', count: 1 },
    ]);
    // Eight control points better (grey to green counts), two worse (grey to red), one judged amber for the first time.
    expect(summary.statuses?.details).toEqual([
      { key: 'better', count: 8 },
      { key: 'worse', count: 2 },
      { key: 'initiativesDone', count: 2 },
      { key: 'initiativesCancelled', count: 1 },
    ]);
    expect(summary.dates).toMatchObject({ details: [{ key: 'later', count: 3 }], maxLater: 60 });
    expect(summary.measurements?.details).toEqual([{ key: 'values', count: 32 }]);
    expect(summary.countermeasures?.details).toEqual([
      { key: 'cmAdded', count: 3 },
      { key: 'cmClosed', count: 2 },
    ]);
    // Measurements as aligned lines per control point, bare figures with the unit beside the title.
    const talks = view.measurements.find((m) => m.id === 'cp-fl-safety-talks');
    expect(talks).toMatchObject({ unit: null, target: '95\u00a0%', milestone: false });
    expect(talks?.rows.map((r) => [r.date, r.actual, r.plan, r.status])).toEqual([
      ['30.11.2026', '58\u00a0%', '62\u00a0%', 'red'],
      ['31.12.2026', '63\u00a0%', '68\u00a0%', 'red'],
      ['31.01.2027', '61\u00a0%', '72\u00a0%', 'red'],
    ]);
    expect(view.dates[0]).toMatchObject({ from: '31.05.2027', to: '30.07.2027', days: 60, later: true });
    expect(view.measurementsPart).toBe('measurements');
  });

  it('shows measurements the newer snapshot no longer has, under another title', () => {
    const checked = checkDiff(NEW, OLD);
    if (!checked.ok) throw new Error('invalid');
    const view = composeDiff(checked.value);
    expect(view.measurementsPart).toBe('measurementsChanged');
    const talks = view.measurements.find((m) => m.id === 'cp-fl-safety-talks');
    expect(talks?.rows.map((r) => [r.date, r.removed, r.status])).toEqual([
      ['30.11.2026', true, null],
      ['31.12.2026', true, null],
      ['31.01.2027', true, null],
    ]);
    const summary = view.summary.find((s) => s.anchor === 'measurements');
    expect(summary).toMatchObject({ key: 'measurementsChanged', details: [{ key: 'removedValues', count: 32 }] });
    expect(view.dates.every((d) => !d.later)).toBe(true);
  });
});

describe('the diff report as PDF', () => {
  for (const locale of ['ru', 'en', 'uk'] as const) {
    it(`${locale}: every page clean — nothing outside the margins, no overlaps, no heading alone at a foot`, async () => {
      const pdf = await report(locale);
      expect(pdf.warnings.filter((w) => w.code.startsWith('pdf/'))).toEqual([]);
      const layout = pdf.value.layout as DocumentLayout;
      expect(layout.pages.length).toBeGreaterThanOrEqual(4);
      expect(layout.pages.length).toBeLessThanOrEqual(8);
      // The heading check has headings to look at: the title, the summary and the six parts.
      expect(layout.pages.flatMap((p) => p.boxes.filter((b) => b.kind === 'anchor'))).toHaveLength(8);
      const problems = layout.pages.flatMap((p, n) => [
        ...layoutProblems(p).map((x) => `page ${n + 1}: ${x}`),
        ...headingsAlone(p).map((x) => `page ${n + 1}: heading "${x}" alone at the foot`),
      ]);
      expect(problems).toEqual([]);
    }, 60_000);
  }

  it('repeats the header of a table continued on the next page', async () => {
    const layout = (await report('ru')).value.layout as DocumentLayout;
    const tops = layout.pages.map((p) =>
      p.boxes
        .flatMap((b) => (b.kind === 'text' ? [b] : []))
        .sort((a, b) => a.top - b.top)
        .slice(0, 4)
        .map((b) => b.text)
        .join(' '),
    );
    // The measurements run over a page: the next one opens with their header again.
    expect(tops.some((t, n) => n > 0 && t.startsWith('Контрольная точка Дата Факт'))).toBe(true);
  }, 60_000);
});
