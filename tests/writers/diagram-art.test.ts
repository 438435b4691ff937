import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type DiagramArt, nodeEnv, writeDocx, writeHtml, writePdf } from '../../src/index.js';
import { docOf } from '../helpers/doc.js';
import { readPdf } from '../helpers/pdf.js';
import { findProgram } from '../helpers/programs.js';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A drawn diagram stand-in: a display list of shapes and text (Cyrillic, a character only the fallback has), an SVG and a PNG. */
function art(): DiagramArt {
  const id = [1, 0, 0, 1, 0, 0] as const;
  return {
    svg: '<svg id="stratdoc-diagram" xmlns="http://www.w3.org/2000/svg" width="800" height="400" viewBox="0 0 800 400"><style>#stratdoc-diagram text{fill:#000}</style><text x="10" y="30">Vision map</text></svg>',
    drawing: {
      width: 800,
      height: 400,
      items: [
        { type: 'shape', d: 'M10 10H790V390H10Z', m: id, fill: '#EEF4FA', stroke: '#1F4E79', width: 2, dash: null },
        {
          type: 'shape',
          d: 'M100 200a50 30 0 1 0 100 0q50-80 100 0t100 0s50 40 100 0',
          m: [1, 0, 0, 1, 0, 20],
          fill: null,
          stroke: '#C62828',
          width: 1.5,
          dash: [4, 2],
        },
        {
          type: 'text',
          text: 'Vision map',
          m: [1, 0, 0, 1, 40, 60],
          size: 24,
          bold: true,
          italic: false,
          fill: '#1B1F24',
        },
        {
          type: 'text',
          text: 'Цель → инициатива ⟹',
          m: [0, -1, 1, 0, 60, 360],
          size: 14,
          bold: false,
          italic: false,
          fill: '#000000',
        },
      ],
    },
    png: new Uint8Array(PNG),
    width: 800,
    height: 400,
  };
}

const MARKUP =
  '<h1>Initiatives</h1><diagram ref="strategy-map" alt="Strategy map"><p>Fallback list</p></diagram><p>After.</p>';

describe('drawn diagrams in the writers', () => {
  it('PDF: the diagram is drawn as vectors and text in the document’s fonts, no raster image', async () => {
    const diagrams = new Map([['strategy-map', art()]]);
    const result = await writePdf(docOf(MARKUP), nodeEnv(), { diagrams });
    const pdf = await readPdf(result.bytes);
    const text = pdf.pages[0]?.text.replace(/\s+/g, ' ') ?? '';
    expect(text).toContain('Vision map');
    expect(text).toContain('Цель → инициатива');
    expect(text).not.toContain('Fallback list');
    const pdfimages = findProgram(['pdfimages']);
    if (pdfimages) {
      const file = join(mkdtempSync(join(tmpdir(), 'stratdoc-art-')), 'd.pdf');
      writeFileSync(file, result.bytes);
      expect(spawnSync(pdfimages, ['-list', file], { encoding: 'utf8' }).stdout.trim().split('\n')).toHaveLength(2);
    }
  });

  it('PDF, HTML, DOCX: without a drawing the fallback shows', async () => {
    const pdf = await readPdf((await writePdf(docOf(MARKUP), nodeEnv())).bytes);
    expect(pdf.pages[0]?.text).toContain('Fallback list');
    expect(writeHtml(docOf(MARKUP))).toContain('Fallback list');
    const docx = await writeDocx(docOf(MARKUP), nodeEnv());
    expect(strFromU8(unzipSync(docx.bytes)['word/document.xml'] as Uint8Array)).toContain('Fallback list');
  });

  it('HTML: the SVG is inline, with ids of its own', async () => {
    const html = writeHtml(docOf(MARKUP), { diagrams: new Map([['strategy-map', art()]]) });
    expect(html).toContain(
      '<figure class="diagram-art" role="img" aria-label="Strategy map"><svg id="stratdoc-diagram-strategy-map"',
    );
    expect(html).toContain('#stratdoc-diagram-strategy-map text');
    expect(html).not.toContain('Fallback list');
  });

  it('DOCX: the SVG with its PNG fallback', async () => {
    const docx = await writeDocx(docOf(MARKUP), nodeEnv(), { diagrams: new Map([['strategy-map', art()]]) });
    const files = unzipSync(docx.bytes);
    const media = Object.keys(files).filter((f) => f.startsWith('word/media/'));
    expect(media.some((f) => f.endsWith('.svg'))).toBe(true);
    expect(media.some((f) => f.endsWith('.png'))).toBe(true);
    const document = strFromU8(files['word/document.xml'] as Uint8Array);
    expect(document).toContain('svgBlip');
    expect(document).not.toContain('Fallback list');
  });
});

describe('DOCX with images', () => {
  it('is byte-identical across builds', async () => {
    const diagrams = new Map([['strategy-map', art()]]);
    const markup = `${MARKUP}<img src="data:image/png;base64,${PNG.toString('base64')}" alt="dot">`;
    const a = await writeDocx(docOf(markup), nodeEnv(), { diagrams });
    const b = await writeDocx(docOf(markup), nodeEnv(), { diagrams });
    expect(Object.keys(unzipSync(a.bytes))).toEqual(Object.keys(unzipSync(b.bytes)));
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });
});
