import { describe, expect, it } from 'vitest';
import {
  buildModel,
  DEFAULT_COLORS,
  escapeBare,
  escapeLabel,
  lineOfSightSpec,
  matrixItems,
  matrixSpec,
  roadmapSpec,
  strategyMapSpec,
  toMermaid,
  validateSession,
} from '../../src/index.js';
import { FIXTURES, fixtureData, starter } from '../helpers/sessions.js';

const THEME = { fontFamily: 'Roboto', colors: { ...DEFAULT_COLORS } };

// biome-ignore lint/suspicious/noExplicitAny: raw session data
function model(raw: any) {
  const v = validateSession(raw);
  if (!v.ok) throw new Error(JSON.stringify(v.diagnostics));
  return buildModel(v.value);
}

describe('mermaid labels', () => {
  it('keep text literal inside quoted labels: only the closing quote and emphasis markers change', () => {
    expect(escapeLabel('a"]) --> B; click A call alert()')).toBe('a”]) --> B; click A call alert()');
    expect(escapeLabel('**bold** _it_')).toBe('*\u2060*\u2060bold*\u2060* _\u2060it_');
    expect(escapeLabel('Безпека ґєії, «ціль» — 95 %  #1')).toBe('Безпека ґєії, «ціль» — 95 % #1');
  });

  it('keep the syntax of unquoted positions (gantt, charts) out of user text', () => {
    expect(escapeBare('Phase 1: pilot; #2 --> next')).toBe('Phase 1∶ pilot\u037e ＃2 –> next');
  });
});

describe('diagram specs to mermaid', () => {
  it('draws the strategy map from the vision down, dependencies dashed, coloured by status', () => {
    const raw = starter();
    raw.initiatives[1].dependsOn = ['i-near-miss'];
    raw.initiatives[1].due = '2027-09-30';
    const source = toMermaid(strategyMapSpec(model(raw)), THEME);
    expect(source.startsWith('flowchart BT\n')).toBe(true);
    expect(source).toContain('(["Safe hands, on time"]):::vision_grey');
    expect(source).toContain('{{"Safety first on every shift"}}:::priority_amber');
    expect(source).toContain('("Near-miss reporting on every shift"):::initiative_amber');
    expect(source).toMatch(/n\d+ -\.-> n\d+/);
    expect(source).toContain(`classDef initiative_amber fill:#FFFFFF,stroke:${DEFAULT_COLORS.amber}`);
    // Only the classes in use are defined.
    expect(source).not.toContain('classDef initiative_red');
    expect(source).toMatchSnapshot();
  });

  it('draws the roadmap as a gantt chart by priority with milestones', () => {
    const source = toMermaid(roadmapSpec(model(starter()), 'Other'), THEME);
    expect(source).toContain('gantt\n  dateFormat YYYY-MM-DD');
    expect(source).toContain('  section Safety first on every…');
    expect(source).toContain('  todayMarker off');
    expect(source).toMatch(/Near-miss reporting on every shift :t1, 2027-03-15, 2027-06-30/);
    expect(source).toMatch(/App live on all three shifts :milestone, done, t2, 2027-04-15, 0d/);
  });

  it('draws the impact × feasibility matrix in the session language', () => {
    const raw = starter();
    raw.session.locale = 'uk';
    const source = toMermaid(matrixSpec(model(raw)), THEME);
    expect(source).toContain('quadrantChart');
    expect(source).toContain('x-axis "Складно" --> "Легко"');
    expect(source).not.toMatch(/^\s*title/m);
    // Points are numbered; the document lists the numbers beside the chart.
    const points = [...source.matchAll(/^ {2}"(\d+)": \[([\d.]+), ([\d.]+)\]$/gm)];
    expect(points.map((p) => p[1])).toEqual(matrixItems(model(raw)).map((i) => String(i.n)));
    expect(points.length).toBeGreaterThan(0);
  });

  it('spreads matrix points that share a score instead of stacking them', () => {
    const raw = starter();
    for (const n of raw.initiatives) Object.assign(n, { impact: 4, feasibility: 4 });
    const spec = matrixSpec(model(raw));
    const spots = new Set(spec.points.map((p) => `${p.x}/${p.y}`));
    expect(spec.points.length).toBeGreaterThan(1);
    expect(spots.size).toBe(spec.points.length);
    // Still in the score's own region of the chart, the top right quadrant.
    for (const p of spec.points) expect(p.x > 0.5 && p.y > 0.5 && p.x < 1 && p.y < 1, `${p.x}/${p.y}`).toBe(true);
  });

  it('runs a wide strategy map left to right, so it is not shrunk to a strip on the page', () => {
    const wide = model(fixtureData('industrial-safety.ru.json'));
    expect(wide.initiatives.length).toBeGreaterThan(6);
    expect(strategyMapSpec(wide).direction).toBe('LR');
    expect(toMermaid(strategyMapSpec(wide), THEME).startsWith('flowchart LR\n')).toBe(true);
    expect(strategyMapSpec(model(starter())).direction).toBe('BT');
  });

  it('draws a unit’s line of sight: the unit → its initiatives → goals → priorities → vision', () => {
    const m = model(fixtureData('corporate-planning.en.yaml'));
    const los = m.lineOfSight.find((l) => l.links.length > 0 && l.unit.parent === null);
    if (!los) throw new Error('no unit with initiatives');
    const spec = lineOfSightSpec(m, los);
    const source = toMermaid(spec, THEME);
    expect(source.startsWith('flowchart LR\n')).toBe(true);
    expect(source).toContain(`[["${los.unit.name}"]]:::unit_grey`);
    for (const link of los.links) expect(source).toContain(link.initiative.title);
    // Every initiative of the unit reaches the vision through the edges drawn.
    const next = new Map<string, string[]>();
    for (const e of spec.edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    const reaches = (id: string, seen = new Set<string>()): boolean => {
      if (id === 'vision') return true;
      if (seen.has(id)) return false;
      seen.add(id);
      return (next.get(id) ?? []).some((t) => reaches(t, seen));
    };
    for (const link of los.links.filter((l) => l.goal && l.priority))
      expect(reaches(`i:${link.initiative.id}`), link.initiative.title).toBe(true);
    expect(spec.nodes.filter((n) => n.kind === 'unit')).toHaveLength(1);
  });

  for (const name of FIXTURES) {
    it(`${name}: every node id is generated and every label escaped`, () => {
      const m = model(fixtureData(name));
      for (const spec of [strategyMapSpec(m), roadmapSpec(m, 'Other'), matrixSpec(m)]) {
        const source = toMermaid(spec, THEME);
        for (const line of source.split('\n')) {
          // A quoted label never holds the quote that would end it early.
          for (const l of [...line.matchAll(/\("([^)]*)"\)|\["([^\]]*)"\]/g)])
            expect(l[1] ?? l[2], line).not.toContain('"');
          // Gantt tasks carry exactly one colon: the one before their id.
          if (/^ {4}\S/.test(line) && spec.type === 'roadmap') expect(line.split(':').length, line).toBe(2);
          // Task labels drawn beside short bars stay short enough not to run off the chart.
          if (/^ {4}\S/.test(line) && spec.type === 'roadmap')
            expect(line.trim().split(' :')[0]?.length, line).toBeLessThanOrEqual(36);
        }
      }
      const active = m.initiatives.filter((n) => n.status !== 'cancelled').length;
      expect(strategyMapSpec(m).nodes.filter((n) => n.kind === 'initiative')).toHaveLength(active);
    });
  }
});
