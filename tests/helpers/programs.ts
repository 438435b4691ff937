import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Finds a program on PATH or at one of the given absolute paths. */
export function findProgram(candidates: readonly string[]): string | null {
  for (const candidate of candidates) {
    if (candidate.startsWith('/')) {
      if (existsSync(candidate)) return candidate;
      continue;
    }
    const r = spawnSync('sh', ['-c', `command -v ${candidate}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

/** The Chromium the tests drive: PUPPETEER_EXECUTABLE_PATH first, then the usual names. */
export function findChromium(): string | null {
  const fromEnv = process.env.PUPPETEER_EXECUTABLE_PATH;
  return findProgram([
    ...(fromEnv ? [fromEnv] : []),
    'chromium',
    'chromium-browser',
    'google-chrome',
    '/usr/bin/chromium',
  ]);
}

/**
 * Whether tests needing `what` can run. Locally a missing program skips them, loudly; under CI=true a
 * missing program is a failure, never a skip.
 */
export function programAvailable(what: string, path: string | null, install: string): boolean {
  if (path) return true;
  const message = `${what} is not installed: the tests that need it are SKIPPED here. Install it with: ${install}`;
  if (process.env.CI === 'true' || process.env.CI === '1')
    throw new Error(`CI: ${message.replace('SKIPPED here', 'cannot run')}`);
  process.stderr.write(`\n!!! ${message}\n\n`);
  return false;
}

/** Chromium flags for a headless run as root on a machine without network. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--hide-scrollbars',
  '--run-all-compositor-stages-before-draw',
];

/** pdftotext, for tests that read built PDFs as a reader's tools do; `canRead` false skips them (loudly). */
export const pdftotext = findProgram(['pdftotext']);
export const canReadPdfText = (): boolean =>
  programAvailable('pdftotext', pdftotext, 'apt-get install -y poppler-utils');

/** The text of each page of a PDF as pdftotext reads it (`-raw`: in content order), whitespace folded. */
export function pdfPageTexts(pdf: Uint8Array, raw = false): string[] {
  const file = join(mkdtempSync(join(tmpdir(), 'stratdoc-text-')), 'document.pdf');
  writeFileSync(file, pdf);
  const text = spawnSync(pdftotext as string, [...(raw ? ['-raw'] : []), file, '-'], { encoding: 'utf8' }).stdout;
  return text
    .split('\f')
    .slice(0, -1)
    .map((page) => page.replace(/\s+/g, ' '));
}
