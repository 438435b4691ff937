// One DOCX benchmark run in its own process: node tests/bench/docx-case.mjs stratdoc|docx paragraphs
// stratdoc: the DOCX writer from a DocTree. docx: the same content built directly with the docx package, with the
// same fonts embedded, so both produce the same document. Prints JSON { ms, bytes }.
import { performance } from 'node:perf_hooks';
import { benchDoc, paragraphs, spec } from './pdf-content.mjs';

const [tool, caseName] = process.argv.slice(2);

async function stratdocRun() {
  const stratdoc = await import('../../dist/index.js');
  const { nodeEnv, writeDocx } = stratdoc;
  const env = nodeEnv();
  // The DOCX writer's input is the DocTree: parsing the markup is not part of its time.
  const doc = benchDoc(stratdoc, caseName);
  return async () => (await writeDocx(doc, env)).bytes.length;
}

async function docxRun() {
  const { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, TextRun } = await import(
    'docx'
  );
  const { builtInFonts } = await import('../../dist/index.js');
  const fonts = builtInFonts();
  return async () => {
    const children = [];
    for (const ch of paragraphs(spec(caseName).chapters)) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(ch.heading)] }));
      for (const p of ch.paragraphs)
        children.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [new TextRun(p)] }));
    }
    const document = new Document({
      styles: { default: { document: { run: { font: 'Roboto', size: 21 } } } },
      fonts: [
        {
          name: 'Roboto',
          data: Buffer.from(fonts.main.regular),
          bold: Buffer.from(fonts.main.bold),
          italic: Buffer.from(fonts.main.italic),
          boldItalic: Buffer.from(fonts.main.boldItalic),
        },
      ],
      sections: [
        {
          footers: {
            default: new Footer({
              children: [
                new Paragraph({
                  alignment: AlignmentType.CENTER,
                  children: [new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] })],
                }),
              ],
            }),
          },
          children,
        },
      ],
    });
    return (await Packer.toBuffer(document)).length;
  };
}

const run = tool === 'stratdoc' ? await stratdocRun() : await docxRun();
await run();
const t0 = performance.now();
const bytes = await run();
process.stdout.write(
  `${JSON.stringify({ ms: performance.now() - t0, bytes, peakMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
