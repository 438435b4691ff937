import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  assembleDocuments,
  buildDocuments,
  buildModel,
  composeDecisions,
  nodeEnv,
  validateSessionText,
  writeDocx,
  writePdf,
} from '../../src/index.js';
import { UsageCache } from '../../src/usage-cache.js';
import { type DocxKeptBlock, type DocxPackageParts, SameBlocks } from '../../src/writers/docx/index.js';
import { DOCX_FIT_MARGIN } from '../../src/writers/docx/write-docx.js';
import { docOf } from '../helpers/doc.js';
import { findProgram, programAvailable } from '../helpers/programs.js';
import { FIXTURES, fixtureText } from '../helpers/sessions.js';

async function docxOfFixture(name: string): Promise<Uint8Array> {
  const r = await buildDocuments(fixtureText(name), nodeEnv(), {
    fileName: name,
    artifacts: ['decisions'],
    formats: ['docx'],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.value.outputs[0]?.data as Uint8Array;
}

const parts = (bytes: Uint8Array) => {
  const files = unzipSync(bytes);
  return (name: string) => strFromU8(files[name] as Uint8Array);
};

const EVERY_BLOCK = `<section size="A4"><header><p align="right">Head</p></header><footer><p align="center">Page <page-number/> of <page-count/></p></footer>
  <p class="title">Всі блоки</p><toc depth="2" title="Зміст"/>
  <h1 id="one">Перший розділ</h1><p align="justify">Текст <b>жирний</b> <i>курсив</i> <a href="https://example.org">посилання</a> <a href="#two">усередину</a>.</p>
  <ul><li>Пункт<ul><li>Вкладений</li></ul></li></ul><ol start="3"><li>Три</li></ol>
  <table borders="all"><thead><tr><th>Стаття</th><th>Сума</th></tr></thead><tbody><tr><td shade="amber">Витрати</td><td align="right">12 000 ₴</td></tr><tr><td colspan="2">Разом</td></tr></tbody></table>
  <box tone="decision" title="Рішення"><p>У рамці.</p></box>
  <figure><img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==" alt="Точка" width="10%"><figcaption>Підпис</figcaption></figure>
  <columns><column><p>Ліва</p></column><column><p>Права</p></column></columns>
  <page-break/><h1 id="two">Другий розділ</h1><p>Кінець.</p></section>
  <section size="A3" orientation="landscape" fit="page"><h1 id="poster">Плакат</h1><p>Одна сторінка.</p></section>`;

describe('DOCX: the XML inside', () => {
  it('uses Word styles by name, marks header rows, sets the language and embeds the font', async () => {
    const result = await writeDocx(docOf(EVERY_BLOCK, 'uk'), nodeEnv());
    const part = parts(result.bytes);
    const document = part('word/document.xml');
    const styles = part('word/styles.xml');
    for (const [id, name] of [
      ['Title', 'Title'],
      ['Heading1', 'heading 1'],
      ['ListBullet', 'List Bullet'],
      ['ListNumber', 'List Number'],
      ['Caption', 'caption'],
      ['StratdocTable', 'Stratdoc Table'],
    ]) {
      expect(document, id).toContain(`w:val="${id}"`);
      expect(styles).toContain(`w:styleId="${id}"><w:name w:val="${name}"/>`);
    }
    expect(document).toContain('<w:tblHeader/>');
    expect(document).toContain('<w:tblLayout w:type="fixed"/>');
    expect(styles).toContain('<w:lang w:val="uk-UA"');
    expect(part('word/fontTable.xml')).toMatch(/<w:font w:name="Roboto">[\s\S]*<w:embedRegular /);
    expect(Object.keys(unzipSync(result.bytes)).filter((f) => f.startsWith('word/fonts/')).length).toBe(4);
    expect(part('docProps/core.xml')).toContain('<dc:title>Test document</dc:title>');
    expect(part('docProps/core.xml')).toContain('2027-01-15T00:00:00Z');
    expect(part('docProps/core.xml')).toContain('<dc:language>uk-UA</dc:language>');
    expect(part('word/footer1.xml')).toMatch(/PAGE[\s\S]*NUMPAGES/);
  });

  it('pre-fills the table of contents with the entries and the pages the PDF engine found', async () => {
    const result = await writeDocx(docOf(EVERY_BLOCK, 'uk'), nodeEnv());
    const document = parts(result.bytes)('word/document.xml');
    expect(document).toMatch(/TOC \\h \\o (&quot;|")1-2/);
    const toc = document.slice(document.indexOf('TOC \\h'), document.lastIndexOf('Перший розділ'));
    expect(toc).toContain('Перший розділ');
    expect(toc).toContain('Другий розділ');
    expect(toc).toMatch(/Перший розділ[\s\S]*?<w:t[^>]*>1<\/w:t>/);
    expect(toc).toMatch(/Другий розділ[\s\S]*?<w:t[^>]*>2<\/w:t>/);
  });

  it('scales a one-page section by its own scale, also after sections of several pages, without their header', async () => {
    const items = (n: number, text: string) =>
      Array.from({ length: n }, (_, i) => `<li>${text} ${i + 1}: a line that takes some room</li>`).join('');
    const doc = docOf(
      `<section size="A4"><header><p>Running head</p></header><ul>${items(150, 'Report line')}</ul></section>` +
        `<section size="A4" orientation="landscape" fit="page"><p>Poster body</p><ul>${items(80, 'Poster line')}</ul></section>`,
      'en',
    );
    const { layout } = await writePdf(doc, nodeEnv());
    const scale = layout.sections[1]?.scale ?? 1;
    expect(layout.sections[1]?.firstPage).toBeGreaterThan(1);
    expect(scale).toBeLessThan(1);
    const document = parts((await writeDocx(doc, nodeEnv())).bytes)('word/document.xml');
    const run = /<w:r>(?:(?!<\/w:r>).)*?<w:sz w:val="(\d+)"\/>(?:(?!<\/w:r>).)*?Poster body/s.exec(document);
    expect(Number(run?.[1])).toBe(Math.round(10.5 * scale * DOCX_FIT_MARGIN * 2));
    // The one-page section has an empty header of its own rather than the report's running head.
    expect(document.match(/<w:headerReference /g)).toHaveLength(2);
  });

  it('gives each section its own page size and orientation', async () => {
    const document = parts((await writeDocx(docOf(EVERY_BLOCK, 'uk'), nodeEnv())).bytes)('word/document.xml');
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/<w:pgSz w:w="23811" w:h="16838" w:orient="landscape"/);
  });

  it('is byte-identical across builds, also with other documents built in between', async () => {
    const a = await docxOfFixture('city-swot.uk.json');
    await writeDocx(docOf(EVERY_BLOCK, 'uk'), nodeEnv());
    await docxOfFixture('corporate-planning.en.yaml');
    const b = await docxOfFixture('city-swot.uk.json');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    // Four whole documents with fonts embedded: seconds each on a busy machine.
  }, 120_000);

  it('reuses the XML of blocks written before, and only XML that reads the same anywhere, with the same bytes', async () => {
    const markup = (value: string) => `<section><h1 id="t">Title</h1>
      <table><tr><th>Item</th><th>Value</th></tr><tr><td>One</td><td>${value}</td></tr></table>
      <p>A plain paragraph.</p><ul><li>A bullet</li></ul><p>Read <a href="https://example.org">this</a>.</p></section>`;
    const blockXml = new UsageCache<DocxKeptBlock>();
    const pieces = new UsageCache<Uint8Array>();
    await writeDocx(docOf(markup('1')), nodeEnv(), { blockXml, pieces });
    // The heading (its bookmark named by its place among the headings), the table, the plain paragraph and the
    // bullet list are kept; the paragraph with a link to a web page (a relationship of the document) is not.
    expect(blockXml.size).toBe(4);
    const edited = docOf(markup('2'));
    const again = await writeDocx(edited, nodeEnv(), { blockXml, pieces });
    expect(blockXml.hits).toBe(3);
    expect(Buffer.from(again.bytes).equals(Buffer.from((await writeDocx(edited, nodeEnv())).bytes))).toBe(true);
  });

  it('writes a block a later document carries as the same object once in a build, with the same bytes', async () => {
    let hits = 0;
    class Counting extends SameBlocks {
      override get(block: Parameters<SameBlocks['get']>[0], context: string) {
        const kept = super.get(block, context);
        if (kept) hits++;
        return kept;
      }
    }
    const part = docOf(
      `<section><h1 id="p">Part</h1><p>Plain text.</p><table><tr><td>A</td><td>1</td></tr></table><ul><li>x</li></ul></section>`,
    );
    const pack = assembleDocuments(docOf('<section><h1 id="c">Cover</h1><p>Lead.</p></section>'), [
      { name: 'part', doc: part },
    ]);
    const store = new Counting();
    await writeDocx(part, nodeEnv(), { blockXml: store });
    const kept = await writeDocx(pack, nodeEnv(), { blockXml: store });
    // The paragraph, the table and the list are the part's own objects in the pack: written once.
    expect(hits).toBe(3);
    expect(Buffer.from(kept.bytes).equals(Buffer.from((await writeDocx(pack, nodeEnv())).bytes))).toBe(true);
  });

  it("reuses the package's parts while only the body changes, and makes them again when the outline does", async () => {
    const packages = new UsageCache<DocxPackageParts>();
    const markup = (value: string, toc = '') =>
      `<section><header><p>Head</p></header>${toc}<h1 id="a">Alpha</h1><p>${value}</p><ul><li>x</li></ul><ol><li>y</li></ol></section>
       <section orientation="landscape"><h1 id="b">Beta</h1><p>Wide</p></section>`;
    const same = async (doc: ReturnType<typeof docOf>) => {
      const kept = await writeDocx(doc, nodeEnv(), { packages });
      const fresh = await writeDocx(doc, nodeEnv());
      expect(Buffer.from(kept.bytes).equals(Buffer.from(fresh.bytes))).toBe(true);
      return kept.bytes;
    };
    await same(docOf(markup('one')));
    expect(packages.size).toBe(1);
    // The body changed: the parts are taken as they are, and the DOCX reads as one made afresh.
    const edited = await same(docOf(markup('two, a little longer')));
    expect(packages.hits).toBe(1);
    expect(parts(edited)('word/document.xml')).toContain('two, a little longer');
    // A table of contents (the package writes it) and another title make new parts.
    await same(docOf(markup('two', '<toc depth="1"/>')));
    const plain = docOf(markup('two'));
    await same({ ...plain, meta: { ...plain.meta, title: 'Other' } });
    expect(packages.hits).toBe(1);
    expect(packages.size).toBe(3);
  });
});

const soffice = findProgram(['soffice', 'libreoffice']);
const pdftotext = findProgram(['pdftotext']);
const pdfinfo = findProgram(['pdfinfo']);
const office =
  programAvailable('LibreOffice', soffice, 'apt-get install -y libreoffice-writer-nogui') &&
  programAvailable('pdftotext', pdftotext, 'apt-get install -y poppler-utils');

describe.runIf(office)('DOCX in LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stratdoc-docx-'));
  const convert = (file: string) => {
    const r = spawnSync(
      soffice as string,
      [`-env:UserInstallation=file://${join(dir, 'lo')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(r.status, r.stderr).toBe(0);
    const pdf = file.replace(/\.docx$/, '.pdf');
    return {
      fonts: spawnSync('pdffonts', [pdf], { encoding: 'utf8' }).stdout,
      text: spawnSync(pdftotext as string, ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' '),
      pages: Number(/Pages:\s+(\d+)/.exec(spawnSync(pdfinfo as string, [pdf], { encoding: 'utf8' }).stdout)?.[1]),
    };
  };

  for (const name of FIXTURES.filter((f) => f !== 'starter.en.yaml')) {
    it(`${name}: converts, and shows the titles and table cells`, async () => {
      const file = join(dir, `${name}.docx`);
      writeFileSync(file, await docxOfFixture(name));
      const { text, fonts } = convert(file);
      // The embedded Roboto is what LibreOffice draws with, installed or not.
      expect(fonts).toContain('Roboto-Regular');
      const validated = validateSessionText(fixtureText(name), { fileName: name });
      if (!validated.ok) throw new Error('invalid');
      const view = composeDecisions(buildModel(validated.value));
      for (const d of view.decisions)
        expect(text, d.title).toContain(d.title.replace(/\s+/g, ' ').split(' ').slice(0, 3).join(' '));
      expect(text).toContain(view.decisions[0]?.shortDate as string);
    }, 180_000);
  }

  it('a fit-to-page section converts to exactly one page', async () => {
    const items = Array.from(
      { length: 45 },
      (_, i) => `<li>Ініціатива ${i + 1}: рядок, що займає місце на плакаті</li>`,
    ).join('');
    const file = join(dir, 'poster.docx');
    writeFileSync(
      file,
      (
        await writeDocx(
          docOf(
            `<section size="A3" orientation="landscape" fit="page"><h1>Плакат</h1><ul>${items}</ul></section>`,
            'uk',
          ),
          nodeEnv(),
        )
      ).bytes,
    );
    const { text, pages } = convert(file);
    expect(pages).toBe(1);
    expect(text).toContain('Ініціатива 45');
  }, 180_000);
});
