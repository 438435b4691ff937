import { describe, expect, it } from 'vitest';
import { FIXTURES, fixtureText, starter } from '../helpers/sessions.js';
import { parseSessionText, validateSession, validateSessionText } from '../../src/index.js';

describe('validateSession', () => {
  for (const name of FIXTURES) {
    it(`accepts ${name}`, () => {
      const result = validateSessionText(fixtureText(name), { fileName: name });
      expect(result.ok, result.ok ? '' : JSON.stringify(result.diagnostics, null, 2)).toBe(true);
    });
  }

  it('collects every problem instead of stopping at the first', () => {
    const raw = starter();
    raw.initiatives[0].owner = 'p-nobody';
    raw.initiatives[1].goals = ['g-missing'];
    raw.goals.push({ id: 'g-safety', title: 'Duplicate' });
    const result = validateSession(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics.map((d) => d.code).sort()).toEqual(['id/duplicate', 'ref/unknown', 'ref/unknown']);
  });

  it('collects schema errors across the whole file', () => {
    const raw = starter();
    raw.session.locale = 'de';
    raw.initiatives[0].impact = 12;
    raw.risks[0].probability = 'high';
    const result = validateSession(raw);
    if (result.ok) throw new Error('expected failure');
    expect(result.diagnostics.map((d) => d.path.join('.')).sort()).toEqual([
      'initiatives.0.impact',
      'risks.0.probability',
      'session.locale',
    ]);
  });

  it('finds cycles in reporting lines, unit trees and supersession', () => {
    const raw = starter();
    raw.people[0].reportsTo = 'p-ops';
    raw.units[0].parent = 'u-logistics';
    raw.units[1].parent = 'u-leeds';
    raw.decisions[0].supersedes = 'd-near-miss-app';
    const result = validateSession(raw);
    if (result.ok) throw new Error('expected failure');
    expect(result.diagnostics.map((d) => d.code).sort()).toEqual([
      'cycle/reports-to',
      'cycle/supersedes',
      'cycle/unit-parent',
    ]);
  });

  it('warns, without failing, when a TOWS strategy cites the wrong kind of SWOT item', () => {
    const raw = starter();
    raw.swot = [
      { id: 's1', sphere: 'economy', component: 'strengths', title: 'Skilled staff' },
      { id: 't1', sphere: 'economy', component: 'threats', title: 'New competitor' },
    ];
    raw.tows = [{ id: 'so1', kind: 'SO', title: 'Use staff', cites: ['s1', 't1'] }];
    const result = validateSession(raw);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.map((d) => [d.code, d.path.join('.')])).toEqual([['tows/cites-mismatch', 'tows.0.cites']]);
  });

  it('checks end date after start date of the session', () => {
    const raw = starter();
    raw.session.endDate = '2027-03-01';
    const result = validateSession(raw);
    if (result.ok) throw new Error('expected failure');
    expect(result.diagnostics[0]).toMatchObject({ code: 'date/order', path: ['session', 'endDate'] });
  });

  it('knows the session time zone, or says what to write', () => {
    const raw = starter();
    raw.session.timezone = 'Europe/Kiev-ish';
    const result = validateSession(raw);
    if (result.ok) throw new Error('expected failure');
    expect(result.diagnostics[0]).toMatchObject({ code: 'timezone/unknown', path: ['session', 'timezone'] });
    expect(result.diagnostics[0]?.hint).toContain('IANA');
    for (const zone of ['Europe/Kyiv', 'Europe/Moscow', 'UTC', 'America/New_York']) {
      raw.session.timezone = zone;
      expect(validateSession(raw).ok, zone).toBe(true);
    }
  });

  it('speaks the session language, or the one asked for', () => {
    const raw = starter();
    raw.initiatives[0].owner = 'p-opps';
    raw.session.locale = 'uk';
    const uk = validateSession(raw);
    const ru = validateSession(raw, { locale: 'ru' });
    if (uk.ok || ru.ok) throw new Error('expected failure');
    expect(uk.diagnostics[0]?.message).toMatch(/Немає обʼєкта «особа»/);
    expect(ru.diagnostics[0]?.message).toMatch(/Нет объекта «человек»/);
    expect(ru.diagnostics[0]?.hint).toMatch(/"p-ops"/);
  });

  it('localizes schema messages too', () => {
    const raw = starter();
    raw.decisions[0].status = 'aproved';
    raw.session.locale = 'ru';
    const result = validateSession(raw);
    if (result.ok) throw new Error('expected failure');
    expect(result.diagnostics[0]?.message).toMatch(/недопустимо/);
    expect(result.diagnostics[0]?.hint).toMatch(/"approved"/);
  });

  it('keeps user text literal: markup and quotes are data, not syntax', () => {
    const raw = starter();
    raw.decisions[0].title = '<b>|**# "quoted" {{handlebars}}';
    const result = validateSession(raw);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.decisions[0]?.title).toBe('<b>|**# "quoted" {{handlebars}}');
  });
});

describe('parseSessionText', () => {
  it('reports broken JSON with line and column, even at the end of the input', () => {
    const result = parseSessionText('{"session": {"title": 1\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics[0]).toMatchObject({ code: 'syntax/json', location: { line: 1, column: 24 } });
  });

  it('reports broken YAML with line and column', () => {
    const result = parseSessionText('session:\n  title: ok\n\tdate: 2027-01-01\n', { format: 'yaml' });
    if (result.ok) throw new Error('expected failure');
    expect(result.diagnostics[0]?.code).toBe('syntax/yaml');
    expect(result.diagnostics[0]?.location).toEqual({ line: 3, column: 1 });
  });

  it('rejects duplicate keys in YAML', () => {
    const result = parseSessionText('session: {}\nsession: {}\n', { format: 'yaml' });
    expect(result.ok).toBe(false);
  });

  it('detects JSON and YAML from the text when there is no file name', () => {
    const json = parseSessionText(' {"a": 1}');
    const yaml = parseSessionText('a: 1');
    expect(json.ok && json.value.format).toBe('json');
    expect(yaml.ok && yaml.value.format).toBe('yaml');
  });

  it('locates nested paths in JSON and YAML', () => {
    const json = parseSessionText('{\n  "goals": [\n    {"id": "a"},\n    {"id": "b"}\n  ]\n}');
    if (!json.ok) throw new Error('parse failed');
    expect(json.value.locate(['goals', 1, 'id'])).toEqual({ line: 4, column: 6 });
    const yaml = parseSessionText('goals:\n  - id: a\n  - id: b\n', { format: 'yaml' });
    if (!yaml.ok) throw new Error('parse failed');
    expect(yaml.value.locate(['goals', 1, 'id'])).toEqual({ line: 3, column: 5 });
  });
});
