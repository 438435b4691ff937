import { describe, expect, it } from 'vitest';
import { buildDocuments, type DocTree, DEFAULT_COLORS, nodeEnv, parseMarkup, writeHtml } from '../../src/index.js';
import { buildHtml } from '../helpers/build.js';
import { FIXTURES, fixtureText, starter } from '../helpers/sessions.js';

function doc(markup: string, overrides: Partial<DocTree['meta']> = {}): DocTree {
  const parsed = parseMarkup(markup, 'test');
  expect(parsed.diagnostics).toEqual([]);
  return {
    meta: {
      title: 'T',
      subject: null,
      author: null,
      keywords: [],
      language: 'en',
      date: '2027-01-01',
      theme: { fontFamily: 'Roboto', fontFiles: {}, colors: DEFAULT_COLORS, logo: null, organisation: 'O' },
      ...overrides,
    },
    sections: parsed.sections,
  };
}

describe('writeHtml', () => {
  it('writes one self-contained file: inline CSS, no external resources', async () => {
    const html = writeHtml(doc('<h1>Title</h1><p>text</p><img src="data:image/png;base64,iVBORw0KGgo=" alt="logo">'));
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<link |<script|src="https?:|url\(https?:/);
    expect(html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
  });

  it('sets the language, title, author, keywords and date from the meta', async () => {
    const html = writeHtml(
      doc('<p>x</p>', { title: 'Записки <о> решениях', language: 'ru', author: 'АО «Пример»', keywords: ['a', 'b'] }),
    );
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('<title>Записки &lt;о&gt; решениях</title>');
    expect(html).toContain('<meta name="author" content="АО «Пример»">');
    expect(html).toContain('<meta name="keywords" content="a, b">');
    expect(html).toContain('<meta name="date" content="2027-01-01">');
  });

  it('gives every section its page size in print CSS', async () => {
    const html = writeHtml(
      doc(
        '<section size="A4"><p>a</p></section><section size="A3" orientation="landscape" fit="page"><p>b</p></section>',
      ),
    );
    expect(html).toContain('@page page-0 { size: 210mm 297mm;');
    expect(html).toContain('@page page-1 { size: 420mm 297mm;');
    expect(html).toContain('class="sheet page-1 fit-to-page"');
  });

  it('puts page-number fields into the print footer', async () => {
    const html = writeHtml(
      doc('<section><footer><p>Page <page-number/> of <page-count/></p></footer><p>x</p></section>'),
    );
    expect(html).toContain('@bottom-center { content: "Page " counter(page) " of " counter(pages); font-family:');
  });

  it('writes every block type', async () => {
    const html = writeHtml(
      doc(`<h2 id="a">H</h2><p class="lead" align="center">P <b>b</b> <i>i</i> <u>u</u> <code>c</code> <span color="red">r</span> <a href="#a">in</a> <a href="https://x.org">out</a><br>n</p>
        <ul><li>one</li></ul><ol start="2"><li>two</li></ol>
        <table borders="all"><colgroup><col width="40%"><col width="60%" align="right"></colgroup><thead><tr><th>h</th><th>v</th></tr></thead><tbody><tr><td shade="green" colspan="2">x</td></tr></tbody></table>
        <figure><p>f</p><figcaption>cap</figcaption></figure><diagram ref="map" alt="Map"><p>fallback</p></diagram>
        <box tone="warning" title="Box"><p>in box</p></box><columns><column><p>l</p></column><column><p>r</p></column></columns><page-break/><toc depth="2" title="Contents"/>`),
    );
    for (const piece of [
      '<h2 id="a">H</h2>',
      '<p class="lead" style="text-align:center">',
      '<strong>b</strong>',
      '<em>i</em>',
      '<u>u</u>',
      '<code>c</code>',
      `<span style="color:${DEFAULT_COLORS.red}">r</span>`,
      '<a href="#a">in</a>',
      '<a href="https://x.org">out</a>',
      '<br>',
      '<ul><li>one</li></ul>',
      '<ol start="2"><li>two</li></ol>',
      '<col style="width:40%">',
      '<th>h</th><th style="text-align:right">v</th>',
      `<td colspan="2" style="background:${DEFAULT_COLORS.green}">x</td>`,
      '<figcaption>cap</figcaption>',
      'data-ref="map"',
      '<aside class="box tone-warning"><div class="box-title">Box</div>',
      'grid-template-columns:repeat(2,1fr)',
      '<div class="page-break"></div>',
      '<nav class="toc"><div class="toc-title">Contents</div><ol><li class="toc-2"><a href="#a">H</a></li></ol></nav>',
    ]) {
      expect(html).toContain(piece);
    }
  });

  it('is deterministic: the same input gives the same bytes', async () => {
    const a = (await buildHtml(starter())).html;
    const b = (await buildHtml(starter())).html;
    expect(a.length).toBeGreaterThan(1000);
    expect(a).toBe(b);
  });

  for (const name of FIXTURES) {
    it(`builds the decisions HTML of ${name}`, async () => {
      const r = await buildDocuments(fixtureText(name), nodeEnv(), {
        fileName: name,
        formats: ['html'],
        artifacts: ['decisions'],
      });
      if (!r.ok) throw new Error(JSON.stringify(r.diagnostics, null, 2));
      expect(r.value.outputs.map((o) => o.fileName)).toEqual(['decisions.html']);
      expect(r.value.warnings.filter((w) => w.code.startsWith('markup/'))).toEqual([]);
    });
  }
});
