import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ControlStatusChange, diffSessions, type SessionDiff } from '../../src/index.js';
import { ROOT } from '../helpers/sessions.js';

const OLD_FILE = 'fixtures/sessions/industrial-safety.ru.json';
const NEW_FILE = 'fixtures/snapshots/industrial-safety.ru.2027-02.json';
const OLD = readFileSync(join(ROOT, OLD_FILE), 'utf8');
const NEW = readFileSync(join(ROOT, NEW_FILE), 'utf8');

function diffOf(a: unknown, b: unknown): SessionDiff {
  const result = diffSessions(a, b, { oldName: 'old.json', newName: 'new.json' });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics, null, 2));
  return result.value;
}

// biome-ignore lint/suspicious/noExplicitAny: the raw sessions are edited freely
const data = (text: string): any => JSON.parse(text);

describe('diffSessions on the November and February snapshots', () => {
  const diff = diffOf(OLD, NEW);

  it('names both snapshots with the dates they are judged at', () => {
    expect(diff.format).toBe('stratdoc-diff');
    expect(diff.version).toBe(1);
    expect(diff.old.asOf).toBe('2026-11-16');
    expect(diff.new.asOf).toBe('2027-01-31');
    expect(diff.sameSession).toBe(true);
    expect(diff.changed).toBe(true);
  });

  it('finds the new decision, the one it supersedes and the rejected one', () => {
    expect(diff.decisions).toEqual([
      {
        change: 'status',
        id: 'd-tms',
        title: expect.any(String),
        from: 'approved',
        to: 'superseded',
        date: '2026-09-18',
        supersedes: null,
        supersededBy: { id: 'd-tms-phased', title: expect.stringContaining('Поэтапный') },
      },
      {
        change: 'added',
        id: 'd-tms-phased',
        title: expect.stringContaining('Поэтапный'),
        from: null,
        to: 'approved',
        date: '2027-01-20',
        supersedes: { id: 'd-tms', title: expect.any(String) },
        supersededBy: null,
      },
      expect.objectContaining({ change: 'status', id: 'd-new-grades', from: 'proposed', to: 'rejected' }),
    ]);
  });

  it('finds the initiatives whose status changed', () => {
    const initiatives = diff.statuses.filter((s) => s.kind === 'initiative').map((s) => [s.id, s.from, s.to]);
    expect(initiatives).toEqual([
      ['i-permit-process', 'in-progress', 'done'],
      ['i-poster-comms', 'in-progress', 'done'],
      ['i-warehouse-ekb', 'planned', 'in-progress'],
      ['i-new-grades', 'proposed', 'cancelled'],
    ]);
  });

  it('finds the control points whose RAG status changed, with the rule of each', () => {
    const points = diff.statuses.filter((s): s is ControlStatusChange => s.kind === 'controlPoint');
    expect(points.map((s) => [s.id, s.from.status, s.to.status])).toEqual([
      ['cp-ltifr', 'amber', 'green'],
      ['cp-unit-cost', 'no-data', 'amber'],
      ['cp-fl-groups', 'not-due', 'green'],
      ['cp-nm-pilot', 'red', 'green'],
      ['cp-near-miss-reports', 'red', 'amber'],
      ['cp-first-block-train', 'not-due', 'green'],
      ['cp-route-share', 'no-data', 'red'],
      ['cp-wagon-turnaround', 'amber', 'green'],
      ['cp-cmms-data', 'amber', 'green'],
      ['cp-energy', 'amber', 'green'],
      ['cp-grades-board', 'not-due', 'red'],
    ]);
    const ltifr = points.find((s) => s.id === 'cp-ltifr');
    expect(ltifr?.to.rule).toEqual({
      code: 'thresholds',
      actual: 0.74,
      green: 0.75,
      amber: 0.9,
      polarity: 'lower-is-better',
    });
    const grades = points.find((s) => s.id === 'cp-grades-board');
    expect(grades?.to).toEqual({
      rag: 'red',
      status: 'red',
      rule: { code: 'milestone-overdue', due: '2026-12-18', asOf: '2027-01-31' },
    });
    expect(grades?.from.rule.code).toBe('milestone-pending');
  });

  it('finds the slipped dates with the days they moved', () => {
    expect(diff.dates).toEqual([
      {
        kind: 'initiative',
        id: 'i-tms',
        title: expect.any(String),
        field: 'due',
        from: '2027-05-31',
        to: '2027-07-30',
        days: 60,
        controlPoint: null,
      },
      expect.objectContaining({
        kind: 'controlPoint',
        id: 'cp-first-block-train',
        from: '2026-12-15',
        to: '2027-01-25',
        days: 41,
      }),
      expect.objectContaining({
        kind: 'controlPoint',
        id: 'cp-tms-golive',
        from: '2027-05-31',
        to: '2027-07-30',
        days: 60,
      }),
    ]);
  });

  it('gives a date moved earlier as negative days, and a date set as null days', () => {
    const earlier = data(NEW);
    earlier.initiatives.find((i: { id: string }) => i.id === 'i-cmms').start = '2026-09-21';
    const planned = earlier.controlPoints.find((c: { id: string }) => c.id === 'cp-permits-pilot');
    delete planned.due;
    planned.frequency = 'monthly';
    const d = diffOf(NEW, earlier);
    expect(d.dates).toEqual([
      expect.objectContaining({ id: 'i-cmms', field: 'start', from: '2026-10-01', to: '2026-09-21', days: -10 }),
      expect.objectContaining({ id: 'cp-permits-pilot', field: 'due', from: '2027-03-31', to: null, days: null }),
    ]);
  });

  it('lists the new measurements per control point, against the plan of their month and the target', () => {
    expect(diff.measurements.map((m) => m.id)).toEqual([
      'cp-ltifr',
      'cp-unit-cost',
      'cp-fl-groups',
      'cp-fl-safety-talks',
      'cp-loto-audit',
      'cp-nm-pilot',
      'cp-near-miss-reports',
      'cp-contractor-prequal',
      'cp-poster-awareness',
      'cp-first-block-train',
      'cp-route-share',
      'cp-wagon-turnaround',
      'cp-cost-per-tonne',
      'cp-otif',
      'cp-cmms-data',
      'cp-downtime',
      'cp-energy',
    ]);
    const talks = diff.measurements.find((m) => m.id === 'cp-fl-safety-talks');
    expect(talks?.added.map((m) => [m.asOf, m.actual, m.plan, m.target, m.rag])).toEqual([
      ['2026-11-30', 58, 62, 95, 'red'],
      ['2026-12-31', 63, 68, 95, 'red'],
      ['2027-01-31', 61, 72, 95, 'red'],
    ]);
    expect(talks?.added[2]?.comment).toContain('Январские праздники');
    expect(talks?.latest.from?.asOf).toBe('2026-10-31');
    expect(talks?.latest.to).toEqual({ asOf: '2027-01-31', actual: 61 });
    const unitCost = diff.measurements.find((m) => m.id === 'cp-unit-cost');
    expect(unitCost?.added).toEqual([
      { asOf: '2026-12-31', actual: 14180, comment: null, plan: null, target: 13600, rag: 'amber' },
    ]);
    expect(unitCost?.latest.from).toBeNull();
    // A milestone's measurement is judged as the milestone is: done is green.
    expect(diff.measurements.find((m) => m.id === 'cp-first-block-train')?.added[0]).toMatchObject({
      actual: 1,
      rag: 'green',
    });
    expect(diff.measurements.every((m) => m.corrected.length === 0 && m.removed.length === 0)).toBe(true);
  });

  it('tells a corrected measurement from a new one', () => {
    const fixed = data(NEW);
    const otif = fixed.controlPoints.find((c: { id: string }) => c.id === 'cp-otif');
    otif.measurements[0].actual = 85.5;
    const d = diffOf(NEW, fixed);
    expect(d.measurements).toEqual([
      expect.objectContaining({
        id: 'cp-otif',
        added: [],
        corrected: [
          {
            asOf: otif.measurements[0].asOf,
            from: data(NEW).controlPoints.find((c: { id: string }) => c.id === 'cp-otif').measurements[0].actual,
            to: 85.5,
          },
        ],
        removed: [],
      }),
    ]);
  });

  it('matches a countermeasure without an id by its title', () => {
    const later = data(NEW);
    const reports = later.controlPoints.find((c: { id: string }) => c.id === 'cp-near-miss-reports');
    const [measure] = reports.countermeasures;
    expect(measure.id).toBeUndefined();
    measure.status = 'done';
    measure.owner = 'p-hse-dir';
    const d = diffOf(NEW, later);
    expect(d.countermeasures).toEqual([
      expect.objectContaining({ change: 'closed', id: null, title: measure.title, from: 'in-progress', to: 'done' }),
    ]);
    expect(d.owners).toEqual([
      expect.objectContaining({ kind: 'countermeasure', id: null, to: expect.objectContaining({ id: 'p-hse-dir' }) }),
    ]);
    // Reworded, it is another countermeasure: the old one removed, a new one added.
    measure.title = `${measure.title} (уточнено)`;
    expect(diffOf(NEW, later).countermeasures.map((c) => c.change)).toEqual(['added', 'removed']);
  });

  it('finds the new owners', () => {
    expect(diff.owners.map((o) => [o.kind, o.id, o.from?.id, o.to?.id])).toEqual([
      ['initiative', 'i-kpi-dashboard', 'p-fin-plan', 'p-pmo'],
      ['controlPoint', 'cp-dashboard-sites', 'p-fin-plan', 'p-pmo'],
      ['controlPoint', 'cp-dashboard-usage', 'p-fin-plan', 'p-pmo'],
    ]);
    expect(diff.owners[0]?.to?.name).toBe('Лёвина Татьяна Викторовна');
  });

  it('finds the countermeasures added and closed', () => {
    expect(diff.countermeasures.map((c) => [c.change, c.id, c.controlPoint.id, c.from, c.to])).toEqual([
      ['closed', 'cm-nm-server', 'cp-nm-pilot', 'in-progress', 'done'],
      ['added', 'cm-route-share-sylva', 'cp-route-share', null, 'open'],
      ['closed', 'cm-otif-wagons', 'cp-otif', 'in-progress', 'done'],
      ['added', 'cm-otif-tms-early', 'cp-otif', null, 'open'],
      ['added', 'cm-grades-close', 'cp-grades-board', null, 'open'],
    ]);
    expect(diff.countermeasures[1]).toMatchObject({ owner: { id: 'p-log-rail' }, due: '2027-03-15' });
  });

  it('counts every kind of change, and nothing was added or removed', () => {
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.counts).toEqual({
      decisions: 3,
      added: 0,
      removed: 0,
      statuses: 15,
      dates: 3,
      measurements: 17,
      owners: 3,
      countermeasures: 5,
      total: 46,
    });
  });

  it('reports nothing when a snapshot is compared with itself', () => {
    for (const text of [OLD, NEW]) {
      const same = diffOf(text, text);
      expect(same.changed).toBe(false);
      expect(same.counts.total).toBe(0);
      for (const list of [same.decisions, same.statuses, same.dates, same.measurements, same.owners])
        expect(list).toEqual([]);
      expect(same.countermeasures).toEqual([]);
    }
  });

  it('gives the same structure every time, whatever the order of the measurements in the file', () => {
    const shuffled = data(NEW);
    for (const c of shuffled.controlPoints) c.measurements?.reverse();
    expect(diffOf(OLD, shuffled)).toEqual(diff);
    expect(JSON.stringify(diffOf(OLD, NEW))).toBe(JSON.stringify(diff));
  });

  it('reports initiatives and control points added, and removed the other way round', () => {
    const grown = data(NEW);
    grown.initiatives.push({ id: 'i-new-one', title: 'Новая инициатива', owner: 'p-pmo', goals: ['g-otif'] });
    grown.controlPoints.push({
      id: 'cp-new-one',
      title: 'Новая веха',
      kind: 'milestone',
      initiative: 'i-new-one',
      owner: 'p-pmo',
      due: '2027-06-30',
    });
    const d = diffOf(NEW, grown);
    expect(d.added).toEqual([
      { kind: 'initiative', id: 'i-new-one', title: 'Новая инициатива' },
      { kind: 'controlPoint', id: 'cp-new-one', title: 'Новая веха' },
    ]);
    expect(d.removed).toEqual([]);
    const back = diffOf(grown, NEW);
    expect(back.removed).toEqual(d.added);
    expect(back.added).toEqual([]);
    // The reverse of the whole diff: the phased decision is gone, the slip is a move earlier.
    const reverse = diffOf(NEW, OLD);
    expect(reverse.decisions.find((x) => x.id === 'd-tms-phased')).toMatchObject({
      change: 'removed',
      from: 'approved',
      to: null,
    });
    expect(reverse.dates[0]).toMatchObject({ id: 'i-tms', days: -60 });
    expect(reverse.countermeasures.map((c) => c.change)).toEqual([
      'reopened',
      'removed',
      'reopened',
      'removed',
      'removed',
    ]);
  });

  it('warns when the snapshots are of different sessions, and still compares them', () => {
    const other = data(NEW);
    other.session.organisation = 'ООО «Другая компания»';
    const result = diffSessions(OLD, other, { oldName: 'old.json', newName: 'other.json' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.sameSession).toBe(false);
    expect(result.warnings).toEqual([
      expect.objectContaining({
        code: 'diff/different-sessions',
        severity: 'warning',
        file: 'other.json',
        // Quoted inside «…», the organisation's own quotes become „…“.
        message: expect.stringContaining('ООО „Другая компания“'),
      }),
    ]);
  });

  it('stops on invalid input, with diagnostics naming the file and the field of each', () => {
    const broken = data(NEW);
    broken.initiatives[0].owner = 'p-nobody';
    const result = diffSessions('{ "session": ', broken, { oldName: 'old.json', newName: 'new.json' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const files = result.diagnostics.map((d) => d.file);
    expect(files).toContain('old.json');
    expect(files).toContain('new.json');
    const owner = result.diagnostics.find((d) => d.file === 'new.json');
    expect(owner?.path).toEqual(['initiatives', 0, 'owner']);
    expect(owner?.hint).toBeTruthy();
  });
});
