import { describe, expect, it } from 'vitest';
import {
  buildModel,
  DEFAULT_COLORS,
  escapeBare,
  escapeLabel,
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
    expect(source).toContain(`classDef initiative_red fill:#FFFFFF,stroke:${DEFAULT_COLORS.red}`);
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
    expect(source).toMatch(/"Booked dock slots for every outbound truck": \[0\.90, 0\.50\]/);
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
