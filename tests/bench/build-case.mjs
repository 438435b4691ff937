// One full-build benchmark in its own process:
// node tests/bench/build-case.mjs <fixture path | generated> <cache dir> [artifact,artifact…]
// Builds every available artifact as PDF + DOCX with the diagram cache given (warm it with a first process), then
// times: the full build (median of RUNS), and watch rebuilds after one-field edits (median of BENCH_REBUILDS;
// documents an edit did not change are reused and not written again, the others written atomically, as the CLI does). Prints JSON on its last line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { build, writeFiles } from '../../dist/index.js';
import { generateSession } from './generate-session.mjs';

const [which, cacheDir, artifactList] = process.argv.slice(2);
/** The artifacts to build (comma-separated third argument); every one the session can have without it. */
const artifacts = artifactList ? artifactList.split(',') : undefined;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The session as text, and the same session with one field changed (a control point's target, `i` more). */
function sessions() {
  if (which === 'generated') {
    const data = generateSession({
      initiatives: 100,
      controlPoints: 300,
      resources: 300,
      decisions: 50,
      goalsPerPriority: 2,
    });
    const edited = (i) => {
      const copy = structuredClone(data);
      copy.controlPoints.find((c) => c.kind === 'kpi').target += i;
      return JSON.stringify(copy);
    };
    return { text: JSON.stringify(data), edited, size: sizeOf(data) };
  }
  const text = readFileSync(which, 'utf8');
  // The first numeric target in the file, `i` more.
  const edited = (i) => text.replace(/("?target"?\s*:\s*)(\d+(\.\d+)?)/, (_, key, n) => `${key}${Number(n) + i}`);
  if (edited(1) === text) throw new Error(`no target to edit in ${which}`);
  return { text, edited, size: null };
}

function sizeOf(data) {
  return {
    initiatives: data.initiatives.length,
    controlPoints: data.controlPoints.length,
    decisions: data.decisions.length,
    resources: data.resources.length,
  };
}

const { text, edited, size } = sessions();
const options = { formats: ['pdf', 'docx'], cacheDir, diagrams: 'auto', ...(artifacts ? { artifacts } : {}) };
const out = mkdtempSync(join(tmpdir(), 'stratdoc-bench-build-'));
let peakRss = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const sampler = setInterval(sample, 20);

const times = [];
/** Per file, the milliseconds its writer took in each full build. */
const perFile = new Map();
let report;
for (let i = 0; i < RUNS; i++) {
  report = undefined; // a build holds only its own documents, as one `stratdoc build` does
  const t0 = performance.now();
  report = await build(text, {
    ...options,
    onProgress: (e) => perFile.set(e.fileName, [...(perFile.get(e.fileName) ?? []), e.ms]),
  });
  if (!report.ok) throw new Error(`build failed: ${JSON.stringify(report.diagnostics.slice(0, 3))}`);
  await writeFiles(report.files, out);
  times.push(performance.now() - t0);
  sample();
}

// The peak of the full builds alone; the watch below keeps a memo of every document, and is measured apart.
const buildPeakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);

// Watch: the CLI keeps a memo across builds; the first build fills it, each edit after it (the same field, a new
// value each time, as a user typing) reuses what did not change. The median of REBUILDS rebuilds is reported.
const REBUILDS = Number(process.env.BENCH_REBUILDS ?? 5);
const memo = new Map();
await build(text, { ...options, memo });
const rebuildTimes = [];
let reused = 0;
/** Per file, the milliseconds its writer took in each rebuild (or "reused"). */
const rebuildPerFile = new Map();
for (let i = 1; i <= REBUILDS; i++) {
  const session = edited(i);
  const t0 = performance.now();
  const reusedNow = new Set();
  const rebuilt = await build(session, {
    ...options,
    memo,
    onProgress: (e) => {
      if (e.reused) reusedNow.add(e.fileName);
      rebuildPerFile.set(e.fileName, [...(rebuildPerFile.get(e.fileName) ?? []), e.reused ? 'reused' : e.ms]);
    },
  });
  // As the CLI does: a document taken unchanged from the last build is not written again.
  await writeFiles(
    rebuilt.files.filter((f) => !reusedNow.has(f.fileName)),
    out,
  );
  rebuildTimes.push(performance.now() - t0);
  reused = reusedNow.size;
}
const rebuildMs = median(rebuildTimes);
const rebuiltFiles = Object.fromEntries(
  [...rebuildPerFile].map(([name, xs]) => [name, xs.includes('reused') ? 'reused' : Math.round(median(xs))]),
);
clearInterval(sampler);
sample();

// The CLI as a user runs it: one `stratdoc build` per process, its peak memory from the operating system.
const sessionFile = join(out, 'session.json');
writeFileSync(sessionFile, text);
const cliRuns = [];
for (let i = 0; i < RUNS; i++) {
  const { stderr } = spawnSync(
    process.execPath,
    [
      fileURLToPath(new URL('./cli-peak.mjs', import.meta.url)),
      'build',
      sessionFile,
      '--format',
      'pdf,docx',
      ...(artifacts ? ['--artifacts', artifacts.join(',')] : []),
      '--out',
      join(out, 'cli'),
      '--cache',
      cacheDir,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const last = JSON.parse(stderr.trim().split('\n').pop());
  if (last.code !== 0) throw new Error(`stratdoc build failed: ${stderr}`);
  cliRuns.push(last);
}
rmSync(out, { recursive: true, force: true });

const pages = report.files.filter((f) => f.format === 'pdf').reduce((sum, f) => sum + (f.pages ?? 0), 0);
console.log(
  JSON.stringify({
    session: which,
    size,
    files: report.files.length,
    pages,
    bytes: report.files.reduce((sum, f) => sum + f.data.length, 0),
    first_ms: times[0],
    median_ms: median(times.slice(1).length ? times.slice(1) : times),
    rebuild_ms: rebuildMs,
    rebuild_ms_all: rebuildTimes.map((ms) => Math.round(ms)),
    reused,
    file_ms: Object.fromEntries([...perFile].map(([name, ms]) => [name, Math.round(median(ms))])),
    rebuild_file_ms: rebuiltFiles,
    peak_rss_mb: buildPeakRss / 1e6,
    cli_ms: median(cliRuns.map((r) => r.ms)),
    cli_peak_rss_mb: median(cliRuns.map((r) => r.peak_rss_mb)),
    cli_peak_rss_mb_max: Math.max(...cliRuns.map((r) => r.peak_rss_mb)),
    watch_peak_rss_mb: Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1e6,
  }),
);
