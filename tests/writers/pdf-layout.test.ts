import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInFonts, type DocTree, nodeEnv, writePdf } from '../../src/index.js';
import { createFontBook } from '../../src/writers/pdf/fonts.js';
import { hyphenationPoints } from '../../src/writers/pdf/layout/hyphenate.js';
import { layoutInlines } from '../../src/writers/pdf/layout/inline.js';
import type { Box, PageLayout } from '../../src/writers/pdf/layout/types.js';
import { readPdf } from '../helpers/pdf.js';
import { findProgram } from '../helpers/programs.js';
import { renderDocTree } from '../helpers/doctree.js';
import { FIXTURES } from '../helpers/sessions.js';
import { docOf } from '../helpers/doc.js';

/** The rectangle a box covers, or null for boxes that draw nothing. */
function extent(b: Box): { x: number; y: number; w: number; h: number } | null {
  switch (b.kind) {
    case 'text':
      return { x: b.x, y: b.top, w: b.width, h: b.height };
    case 'rect':
    case 'image':
    case 'link':
      return { x: b.x, y: b.y, w: b.w, h: b.h };
    default:
      return null;
  }
}

const EPS = 0.5;

function checkPage(page: PageLayout, label: string) {
  const c = page.content;
  for (const b of page.boxes) {
    const e = extent(b);
    if (!e) continue;
    const inside = e.x >= c.x - EPS && e.y >= c.y - EPS && e.x + e.w <= c.x + c.w + EPS && e.y + e.h <= c.y + c.h + EPS;
    expect(
      inside,
      `${label}: ${b.kind} ${JSON.stringify(e)} ${'text' in b ? b.text : ''} outside ${JSON.stringify(c)}`,
    ).toBe(true);
  }
  for (const b of page.running) {
    const e = extent(b);
    if (!e) continue;
    expect(
      e.x >= -EPS && e.y >= -EPS && e.x + e.w <= page.width + EPS && e.y + e.h <= page.height + EPS,
      `${label}: running box outside the page`,
    ).toBe(true);
  }
  const texts = [...page.boxes, ...page.running].filter((b) => b.kind === 'text' && b.text.trim() !== '');
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = extent(texts[i] as Box) as { x: number; y: number; w: number; h: number };
      const b = extent(texts[j] as Box) as { x: number; y: number; w: number; h: number };
      const overlapX = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const overlapY = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      expect(
        overlapX > EPS && overlapY > EPS,
        `${label}: "${(texts[i] as { text: string }).text}" overlaps "${(texts[j] as { text: string }).text}"`,
      ).toBe(false);
    }
  }
}

describe('PDF layout', () => {
  for (const name of FIXTURES) {
    it(`${name}: every box inside its page's content area, no two texts overlapping`, async () => {
      const doc: DocTree = await renderDocTree(name);
      const pdf = await writePdf(doc, nodeEnv());
      expect(pdf.layout.pages.length).toBeGreaterThan(1);
      for (const [i, page] of pdf.layout.pages.entries()) checkPage(page, `${name} page ${i + 1}`);
    });
  }

  it('repeats a table header on every page a table spans', async () => {
    const rows = Array.from(
      { length: 150 },
      (_, i) => `<tr><td>Row ${i + 1}</td><td>Initiative ${i + 1}</td><td>${1000 + i} €</td></tr>`,
    ).join('');
    const doc = docOf(
      `<h1>Long table</h1><table><thead><tr><th>Number</th><th>Initiative name</th><th>Budget</th></tr></thead><tbody>${rows}</tbody></table>`,
    );
    const result = await writePdf(doc, nodeEnv());
    const pdf = await readPdf(result.bytes);
    expect(pdf.pages.length).toBeGreaterThanOrEqual(3);
    for (const [i, page] of pdf.pages.entries()) {
      expect(page.text, `page ${i + 1}`).toContain('Initiative name');
      expect(page.text.indexOf('Initiative name'), `header first on page ${i + 1}`).toBeLessThan(
        page.text.indexOf('Row '),
      );
    }
    expect(pdf.pages[2]?.text).toMatch(/Row \d+/);
    for (const [i, page] of result.layout.pages.entries()) checkPage(page, `long table page ${i + 1}`);
  });

  it('splits a table row taller than a page between its lines', async () => {
    const long = Array.from({ length: 400 }, (_, i) => `line ${i}`).join('<br>');
    const doc = docOf(`<table><thead><tr><th>Head</th></tr></thead><tr><td>${long}</td></tr></table>`);
    const result = await writePdf(doc, nodeEnv());
    expect(result.layout.pages.length).toBeGreaterThan(2);
    for (const [i, page] of result.layout.pages.entries()) checkPage(page, `tall row page ${i + 1}`);
    const pdf = await readPdf(result.bytes);
    expect(pdf.pages.map((p) => p.text).join('\n')).toContain('line 399');
  });

  it('keeps headings with the next block and leaves no single line of a paragraph alone', async () => {
    const filler = Array.from({ length: 43 }, (_, i) => `<p>Filler paragraph ${i}.</p>`).join('');
    const para = Array.from({ length: 12 }, () => 'A sentence that goes on for a while to make several lines.').join(
      ' ',
    );
    const result = await writePdf(docOf(`${filler}<h2>Heading near the foot</h2><p>${para}</p>`), nodeEnv());
    const pdf = await readPdf(result.bytes);
    const withHeading = pdf.pages.findIndex((p) => p.text.includes('Heading near the foot'));
    expect(pdf.pages[withHeading]?.text).toContain('A sentence');
    for (const page of result.layout.pages) {
      const lines = page.boxes.filter((b) => b.kind === 'text' && b.text.includes('sentence'));
      if (lines.length > 0) expect(new Set(lines.map((b) => (b as { top: number }).top)).size).not.toBe(1);
    }
  });

  it('chains keep-with-next: a heading after a heading moves along with it and the first row of a table', async () => {
    const table =
      '<table><thead><tr><th>Item</th><th>Amount</th></tr></thead><tbody>' +
      Array.from({ length: 6 }, (_, i) => `<tr><td>Row ${i + 1}</td><td>${i + 1}</td></tr>`).join('') +
      '</tbody></table>';
    const marked = '<p keep="with-next">Marked to stay with the table.</p>';
    // Every filler count moves the pair through the foot of the first page in steps of one line.
    for (const n of [28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38]) {
      for (const lead of ['', marked]) {
        const filler = Array.from({ length: n }, (_, i) => `<p>Filler paragraph ${i}.</p>`).join('');
        const result = await writePdf(
          docOf(`${filler}<h2 id="two">Second level</h2><h3 id="three">Third level</h3>${lead}${table}`),
          nodeEnv(),
        );
        const pageOf = (text: string) =>
          result.layout.pages.findIndex((p) => p.boxes.some((b) => b.kind === 'text' && b.text.startsWith(text)));
        const label = `${n} filler paragraphs${lead ? ', a keep-with-next paragraph' : ''}`;
        const row = pageOf('Row 1');
        expect(pageOf('Second level'), label).toBe(row);
        expect(pageOf('Third level'), label).toBe(row);
        if (lead) expect(pageOf('Marked'), label).toBe(row);
      }
    }
  });

  it('leaves no list item alone on either side of a break; a keep-together block does not hold on to what follows', async () => {
    for (let n = 36; n <= 46; n++) {
      const filler = Array.from({ length: n }, (_, i) => `<p>Filler paragraph ${i}.</p>`).join('');
      const items = ['One', 'Two', 'Three', 'Four', 'Five'].map((t) => `<li>Item ${t}</li>`).join('');
      const result = await writePdf(
        docOf(
          `${filler}<h3>Links</h3><ul keep="with-next">${items}</ul><box title="Check" keep="together"><p>Last box</p></box><p>After the box.</p><p>And more.</p>`,
        ),
        nodeEnv(),
      );
      const pageOf = (text: string) =>
        result.layout.pages.findIndex((p) => p.boxes.some((b) => b.kind === 'text' && b.text.startsWith(text)));
      expect(pageOf('Item One'), `${n}`).toBe(pageOf('Item Two'));
      expect(pageOf('Item Four'), `${n}`).toBe(pageOf('Item Five'));
      expect(pageOf('Item Five'), `${n}`).toBe(pageOf('Last box'));
      expect(pageOf('Links'), `${n}`).toBe(pageOf('Item One'));
    }
    // A keep-together box before a heading stays where it would stand without the heading.
    for (let n = 28; n <= 36; n++) {
      const filler = Array.from({ length: n }, (_, i) => `<p>Filler paragraph ${i}.</p>`).join('');
      const box = '<box keep="together"><p>Kept box</p></box>';
      const pageOf = async (markup: string, text: string) =>
        (await writePdf(docOf(markup), nodeEnv())).layout.pages.findIndex((p) =>
          p.boxes.some((b) => b.kind === 'text' && b.text.startsWith(text)),
        );
      const alone = await pageOf(`${filler}${box}`, 'Kept box');
      expect(await pageOf(`${filler}${box}<h2>Next part</h2><p>Text of the next part.</p>`, 'Kept box'), `${n}`).toBe(
        alone,
      );
    }
  });

  it('puts the real page of each heading in the table of contents', async () => {
    const body = ['Alpha', 'Beta', 'Gamma']
      .map(
        (t, i) =>
          `<h1 id="h${i}">${t} chapter</h1>${'<p>Text of the chapter that fills some room.</p>'.repeat(30 + i * 20)}`,
      )
      .join('');
    const result = await writePdf(docOf(`<toc depth="1" title="Contents"/>${body}`), nodeEnv());
    const pdf = await readPdf(result.bytes);
    const tocLines = (pdf.pages[0]?.text ?? '').split('\n');
    for (const title of ['Alpha chapter', 'Beta chapter', 'Gamma chapter']) {
      const line = tocLines.find((l) => l.includes(title)) ?? '';
      const listed = Number(/(\d+)\s*$/.exec(line.replace(/\.+/g, ' '))?.[1]);
      // The heading itself: a line that is just its title (the contents line has leaders and a number).
      const actual = pdf.pages.findIndex((p) => p.text.split('\n').some((l) => l.trim() === title)) + 1;
      expect(listed, title).toBe(actual);
      expect(pdf.outline.find((o) => o.title === title)?.page).toBe(actual);
    }
  });

  it('lays out 200,000 characters without a break opportunity quickly, breaking where it must', () => {
    const fonts = builtInFonts();
    const book = createFontBook('Roboto', fonts.main, fonts.fallback);
    const started = Date.now();
    const lines = layoutInlines(
      [{ type: 'text', text: 'x'.repeat(200_000), marks: {} }],
      {
        x: 0,
        width: 400,
        align: 'justify',
        style: { size: 10, bold: false, italic: false, color: '#000000', lineHeight: 1.4 },
        hyphenate: true,
      },
      { fonts: book, language: 'en', color: (c) => c },
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(lines.length).toBeGreaterThan(2000);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(400.5);
  });
});

describe('hyphenation', () => {
  const split = (word: string, language: string) => {
    const points = hyphenationPoints(word, language);
    const cps = [...word];
    const parts: string[] = [];
    let from = 0;
    for (const p of points) {
      parts.push(cps.slice(from, p).join(''));
      from = p;
    }
    parts.push(cps.slice(from).join(''));
    return parts.join('-');
  };

  it('hyphenates known Russian, Ukrainian and English words where dictionaries do', () => {
    expect(split('электростанция', 'ru')).toBe('элек-тро-стан-ция');
    expect(split('безопасность', 'ru')).toBe('без-опас-ность');
    expect(split('ответственность', 'ru')).toBe('от-вет-ствен-ность');
    expect(split('металлургической', 'ru')).toBe('ме-тал-лур-ги-че-ской');
    expect(split('університет', 'uk')).toBe('уні-вер-си-тет');
    expect(split('громадськість', 'uk')).toBe('гро-мад-ськість');
    expect(split('infrastructure', 'en')).toBe('in-fra-struc-ture');
    expect(split('«безопасность»,', 'ru')).toBe('«без-опас-ность»,');
    expect(split('план', 'ru')).toBe('план');
  });

  for (const [language, text] of [
    [
      'ru',
      'Безопасность производственного персонала металлургической электростанции обеспечивается ответственностью руководителей и ежедневным контролем мастеров на каждом участке предприятия.',
    ],
    [
      'uk',
      'Відповідальність громадськості за інфраструктуру університетського містечка забезпечується прозорістю бюджетування та щомісячними звітами виконавчих органів громади.',
    ],
  ] as const) {
    it(`${language}: a justified paragraph hyphenates at correct points, and its text reads back unchanged`, async () => {
      const doc = docOf(
        `<section size="A4" margins="20mm 120mm 20mm 20mm"><p align="justify">${text}</p></section>`,
        language,
      );
      const result = await writePdf(doc, nodeEnv());
      const lines =
        result.layout.pages[0]?.boxes.filter((b) => b.kind === 'text').map((b) => (b as { text: string }).text) ?? [];
      const broken = lines.filter((l) => l.endsWith('-'));
      expect(broken.length).toBeGreaterThan(0);
      // Every break inside a word is at one of the word's hyphenation points.
      const words = text.split(/\s+/);
      for (const l of broken) {
        const head = l.split(/\s+/).pop()?.slice(0, -1) ?? '';
        const word = words.find((w) => w.startsWith(head)) ?? '';
        expect(hyphenationPoints(word, language), `${head}- in ${word}`).toContain([...head].length);
      }
      const pdf = await readPdf(result.bytes);
      const read = (pdf.pages[0]?.text ?? '').replace(/-\n/g, '').replace(/\s+/g, ' ').trim();
      expect(read).toBe(text);
      // pdftotext reads it the same way (CI always has it).
      const pdftotext = findProgram(['pdftotext']);
      if (pdftotext || process.env.CI) {
        const file = join(mkdtempSync(join(tmpdir(), 'stratdoc-hyph-')), 'p.pdf');
        writeFileSync(file, result.bytes);
        const out = spawnSync(pdftotext ?? 'pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
        expect(out.replace(/-\n/g, '').replace(/\s+/g, ' ').trim()).toBe(text);
      }
    });
  }
});

describe('fit to page', () => {
  const items = (n: number) =>
    Array.from({ length: n }, (_, i) => `<li>Initiative ${i + 1}: a line that takes some room on the poster</li>`).join(
      '',
    );

  it('scales a section uniformly so its content fills one page', async () => {
    const result = await writePdf(
      docOf(`<section size="A4" fit="page"><h1>Poster</h1><ul>${items(50)}</ul></section>`),
      nodeEnv(),
    );
    expect(result.layout.pages).toHaveLength(1);
    const page = result.layout.pages[0] as PageLayout;
    expect(page.scale).toBeLessThan(1);
    expect(page.scale).toBeGreaterThan(0.6);
    checkPage(page, 'poster');
    // Uniform: every size shrinks by the same factor.
    const sizes = new Set(
      page.boxes
        .filter((b) => b.kind === 'text' && b.text.startsWith('Initiative'))
        .map((b) => (b as { size: number }).size.toFixed(3)),
    );
    expect(sizes.size).toBe(1);
    expect(result.diagnostics).toEqual([]);
  });

  it('keeps full size when the content already fits', async () => {
    const result = await writePdf(
      docOf(`<section size="A4" fit="page"><h1>Poster</h1><ul>${items(5)}</ul></section>`),
      nodeEnv(),
    );
    expect(result.layout.pages[0]?.scale).toBe(1);
  });

  it('says what overflows when even the smallest size does not fit', async () => {
    const result = await writePdf(
      docOf(`<section size="A4" fit="page"><h1>Poster</h1><ul>${items(400)}</ul></section>`),
      nodeEnv(),
    );
    const overflow = result.diagnostics.find((d) => d.code === 'pdf/fit-overflow');
    expect(overflow?.message).toMatch(/Initiative \d+/);
    expect(result.layout.pages.length).toBeGreaterThan(1);
  });

  it('stops at a stated smallest body size with an error that names the labelled parts by height', async () => {
    const result = await writePdf(
      docOf(
        `<section size="A4" orientation="landscape" fit="page" min-size="9pt" fit-hint="Cut the tallest column.">
          <p label="The lead">Lead</p>
          <columns><column label="Left, 120 items"><ul>${items(120)}</ul></column><column label="Right, 3 items"><ul>${items(3)}</ul></column></columns>
        </section>`,
      ),
      nodeEnv(),
    );
    const [overflow] = result.diagnostics.filter((d) => d.code === 'pdf/fit-overflow');
    expect(overflow?.severity).toBe('error');
    expect(overflow?.message).toMatch(/A4 landscape page with body text at 9 pt, the smallest it allows/);
    expect(overflow?.message).toMatch(/[\d\u2009]+ pt \(\d+ %\) too much/);
    // The tallest first.
    expect(overflow?.message).toMatch(
      /What takes the room, at that size: Left, 120 items — [\d\u2009]+ pt \(a column\); Right, 3 items/,
    );
    expect(overflow?.message).toContain('The lead');
    expect(overflow?.hint).toBe('Cut the tallest column.');
    expect(result.layout.sections[0]?.scale).toBeCloseTo(9 / 10.5, 5);
  });

  it('grows sparse content up to the stated largest body size, and no further', async () => {
    const result = await writePdf(
      docOf(`<section size="A4" fit="page" max-size="14pt"><h1>Poster</h1><ul>${items(3)}</ul></section>`),
      nodeEnv(),
    );
    expect(result.layout.pages).toHaveLength(1);
    expect(result.layout.sections[0]?.scale).toBeCloseTo(14 / 10.5, 5);
    const body = result.layout.pages[0]?.boxes.find((b) => b.kind === 'text' && b.text.startsWith('Initiative'));
    expect((body as { size: number }).size).toBeCloseTo(14, 5);
    expect(result.diagnostics).toEqual([]);
  });

  it('gives the height a one-page section leaves free to its spacers, so what follows sits at the foot', async () => {
    const result = await writePdf(
      docOf(
        `<section size="A4" fit="page" max-size="12pt"><h1>Poster</h1><ul>${items(3)}</ul><spacer/><p>Foot line</p></section>`,
      ),
      nodeEnv(),
    );
    const page = result.layout.pages[0] as PageLayout;
    expect(result.layout.pages).toHaveLength(1);
    const foot = page.boxes.find((b) => b.kind === 'text' && b.text.startsWith('Foot')) as {
      top: number;
      height: number;
    };
    expect(foot.top + foot.height).toBeGreaterThan(page.content.y + page.content.h - 2);
    checkPage(page, 'spacer');
  });

  it('records where each section starts and its scale, also after sections of several pages', async () => {
    const result = await writePdf(
      docOf(
        `<section size="A4"><ul>${items(150)}</ul></section><section size="A3" orientation="landscape" fit="page"><ul>${items(60)}</ul></section>`,
      ),
      nodeEnv(),
    );
    const [first, poster] = result.layout.sections;
    expect(first?.firstPage).toBe(0);
    expect(first?.pageCount).toBeGreaterThan(1);
    expect(first?.scale).toBe(1);
    expect(poster?.firstPage).toBe(first?.pageCount);
    expect(poster?.pageCount).toBe(1);
    expect(poster?.scale).toBeLessThan(1);
    expect(result.layout.pages[poster?.firstPage ?? -1]?.scale).toBe(poster?.scale);
  });
});

describe('text details', () => {
  const fonts = builtInFonts();
  const book = createFontBook('Roboto', fonts.main, fonts.fallback);
  const style = { size: 20, bold: false, italic: false, color: '#000000', lineHeight: 1.4 };
  const ctx = { fonts: book, language: 'en', color: (c: string) => c };

  it('kerns pairs the font kerns', () => {
    const [line] = layoutInlines(
      [{ type: 'text', text: 'AV', marks: {} }],
      { x: 0, width: 500, align: 'left', style, hyphenate: false },
      ctx,
    );
    const run = line?.boxes.find((b) => b.kind === 'text');
    expect(run && run.kind === 'text' && run.adjust[0]).toBeLessThan(-0.5);
  });

  it('breaks at a soft hyphen and shows a hyphen there, and only there', () => {
    const text = 'Super\u00adcalifragilistic\u00adexpialidocious';
    const lines = layoutInlines(
      [{ type: 'text', text, marks: {} }],
      { x: 0, width: 190, align: 'left', style, hyphenate: false },
      ctx,
    );
    const texts = lines.map((l) =>
      l.boxes
        .filter((b) => b.kind === 'text')
        .map((b) => (b as { text: string }).text)
        .join(''),
    );
    expect(texts.length).toBeGreaterThan(1);
    expect(texts[0]?.endsWith('-')).toBe(true);
    expect(texts.join('').replace(/-/g, '')).toBe(text.replace(/\u00ad/g, ''));
  });

  it('breaks text with characters beyond the BMP between words, keeping every character and its mark', () => {
    // Astral characters take two UTF-16 code units: break positions and segments must still land on the right ones.
    const content = [
      { type: 'text' as const, text: 'Plain \u{1D538}\u{1D539} words ', marks: {} },
      { type: 'text' as const, text: 'bold \u{10300} here', marks: { bold: true } },
      { type: 'text' as const, text: ' and the end of it', marks: {} },
    ];
    const lines = layoutInlines(content, { x: 0, width: 120, align: 'left', style, hyphenate: false }, ctx);
    expect(lines.length).toBeGreaterThan(1);
    const runs = lines.flatMap((l) => l.boxes.filter((b) => b.kind === 'text')) as Array<{
      text: string;
      face: string;
    }>;
    const joined = lines
      .map((l) =>
        l.boxes
          .filter((b) => b.kind === 'text')
          .map((b) => (b as { text: string }).text)
          .join(''),
      )
      .join(' ')
      .replace(/\s+/g, ' ');
    expect(joined.trim()).toBe('Plain \u{1D538}\u{1D539} words bold \u{10300} here and the end of it');
    // No line starts or ends inside a word: every break is at a space.
    for (const l of lines) {
      const text = l.boxes
        .filter((b) => b.kind === 'text')
        .map((b) => (b as { text: string }).text)
        .join('');
      expect(text).not.toMatch(/^\uDF00|\uD835$/);
    }
    const bold = runs
      .filter((r) => /bold/i.test(r.face))
      .map((r) => r.text)
      .join('');
    expect(bold.replace(/\s/g, '')).toContain('bold');
    expect(bold).not.toContain('Plain');
    expect(bold).not.toContain('end');
  });

  it('aligns right and centre within the width', () => {
    for (const align of ['right', 'center'] as const) {
      const [line] = layoutInlines(
        [{ type: 'text', text: 'Short', marks: {} }],
        { x: 10, width: 300, align, style, hyphenate: false },
        ctx,
      );
      const run = line?.boxes.find((b) => b.kind === 'text') as { x: number; width: number };
      const expected = align === 'right' ? 310 : 10 + (300 + run.width) / 2;
      expect(run.x + run.width).toBeCloseTo(expected, 1);
    }
  });

  it('puts the header at the top, the footer at the bottom, right-aligned text at the right margin', async () => {
    const result = await writePdf(
      docOf(
        '<section size="A4"><header><p align="right">Top right</p></header><footer><p align="center">Bottom <page-number/></p></footer><p>Body</p></section>',
      ),
      nodeEnv(),
    );
    const pdf = await readPdf(result.bytes);
    const item = (s: string) => pdf.pages[0]?.items.find((i) => i.str.includes(s)) as { x: number; y: number };
    expect(item('Top right').y).toBeGreaterThan(780);
    expect(item('Bottom').y).toBeLessThan(56);
    expect(item('Top right').x).toBeGreaterThan(450);
    expect(item('Body').y).toBeLessThan(item('Top right').y);
  });

  it('uses a theme font family from its own files', async () => {
    const doc = docOf('<p>Тест ґєії</p>');
    const themed: DocTree = {
      ...doc,
      meta: {
        ...doc.meta,
        theme: {
          ...doc.meta.theme,
          fontFamily: 'DejaVu Sans',
          fontFiles: { regular: 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf' },
        },
      },
    };
    const result = await writePdf(themed, nodeEnv({ baseDir: process.cwd() }));
    expect(result.diagnostics).toEqual([]);
    expect(result.layout.pages[0]?.boxes.find((b) => b.kind === 'text' && b.text.includes('ґєії'))).toMatchObject({
      face: 'DejaVu Sans/regular',
    });
    const missing = await writePdf(
      { ...themed, meta: { ...themed.meta, theme: { ...themed.meta.theme, fontFiles: { regular: 'no/such.ttf' } } } },
      nodeEnv(),
    );
    expect(missing.diagnostics.map((d) => d.code)).toEqual(['pdf/font-unreadable']);
  });
});
