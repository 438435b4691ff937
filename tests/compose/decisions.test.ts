import { describe, expect, it } from 'vitest';
import { buildModel, composeDecisions, validateSessionText } from '../../src/index.js';
import { FIXTURES, fixtureText } from '../helpers/sessions.js';

function view(name: string) {
  const validated = validateSessionText(fixtureText(name), { fileName: name });
  if (!validated.ok) throw new Error('invalid fixture');
  return composeDecisions(buildModel(validated.value));
}

describe('composeDecisions', () => {
  for (const name of FIXTURES) {
    it(`${name}: a plain, JSON-safe view (snapshot)`, () => {
      const v = view(name);
      expect(JSON.parse(JSON.stringify(v))).toEqual(v);
      expect(v).toMatchSnapshot();
    });
  }

  it('formats money and dates for the session language', () => {
    const ru = view('industrial-safety.ru.json');
    const routes = ru.decisions.find((d) => d.id === 'd-new-routes');
    expect(routes?.economics?.firstYearCost).toMatch(/^[\d\u00a0]+\u00a0₽$/);
    expect(routes?.date).toMatch(/сентября 2026/);
    expect(routes?.supersedes?.id).toBe('d-routes-v1');
    const en = view('corporate-planning.en.yaml');
    expect(en.decisions[0]?.date).toMatch(/^\d{1,2} [A-Z][a-z]+ 2026$/);
    expect(en.session.date).toBe('5 October 2026');
  });

  it('names the first control point of each decision’s initiatives', () => {
    const starter = view('starter.en.yaml');
    expect(starter.decisions[0]?.firstControlPoint).toEqual({
      title: 'App live on all three shifts',
      target: null,
      due: '15 April 2027',
      owner: 'Tom Becker',
    });
  });
});
