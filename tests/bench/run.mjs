// npm run bench — times the front half of the pipeline on a generated session and compares it with a peer.
// Peer: ajv checking the same data against the exported JSON Schema (structure only: no references, cycles,
// model or lint), measured in the same run. Target: validate + buildModel + lint under 1 s for
// 5,000 initiatives and 20,000 control points on a 2-core machine.
import { performance } from 'node:perf_hooks';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { buildModel, lintSession, sessionJsonSchema, validateSession } from '../../dist/index.js';
import { generateSession } from './generate-session.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (fn) => {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
};

const data = generateSession();
console.log(
  `session: ${data.initiatives.length} initiatives, ${data.controlPoints.length} control points, ` +
    `${data.resources.length} resources, ${data.decisions.length} decisions (${(JSON.stringify(data).length / 1e6).toFixed(1)} MB JSON)`,
);

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const ajvValidate = ajv.compile(sessionJsonSchema());

const rows = { validate: [], buildModel: [], lint: [], total: [], ajv: [] };
let findings = 0;
for (let i = 0; i < RUNS + 1; i++) {
  globalThis.gc?.();
  const v = time(() => validateSession(data));
  if (!v.value.ok) throw new Error(`generated session is invalid: ${JSON.stringify(v.value.diagnostics.slice(0, 3))}`);
  const m = time(() => buildModel(v.value.value));
  const l = time(() => lintSession(m.value));
  const a = time(() => ajvValidate(data));
  if (!a.value) throw new Error('ajv rejects the generated session');
  if (i === 0) continue; // warm-up
  findings = l.value.length;
  rows.validate.push(v.ms);
  rows.buildModel.push(m.ms);
  rows.lint.push(l.ms);
  rows.total.push(v.ms + m.ms + l.ms);
  rows.ajv.push(a.ms);
}

const fmt = (ms) => `${ms.toFixed(0).padStart(6)} ms`;
console.log(`median of ${RUNS} runs after one warm-up (${findings} lint findings):`);
for (const [name, xs] of Object.entries(rows)) console.log(`  ${name.padEnd(22)}${fmt(median(xs))}`);
const total = median(rows.total);
const peer = median(rows.ajv);
console.log(
  `  ratio total / ajv schema-only: ${(total / peer).toFixed(2)}× (stratdoc also resolves references, builds the model and lints)`,
);
console.log(`  ratio validate / ajv schema-only: ${(median(rows.validate) / peer).toFixed(2)}×`);
const heap = process.memoryUsage().heapUsed / 1e6;
console.log(`  heap after runs: ${heap.toFixed(0)} MB`);
console.log(
  total < 1000
    ? `PASS: validate + buildModel + lint ${total.toFixed(0)} ms < 1000 ms`
    : `OVER TARGET: ${total.toFixed(0)} ms ≥ 1000 ms`,
);
process.exitCode = total < 1000 ? 0 : 1;
