import { describe, expect, it } from 'vitest';
import { buildModel, type SessionModel, validateSession } from '../../src/index.js';
import { FIXTURES, fixtureData, starter } from '../helpers/sessions.js';

// biome-ignore lint/suspicious/noExplicitAny: the raw session is mutated freely
function model(raw: any, asOf?: string): SessionModel {
  const validated = validateSession(raw);
  if (!validated.ok) throw new Error(JSON.stringify(validated.diagnostics, null, 2));
  return buildModel(validated.value, asOf ? { asOf } : {});
}

describe('buildModel', () => {
  const m = model(starter());
  const init = (id: string) => m.index.initiatives.get(id)!;
  const cp = (id: string) => m.index.controlPoints.get(id)!;

  it('resolves references to objects, in both directions', () => {
    const n = init('i-near-miss');
    expect(n.owner?.name).toBe('Tom Becker');
    expect(n.owner?.owns).toContain(n);
    expect(n.team.map((p) => p.id)).toEqual(['p-log']);
    expect(n.resources.map((r) => r.id)).toEqual(['r-phones', 'r-licences']);
    expect(n.controlPoints.map((c) => c.id)).toEqual(['c-ltifr', 'c-app-live']);
    expect(n.decisions.map((d) => d.id)).toEqual(['d-near-miss-app']);
    expect(m.index.goals.get('g-safety')?.children.map((g) => g.id)).toEqual(['g-near-miss']);
    expect(m.index.goals.get('g-safety')?.causedBy.map((g) => g.id)).toEqual(['g-near-miss']);
  });

  it('takes whom an owner answers to from the initiative, or else from the reporting line', () => {
    expect(init('i-near-miss').accountableTo?.id).toBe('p-ceo');
    expect(init('i-dock-slots').accountableTo?.id).toBe('p-ceo');
  });

  it('traces each initiative through its goals and priority to the vision', () => {
    const [path] = init('i-near-miss').paths;
    expect(path?.goals.map((g) => g.id)).toEqual(['g-near-miss', 'g-safety']);
    expect(path?.priority?.id).toBe('pr-safety');
    expect(path?.reachesVision).toBe(true);
    expect(m.index.goals.get('g-near-miss')?.pathToVision.map((g) => g.id)).toEqual(['g-near-miss', 'g-safety']);
  });

  it('adds up resources by kind, initiative and month', () => {
    expect(m.totals.total).toEqual({ GBP: 33000 });
    expect(m.totals.byKind.equipment).toEqual({ GBP: 9000 });
    expect(m.totals.byKind.budget).toEqual({ GBP: 6000 });
    expect(m.totals.byKind.specialists).toEqual({ GBP: 18000 });
    expect(m.totals.byInitiative.map((x) => [x.initiative.id, x.amounts.GBP])).toEqual([
      ['i-near-miss', 15000],
      ['i-dock-slots', 18000],
    ]);
    expect(m.totals.byMonth.map((x) => [x.month, x.amounts.GBP])).toEqual([
      ['2027-03', 15000],
      ['2027-04', 3000],
      ['2027-05', 3000],
      ['2027-06', 3000],
      ['2027-07', 3000],
      ['2027-08', 3000],
      ['2027-09', 3000],
    ]);
    expect(m.totals.quantities.equipment).toEqual({ pcs: 30 });
    expect(m.totals.unscheduled).toEqual({});
  });

  it('judges status from thresholds and the latest measurement, grey without data', () => {
    expect(m.asOf).toBe('2027-04-30');
    expect(cp('c-ltifr').rag).toBe('amber');
    expect(cp('c-ltifr').rule).toMatchObject({ code: 'thresholds', actual: 3.4, green: 3, amber: 3.6 });
    expect(cp('c-app-live').rag).toBe('green');
    expect(cp('c-otd').rag).toBe('grey');
    expect(cp('c-otd').rule.code).toBe('no-data');
  });

  it('rolls status up worst-child to initiatives, goals and priorities', () => {
    expect(init('i-near-miss').rag).toBe('amber');
    expect(init('i-dock-slots').rag).toBe('grey');
    expect(m.index.goals.get('g-safety')?.rag).toBe('amber');
    expect(m.index.priorities.get('pr-safety')?.rag).toBe('amber');
    expect(m.index.priorities.get('pr-flow')?.rag).toBe('grey');
  });

  it('turns an overdue milestone red and reads thresholds in the direction of polarity', () => {
    const raw = starter();
    raw.controlPoints[1].measurements = [];
    raw.controlPoints[2].measurements = [{ asOf: '2027-05-31', actual: 95 }];
    const later = model(raw);
    expect(later.index.controlPoints.get('c-app-live')?.rag).toBe('red');
    expect(later.index.controlPoints.get('c-app-live')?.rule.code).toBe('milestone-overdue');
    expect(later.index.controlPoints.get('c-otd')?.rag).toBe('green'); // 95 ≥ green 95
    raw.controlPoints[2].measurements = [{ asOf: '2027-05-31', actual: 92.9 }];
    expect(model(raw).index.controlPoints.get('c-otd')?.rag).toBe('red');
    expect(model(raw, '2027-04-01').index.controlPoints.get('c-app-live')?.rag).toBe('grey');
  });

  it('judges plan-based thresholds against the plan of the measurement month', () => {
    const raw = starter();
    const otd = raw.controlPoints[2];
    otd.thresholds = { green: 100, amber: 98, basis: 'plan' };
    otd.plan = [
      { month: '2027-04', value: 93 },
      { month: '2027-06', value: 95 },
    ];
    otd.measurements = [{ asOf: '2027-05-20', actual: 92 }];
    const c = model(raw).index.controlPoints.get('c-otd');
    // May has no plan of its own: April's 93 applies; 92 / 93 = 98.9 % → amber.
    expect(c?.rule).toMatchObject({ code: 'plan', planned: 93, attainment: 98.9 });
    expect(c?.rag).toBe('amber');
    otd.measurements = [{ asOf: '2027-06-30', actual: 95.5 }];
    expect(model(raw).index.controlPoints.get('c-otd')?.rag).toBe('green');
    const ltifr = raw.controlPoints[0];
    ltifr.thresholds = { green: 100, amber: 90, basis: 'plan' };
    ltifr.plan = [{ month: '2027-04', value: 3.0 }];
    // Lower is better: plan 3.0 / actual 3.4 = 88.2 % → red.
    expect(model(raw).index.controlPoints.get('c-ltifr')?.rag).toBe('red');
    ltifr.plan = [];
    expect(model(raw).index.controlPoints.get('c-ltifr')?.rule.code).toBe('no-plan');
  });

  it('infers polarity from baseline and target when it is not stated', () => {
    const raw = starter();
    delete raw.controlPoints[0].polarity;
    const c = model(raw).index.controlPoints.get('c-ltifr');
    expect(c?.polarity).toBe('lower-is-better');
    expect(c?.polarityStated).toBe(false);
  });

  it('orders initiatives by dependency and finds the chain that finishes last', () => {
    const raw = starter();
    raw.initiatives.push(
      { id: 'i-a', title: 'A', due: '2027-05-01', dependsOn: ['i-c'] },
      { id: 'i-b', title: 'B', due: '2027-12-01', dependsOn: ['i-a', 'i-dock-slots'] },
      { id: 'i-c', title: 'C', due: '2027-02-01' },
    );
    const x = model(raw);
    const order = x.initiativeOrder.map((n) => n.id);
    expect(order.indexOf('i-c')).toBeLessThan(order.indexOf('i-a'));
    expect(order.indexOf('i-a')).toBeLessThan(order.indexOf('i-b'));
    expect(order.indexOf('i-dock-slots')).toBeLessThan(order.indexOf('i-b'));
    expect(x.criticalPath.map((n) => n.id)).toEqual(['i-dock-slots', 'i-b']);
    expect(x.index.initiatives.get('i-b')?.critical).toBe(true);
    expect(x.index.initiatives.get('i-a')?.critical).toBe(false);
  });

  it('gives each unit its line of sight', () => {
    const los = Object.fromEntries(
      m.lineOfSight.map((l) => [l.unit.id, l.links.map((k) => [k.initiative.id, k.goal?.id, k.priority?.id])]),
    );
    expect(los['u-leeds']).toEqual([['i-near-miss', 'g-safety', 'pr-safety']]);
    expect(los['u-logistics']).toEqual([['i-dock-slots', 'g-delivery', 'pr-flow']]);
  });

  it('links superseding decisions both ways', () => {
    const raw = starter();
    raw.decisions[0].status = 'superseded';
    raw.decisions.push({
      ...structuredClone(raw.decisions[0]),
      id: 'd-2',
      status: 'approved',
      supersedes: 'd-near-miss-app',
    });
    const x = model(raw);
    expect(x.index.decisions.get('d-near-miss-app')?.supersededBy?.id).toBe('d-2');
    expect(x.index.decisions.get('d-2')?.supersedes?.id).toBe('d-near-miss-app');
  });

  it('adds up decision economics for the first year', () => {
    const e = m.decisions[0]?.economics;
    expect(e?.firstYearCost).toEqual({ GBP: 15000 });
    expect(e?.annualBenefit).toEqual({ GBP: 14000 });
    expect(e?.hasFigures).toBe(true);
  });

  it('gives open sessions the four default spheres, named in the session language', () => {
    const raw = starter();
    raw.session.locale = 'uk';
    raw.swot = [{ id: 's1', sphere: 'economy', component: 'strengths', title: 'Ринок' }];
    const x = model(raw);
    expect(x.spheres.map((s) => s.id)).toEqual(['governance', 'economy', 'social', 'infrastructure']);
    expect(x.swot[0]?.sphere.name).toBe('Економіка');
    expect(model(starter()).spheres).toEqual([]);
  });

  it('chains agenda blocks without a start after the previous one', () => {
    const raw = starter();
    raw.agenda = [
      { id: 'a1', title: 'Welcome', start: '09:30', duration: 15 },
      { id: 'a2', title: 'Review', duration: 45 },
      { id: 'a3', title: 'Ideas', start: '11:00', duration: 60 },
    ];
    expect(model(raw).agenda.map((b) => [b.start, b.end])).toEqual([
      [570, 585],
      [585, 630],
      [660, 720],
    ]);
  });

  for (const name of FIXTURES) {
    it(`builds ${name} with every reference resolved`, () => {
      const x = model(fixtureData(name));
      for (const n of x.initiatives) {
        expect(n.goals.every(Boolean)).toBe(true);
        expect(n.team.every(Boolean)).toBe(true);
      }
      for (const r of x.resources) expect(r.initiative).toBeTruthy();
      expect(x.initiativeOrder).toHaveLength(x.initiatives.length);
    });
  }
});
