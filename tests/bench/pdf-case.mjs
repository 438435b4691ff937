// One benchmark run in its own process, so peak memory is this run's alone:
//   node tests/bench/pdf-case.mjs stratdoc|pdfmake <case>
// Prints JSON: { ms, pages, peakMb }. Time covers layout and writing after one warm-up run of the same case.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { benchDoc, pdfmakeDefinition } from './pdf-content.mjs';

const [tool, caseName] = process.argv.slice(2);
const require = createRequire(import.meta.url);

async function stratdocRun() {
  const stratdoc = await import('../../dist/index.js');
  const { nodeEnv, writePdf } = stratdoc;
  const env = nodeEnv();
  return async () => {
    const doc = benchDoc(stratdoc, caseName);
    const result = await writePdf(doc, env);
    return { bytes: result.bytes.length, pages: result.layout.pages.length };
  };
}

async function pdfmakeRun() {
  const pdfmake = require('pdfmake');
  const font = (p) => require.resolve(`@expo-google-fonts/roboto/${p}`);
  pdfmake.setFonts({
    Roboto: {
      normal: font('400Regular/Roboto_400Regular.ttf'),
      bold: font('700Bold/Roboto_700Bold.ttf'),
      italics: font('400Regular_Italic/Roboto_400Regular_Italic.ttf'),
      bolditalics: font('700Bold_Italic/Roboto_700Bold_Italic.ttf'),
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  return async () => {
    let pages = 0;
    const def = pdfmakeDefinition(caseName);
    const footer = def.footer;
    def.footer = (page, count) => {
      pages = count;
      return footer(page, count);
    };
    const buffer = await pdfmake.createPdf(def).getBuffer();
    return { bytes: buffer.length, pages };
  };
}

const run = tool === 'stratdoc' ? await stratdocRun() : await pdfmakeRun();
await run(); // warm-up: fonts parsed, code compiled
const t0 = performance.now();
const result = await run();
const ms = performance.now() - t0;
const peakMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ ms, pages: result.pages, bytes: result.bytes, peakMb })}\n`);
