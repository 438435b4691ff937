import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildHtml, templateDir } from '../helpers/build.js';
import { ROOT, starter } from '../helpers/sessions.js';
import {
  buildModel,
  composeDecisions,
  createTemplateRenderer,
  folderTemplates,
  headingsOf,
  inlineText,
  MARKUP_ELEMENTS,
  renderDocument,
  resolveTheme,
  templateTheme,
  validateSession,
} from '../../src/index.js';

const builtIn = (name: string) => readFileSync(join(ROOT, 'templates', name), 'utf8');

describe('user text stays literal', () => {
  const evil = '</p><h1>x</h1>{{evil}}';

  it('a decision titled with markup and mustaches appears as text in the HTML', async () => {
    const raw = starter();
    raw.decisions[0].title = evil;
    raw.decisions[0].statement = '<script>alert(1)</script> & {{> partial}}';
    const { html, diagnostics } = await buildHtml(raw);
    expect(diagnostics).toEqual([]);
    expect(html).toContain('&lt;/p&gt;&lt;h1&gt;x&lt;/h1&gt;{{evil}}');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; {{&gt; partial}}');
    expect(html).not.toContain('<h1>x</h1>');
    expect(html).not.toContain('<script>');
  });

  it('and as text in the DocTree', async () => {
    const raw = starter();
    raw.decisions[0].title = evil;
    const validated = validateSession(raw);
    if (!validated.ok) throw new Error('invalid');
    const model = buildModel(validated.value);
    const renderer = createTemplateRenderer(folderTemplates(), 'en');
    if (!renderer.ok) throw new Error('renderer');
    const doc = renderDocument('decisions', composeDecisions(model), {
      renderer: renderer.value,
      theme: resolveTheme(model),
      templateTheme: templateTheme(model, resolveTheme(model)),
      date: model.session.date,
      defaultTitle: model.session.title,
    });
    if (!doc.ok) throw new Error(JSON.stringify(doc.diagnostics));
    expect(headingsOf(doc.value).map((h) => inlineText(h.content))).toContain(`1. ${evil}`);
  });
});

describe('the template sandbox', () => {
  for (const probe of [
    '{{constructor.constructor}}',
    '{{__proto__}}',
    '{{session.constructor.name}}',
    '{{decisions.constructor}}',
    '{{lookup this "constructor"}}',
  ]) {
    it(`${probe} gets nothing from the prototype`, async () => {
      const dir = templateDir({ 'decisions.hbs': `<p>[${probe}]</p>` });
      const { html, diagnostics } = await buildHtml(starter(), dir);
      expect(html).not.toMatch(/function|native code|Object/);
      if (diagnostics.length > 0) {
        expect(diagnostics[0]).toMatchObject({ code: 'template/missing-field', file: join(dir, 'decisions.hbs') });
      } else expect(html).toContain('<p>[]</p>');
    });
  }

  it('refuses a partial outside the template roots', async () => {
    const dir = templateDir({ 'decisions.hbs': '<p>x</p>\n{{> ../../../etc/passwd}}' });
    const { diagnostics } = await buildHtml(starter(), dir);
    expect(diagnostics[0]).toMatchObject({
      code: 'template/partial-refused',
      file: join(dir, 'decisions.hbs'),
      location: { line: 2 },
    });
    expect(diagnostics[0]?.message).toContain('../../../etc/passwd');
  });

  it('refuses absolute and computed partial names', async () => {
    for (const partial of ['{{> "/etc/passwd"}}', '{{> (lookup . "name")}}', '{{#> ../x}}fallback{{/ ../x}}']) {
      const dir = templateDir({ 'decisions.hbs': partial });
      expect((await buildHtml(starter(), dir)).diagnostics[0]?.code, partial).toBe('template/partial-refused');
    }
  });

  it('reports a missing partial with its template and line', async () => {
    const dir = templateDir({ 'decisions.hbs': '\n\n{{> nowhere}}' });
    expect((await buildHtml(starter(), dir)).diagnostics[0]).toMatchObject({
      code: 'template/partial-missing',
      location: { line: 3 },
    });
  });
});

describe('template folders', () => {
  it('a user decisions.hbs replaces the built-in one', async () => {
    const dir = templateDir({ 'decisions.hbs': '<h1>Our own memo</h1>{{#each decisions}}<p>{{title}}</p>{{/each}}' });
    const { html } = await buildHtml(starter(), dir);
    expect(html).toContain('<h1 id="h-1">Our own memo</h1>');
    expect(html).toContain('<p>Near misses reported from the shop floor by phone</p>');
    expect(html).not.toContain('Decision register');
  });

  it('a user partial replaces the built-in one while the built-in template stays', async () => {
    const dir = templateDir({ 'partials/running-footer.hbs': '<footer><p>Confidential · <page-number/></p></footer>' });
    const { html } = await buildHtml(starter(), dir);
    expect(html).toContain('Confidential');
    expect(html).toContain('Decision register');
  });

  it('a user catalog overrides single labels and keeps the rest', async () => {
    const dir = templateDir({ 'locales/en.json': '{"decisions": {"register": "All our decisions"}}' });
    const { html } = await buildHtml(starter(), dir);
    expect(html).toContain('All our decisions');
    expect(html).toContain('Decision memos');
  });

  it('names the template, line and field when a field is missing', async () => {
    const dir = templateDir({ 'decisions.hbs': '<p>{{session.title}}</p>\n<p>{{session.colour}}</p>' });
    const { diagnostics } = await buildHtml(starter(), dir);
    expect(diagnostics[0]).toMatchObject({
      code: 'template/missing-field',
      file: join(dir, 'decisions.hbs'),
      location: { line: 2 },
    });
    expect(diagnostics[0]?.message).toContain('"colour"');
  });

  it('names the template and line of a syntax error', async () => {
    const dir = templateDir({ 'decisions.hbs': '<p>ok</p>\n{{#each decisions}}<p>{{title}}</p>' });
    expect((await buildHtml(starter(), dir)).diagnostics[0]).toMatchObject({
      code: 'template/syntax',
      file: join(dir, 'decisions.hbs'),
    });
  });

  it('names the template and line of an unknown element or attribute', async () => {
    const dir = templateDir({ 'decisions.hbs': '<p>ok</p>\n\n<blink>{{session.title}}</blink>\n<p onclick="x">y</p>' });
    const diagnostics = (await buildHtml(starter(), dir)).diagnostics;
    expect(diagnostics.map((d) => [d.code, d.location?.line])).toEqual([
      ['markup/unknown-element', 3],
      ['markup/unknown-attribute', 4],
    ]);
  });

  it('the built-in templates are clean', async () => {
    for (const name of [
      'decisions.hbs',
      'partials/decision-memo.hbs',
      'partials/running-header.hbs',
      'partials/running-footer.hbs',
    ]) {
      expect(builtIn(name).length).toBeGreaterThan(20);
    }
    expect((await buildHtml(starter())).diagnostics).toEqual([]);
  });
});

describe('docs/templates.md', () => {
  it('the worked example builds as documented', async () => {
    const doc = readFileSync(join(ROOT, 'docs', 'templates.md'), 'utf8');
    const example = /## A worked example[\s\S]*?```hbs\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const { html, diagnostics } = await buildHtml(starter(), templateDir({ 'decisions.hbs': example as string }));
    expect(diagnostics).toEqual([]);
    expect(html).toContain('Northwind Components: Decision memos');
    expect(html).toContain('@page page-0 { size: 297mm 210mm;');
    expect(html).toContain('background:#2E7D32');
  });

  it('documents every markup element', async () => {
    const doc = readFileSync(join(ROOT, 'docs', 'templates.md'), 'utf8');
    for (const element of Object.keys(MARKUP_ELEMENTS)) expect(doc, element).toContain(`<${element}`);
  });
});
