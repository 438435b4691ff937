// Per-file cost of a full build: node tests/bench/per-file-case.mjs <cache dir> [formats]
// Builds every artifact of the generated session (100 initiatives, 300 control points, 50 decisions, 300 resources)
// RUNS times (4 by default) in one process, with the diagram cache given (the first build warms it), and prints for
// each file the median CPU time (user + system of every thread, so garbage collection counts, and a busy machine
// matters less than for wall time), the median wall time and the size, then the process's peak memory. The CPU
// time of a file is the process's between the previous file and this one.
import { performance } from 'node:perf_hooks';
import { build } from '../../dist/index.js';
import { generateSession } from './generate-session.mjs';

const [cacheDir = 'bench-cache', formats = 'pdf,docx'] = process.argv.slice(2);
const RUNS = Number(process.env.BENCH_RUNS ?? 4);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const text = JSON.stringify(
  generateSession({ initiatives: 100, controlPoints: 300, resources: 300, decisions: 50, goalsPerPriority: 2 }),
);
const files = new Map();
const totals = [];
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  let cpu = process.cpuUsage();
  await build(text, {
    formats: formats.split(','),
    cacheDir,
    diagrams: 'auto',
    onProgress: (e) => {
      const used = process.cpuUsage(cpu);
      cpu = process.cpuUsage();
      if (run === 0) return; // the first build warms the cache and the code
      const f = files.get(e.fileName) ?? { cpu: [], wall: [], bytes: 0 };
      f.cpu.push((used.user + used.system) / 1000);
      f.wall.push(e.ms);
      f.bytes = e.bytes;
      files.set(e.fileName, f);
    },
  });
  if (run > 0) totals.push(performance.now() - started);
}
for (const [name, f] of files)
  console.log(
    `${name.padEnd(20)} cpu ${median(f.cpu).toFixed(0).padStart(5)} ms  wall ${median(f.wall).toFixed(0).padStart(5)} ms  ${(f.bytes / 1e6).toFixed(2)} MB`,
  );
console.log(
  `build wall ${median(totals).toFixed(0)} ms, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
);
