import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { diffSessions } from '../../src/index.js';
import { stratdoc } from '../helpers/cli.js';
import { readPdf } from '../helpers/pdf.js';
import { ROOT } from '../helpers/sessions.js';

const OLD = 'fixtures/sessions/industrial-safety.ru.json';
const NEW = 'fixtures/snapshots/industrial-safety.ru.2027-02.json';
const tmp = () => mkdtempSync(join(tmpdir(), 'stratdoc-diff-'));
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** The February snapshot with an owner nobody has: invalid. */
function brokenSnapshot(dir: string): string {
  const data = JSON.parse(read(NEW));
  data.initiatives[2].owner = 'p-nobody';
  const file = join(dir, 'broken.json');
  writeFileSync(file, JSON.stringify(data, null, 2));
  return file;
}

describe('stratdoc diff', () => {
  it('prints the changes as JSON: the API structure, plus the warnings', () => {
    const r = stratdoc(['diff', OLD, NEW, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const api = diffSessions(read(OLD), read(NEW));
    expect(api.ok).toBe(true);
    if (!api.ok) return;
    expect(out).toEqual({ ...api.value, diagnostics: [] });
    expect(out.counts.total).toBe(46);
    expect(out.dates[0]).toMatchObject({ id: 'i-tms', from: '2027-05-31', to: '2027-07-30', days: 60 });
    // The same every time: nothing in it depends on the clock.
    expect(stratdoc(['diff', OLD, NEW, '--format', 'json']).stdout).toBe(r.stdout);
  });

  it('prints a text summary by default, in the newer snapshot’s language or the one asked for', () => {
    const r = stratdoc(['diff', OLD, NEW]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Что изменилось с 16 ноября 2026 г\. по 31 января 2027 г\./);
    expect(r.stdout).toContain('Сдвинутые сроки: 3 (позже — 3, наибольший сдвиг — 60 дней)');
    expect(r.stdout).toContain('Изменения статусов: 15 (лучше — 8, хуже — 2,');
    expect(r.stdout).toContain('Сдвинутые сроки (3)');
    expect(r.stdout).toMatch(/31\.05\.2027 → 30\.07\.2027, на 60 дней позже/);
    expect(r.stdout).toContain('Пилот калиброванного проката на Лысьве: Предложено → Отклонено');
    const en = stratdoc(['diff', OLD, NEW, '--locale', 'en']);
    expect(en.stdout).toMatch(/^What changed from 16 November 2026 to 31 January 2027/);
    expect(en.stdout).toContain('60 days later');
    expect(en.stdout).toContain('In progress → Done');
  });

  it('says so when nothing changed, and --exit-code tells the two cases apart', () => {
    const same = stratdoc(['diff', NEW, NEW, '--exit-code']);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('Изменений нет');
    expect(stratdoc(['diff', OLD, NEW, '--exit-code']).code).toBe(1);
    expect(stratdoc(['diff', OLD, NEW]).code).toBe(0);
  });

  it('writes the report as PDF, DOCX and HTML, the format told by --out', async () => {
    const dir = tmp();
    for (const ext of ['pdf', 'docx', 'html']) {
      const r = stratdoc(['diff', OLD, NEW, '--out', join(dir, `diff.${ext}`)]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`diff.${ext}`);
    }
    expect(readdirSync(dir).sort()).toEqual(['diff.docx', 'diff.html', 'diff.pdf']);
    const pdf = await readPdf(readFileSync(join(dir, 'diff.pdf')));
    expect(pdf.pages.length).toBeGreaterThan(2);
    const text = pdf.pages.map((p) => p.text).join('\n');
    expect(text).toContain('Что изменилось');
    expect(text).toContain('на 60 дней позже');
    expect(text).toContain('Поэтапный запуск');
    expect(pdf.outline.map((o) => o.title)).toEqual(
      expect.arrayContaining(['Решения', 'Изменения статусов', 'Сдвинутые сроки', 'Новые измерения']),
    );
    const docx = unzipSync(readFileSync(join(dir, 'diff.docx')));
    const body = strFromU8(docx['word/document.xml'] as Uint8Array);
    expect(body).toContain('Смена ответственных');
    expect(body).toContain('Лёвина Татьяна Викторовна');
    const html = readFileSync(join(dir, 'diff.html'), 'utf8');
    expect(html).toContain('<html');
    expect(html).toContain('Корректирующие меры');
  }, 120_000);

  it('writes the same bytes for the same snapshots', () => {
    const dir = tmp();
    stratdoc(['diff', OLD, NEW, '--out', join(dir, 'a.pdf')]);
    stratdoc(['diff', OLD, NEW, '--out', join(dir, 'b.pdf')]);
    expect(readFileSync(join(dir, 'a.pdf')).equals(readFileSync(join(dir, 'b.pdf')))).toBe(true);
  }, 60_000);

  it('reports what it wrote as JSON with --reporter json', () => {
    const dir = tmp();
    const r = stratdoc(['diff', OLD, NEW, '--out', join(dir, 'diff.pdf'), '--reporter', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.written).toEqual([
      { file: join(dir, 'diff.pdf'), format: 'pdf', bytes: expect.any(Number), pages: expect.any(Number) },
    ]);
    expect(out.changed).toBe(true);
    expect(out.counts.dates).toBe(3);
  });

  it('stops on an invalid snapshot with exit code 2, naming the file and field, and writes nothing', () => {
    const dir = tmp();
    const broken = brokenSnapshot(dir);
    const out = join(dir, 'diff.pdf');
    const r = stratdoc(['diff', OLD, broken, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(broken);
    expect(r.stderr).toContain('initiatives[2].owner');
    expect(r.stderr).toContain('подсказка:');
    expect(r.stderr).not.toMatch(/\n\s+at .*\.(js|ts):\d+/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual(['broken.json']);
  });

  it('keeps an earlier report in place when the new one cannot be made', () => {
    const dir = tmp();
    const out = join(dir, 'diff.html');
    writeFileSync(out, 'the last good report');
    const r = stratdoc(['diff', brokenSnapshot(dir), NEW, '--out', out]);
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('the last good report');
    expect(readdirSync(dir).sort()).toEqual(['broken.json', 'diff.html']);
  });

  it('writes nothing when its template fails, and names the template', () => {
    const dir = tmp();
    const templates = join(dir, 'templates');
    mkdirSync(templates);
    writeFileSync(join(templates, 'diff.hbs'), '<h1>{{t "diff.title"}}</h1>\n<p>{{noSuchField}}</p>\n');
    const out = join(dir, 'diff.pdf');
    const r = stratdoc(['diff', OLD, NEW, '--out', out, '--templates', templates]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('diff.hbs');
    expect(r.stderr).toContain('noSuchField');
    expect(readdirSync(dir)).toEqual(['templates']);
    // A template that works is used instead of the built-in one.
    writeFileSync(join(templates, 'diff.hbs'), '<h1>Board note: {{counts.total}} changes</h1>\n');
    const html = join(dir, 'diff.html');
    expect(stratdoc(['diff', OLD, NEW, '--out', html, '--templates', templates]).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('Board note: 46 changes');
  }, 60_000);

  it('gives the diagnostics of both files as JSON with --reporter json', () => {
    const dir = tmp();
    const r = stratdoc(['diff', join(dir, 'missing.json'), brokenSnapshot(dir), '--reporter', 'json']);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.valid).toBe(false);
    expect(out.files).toEqual([join(dir, 'missing.json'), join(dir, 'broken.json')]);
    expect(out.diagnostics[0]).toMatchObject({ code: 'input/read', file: join(dir, 'missing.json') });
    // The file that could be read is checked all the same.
    expect(out.diagnostics.slice(1)).toEqual([
      expect.objectContaining({ file: join(dir, 'broken.json'), path: ['initiatives', 2, 'owner'] }),
    ]);
  });

  it('refuses usage it cannot serve with exit code 2', () => {
    expect(stratdoc(['diff', OLD]).code).toBe(2);
    const pdf = stratdoc(['diff', OLD, NEW, '--format', 'pdf']);
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('--out');
    expect(stratdoc(['diff', OLD, NEW, '--out', join(tmp(), 'diff.xyz')]).code).toBe(2);
    expect(stratdoc(['diff', OLD, NEW, '--format', 'csv']).code).toBe(2);
  });

  it('warns when the snapshots are of different sessions', () => {
    const dir = tmp();
    const data = JSON.parse(read(NEW));
    data.session.title = 'Совсем другая сессия';
    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify(data));
    const r = stratdoc(['diff', OLD, other]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('diff/different-sessions');
    expect(r.stdout).toContain('Совсем другая сессия');
    const json = JSON.parse(stratdoc(['diff', OLD, other, '--format', 'json']).stdout);
    expect(json.sameSession).toBe(false);
    expect(json.diagnostics[0].code).toBe('diff/different-sessions');
  });
});
