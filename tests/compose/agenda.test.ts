import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type AgendaView, checkSession, composeAgenda, quadrantOf } from '../../src/index.js';
import { buildArtifact } from '../helpers/build.js';
import { canReadPdfText, pdfPageTexts } from '../helpers/programs.js';
import { fixtureData, starter } from '../helpers/sessions.js';

const CORPORATE = 'corporate-planning.en.yaml';
const INDUSTRIAL = 'industrial-safety.ru.json';
const CITY = 'city-swot.uk.json';

// biome-ignore lint/suspicious/noExplicitAny: tests change the raw session freely
type Raw = any;

const raw = (name: string): Raw => structuredClone(fixtureData(name));

function agendaOf(data: unknown): AgendaView {
  const checked = checkSession(data);
  if (!checked.ok) throw new Error(JSON.stringify(checked.diagnostics.slice(0, 3)));
  const composed = composeAgenda(checked.value.model);
  if (!('view' in composed)) throw new Error(JSON.stringify(composed.diagnostics));
  return composed.view;
}

function corporateOf(data: unknown) {
  const parts = agendaOf(data).corporate;
  if (!parts) throw new Error('no corporate agenda');
  return parts;
}

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h as number) * 60 + (m as number);
};

const canRead = canReadPdfText();
const pagesOf = (pdf: Uint8Array) => pdfPageTexts(pdf);

describe('agenda of a corporate session: the timetable', () => {
  it('chains blocks without a start to the end of the previous one, and shows start + duration as the end', () => {
    const data = raw(CORPORATE);
    data.session.endDate = '2026-10-06';
    data.agenda = [
      { id: 'b1', title: 'Opening', start: '08:30', duration: 20, kind: 'welcome' },
      { id: 'b2', title: 'Review', duration: 70, kind: 'review' },
      { id: 'b3', title: 'Coffee', duration: 15, kind: 'break' },
      { id: 'b4', title: 'Ideas', start: '11:00', duration: 50, kind: 'ideas' },
      { id: 'b5', title: 'Ranking', duration: 45, kind: 'prioritisation' },
      { id: 'c1', title: 'Second morning', day: '2026-10-06', duration: 30 },
      { id: 'c2', title: 'Decisions', day: '2026-10-06', duration: 95, kind: 'decisions' },
    ];
    const { days } = corporateOf(data);
    expect(days.map((d) => d.blocks.map((b) => b.time))).toEqual([
      ['08:30–08:50', '08:50–10:00', '10:00–10:15', '11:00–11:50', '11:50–12:35'],
      ['09:00–09:30', '09:30–11:05'],
    ]);
    expect(days.map((d) => [d.number, d.isoDate, d.span])).toEqual([
      [1, '2026-10-05', '08:30–12:35'],
      [2, '2026-10-06', '09:00–11:05'],
    ]);
    expect(days[0]?.blocks.map((b) => b.isBreak)).toEqual([false, false, true, false, false]);
    expect(days[1]?.blocks[1]?.duration).toBe('1 hr 35 mins');
  });

  it('the fixtures: every end is its start plus its duration, and blocks follow each other within a day', () => {
    for (const name of [CORPORATE, INDUSTRIAL]) {
      const data = raw(name);
      const { days } = corporateOf(data);
      const blocks = days.flatMap((d) => d.blocks);
      expect(blocks.map((b) => b.id)).toEqual(data.agenda.map((b: Raw) => b.id));
      for (const [i, b] of blocks.entries()) {
        const input = data.agenda[i];
        expect(minutes(b.end) - minutes(b.start), `${name} ${b.id}`).toBe(input.duration);
        if (input.start) expect(b.start).toBe(input.start);
      }
      for (const d of days) {
        for (let i = 1; i < d.blocks.length; i++) {
          expect(minutes(d.blocks[i]?.start as string)).toBeGreaterThanOrEqual(minutes(d.blocks[i - 1]?.end as string));
        }
      }
    }
    expect(corporateOf(raw(CORPORATE)).days).toHaveLength(1);
    expect(corporateOf(raw(INDUSTRIAL)).days.map((d) => d.isoDate)).toEqual(['2026-09-17', '2026-09-18']);
  });

  it.runIf(canRead)('the Russian two-day session prints a heading per day with its times', async () => {
    const { outputs } = await buildArtifact(raw(INDUSTRIAL), 'agenda', ['pdf']);
    const text = pagesOf(outputs[0]?.data as Uint8Array).join(' ');
    expect(text).toContain('День 1 · четверг, 17 сентября 2026 г. · 09:00–18:00');
    expect(text).toContain('День 2 · пятница, 18 сентября 2026 г. · 09:00–17:45');
    expect(text.indexOf('День 1 ·')).toBeLessThan(text.indexOf('День 2 ·'));
    // The second day's first block sits between the two headings' successors, not under day 1.
    expect(text.indexOf('Что решили вчера')).toBeGreaterThan(text.indexOf('День 2 ·'));
  });
});

describe('agenda of a corporate session: impact × feasibility', () => {
  it('places every scored initiative in the cell of its scores and nowhere else', () => {
    const data = raw(CORPORATE);
    const { matrix } = corporateOf(data);
    if (!matrix) throw new Error('no matrix');
    const scored = data.initiatives.filter((n: Raw) => n.impact && n.feasibility);
    expect(scored.length).toBeGreaterThan(10);
    const placed = matrix.rows.flatMap((r) =>
      r.cells.flatMap((c) => c.items.map((i) => ({ id: i.id, impact: r.impact, feasibility: c.feasibility }))),
    );
    expect(placed.map((p) => p.id).sort()).toEqual(scored.map((n: Raw) => n.id).sort());
    for (const n of scored) {
      expect(
        placed.find((p) => p.id === n.id),
        n.id,
      ).toEqual({
        id: n.id,
        impact: n.impact,
        feasibility: n.feasibility,
      });
    }
    // Rows run from impact 5 down, columns from feasibility 1 (hard) to 5 (easy).
    expect(matrix.rows.map((r) => r.impact)).toEqual([5, 4, 3, 2, 1]);
    expect(matrix.rows[0]?.cells.map((c) => c.feasibility)).toEqual([1, 2, 3, 4, 5]);
    expect(matrix.unscored).toEqual([]);
  });

  it('names the quadrants in their corners and lists each initiative once under its quadrant', () => {
    const { matrix } = corporateOf(raw(CORPORATE));
    if (!matrix) throw new Error('no matrix');
    expect(quadrantOf(5, 5)).toBe('quick-wins');
    expect(quadrantOf(5, 1)).toBe('major-projects');
    expect(quadrantOf(1, 5)).toBe('fill-ins');
    expect(quadrantOf(2, 2)).toBe('thankless');
    expect(quadrantOf(3, 3)).toBe('quick-wins');
    const corners = matrix.rows.flatMap((r) =>
      r.cells.filter((c) => c.label).map((c) => [r.impact, c.feasibility, c.label]),
    );
    expect(corners).toEqual([
      [5, 1, 'major-projects'],
      [5, 5, 'quick-wins'],
      [1, 1, 'thankless'],
      [1, 5, 'fill-ins'],
    ]);
    const listed = matrix.quadrants.flatMap((q) => q.items.map((i) => [i.id, q.id]));
    expect(listed).toHaveLength(matrix.count);
    for (const q of matrix.quadrants) for (const i of q.items) expect(quadrantOf(i.impact, i.feasibility)).toBe(q.id);
    const food = listed.find(([id]) => id === 'i-fnb-vertical');
    expect(food?.[1]).toBe('major-projects');
  });

  it('lists initiatives without both scores apart, and leaves cancelled ones out', () => {
    const data = raw(CORPORATE);
    const byId = (id: string) => data.initiatives.find((n: Raw) => n.id === id);
    delete byId('i-community').feasibility;
    delete byId('i-porto-support').impact;
    delete byId('i-porto-support').feasibility;
    byId('i-fnb-vertical').status = 'cancelled';
    const { matrix } = corporateOf(data);
    if (!matrix) throw new Error('no matrix');
    expect(matrix.unscored.map((u) => [u.id, u.impact, u.feasibility])).toEqual([
      ['i-community', 2, null],
      ['i-porto-support', null, null],
    ]);
    const inCells = matrix.rows.flatMap((r) => r.cells.flatMap((c) => c.items.map((i) => i.id)));
    for (const id of ['i-community', 'i-porto-support', 'i-fnb-vertical']) expect(inCells).not.toContain(id);
    expect(matrix.unscored.map((u) => u.id)).not.toContain('i-fnb-vertical');
  });

  it.runIf(canRead)('the PDF shows the grid, the quadrant names, the legend and the unscored list', async () => {
    const data = raw(CORPORATE);
    delete data.initiatives.find((n: Raw) => n.id === 'i-community').feasibility;
    const { outputs } = await buildArtifact(data, 'agenda', ['pdf', 'docx']);
    const pages = pagesOf(outputs.find((o) => o.format === 'pdf')?.data as Uint8Array);
    const matrixPage = pages.find((p) => p.includes('Proposals by impact and feasibility')) ?? '';
    for (const label of ['Quick wins', 'Major projects', 'Fill-ins', 'Thankless tasks']) {
      expect(matrixPage).toContain(label);
    }
    // Without its feasibility the community proposal drops off the grid, and the numbers after it close up.
    expect(matrixPage).toContain('12 Food & beverage industry package (proposed)');
    expect(matrixPage).toContain('F. Baumann 3 1');
    const all = pages.join(' ');
    expect(all).toMatch(
      /Not scored yet .*Customer community and a 2027 user conference — Aylin Demir \(proposed; impact 2, feasibility missing\)/,
    );
    const docx = outputs.find((o) => o.format === 'docx')?.data as Uint8Array;
    const xml = strFromU8(unzipSync(docx)['word/document.xml'] as Uint8Array);
    // The grid is a Word table whose cells carry the quadrant shading.
    for (const text of ['Quick wins', 'Thankless tasks', 'Not scored yet', 'Food &amp; beverage industry package']) {
      expect(xml).toContain(text);
    }
    expect(xml).toContain('w:fill="DCEFD8"');
  });
});

describe('agenda of a corporate session: preparation', () => {
  it('gives each owner their goals, KPIs with the value known before the session, progress, unit data and feedback', () => {
    const data = raw(CORPORATE);
    const uptime = data.controlPoints.find((c: Raw) => c.id === 'c-uptime');
    uptime.measurements = [
      { asOf: '2026-09-30', actual: 99.87 },
      { asOf: '2026-10-31', actual: 99.97 },
    ];
    const { preparation } = corporateOf(data);
    const owner = (name: string) => preparation.owners.find((o) => o.name === name);
    const greta = owner('Greta Olsen');
    // Measured on 30 September, before the session; the October value comes after it and is not shown.
    expect(greta?.items.find((i) => i.title === 'Platform availability')?.current).toEqual({
      value: '99.87%',
      asOf: '30 Sept 2026',
      baseline: false,
    });
    // Nothing measured before the session: the baseline is the value to start from.
    expect(greta?.items.find((i) => i.title === 'Mean time to restore service (P1/P2)')?.current).toEqual({
      value: '140\u00a0minutes',
      asOf: null,
      baseline: true,
    });
    expect(greta?.role).toBe('SRE and security lead · Cloud Operations');
    const aylin = owner('Aylin Demir');
    expect(aylin?.items.map((i) => i.kind)).toEqual([
      'goals',
      'kpis',
      'kpis',
      'kpis',
      'progress',
      'unit-data',
      'feedback',
      'proposals',
    ]);
    expect(aylin?.items.find((i) => i.kind === 'feedback')?.title).toMatch(/^Customer feedback from the Q3 renewal/);
    expect(aylin?.items.find((i) => i.kind === 'proposals')?.block?.when).toBe('12:45');
    expect(aylin?.items.find((i) => i.kind === 'goals')?.block).toMatchObject({ when: '09:15', review: true });
    expect(preparation.everyone.map((i) => [i.kind, i.block?.when])).toEqual([['misc', '10:15']]);
    // Every KPI with an owner is on that owner's list; every unit head brings the unit's data.
    for (const c of data.controlPoints.filter((c: Raw) => c.kind === 'kpi' && c.owner)) {
      const name = data.people.find((p: Raw) => p.id === c.owner).name;
      expect(
        owner(name)?.items.some((i) => i.kind === 'kpis' && i.title === c.title),
        c.id,
      ).toBe(true);
    }
    for (const u of data.units) {
      const name = data.people.find((p: Raw) => p.id === u.head).name;
      expect(
        owner(name)?.items.some((i) => i.kind === 'unit-data' && i.title === u.name),
        u.id,
      ).toBe(true);
    }
    expect(preparation.unassigned).toEqual([]);
  });

  it('collects what has no owner under “nobody named yet”', () => {
    const data = raw(CORPORATE);
    delete data.goals.find((g: Raw) => g.id === 'g-margin').owner;
    const { preparation } = corporateOf(data);
    expect(preparation.unassigned.map((i) => [i.kind, i.title])).toEqual([['goals', 'Blended gross margin of 72 %']]);
    expect(preparation.owners.flatMap((o) => o.items).some((i) => i.title === 'Blended gross margin of 72 %')).toBe(
      false,
    );
  });

  it.runIf(canRead)('the PDF prints each owner with their KPIs’ current values under their name', async () => {
    const data = raw(CORPORATE);
    const { preparation } = corporateOf(data);
    const { outputs } = await buildArtifact(data, 'agenda', ['pdf']);
    const text = pagesOf(outputs[0]?.data as Uint8Array).join(' ');
    const start = text.indexOf('Preparation: who brings what');
    expect(start).toBeGreaterThan(0);
    const names = preparation.owners.map((o) => o.name);
    const at = names.map((n) => text.indexOf(n, start));
    // Every owner appears, in the order of the list.
    expect(at.every((i) => i > start)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const section = (name: string) => {
      const i = names.indexOf(name);
      return text.slice(at[i], at[i + 1] ?? text.indexOf('Proposals by impact', start));
    };
    expect(section('Daniel Okafor')).toContain(
      'KPI: Blended gross margin now 66.5% (baseline) target 70% by 30 Jun 2027',
    );
    expect(section('Sven Lindqvist')).toContain('now 118 k EUR per month (baseline)');
    expect(section('Rui Almeida')).toContain('Feedback: What customers said in the go-live reviews');
    expect(section('Aylin Demir')).toContain(
      'Proposal: Customer community and a 2027 user conference · for 12:45 proposed',
    );
  });

  it('reports a preparation owner who is not a person, with the path and a hint', () => {
    const data = raw(CORPORATE);
    data.agenda[1].preparation[0].owner = 'p-vpc';
    const checked = checkSession(data);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const d = checked.diagnostics.find((x) => x.path.join('.') === 'agenda.1.preparation.0.owner');
    expect(d?.severity).toBe('error');
    expect(d?.hint ?? '').toContain('p-vpcs');
  });
});

describe('agenda of a small corporate session', () => {
  it('builds without review or ranking block, and names what has no owner yet', async () => {
    const data = starter();
    data.agenda = [
      { id: 'a', title: 'Start', start: '10:00', duration: 30 },
      { id: 'b', title: 'Lunch', duration: 45, kind: 'break' },
    ];
    const { preparation, objectives, days } = corporateOf(data);
    expect(days[0]?.blocks.map((b) => b.time)).toEqual(['10:00–10:30', '10:30–11:15']);
    expect(objectives.outcomes).toEqual([]);
    expect(preparation.reviewBlock).toBeNull();
    expect(preparation.owners.flatMap((o) => o.items).every((i) => i.block === null)).toBe(true);
    expect(preparation.unassigned.map((i) => i.kind)).toContain('goals');
    const { outputs } = await buildArtifact(data, 'agenda', ['html']);
    const html = new TextDecoder().decode(outputs[0]?.data);
    expect(html).toContain('Each participant prepares the items under their name.</p>');
    expect(html).not.toContain('are presented in');
    expect(html).toContain('Nobody named yet');
  });
});

describe('agenda of a dynamic-network session', () => {
  it('keeps its run sheet and facilitator sheets and gets no corporate parts', () => {
    const view = agendaOf(raw(CITY));
    expect(view.network).toBe(true);
    expect(view.corporate).toBeNull();
    expect(view.facilitator.map((s) => s.step)).toEqual(['profile', 'cross', 'agreement']);
    expect(view.facilitator.every((s) => s.tables.every((t) => t.members.length > 0))).toBe(true);
  });

  it.runIf(canRead)('its PDF still carries the facilitator sheets and no preparation list', async () => {
    const { outputs } = await buildArtifact(raw(CITY), 'agenda', ['pdf']);
    const text = pagesOf(outputs[0]?.data as Uint8Array).join(' ');
    expect(text).toContain('Аркуш модератора: профільні групи');
    expect(text).toContain('Аркуш модератора: узгоджувальні групи');
    expect(text).not.toContain('Підготовка: хто що приносить');
  });
});
