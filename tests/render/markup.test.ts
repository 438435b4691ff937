import { describe, expect, it } from 'vitest';
import { type Block, MARKUP_ELEMENTS, MarkupTrees, parseMarkup } from '../../src/index.js';
import { UsageCache } from '../../src/usage-cache.js';

/** Parses markup that must be clean and returns the blocks of its only section. */
function blocks(markup: string) {
  const parsed = parseMarkup(markup, 'test.hbs');
  expect(parsed.diagnostics).toEqual([]);
  expect(parsed.sections).toHaveLength(1);
  return parsed.sections[0]?.blocks;
}

/** One example per element of the markup; each is snapshot as DocTree. */
const EXAMPLES: Record<string, string> = {
  h1: '<h1 id="top" align="center">Title <i>one</i></h1>',
  h2: '<h2>Second</h2>',
  h3: '<h3 keep="together">Third</h3>',
  h4: '<h4>Fourth</h4>',
  p: '<p align="justify" class="lead" keep="with-next">A   lead\n  paragraph.</p>',
  b: '<p>a <b>bold</b> word</p>',
  strong: '<p><strong>strong</strong></p>',
  i: '<p><i>italic</i></p>',
  em: '<p><em>emphasis</em></p>',
  u: '<p><u>underlined</u></p>',
  code: '<p><code>P1-rationale-missing</code></p>',
  span: '<p><span color="red">red</span> and <span color="#123456">custom</span></p>',
  a: '<p><a href="https://example.org">web</a> and <a href="#top">inside</a></p>',
  br: '<p>line one<br>line two<br/>line three</p>',
  'page-number': '<p>Page <page-number/> of <page-count/></p>',
  'page-count': '<p><page-count></p>',
  ul: '<ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul>',
  ol: '<ol start="3"><li>three</li><li><p>four</p><p>more</p></li></ol>',
  li: '<ul><li><b>bold</b> item</li></ul>',
  table:
    '<table borders="all" keep="together"><colgroup><col width="30%"><col width="70%" align="right"></colgroup>' +
    '<thead><tr><th>Item</th><th>Amount</th></tr></thead>' +
    '<tbody><tr><td shade="amber">Cost</td><td align="left">€1,000</td></tr><tr><td colspan="2">Total</td></tr></tbody></table>',
  colgroup: '<table><colgroup><col width="auto"></colgroup><tr><td>x</td></tr></table>',
  col: '<table><colgroup><col width="25%" align="center"></colgroup><tr><td>x</td></tr></table>',
  thead: '<table><thead><tr><td>head</td></tr></thead><tr><td>body</td></tr></table>',
  tbody: '<table><tbody><tr><td>body</td></tr></tbody></table>',
  tr: '<table><tr><th>h</th></tr><tr><td>d</td></tr></table>',
  th: '<table><tr><th align="center" shade="primary">h</th></tr></table>',
  td: '<table><tr><td colspan="3" align="right" shade="#EEEEEE">d</td></tr></table>',
  figure: '<figure><img src="data:image/png;base64,AAAA" alt="logo"><figcaption>A <b>caption</b></figcaption></figure>',
  figcaption: '<figure><p>content</p><figcaption>Caption</figcaption></figure>',
  img: '<img src="data:image/png;base64,AAAA" alt="Logo" width="40%">',
  diagram: '<diagram ref="strategy-map" alt="Strategy map"><ul><li>Vision → goal</li></ul></diagram>',
  box: '<box tone="decision" title="What was decided" keep="together"><p>We decided.</p></box>',
  columns: '<columns><column><p>left</p></column><column><p>right</p></column></columns>',
  column: '<columns><column>text only</column></columns>',
  'page-break': '<p>before</p><page-break/><p>after</p>',
  spacer: '<p>top</p><spacer/><p>foot</p>',
  toc: '<toc depth="3" title="Contents"/>',
};

describe('document markup → DocTree', () => {
  it('has an example for every element', () => {
    const structural = ['document', 'section', 'header', 'footer'];
    expect(Object.keys(EXAMPLES).sort()).toEqual(
      Object.keys(MARKUP_ELEMENTS)
        .filter((e) => !structural.includes(e))
        .sort(),
    );
  });

  for (const [element, markup] of Object.entries(EXAMPLES)) {
    it(`<${element}>`, () => {
      expect(blocks(markup)).toMatchSnapshot();
    });
  }

  it('<document>, <section>, <header> and <footer>', () => {
    const parsed = parseMarkup(
      `<document title="Memo" subject="Session" author="Acme" keywords="a, b ,c" lang="uk">
        <section size="A3" orientation="landscape" margins="10mm 15mm" fit="page">
          <header><p>Head</p></header>
          <footer><p>Page <page-number/></p></footer>
          <p>Body</p>
        </section>
        <section><p>Second, default page</p></section>
      </document>`,
      'doc.hbs',
    );
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.meta).toEqual({
      title: 'Memo',
      subject: 'Session',
      author: 'Acme',
      keywords: ['a', 'b', 'c'],
      language: 'uk',
    });
    expect(parsed.sections).toMatchSnapshot();
    expect(parsed.sections[0]?.page).toEqual({
      size: 'A3',
      orientation: 'landscape',
      margins: { top: 28.35, right: 42.52, bottom: 28.35, left: 42.52 },
    });
    expect(parsed.sections[0]?.fitToPage).toBe(true);
  });

  it('one-page sections: smallest and largest body size, what to say when it overflows; labels and padding', () => {
    const parsed = parseMarkup(
      `<section size="A3" fit="page" min-size="9pt" max-size="16pt" fit-hint="Cut the longest column.">
        <table padding="4pt 10pt" label="The band"><tr><td>x</td></tr></table>
        <columns><column label="Priority 1"><p>a</p></column><column><p>b</p></column></columns>
      </section>`,
      'poster.hbs',
    );
    expect(parsed.diagnostics).toEqual([]);
    const [section] = parsed.sections;
    expect(section).toMatchObject({ minBodySize: 9, maxBodySize: 16, fitHint: 'Cut the longest column.' });
    expect(section?.blocks[0]).toMatchObject({ type: 'table', label: 'The band', padding: { x: 10, y: 4 } });
    expect(section?.blocks[1]).toMatchObject({ type: 'columns', labels: ['Priority 1', null] });
    const codes = (markup: string) => parseMarkup(markup, 't').diagnostics.map((d) => d.code);
    expect(codes('<section fit="page" min-size="big"><p>x</p></section>')).toEqual(['markup/invalid-attribute']);
    expect(codes('<section fit="page" min-size="12pt" max-size="9pt"><p>x</p></section>')).toEqual([
      'markup/invalid-attribute',
    ]);
    expect(codes('<table padding="1pt 2pt 3pt"><tr><td>x</td></tr></table>')).toEqual(['markup/invalid-attribute']);
  });

  it('collapses whitespace as HTML does, keeping non-breaking spaces', () => {
    const [p] = blocks('<p>\n   Many    spaces\tand\nlines <b> bold </b> end\u00a0€  </p>') ?? [];
    expect(p).toEqual({
      type: 'paragraph',
      align: 'left',
      style: 'body',
      content: [
        { type: 'text', text: 'Many spaces and lines ', marks: {} },
        { type: 'text', text: 'bold ', marks: { bold: true } },
        { type: 'text', text: 'end\u00a0€', marks: {} },
      ],
    });
  });

  it('turns loose text between blocks into paragraphs and drops blank text', () => {
    expect(blocks('Loose <b>text</b>\n\n<h2>Heading</h2>\n   \n')).toEqual([
      {
        type: 'paragraph',
        align: 'left',
        style: 'body',
        content: [
          { type: 'text', text: 'Loose ', marks: {} },
          { type: 'text', text: 'text', marks: { bold: true } },
        ],
      },
      {
        type: 'heading',
        level: 2,
        id: null,
        align: 'left',
        content: [{ type: 'text', text: 'Heading', marks: {} }],
        keepWithNext: true,
      },
    ]);
  });

  it('decodes entities into literal text', () => {
    const [p] = blocks('<p>&lt;b&gt; &amp; &quot;quotes&quot; &#123;&#123;x&#125;&#125;</p>') ?? [];
    expect(p?.type === 'paragraph' && p.content[0]).toEqual({ type: 'text', text: '<b> & "quotes" {{x}}', marks: {} });
  });
});

describe('markup diagnostics', () => {
  const diagnose = (markup: string) =>
    parseMarkup(markup, 'memo.hbs').diagnostics.map((d) => [d.code, d.file, d.location?.line, d.message]);

  it('reports unknown elements with the source and line, and keeps their text', () => {
    const parsed = parseMarkup('<p>ok</p>\n<marquee>moving</marquee>', 'memo.hbs');
    expect(parsed.diagnostics.map((d) => [d.code, d.file, d.location?.line])).toEqual([
      ['markup/unknown-element', 'memo.hbs', 2],
    ]);
    expect(JSON.stringify(parsed.sections)).toContain('moving');
  });

  it('reports unknown attributes, naming the allowed ones', () => {
    const parsed = parseMarkup('<p>\n\n<b style="color:red">x</b></p>', 'memo.hbs');
    expect(parsed.diagnostics[0]).toMatchObject({
      code: 'markup/unknown-attribute',
      file: 'memo.hbs',
      location: { line: 3 },
    });
    expect(parsed.diagnostics[0]?.hint).toMatch(/takes no attributes/);
  });

  it('reports invalid attribute values', () => {
    expect(diagnose('<p align="middle">x</p>')).toEqual([
      ['markup/invalid-attribute', 'memo.hbs', 1, '<p align="middle"> is not a valid value.'],
    ]);
    expect(diagnose('<section size="B5"><p>x</p></section>')[0]?.[0]).toBe('markup/invalid-attribute');
    expect(diagnose('<table><colgroup><col width="300px"></colgroup><tr><td>x</td></tr></table>')[0]?.[0]).toBe(
      'markup/invalid-attribute',
    );
    expect(diagnose('<p><a href="javascript:alert(1)">x</a></p>')[0]?.[0]).toBe('markup/invalid-attribute');
    expect(diagnose('<p><span color="pink">x</span></p>')[0]?.[0]).toBe('markup/invalid-attribute');
  });

  it('reports misplaced elements', () => {
    expect(diagnose('<li>stray</li>')[0]?.[0]).toBe('markup/misplaced');
    expect(diagnose('<ul><p>x</p></ul>')[0]?.[0]).toBe('markup/misplaced');
    expect(diagnose('<table><td>x</td></table>')[0]?.[0]).toBe('markup/misplaced');
    expect(diagnose('<p><b>bold <box>a block inside text</box></b></p>')[0]?.[0]).toBe('markup/misplaced');
  });

  it('reports missing required attributes', () => {
    expect(diagnose('<img alt="x">')[0]?.[0]).toBe('markup/missing-attribute');
    expect(diagnose('<diagram alt="x"></diagram>')[0]?.[0]).toBe('markup/missing-attribute');
  });

  it('collects every problem in one pass', () => {
    expect(diagnose('<blink>a</blink><p align="x">b</p><img>')).toHaveLength(3);
  });
});

describe('blocks kept between builds', () => {
  it('gives a block whose markup reads the same as before the same object, and keeps no block with a problem', () => {
    const kept = new UsageCache<Block>();
    const markup = (value: string, extra = '') =>
      `<section><h1 id="a">Title</h1><p>Plain text.</p><table><tr><td>${value}</td></tr></table>${extra}</section>`;
    const first = parseMarkup(markup('1', '<p>Bad <x>tag</x></p>'), 'test', kept);
    expect(first.diagnostics.map((d) => d.code)).toContain('markup/unknown-element');
    // Three blocks kept; the paragraph with the unknown element is not.
    expect(kept.size).toBe(3);
    const again = parseMarkup(markup('2', '<p>Bad <x>tag</x></p>'), 'test', kept);
    const [a, b] = [first.sections[0]?.blocks ?? [], again.sections[0]?.blocks ?? []];
    expect(b[0]).toBe(a[0]);
    expect(b[1]).toBe(a[1]);
    expect(b[2]).not.toBe(a[2]);
    expect(b[2]).toEqual(parseMarkup(markup('2'), 'test').sections[0]?.blocks[2]);
    // The problem is reported again, with its place.
    expect(again.diagnostics.map((d) => d.location?.line)).toEqual(first.diagnostics.map((d) => d.location?.line));
  });
});

describe('markup parsed again where it changed', () => {
  const BASE = `<document title="Plan &amp; more" lang="en">
<section size="A4"><header><p>Head</p></header>
  <h1 id="a">Title</h1>
  <p>Plain <b>bold</b> text &lt;here&gt;.</p>
  <table><tr><th>Item</th><th>Value</th></tr>
    <tr><td>One</td><td>10</td></tr>
    <tr><td shade="green">Two</td><td>20</td></tr>
  </table>
  <ul><li>First</li><li>Second</li></ul>
</section>
<section orientation="landscape"><p>Wide</p><box tone="info" title="Note"><p>Inside</p></box></section>
</document>
`;
  // Each edit applies to the markup before it, as a watch sees a session edited again and again.
  const edits: Array<[string, (m: string) => string]> = [
    ['a cell', (m) => m.replace('<td>10</td>', '<td>11</td>')],
    ['a cell, longer', (m) => m.replace('<td>11</td>', '<td>11 000 and more</td>')],
    ['an attribute', (m) => m.replace('shade="green"', 'shade="red"')],
    ['an entity', (m) => m.replace('&lt;here&gt;', '&lt;there&gt; &amp; on')],
    ['a row added', (m) => m.replace('</table>', '<tr><td>Three</td><td>30</td></tr></table>')],
    ['a block added', (m) => m.replace('<ul>', '<p>New paragraph</p><ul>')],
    ['a block removed', (m) => m.replace('<p>New paragraph</p>', '')],
    ['text between blocks', (m) => m.replace('</h1>\n', '</h1>\nLoose words\n')],
    ['a section attribute', (m) => m.replace('orientation="landscape"', 'orientation="portrait"')],
    ['the second section', (m) => m.replace('<p>Inside</p>', '<p>Inside, changed</p>')],
    ['the title', (m) => m.replace('Plan &amp; more', 'Plan B')],
    ['the header', (m) => m.replace('<p>Head</p>', '<p>Header</p>')],
    ['at the very start', (m) => `\n${m}`],
    ['at the very end', (m) => `${m}\n\n`],
    ['a tag left open', (m) => m.replace('<li>Second</li>', '<li>Second')],
    ['a list inside a paragraph', (m) => m.replace('<b>bold</b>', '<b>bold</b><ul><li>x</li></ul>')],
    ['and out again', (m) => m.replace('<ul><li>x</li></ul>', '')],
    ['a cell inside a cell', (m) => m.replace('<td>One</td>', '<td>One<td>Half</td></td>')],
    ['and out again', (m) => m.replace('<td>Half</td>', '')],
    ['a problem', (m) => m.replace('<p>Wide</p>', '<p>Wide <x>odd</x></p>')],
    ['the problem gone', (m) => m.replace('<x>odd</x>', 'even')],
    ['nothing', (m) => m],
  ];

  it('gives what a fresh parse gives, edit after edit, diagnostics and their lines included', () => {
    const kept = new UsageCache<Block>();
    const trees = new MarkupTrees();
    let markup = BASE;
    parseMarkup(markup, 'doc.hbs', kept, trees);
    for (const [name, edit] of edits) {
      markup = edit(markup);
      const again = parseMarkup(markup, 'doc.hbs', kept, trees);
      const fresh = parseMarkup(markup, 'doc.hbs');
      expect(again.sections, name).toEqual(fresh.sections);
      expect(again.meta, name).toEqual(fresh.meta);
      expect(again.diagnostics, name).toEqual(fresh.diagnostics);
    }
  });

  it('parses only the stretch that changed: the nodes around it are those of the earlier tree', () => {
    const trees = new MarkupTrees();
    const kept = new UsageCache<Block>();
    parseMarkup(BASE, 'doc.hbs', kept, trees);
    const edited = BASE.replace('<td>10</td>', '<td>1234</td>');
    const spliced = trees.reparse('doc.hbs', edited);
    expect(trees.reparse('other.hbs', edited)).toBeNull();
    const earlier = trees.reparse('doc.hbs', BASE);
    type Node = { kind: string; name?: string; start: number; children: Node[] };
    const elements = (nodes: readonly Node[] | undefined) => (nodes ?? []).filter((n) => n.kind === 'element');
    const sections = (root: unknown) =>
      elements(elements(root as Node[]).find((n) => n.name === 'document')?.children).map((s) => elements(s.children));
    const [before, after] = [sections(earlier), sections(spliced)];
    // header, h1, p before the change are the earlier nodes; the table holding it is new.
    expect(after[0]?.slice(0, 3)).toEqual(before[0]?.slice(0, 3));
    for (let i = 0; i < 3; i++) expect(after[0]?.[i]).toBe(before[0]?.[i]);
    expect(after[0]?.[3]?.name).toBe('table');
    expect(after[0]?.[3]).not.toBe(before[0]?.[3]);
    // After it, nodes moved by the two characters added; what they hold is the earlier nodes'.
    expect(after[0]?.[4]?.start).toBe((before[0]?.[4]?.start ?? 0) + 2);
    expect(after[1]?.[1]?.start).toBe((before[1]?.[1]?.start ?? 0) + 2);
    expect(after[1]?.[1]?.children[0]).toBe(before[1]?.[1]?.children[0]);
    // The blocks converted from it read as a fresh parse's, and those before the change are the kept ones.
    const kept2 = parseMarkup(edited, 'doc.hbs', kept, trees);
    expect(kept2.sections).toEqual(parseMarkup(edited, 'doc.hbs').sections);
  });
});
