import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stratdoc } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/sessions.js';

const NO_STACK = /\n\s+at .+\(.+:\d+:\d+\)/;

describe('stratdoc validate', () => {
  for (const name of FIXTURES) {
    it(`accepts ${name}`, () => {
      const r = stratdoc(['validate', `fixtures/sessions/${name}`]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/: (valid|файл корректен|файл коректний) — \d+ \S+/);
    });
  }

  it('reports broken JSON on stdin with line and column, exit 2, no stack trace', () => {
    const r = stratdoc(['validate', '-'], { input: '{"session": {"title": 1' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/<stdin>:1:24 {2}error syntax\/json/);
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it('reports broken YAML on stdin with line and column, exit 2, no stack trace', () => {
    const r = stratdoc(['validate', '-'], { input: 'session:\n  title: [unclosed\n  date: 2027-01-01\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/<stdin>:\d+:\d+ {2}error syntax\/yaml/);
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it('names the offending path for each invalid fixture', () => {
    const r = stratdoc(['validate', 'fixtures/invalid/ref-unknown.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('initiatives[0].owner');
    expect(r.stderr).toContain('Did you mean "p-ops"?');
  });

  it('exits 2 for every invalid fixture, naming the offending path, without a stack trace', () => {
    for (const file of readdirSync('fixtures/invalid')) {
      const r = stratdoc(['validate', `fixtures/invalid/${file}`, '--reporter', 'json']);
      expect(r.code, file).toBe(2);
      const out = JSON.parse(r.stdout);
      expect(out.valid, file).toBe(false);
      expect(out.diagnostics.length, file).toBeGreaterThan(0);
      expect(out.diagnostics[0].code, file).toMatch(/^[a-z]+\/[a-z-]+$/);
      const text = stratdoc(['validate', `fixtures/invalid/${file}`]);
      expect(text.stderr, file).not.toMatch(NO_STACK);
      expect(text.stderr, file).toContain(`fixtures/invalid/${file}`);
    }
    // Two CLI processes per fixture: about a second each on a busy 2-core machine.
  }, 120_000);

  it('reports in the session language, plurals included', () => {
    expect(stratdoc(['validate', 'fixtures/sessions/industrial-safety.ru.json']).stdout).toMatch(
      /файл корректен — \d+ решени[йея], \d+ инициатив/,
    );
    expect(stratdoc(['lint', 'fixtures/sessions/city-swot.uk.json']).stdout).toMatch(
      /\d+ помил(ка|ки|ок), \d+ попереджен/,
    );
  });

  it('prints machine-readable diagnostics with --reporter json', () => {
    const r = stratdoc(['validate', 'fixtures/invalid/schema-enum.yaml', '--reporter', 'json']);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.valid).toBe(false);
    expect(out.diagnostics[0]).toMatchObject({
      code: 'schema/enum',
      severity: 'error',
      path: ['decisions', 0, 'status'],
      location: { line: 5, column: 5 },
    });
    expect(typeof out.diagnostics[0].message).toBe('string');
    expect(typeof out.diagnostics[0].hint).toBe('string');
  });

  it('answers in the language asked for', () => {
    const r = stratdoc(['validate', 'fixtures/invalid/ref-unknown.yaml', '--locale', 'uk']);
    expect(r.stderr).toContain('помилка');
    expect(r.stderr).toContain('Немає обʼєкта «особа»');
  });

  it('exits 2 with a short message for a missing file', () => {
    const r = stratdoc(['validate', 'no/such/file.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Cannot read no\/such\/file\.yaml: no such file/);
    expect(r.stderr).not.toMatch(NO_STACK);
  });
});

describe('stratdoc lint', () => {
  for (const name of FIXTURES.filter((n) => n !== 'starter.en.yaml')) {
    it(`prints findings for ${name}`, () => {
      const r = stratdoc(['lint', `fixtures/sessions/${name}`]);
      expect([0, 1]).toContain(r.code);
      expect(r.stdout).toMatch(/P\d-[a-z-]+/);
      expect(r.stdout).toMatch(/: \d+ \S+, \d+ \S+, \d+ \S+\n$/);
    });
  }

  it('exits 0 on a clean session, 1 with --strict when there are warnings', () => {
    expect(stratdoc(['lint', 'fixtures/sessions/starter.en.yaml']).code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'stratdoc-'));
    const file = join(dir, 'warn.yaml');
    writeFileSync(file, readFileSync('fixtures/sessions/starter.en.yaml', 'utf8').replace(/^ {2}request: .*$/m, ''));
    expect(stratdoc(['lint', file]).code).toBe(0);
    expect(stratdoc(['lint', file, '--strict']).code).toBe(1);
  });

  it('exits 1 on errors and reports them as JSON with a summary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stratdoc-'));
    const file = join(dir, 'err.yaml');
    writeFileSync(file, readFileSync('fixtures/sessions/starter.en.yaml', 'utf8').replace(/^ {4}rationale: .*$/m, ''));
    const r = stratdoc(['lint', file, '--reporter', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.summary).toEqual({ error: 1, warning: 0, info: 0 });
    expect(out.diagnostics[0]).toMatchObject({
      code: 'P1-rationale-missing',
      principle: 1,
      path: ['decisions', 0, 'rationale'],
    });
  });

  it('exits 2 on invalid input', () => {
    expect(stratdoc(['lint', 'fixtures/invalid/cycle-depends-on.yaml']).code).toBe(2);
  });
});

describe('stratdoc schema, init, help, version', () => {
  it('prints the JSON Schema', () => {
    const r = stratdoc(['schema']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('writes the schema to a file with --out', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'stratdoc-')), 'schema.json');
    expect(stratdoc(['schema', '--out', out]).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).title).toBe('stratdoc session');
  });

  it('writes an example session that validates, and refuses to overwrite it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stratdoc-'));
    const r = stratdoc(['init', dir]);
    expect(r.code).toBe(0);
    const file = join(dir, 'session.yaml');
    expect(readFileSync(file, 'utf8')).toContain('$schema=./node_modules/stratdoc/dist/session.schema.json');
    expect(stratdoc(['validate', file]).code).toBe(0);
    expect(stratdoc(['init', dir]).code).toBe(2);
    expect(stratdoc(['init', dir, '--force']).code).toBe(0);
  });

  it('writes any of the named examples', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stratdoc-'));
    expect(stratdoc(['init', dir, '--example', 'city']).code).toBe(0);
    expect(stratdoc(['validate', join(dir, 'session.json')]).code).toBe(0);
    expect(stratdoc(['init', dir, '--example', 'nope']).stderr).toMatch(/unknown example "nope"/);
  });

  it('prints help and version; rejects unknown commands and options with exit 2', () => {
    expect(stratdoc(['--help']).stdout).toContain('stratdoc validate');
    expect(stratdoc(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const unknown = stratdoc(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
    const badFlag = stratdoc(['validate', 'x.yaml', '--bogus']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).not.toMatch(NO_STACK);
    expect(stratdoc([]).code).toBe(2);
    expect(stratdoc(['validate', 'x', '--reporter', 'xml']).stderr).toMatch(/--reporter must be one of: text, json/);
  });
});

describe('stratdoc build', () => {
  const outDir = () => mkdtempSync(join(tmpdir(), 'stratdoc-out-'));

  it('writes <out>/decisions.html for a fixture, the same bytes every time', () => {
    const out = outDir();
    const r = stratdoc([
      'build',
      'fixtures/sessions/industrial-safety.ru.json',
      '--artifacts',
      'decisions',
      '--format',
      'html',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^ {2}decisions\.html +\d+ KB +\d+ ms$/m);
    expect(r.stderr).toContain(`wrote 1 file(s) to ${out}`);
    const first = readFileSync(join(out, 'decisions.html'), 'utf8');
    expect(first).toContain('<html lang="ru">');
    expect(first).toContain('Реестр решений');
    expect(
      stratdoc(['build', 'fixtures/sessions/industrial-safety.ru.json', '--artifacts', 'decisions', '--out', out]).code,
    ).toBe(0);
    expect(readFileSync(join(out, 'decisions.html'), 'utf8')).toBe(first);
  });

  it('uses a template folder given with --templates', () => {
    const templates = mkdtempSync(join(tmpdir(), 'stratdoc-tpl-'));
    writeFileSync(
      join(templates, 'decisions.hbs'),
      '<h1>Board summary</h1>{{#each decisions}}<p>{{title}} — {{t "decisions.status" status}}</p>{{/each}}',
    );
    const out = outDir();
    const r = stratdoc([
      'build',
      'fixtures/sessions/corporate-planning.en.yaml',
      '--artifacts',
      'decisions',
      '--templates',
      templates,
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(out, 'decisions.html'), 'utf8');
    expect(html).toContain('Board summary');
    expect(html).not.toContain('Decision register');
  });

  it('renders in the language asked for', () => {
    const out = outDir();
    expect(
      stratdoc([
        'build',
        'fixtures/sessions/corporate-planning.en.yaml',
        '--artifacts',
        'decisions',
        '--format',
        'html',
        '--locale',
        'uk',
        '--out',
        out,
      ]).code,
    ).toBe(0);
    expect(readFileSync(join(out, 'decisions.html'), 'utf8')).toContain('Реєстр рішень');
  });

  it('writes nothing when the session is invalid, and keeps the previous good file', () => {
    const out = outDir();
    writeFileSync(join(out, 'decisions.html'), 'previous good build');
    const r = stratdoc(['build', 'fixtures/invalid/ref-unknown.yaml', '--out', out]);
    expect(r.code).toBe(2);
    expect(readFileSync(join(out, 'decisions.html'), 'utf8')).toBe('previous good build');
    expect(readdirSync(out)).toEqual(['decisions.html']);
  });

  it('refuses artifacts the session cannot have, or that do not exist, with exit 2', () => {
    // An artifact the session cannot have: the starter has no SWOT items.
    const swot = stratdoc(['build', 'fixtures/sessions/starter.en.yaml', '--artifacts', 'swot', '--out', outDir()]);
    expect(swot.code).toBe(2);
    expect(swot.stderr).toContain('build/artifact-not-applicable');
    expect(swot.stderr).toContain('no SWOT items');
    const bogus = stratdoc(['build', 'fixtures/sessions/starter.en.yaml', '--artifacts', 'memos']);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toMatch(/--artifacts must be one of: decisions, resources/);
  });

  it('reports template errors with the template file and line', () => {
    const templates = mkdtempSync(join(tmpdir(), 'stratdoc-tpl-'));
    writeFileSync(join(templates, 'decisions.hbs'), '<p>ok</p>\n<p>{{session.nope}}</p>');
    const r = stratdoc(['build', 'fixtures/sessions/starter.en.yaml', '--templates', templates, '--out', outDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(templates, 'decisions.hbs')}:2:`);
    expect(r.stderr).toContain('template/missing-field');
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it('lists what it wrote as JSON with --reporter json', () => {
    const out = outDir();
    const r = stratdoc([
      'build',
      'fixtures/sessions/starter.en.yaml',
      '--artifacts',
      'decisions',
      '--out',
      out,
      '--reporter',
      'json',
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.written).toEqual([
      { file: join(out, 'decisions.pdf'), bytes: expect.any(Number), pages: expect.any(Number) },
      { file: join(out, 'decisions.docx'), bytes: expect.any(Number), pages: expect.any(Number) },
      { file: join(out, 'decisions.html'), bytes: expect.any(Number), pages: null },
    ]);
    expect(report.lint).toEqual({ error: 0, warning: 0, info: 0 });
  });

  it('writes calendar.ics beside the follow-up whatever --format says, stamped by SOURCE_DATE_EPOCH when set', () => {
    const out = outDir();
    const args = [
      'build',
      'fixtures/sessions/industrial-safety.ru.json',
      '--artifacts',
      'followup',
      '--format',
      'html',
    ];
    const r = stratdoc([...args, '--out', out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['calendar.ics', 'followup.html']);
    expect(r.stderr).toMatch(/calendar\.ics\s+\d+ KB/);
    expect(r.stderr).toContain('wrote 2 file(s)');
    const ics = readFileSync(join(out, 'calendar.ics'), 'utf8');
    expect(ics).toContain('DTSTAMP:20260917T000000Z');
    const stamped = outDir();
    expect(stratdoc([...args, '--out', stamped], { env: { SOURCE_DATE_EPOCH: '1790000000' } }).code).toBe(0);
    const again = readFileSync(join(stamped, 'calendar.ics'), 'utf8');
    expect(again).toContain('DTSTAMP:20260921T');
    expect(again.replace(/DTSTAMP:.*\r\n/g, '')).toBe(ics.replace(/DTSTAMP:.*\r\n/g, ''));
  });

  it('writes the Mermaid source of every diagram with --emit-mermaid, even without drawing them', () => {
    const out = outDir();
    const args = ['build', 'fixtures/sessions/corporate-planning.en.yaml', '--artifacts', 'initiatives'];
    const r = stratdoc([...args, '--format', 'html', '--no-diagrams', '--emit-mermaid', '--out', out]);
    expect(r.code).toBe(0);
    const sources = readdirSync(out).filter((f) => f.endsWith('.mmd'));
    expect(sources.length).toBeGreaterThan(1);
    for (const file of sources) {
      expect(file).toMatch(/^initiatives\.[a-z0-9-]+\.mmd$/);
      expect(readFileSync(join(out, file), 'utf8')).toMatch(/^(%%\{.*\}%%\n)?(flowchart|graph|gantt|quadrantChart)\b/m);
    }
    expect(r.stderr).toContain(`wrote ${sources.length + 1} file(s)`);
    const without = outDir();
    expect(stratdoc([...args, '--format', 'html', '--no-diagrams', '--out', without]).code).toBe(0);
    expect(readdirSync(without).filter((f) => f.endsWith('.mmd'))).toEqual([]);
  });
});
