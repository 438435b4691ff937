// node tests/bench/cli-peak.mjs <stratdoc arguments…> — runs the CLI in this process, as `npx stratdoc` would, and
// prints the process's peak resident memory and wall time as JSON on standard error when it ends.
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const started = performance.now();
process.on('exit', (code) => {
  process.stderr.write(
    `\n${JSON.stringify({ code, ms: performance.now() - started, peak_rss_mb: (process.resourceUsage().maxRSS * 1024) / 1e6 })}\n`,
  );
});
process.argv = [process.argv[0], cli, ...process.argv.slice(2)];
await import(cli);
