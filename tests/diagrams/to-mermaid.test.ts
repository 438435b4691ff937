import { describe, expect, it } from 'vitest';
import {
  buildModel,
  DEFAULT_COLORS,
  escapeLabel,
  matrixSpec,
  roadmapSpec,
  strategyMapSpec,
  toMermaid,
  validateSession,
  wrapLabel,
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
  it('keep any text literal: quotes, brackets, arrows, semicolons and keywords become entities', () => {
    const escaped = escapeLabel('a"]) --> B; click A call alert()');
    expect(escaped.replace(/#\d+;/g, '')).not.toMatch(/["[\];<>:]|-->/);
    expect(escaped).toBe('a#34;#93;) --#62; B#59; click A call alert()');
    const decoded = escaped.replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
    expect(decoded).toBe('a"]) --> B; click A call alert()');
  });

  it('keep Cyrillic and common punctuation as they are', () => {
    expect(escapeLabel('Безпека ґєії, «ціль» — 95 %')).toBe('Безпека ґєії, «ціль» — 95 %');
    expect(escapeLabel('#1 & <b>')).toBe('#35;1 #38; #60;b#62;');
  });

  it('wrap long labels at word boundaries', () => {
    expect(wrapLabel('Near-miss reporting on every shift of every site', 20)).toEqual([
      'Near-miss reporting',
      'on every shift of',
      'every site',
    ]);
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
    expect(source).toContain('{{"Safety first on every<br/>shift"}}:::priority_amber');
    expect(source).toContain('("Near-miss reporting on<br/>every shift"):::initiative_amber');
    expect(source).toMatch(/n\d+ -\.-> n\d+/);
    expect(source).toContain(`classDef initiative_red fill:#FFFFFF,stroke:${DEFAULT_COLORS.red}`);
    expect(source).toMatchSnapshot();
  });

  it('draws the roadmap as a gantt chart by priority with milestones', () => {
    const source = toMermaid(roadmapSpec(model(starter()), 'Other'), THEME);
    expect(source).toContain('gantt\n  dateFormat YYYY-MM-DD');
    expect(source).toContain('  section Safety first on every shift');
    expect(source).toMatch(/Near-miss reporting on every shift :t1, 2027-03-15, 2027-06-30/);
    expect(source).toMatch(/App live on all three shifts :milestone, done, t2, 2027-04-15, 0d/);
  });

  it('draws the impact × feasibility matrix in the session language', () => {
    const raw = starter();
    raw.session.locale = 'uk';
    const source = toMermaid(matrixSpec(model(raw)), THEME);
    expect(source).toContain('quadrantChart');
    expect(source).toContain('x-axis Складно --> Легко');
    expect(source).toMatch(/Booked dock slots for every outbound truck: \[0\.90, 0\.50\]/);
  });

  for (const name of FIXTURES) {
    it(`${name}: every node id is generated and every label escaped`, () => {
      const m = model(fixtureData(name));
      for (const spec of [strategyMapSpec(m), roadmapSpec(m, 'Other'), matrixSpec(m)]) {
        const source = toMermaid(spec, THEME);
        for (const line of source.split('\n')) {
          // Inside labels no raw quote, colon or semicolon survives (the syntax uses them outside labels only).
          const labels = [...line.matchAll(/"([^"]*)"/g)].map((x) => x[1] as string);
          for (const l of labels) expect(l.replace(/#\d+;/g, ''), line).not.toMatch(/[";:#]/);
        }
      }
      const active = m.initiatives.filter((n) => n.status !== 'cancelled').length;
      expect(strategyMapSpec(m).nodes.filter((n) => n.kind === 'initiative')).toHaveLength(active);
    });
  }
});
