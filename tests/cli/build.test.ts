import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, writeFiles } from '../../src/index.js';
import { CLI, stratdoc } from '../helpers/cli.js';
import { ROOT } from '../helpers/sessions.js';

const STARTER = readFileSync(join(ROOT, 'fixtures/sessions/starter.en.yaml'), 'utf8');
/** The starter session with a decision whose "why" is gone: a lint error (P1-rationale-missing). */
const NO_WHY = STARTER.replace(/^ {4}rationale: .*\n/m, '');

const outDir = () => mkdtempSync(join(tmpdir(), 'stratdoc-build-'));

describe('build(input, options)', () => {
  it('returns the files and what was found, without writing anything', async () => {
    const report = await build(STARTER, { artifacts: ['decisions'], formats: ['pdf', 'html'], diagrams: 'off' });
    expect(report.ok).toBe(true);
    expect(report.files.map((f) => f.fileName)).toEqual(['decisions.pdf', 'decisions.html']);
    expect(report.files[0]?.pages).toBeGreaterThan(1);
    expect(
      Buffer.from(report.files[0]?.data ?? [])
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(report.findings.every((f) => f.severity !== 'error')).toBe(true);
  });

  it('writes them with writeFiles, each in place whole', async () => {
    const report = await build(STARTER, { artifacts: ['decisions'], formats: ['html'], diagrams: 'off' });
    const out = join(outDir(), 'nested', 'out');
    const written = await writeFiles(report.files, out);
    expect(written).toEqual([join(out, 'decisions.html')]);
    expect(readFileSync(join(out, 'decisions.html'))).toEqual(Buffer.from(report.files[0]?.data ?? []));
    expect(readdirSync(out)).toEqual(['decisions.html']);
  });

  it('writes a DOCX from the chunks it was made in, the same bytes as its data', async () => {
    const report = await build(STARTER, { artifacts: ['decisions'], formats: ['docx'], diagrams: 'off' });
    const docx = report.files[0];
    if (!docx?.chunks) throw new Error('a DOCX comes in chunks');
    expect(docx.chunks.length).toBeGreaterThan(10);
    // More chunks than one write call takes, some of them empty.
    const many = Array.from({ length: 2500 }, (_, i) => new Uint8Array(i % 3).fill(i % 251));
    const out = outDir();
    await writeFiles([docx, { fileName: 'many.bin', data: Buffer.concat(many), chunks: many }], out);
    const written = readFileSync(join(out, 'decisions.docx'));
    expect(written.equals(Buffer.from(docx.data))).toBe(true);
    expect(written.subarray(0, 2).toString()).toBe('PK');
    expect(readFileSync(join(out, 'many.bin')).equals(Buffer.concat(many))).toBe(true);
    expect(readdirSync(out).sort()).toEqual(['decisions.docx', 'many.bin']);
  });

  it('refuses to build a session with lint errors when lint errors fail', async () => {
    const strict = await build(NO_WHY, { formats: ['html'], diagrams: 'off', lintErrorsFail: true });
    expect(strict.ok).toBe(false);
    expect(strict.files).toEqual([]);
    expect(strict.findings.map((f) => f.code)).toContain('P1-rationale-missing');
    const lenient = await build(NO_WHY, { artifacts: ['decisions'], formats: ['html'], diagrams: 'off' });
    expect(lenient.ok).toBe(true);
    expect(lenient.files).toHaveLength(1);
  });

  it('reports an invalid session with the path of the field, and no files', async () => {
    const report = await build(STARTER.replace('date: 2027-03-04', 'date: someday'), { diagrams: 'off' });
    expect(report.ok).toBe(false);
    expect(report.files).toEqual([]);
    expect(report.diagnostics[0]?.path).toEqual(['session', 'date']);
  });
});

describe('stratdoc build', () => {
  it('prints a progress line per document and a summary of files, pages and sizes', () => {
    const out = outDir();
    const r = stratdoc(['build', 'fixtures/sessions/starter.en.yaml', '--out', out, '--no-diagrams']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.match(/^ {2}\S+\.(pdf|docx|html|ics) .*$/gm) ?? [];
    const files = readdirSync(out).filter((f) => !f.startsWith('.'));
    expect(lines.map((l) => l.trim().split(/\s+/)[0]).sort()).toEqual([...files].sort());
    for (const line of lines.filter((l) => l.includes('.pdf')))
      expect(line).toMatch(/\d+ pages? +\d+ KB +\d+(\.\d)? m?s$/);
    const pages = lines
      .filter((l) => l.includes('.pdf'))
      .reduce((sum, l) => sum + Number(l.match(/(\d+) pages?/)?.[1]), 0);
    expect(r.stderr).toMatch(new RegExp(`wrote ${files.length} file\\(s\\) to .*: ${pages} PDF page\\(s\\), `));
  });

  it('with --strict builds nothing and exits 1 while lint finds errors', () => {
    const out = outDir();
    writeFileSync(join(out, 'session.yaml'), NO_WHY);
    const r = stratdoc(['build', join(out, 'session.yaml'), '--strict', '--out', join(out, 'docs')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('P1-rationale-missing');
    expect(r.stderr).toMatch(/not built — lint found 1 error/);
    expect(existsSync(join(out, 'docs'))).toBe(false);
    // Without --strict the same session is built, with the findings reported.
    const lenient = stratdoc(['build', join(out, 'session.yaml'), '--format', 'html', '--out', join(out, 'docs')]);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toMatch(/lint: 1 error/);
  });

  it('checks --poster-size and refuses --watch on standard input', () => {
    const size = stratdoc(['build', 'fixtures/sessions/starter.en.yaml', '--poster-size', 'A5']);
    expect(size.code).toBe(2);
    expect(size.stderr).toMatch(/--poster-size must be one of: A4, A3, A2/);
    const watch = stratdoc(['build', '-', '--watch'], { input: STARTER });
    expect(watch.code).toBe(2);
    expect(watch.stderr).toMatch(/--watch needs a session file/);
  });

  it('with --watch builds again after an edit, and only the documents the edit changed', async () => {
    const dir = outDir();
    const session = join(dir, 'session.yaml');
    writeFileSync(session, STARTER);
    const out = join(dir, 'out');
    const child = spawn(
      process.execPath,
      [CLI, 'build', session, '--out', out, '--format', 'pdf,html', '--artifacts', 'decisions,resources', '--watch'],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } },
    );
    let stderr = '';
    const waiting = new Set<() => void>();
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      for (const check of waiting) check();
    });
    /** Resolves once `pattern` (global) has matched `count` times in everything printed so far. */
    const waitFor = (pattern: RegExp, count: number) =>
      new Promise<void>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`timed out waiting for ${pattern}:\n${stderr}`)), 60_000);
        const check = () => {
          if ((stderr.match(pattern) ?? []).length < count) return;
          clearTimeout(timer);
          waiting.delete(check);
          done();
        };
        waiting.add(check);
        check();
      });
    try {
      await waitFor(/^watching /gm, 1);
      const before = readFileSync(join(out, 'decisions.html'), 'utf8');
      const resources = statSync(join(out, 'resources.pdf'));
      // One field that only the decision memos show.
      writeFileSync(session, STARTER.replace(/^ {4}rationale: (.*)$/m, '    rationale: $1 Checked twice.'));
      await waitFor(/^wrote \d+ file/gm, 2);
      const after = readFileSync(join(out, 'decisions.html'), 'utf8');
      expect(after).not.toBe(before);
      expect(after).toContain('Checked twice.');
      const second = stderr.slice(stderr.indexOf('changed — building again'));
      expect(second).toMatch(/^ {2}decisions\.pdf .* ms$/m);
      expect(second).toMatch(/^ {2}resources\.pdf .*unchanged$/m);
      // The unchanged documents' files are left as they were, not written again.
      expect(second).toMatch(/^wrote 2 file\(s\) to .*, 2 unchanged: /m);
      const kept = statSync(join(out, 'resources.pdf'));
      expect([kept.ino, kept.mtimeMs]).toEqual([resources.ino, resources.mtimeMs]);
      // A broken edit is reported and the watch goes on; the previous documents stay.
      writeFileSync(session, STARTER.replace('date: 2027-03-04', 'date: someday'));
      await waitFor(/ error /g, 1);
      expect(readFileSync(join(out, 'decisions.html'), 'utf8')).toBe(after);
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill('SIGINT');
    }
  }, 120_000);
});
