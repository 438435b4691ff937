import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, stratdoc } from '../helpers/cli.js';
import { ROOT } from '../helpers/sessions.js';

const ARGS = ['--artifacts', 'decisions,initiatives', '--format', 'pdf,docx,html', '--no-diagrams'];

/** Documents the build makes: two artifacts in three formats. */
const DOCUMENTS = 6;

/**
 * Starts a build and kills it with `signal` as soon as it has made its last document: the moment it starts
 * putting the files in place.
 */
function interrupted(session: string, out: string, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, 'build', session, '--out', out, ...ARGS], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let killed = false;
    let made = 0;
    child.stderr.on('data', (chunk: Buffer) => {
      made += chunk.toString().match(/^ {2}\S+\.(pdf|docx|html) /gm)?.length ?? 0;
      if (!killed && made >= DOCUMENTS) {
        killed = true;
        child.kill(signal);
      }
    });
    child.on('exit', (code, sig) => done(sig ? null : code));
  });
}

/** A complete document of its format: what a reader can open. */
function complete(file: string): boolean {
  const data = readFileSync(file);
  if (file.endsWith('.pdf')) return data.subarray(0, 5).toString() === '%PDF-' && data.includes('%%EOF');
  if (file.endsWith('.docx'))
    return data.subarray(0, 2).toString() === 'PK' && data.includes(Buffer.from('PK\u0005\u0006'));
  if (file.endsWith('.html')) return data.toString('utf8').trimEnd().endsWith('</html>');
  return true;
}

describe('an interrupted build', () => {
  it('leaves every output either as it was or complete, and no temporary file once built again', async () => {
    const out = mkdtempSync(join(tmpdir(), 'stratdoc-interrupt-'));
    expect(stratdoc(['build', 'fixtures/sessions/starter.en.yaml', '--out', out, ...ARGS]).code).toBe(0);
    const before = new Map(readdirSync(out).map((f) => [f, readFileSync(join(out, f))]));
    expect(before.size).toBe(DOCUMENTS);
    // Killed outright, as by the kernel or a power cut: nothing can be cleaned up at that moment.
    await interrupted('fixtures/sessions/industrial-safety.ru.json', out, 'SIGKILL');
    for (const f of readdirSync(out).filter((f) => !f.startsWith('.'))) {
      expect(complete(join(out, f)), f).toBe(true);
      const old = before.get(f);
      if (old) expect(readFileSync(join(out, f)).equals(old) || complete(join(out, f)), f).toBe(true);
    }
    expect(readdirSync(out).filter((f) => !f.startsWith('.') && f.endsWith('.tmp'))).toEqual([]);
    // A leftover from a write that never finished is swept by the next build into the folder.
    writeFileSync(join(out, '.decisions.pdf.stratdoc-0badf00d.tmp'), '%PDF-1.7 half');
    expect(stratdoc(['build', 'fixtures/sessions/industrial-safety.ru.json', '--out', out, ...ARGS]).code).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 180_000);

  it('on Ctrl-C or SIGTERM removes the file it was writing and exits with the signal’s status', async () => {
    const out = mkdtempSync(join(tmpdir(), 'stratdoc-interrupt-'));
    const code = await interrupted('fixtures/sessions/corporate-planning.en.yaml', out, 'SIGTERM');
    // Either the handler ran (143) or the build had already finished (0).
    expect([0, 143]).toContain(code);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const f of readdirSync(out)) expect(complete(join(out, f)), f).toBe(true);
  }, 120_000);
});
