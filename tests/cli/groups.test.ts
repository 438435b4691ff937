import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { stratdoc } from '../helpers/cli.js';

const CITY = 'fixtures/sessions/city-swot.uk.json';

interface GroupsJson {
  seed: number;
  steps: Array<{ id: string; title: string; groups: Array<{ id: string; table: number; members: string[] }> }>;
  participants: Array<{ id: string; name: string; sphere: string }>;
  quality: { pairsRepeated: number };
  warnings: unknown[];
}

function groupsJson(args: string[], input?: string): GroupsJson {
  const r = stratdoc(['groups', ...args, '--format', 'json'], input === undefined ? {} : { input });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as GroupsJson;
}

const tmp = () => mkdtempSync(join(tmpdir(), 'stratdoc-groups-'));

/** 40 participants from a spreadsheet: BOM, semicolons, Cyrillic, a quoted field with a semicolon and a line break. */
function cityCsv(): string {
  const spheres = ['Врядування', 'Економіка', 'Соціально-культурна сфера', 'Інфраструктура'];
  const rows = Array.from({ length: 40 }, (_, i) => {
    const name = i === 0 ? '"Олена\nКоваль"' : `Учасник ${i + 1}`;
    const affiliation = i % 3 === 0 ? '"ГО ""Рух""; Вербичів, вул. Соборна"' : `Організація ${i % 7}`;
    return [name, i % 5 === 0 ? '' : (spheres[i % 4] as string), affiliation, i % 4 === 0 ? 'так' : ''].join(';');
  });
  return `\uFEFFІмʼя;Sphere;Affiliation;Core\r\n${rows.join('\r\n')}\r\n`;
}

describe('stratdoc groups', () => {
  it('prints the assignment as JSON: every participant once per step', () => {
    const out = groupsJson([CITY]);
    expect(out.steps.map((s) => s.id)).toEqual(['profile', 'cross', 'agreement']);
    expect(out.steps[0]?.title).toBe('Профільні групи');
    expect(out.participants).toHaveLength(80);
    expect(out.participants[0]).toMatchObject({ id: 'p01', name: 'Олексій Мірошниченко', sphere: 'social' });
    const ids = out.participants.map((p) => p.id).sort();
    for (const step of out.steps) expect(step.groups.flatMap((g) => g.members).sort(), step.id).toEqual(ids);
    expect(typeof out.seed).toBe('number');
    expect(out.quality.pairsRepeated).toBe(0);
  });

  it('splits the city session into 16 profile groups of 5, 20 cross and 20 agreement groups of 4', () => {
    const out = groupsJson([CITY]);
    const sizes = (step: string) => out.steps.find((s) => s.id === step)?.groups.map((g) => g.members.length);
    expect(sizes('profile')).toEqual(Array(16).fill(5));
    expect(sizes('cross')).toEqual(Array(20).fill(4));
    expect(sizes('agreement')).toEqual(Array(20).fill(4));
    expect(out.steps[1]?.groups.map((g) => g.table)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('gives the same groups for the same seed and others for another', () => {
    const a = stratdoc(['groups', CITY, '--format', 'json', '--seed', '7']);
    const b = stratdoc(['groups', CITY, '--format', 'json', '--seed', '7']);
    const c = stratdoc(['groups', CITY, '--format', 'json', '--seed', '8']);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).steps).not.toEqual(JSON.parse(c.stdout).steps);
    expect(JSON.parse(a.stdout).seed).toBe(7);
    // The default seed comes from the session: the same on every run.
    expect(stratdoc(['groups', CITY]).stdout).toBe(stratdoc(['groups', CITY]).stdout);
    expect(stratdoc(['groups', CITY, '--seed', 'x']).code).toBe(2);
  });

  it('prints tables for the organiser in the session language, or the one asked for', () => {
    const r = stratdoc(['groups', CITY, '--seed', '7']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Крок 1. Профільні групи (16)');
    expect(r.stdout).toMatch(/ {2}Стіл 1 · p-governance-strengths · Управління містом — Сильні сторони \(5\)\n/);
    expect(r.stdout).toContain('Крок 3. Узгоджувальні групи (20)');
    expect(r.stdout).toContain('зерно: 7');
    expect(r.stdout).toContain('пар, що зустрічаються більше одного разу: 0');
    expect(r.stdout).toContain('профільних груп без члена ядра: 0');
    const en = stratdoc(['groups', CITY, '--seed', '7', '--locale', 'en']);
    expect(en.stdout).toContain('Step 2. Cross groups (20)');
    expect(en.stdout).toContain('Table 1 · p-governance-strengths · Управління містом — Strengths (5)');
    expect(en.stdout).toContain('pairs who meet more than once: 0');
  });

  it('prints one CSV row per participant that parses back', () => {
    const r = stratdoc(['groups', CITY, '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'id',
      'name',
      'sphere',
      'profile group',
      'profile table',
      'cross group',
      'cross table',
      'agreement group',
      'agreement table',
    ]);
    expect(rows).toHaveLength(80);
    const json = groupsJson([CITY]);
    for (const row of rows) {
      const profile = json.steps[0]?.groups.find((g) => g.id === row['profile group']);
      expect(profile?.members).toContain(row.id);
      expect(String(profile?.table)).toBe(row['profile table']);
    }
    expect(rows.find((row) => row.id === 'p01')?.name).toBe('Олексій Мірошниченко');
  });

  it('takes participants straight from a CSV: BOM, semicolons, Cyrillic, quoted fields', () => {
    const file = join(tmp(), 'people.csv');
    writeFileSync(file, cityCsv());
    const out = groupsJson([file]) as GroupsJson & { spheres: Array<{ id: string; name: string }> };
    expect(out.seed).toBe(1);
    expect(out.spheres.map((s) => s.id)).toEqual(['economy', 'social', 'infrastructure', 'governance']);
    expect(out.participants[0]).toMatchObject({ id: 'p001', name: 'Олена Коваль' });
    expect(out.participants).toHaveLength(40);
    for (const step of out.steps) expect(step.groups.flatMap((g) => g.members)).toHaveLength(40);
    const text = stratdoc(['groups', file]);
    expect(text.stdout).toContain('Профільні групи');
    expect(text.stdout).toContain('зерно: 1');
  });

  it('reports too few participants as a diagnostic with a hint, exit 2', () => {
    const file = join(tmp(), 'few.csv');
    writeFileSync(file, 'name\nA\nB\nC\n');
    const r = stratdoc(['groups', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('network/too-few-participants');
    expect(r.stderr).toContain('hint:');
    expect(r.stdout).toBe('');
  });

  it('reports a bad row of a CSV at its line and column, exit 2', () => {
    const file = join(tmp(), 'bad.csv');
    writeFileSync(file, 'name,core\nA,ні\n"B\nC",може\n');
    const r = stratdoc(['groups', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:4:4  помилка csv/core`);
  });

  it('prints warnings to stderr and still exits 0', () => {
    const file = join(tmp(), 'uneven.csv');
    const rows = Array.from({ length: 24 }, (_, i) => `P${i},${i < 12 ? 'economy' : ''}`);
    writeFileSync(file, `name,sphere\n${rows.join('\n')}\n`);
    const r = stratdoc(['groups', file, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning network/');
    expect(JSON.parse(r.stdout).warnings.length).toBeGreaterThan(0);
    // The text report carries them itself: said once, not again on stderr.
    const text = stratdoc(['groups', file]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('has 0 core members for 4 profile groups');
    expect(text.stderr).not.toContain('network/');
  });
});

describe('stratdoc import participants', () => {
  const CSV =
    '\uFEFFname;Sphere;CORE;preference;affiliation\r\nОлена Коваль;Економіка;так;;"ГО ""Рух""; Вербичів"\r\n"Іван\r\nПетренко";;ні;social>economy;\r\n';

  it('prints the participants as JSON', () => {
    const file = join(tmp(), 'p.csv');
    writeFileSync(file, CSV);
    const r = stratdoc(['import', 'participants', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { id: 'p001', name: 'Олена Коваль', sphere: 'economy', affiliation: 'ГО "Рух"; Вербичів', core: true },
      { id: 'p002', name: 'Іван Петренко', preferences: ['social', 'economy'] },
    ]);
    expect(r.stderr).toContain('2');
  });

  it('rejects an unknown column, naming it and the known ones', () => {
    const file = join(tmp(), 'p.csv');
    writeFileSync(file, 'name,phone\nA,123\n');
    const r = stratdoc(['import', 'participants', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:1:6  error csv/unknown-column`);
    expect(r.stderr).toContain('Unknown column "phone"');
    expect(r.stderr).toContain('id, name, sphere, affiliation, core, preference, email');
  });

  it('merges into a JSON session: a matching name updates, the others are added', () => {
    const dir = tmp();
    const session = join(dir, 'city.json');
    writeFileSync(session, readFileSync(CITY, 'utf8'));
    const file = join(dir, 'p.csv');
    writeFileSync(file, 'name,sphere,core\n  олексій мірошниченко ,economy,yes\nНова Людина,,\n');
    const r = stratdoc(['import', 'participants', file, '--into', session]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/додано: 1, оновлено: 1/);
    const text = readFileSync(session, 'utf8');
    const data = JSON.parse(text);
    expect(data.participants).toHaveLength(81);
    expect(data.participants[0]).toEqual({
      id: 'p01',
      name: 'олексій мірошниченко',
      sphere: 'economy',
      affiliation: 'Тренер ДЮСШ № 1',
      core: true,
    });
    expect(data.participants[80]).toEqual({ id: 'p081', name: 'Нова Людина' });
    expect(text).toMatch(/^\{\n {2}"\$schema"/);
    expect(stratdoc(['validate', session]).code).toBe(0);
  });

  it('leaves the session byte for byte as it was on any error', () => {
    const dir = tmp();
    const session = join(dir, 'city.json');
    const before = readFileSync(CITY);
    writeFileSync(session, before);
    const file = join(dir, 'p.csv');
    // A bad row.
    writeFileSync(file, 'name,core\nA,yes\nB,може\n');
    const bad = stratdoc(['import', 'participants', file, '--into', session]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('3:3');
    expect(readFileSync(session).equals(before)).toBe(true);
    // A sphere the session does not have.
    writeFileSync(file, 'name,sphere\nA,космос\n');
    expect(stratdoc(['import', 'participants', file, '--into', session]).code).toBe(2);
    expect(readFileSync(session).equals(before)).toBe(true);
    // A merged session that would not validate: a sphere given with --spheres that the session lacks.
    writeFileSync(file, 'name,sphere\nХтось,космос\n');
    const invalid = stratdoc(['import', 'participants', file, '--into', session, '--spheres', 'космос']);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('не змінено');
    // The problem is shown at the row of the CSV it comes from.
    expect(invalid.stderr).toContain(`${file}:2:1  помилка ref/unknown`);
    expect(readFileSync(session).equals(before)).toBe(true);
  });

  it('merges into a YAML session keeping its comments, order and layout', () => {
    const dir = tmp();
    const session = join(dir, 'session.yaml');
    const original = `${readFileSync('fixtures/sessions/starter.en.yaml', 'utf8').trimEnd()}\n\n# Who came to the open day.\nparticipants:\n  - id: p1   # the first one\n    name: Anna Berg\n    sphere: economy\n  - { id: p2, name: Bo Li }   # came late\n# the end\n`;
    writeFileSync(session, original);
    const file = join(dir, 'p.csv');
    writeFileSync(file, 'name;sphere;core;preference\nanna berg;social;yes;\nОлена Коваль;;так;Економіка|social\n');
    const r = stratdoc(['import', 'participants', file, '--into', session]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('added 1, updated 1');
    const text = readFileSync(session, 'utf8');
    const head = original.slice(0, original.indexOf('  - id: p1'));
    expect(text.startsWith(head)).toBe(true);
    expect(text).toContain('# Who came to the open day.');
    expect(text).toContain('id: p1 # the first one\n    name: anna berg\n    sphere: social\n    core: true\n');
    expect(text).toContain(
      '  - { id: p2, name: Bo Li }   # came late\n  - id: p003\n    name: Олена Коваль\n    core: true\n    preferences: [economy, social]\n# the end\n',
    );
    expect(stratdoc(['validate', session]).code).toBe(0);
  });

  it('merges into a list of participants written inline', () => {
    const dir = tmp();
    const session = join(dir, 'session.yaml');
    const original = readFileSync('fixtures/sessions/starter.en.yaml', 'utf8');
    writeFileSync(session, `${original}participants: [{ id: p1, name: Anna }, { id: p2, name: Bo }] # two so far\n`);
    const file = join(dir, 'p.csv');
    writeFileSync(file, 'name,core\nBO,yes\nCy,\n');
    const r = stratdoc(['import', 'participants', file, '--into', session]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(session, 'utf8')).toBe(
      `${original}participants: [ { id: p1, name: Anna }, { id: p2, name: BO, core: true }, { id: p003, name: Cy } ] # two so far\n`,
    );
  });

  it('adds a participants section to a session that has none', () => {
    const dir = tmp();
    const session = join(dir, 'session.yaml');
    const original = readFileSync('fixtures/sessions/starter.en.yaml', 'utf8');
    writeFileSync(session, original);
    const file = join(dir, 'p.csv');
    writeFileSync(file, 'name,sphere\nAnna,Economy\n');
    expect(stratdoc(['import', 'participants', file, '--into', session]).code).toBe(0);
    expect(readFileSync(session, 'utf8')).toBe(
      `${original}\nparticipants:\n  - id: p001\n    name: Anna\n    sphere: economy\n`,
    );
  });
});
