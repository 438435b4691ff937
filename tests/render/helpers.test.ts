import { describe, expect, it } from 'vitest';
import {
  BlockMemo,
  createTemplateRenderer,
  flattenCatalog,
  memoryTemplates,
  templateHelpers,
} from '../../src/index.js';

const CATALOG = flattenCatalog({
  greeting: 'Hello, {name}!',
  status: { approved: 'Approved' },
  items: { one: '{count} item', few: '{count} items (few)', many: '{count} items (many)', other: '{count} items' },
});

/** Renders a one-off template with the built-in catalogs plus a few test labels. */
function render(language: 'en' | 'ru' | 'uk', template: string, view: unknown = {}) {
  const source = memoryTemplates({
    'locales/en.json': '{"hello": "Hello, {name}!", "n": {"one": "{count} decision", "other": "{count} decisions"}}',
    'locales/ru.json':
      '{"hello": "Привет, {name}!", "n": {"one": "{count} решение", "few": "{count} решения", "many": "{count} решений", "other": "{count} решения"}}',
    'locales/uk.json':
      '{"hello": "Вітаю, {name}!", "n": {"one": "{count} рішення", "few": "{count} рішення", "many": "{count} рішень", "other": "{count} рішення"}}',
    'probe.hbs': template,
  });
  const renderer = createTemplateRenderer(source, language);
  if (!renderer.ok) throw new Error(JSON.stringify(renderer.diagnostics));
  return renderer.value.render('probe', view);
}

const out = (language: 'en' | 'ru' | 'uk', template: string, view: unknown = {}) => {
  const r = render(language, template, view);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.value.markup;
};

describe('template helpers in en, ru and uk', () => {
  it('t: labels with interpolation', () => {
    expect(out('en', '{{t "hello" name="Ann"}}')).toBe('Hello, Ann!');
    expect(out('ru', '{{t "hello" name="Анна"}}')).toBe('Привет, Анна!');
    expect(out('uk', '{{t "hello" name="Ганна"}}')).toBe('Вітаю, Ганна!');
  });

  it('t: a quoted value inside «{name}» takes the inner quotes „“', () => {
    const helpers = templateHelpers(
      'ru',
      flattenCatalog({ about: 'Встреча по инициативе «{title}»', plain: 'Итог: {title}' }),
    );
    const title = '«Лидерство в безопасности» для мастеров';
    expect(helpers.t?.('about', { hash: { title } })).toBe(
      'Встреча по инициативе «„Лидерство в безопасности“ для мастеров»',
    );
    // Outside «» the value keeps its own quotes.
    expect(helpers.t?.('plain', { hash: { title } })).toBe(`Итог: ${title}`);
  });

  it('t: plurals by Intl.PluralRules, with the count formatted', () => {
    const t = '{{t "n" count=1}}|{{t "n" count=3}}|{{t "n" count=5}}|{{t "n" count=21}}|{{t "n" count=1500}}';
    expect(out('en', t)).toBe('1 decision|3 decisions|5 decisions|21 decisions|1,500 decisions');
    expect(out('ru', t)).toBe('1 решение|3 решения|5 решений|21 решение|1\u00a0500 решений');
    expect(out('uk', t)).toBe('1 рішення|3 рішення|5 рішень|21 рішення|1\u00a0500 рішень');
  });

  it('t: keys joined from several parts', () => {
    const helpers = templateHelpers('en', CATALOG);
    expect(helpers.t?.('status', 'approved', { hash: {} })).toBe('Approved');
    expect(helpers.t?.('items', { hash: { count: 2 } })).toBe('2 items');
  });

  it('date: month names of each language, never shifted by time zones', () => {
    expect(out('en', '{{date d}}', { d: '2026-11-25' })).toBe('25 November 2026');
    expect(out('ru', '{{date d}}', { d: '2026-11-25' })).toBe('25 ноября 2026 г.');
    expect(out('uk', '{{date d}}', { d: '2026-11-25' })).toBe('25 листопада 2026 р.');
    expect(out('ru', '{{date d "short"}}', { d: '2027-01-01' })).toBe('01.01.2027');
    expect(out('uk', '{{date d "month"}}', { d: '2027-03' })).toBe('березень 2027 р.');
    expect(out('en', '{{date d "day-month"}}', { d: '2027-03-08' })).toBe('8 March');
  });

  it('number: grouping with non-breaking spaces and decimal commas in ru and uk', () => {
    expect(out('en', '{{number n}}', { n: 1234567.891 })).toBe('1,234,567.89');
    expect(out('ru', '{{number n}}', { n: 1234567.891 })).toBe('1\u00a0234\u00a0567,89');
    expect(out('uk', '{{number n 1}}', { n: 1234.56 })).toBe('1\u00a0234,6');
  });

  it('money: the given currency in the language’s format', () => {
    expect(out('en', '{{money a "EUR"}}', { a: 1200000 })).toBe('€1,200,000');
    expect(out('ru', '{{money a "RUB"}}', { a: 146100000 })).toBe('146\u00a0100\u00a0000\u00a0₽');
    expect(out('uk', '{{money a "UAH"}}', { a: 2500.5 })).toBe('2\u00a0500,50\u00a0₴');
  });

  it('percent: a ratio as a percentage', () => {
    expect(out('en', '{{percent r}}', { r: 0.256 })).toBe('26%');
    expect(out('ru', '{{percent r 1}}', { r: 0.256 })).toBe('25,6\u00a0%');
    expect(out('uk', '{{percent r}}', { r: 1 })).toBe('100%');
  });

  it('duration and time: minutes as hours and minutes, and as a clock time', () => {
    expect(out('en', '{{duration m}}|{{duration 30}}|{{duration 120}}', { m: 90 })).toBe('1 hr 30 mins|30 mins|2 hrs');
    expect(out('ru', '{{duration m}}', { m: 90 })).toBe('1 ч 30 мин');
    expect(out('uk', '{{duration m}}', { m: 90 })).toBe('1 год 30 хв');
    expect(out('en', '{{time 570}}')).toBe('09:30');
  });

  it('join: lists joined the way each language does', () => {
    const view = { names: ['Ann', 'Bob', 'Cy'], people: [{ name: 'Ann' }, { name: 'Bob' }] };
    expect(out('en', '{{join names}}|{{join people "name"}}', view)).toBe('Ann, Bob and Cy|Ann and Bob');
    expect(out('ru', '{{join names}}', view)).toBe('Ann, Bob и Cy');
    expect(out('uk', '{{join names}}', view)).toBe('Ann, Bob і Cy');
  });

  it('comparisons, logic and numbering', () => {
    const t =
      '{{#if (eq a 1)}}eq{{/if}}{{#if (ne a 2)}} ne{{/if}}{{#if (gt a 0)}} gt{{/if}}{{#if (gte a 1)}} gte{{/if}}{{#if (lt a 2)}} lt{{/if}}{{#if (lte a 1)}} lte{{/if}}{{#if (and a b)}} and{{/if}}{{#if (or z b)}} or{{/if}}{{#if (not z)}} not{{/if}}';
    for (const language of ['en', 'ru', 'uk'] as const) {
      expect(out(language, t, { a: 1, b: true, z: false })).toBe('eq ne gt gte lt lte and or not');
      expect(out(language, '{{#each xs}}{{inc @index}}{{/each}}', { xs: ['a', 'b', 'c'] })).toBe('123');
    }
  });

  it('prints nothing for a null value instead of "null"', () => {
    expect(out('en', '[{{date d}}{{money m "EUR"}}{{number n}}]', { d: null, m: null, n: null })).toBe('[]');
  });

  it('a missing label is an error naming the template, line and key', () => {
    const r = render('ru', 'line one\n{{t "no.such.key"}}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics[0]).toMatchObject({
      code: 'template/missing-label',
      file: 'probe.hbs',
      location: { line: 2 },
    });
    expect(r.diagnostics[0]?.message).toContain('no.such.key');
    expect(r.diagnostics[0]?.hint).toContain('locales/ru.json');
  });

  it('a helper used like a field says how to reach the field', () => {
    const r = render('en', '{{date}}', { date: '2026-01-01' });
    if (r.ok) throw new Error('expected an error');
    expect(r.diagnostics[0]).toMatchObject({ code: 'template/helper' });
    expect(r.diagnostics[0]?.hint).toContain('{{this.date}}');
    expect(out('en', '{{this.date}}', { date: '2026-01-01' })).toBe('2026-01-01');
  });
});

describe('memo blocks', () => {
  const template = `{{#each rows}}{{#memo "row" this}}[{{@index}}:{{name}}={{t "hello" name=name}}]{{/memo}}{{/each}}`;
  const source = memoryTemplates({ 'locales/en.json': '{"hello": "Hello, {name}!"}', 'probe.hbs': template });
  const rows = (names: string[]) => ({ rows: names.map((name) => ({ name })) });

  it('render as the block does, with or without the memo, build after build', () => {
    const kept = createTemplateRenderer(source, 'en', { memo: true });
    const fresh = createTemplateRenderer(source, 'en');
    if (!kept.ok || !fresh.ok) throw new Error('renderer');
    for (const names of [['a', 'b', 'c'], ['a', 'B', 'c'], ['x', 'a', 'B', 'c'], ['a']]) {
      kept.value.beginBuild?.();
      const a = kept.value.render('probe', rows(names));
      const b = fresh.value.render('probe', rows(names));
      expect(a.ok && a.value.markup).toBe(b.ok && b.value.markup);
    }
    const last = kept.value.render('probe', rows(['a', 'b']));
    expect(last.ok && last.value.markup).toBe('[0:a=Hello, a!][1:b=Hello, b!]');
  });

  it('render a block once for what it is given, and forget what a build did not use', () => {
    const memo = new BlockMemo();
    const helpers = templateHelpers('en', CATALOG, memo);
    let rendered = 0;
    const call = (context: unknown, index: number) =>
      helpers.memo?.call(context, 'row', context, {
        hash: {},
        data: { index },
        fn: (c: unknown) => {
          rendered++;
          return JSON.stringify(c);
        },
      });
    expect(call({ v: 1 }, 0)).toBe('{"v":1}');
    expect(call({ v: 1 }, 0)).toBe('{"v":1}');
    expect(rendered).toBe(1);
    // Another value, or the same at another place: rendered.
    call({ v: 2 }, 0);
    call({ v: 1 }, 1);
    expect(rendered).toBe(3);
    // A build that uses only the first: the others are gone two builds on.
    memo.nextBuild();
    call({ v: 1 }, 0);
    memo.nextBuild();
    call({ v: 1 }, 0);
    call({ v: 2 }, 0);
    expect(rendered).toBe(4);
  });
});
