import { describe, expect, it } from 'vitest';
import { parseParticipantsCsv } from '../../src/network/index.js';

const BOM = '\uFEFF';

function parsed(text: string, options: Parameters<typeof parseParticipantsCsv>[1] = {}) {
  const result = parseParticipantsCsv(text, options);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result.value;
}

function errors(text: string, options: Parameters<typeof parseParticipantsCsv>[1] = {}) {
  const result = parseParticipantsCsv(text, options);
  if (result.ok) throw new Error('expected errors');
  return result.diagnostics;
}

describe('parseParticipantsCsv', () => {
  it('reads a spreadsheet export: BOM, semicolons, Cyrillic, quoted fields with the delimiter, quotes and a line break', () => {
    const text = `${BOM}Імʼя;Сфера;Core;Affiliation;Preference\r\nОлена Коваль;Економіка;так;"ТОВ ""Сонце""; Київ";\r\n"Іван\r\nПетренко";;ні;;social>economy\r\nМарко;governance;x;;\r\n`;
    const value = parsed(text);
    expect(value.delimiter).toBe(';');
    expect(value.locale).toBe('uk');
    expect(value.participants).toEqual([
      {
        id: 'p001',
        idGiven: false,
        name: 'Олена Коваль',
        sphere: 'economy',
        affiliation: 'ТОВ "Сонце"; Київ',
        core: true,
        line: 2,
      },
      { id: 'p002', idGiven: false, name: 'Іван Петренко', core: false, preferences: ['social', 'economy'], line: 3 },
      { id: 'p003', idGiven: false, name: 'Марко', sphere: 'governance', core: true, line: 5 },
    ]);
    // Spheres in order of first appearance, named in the file's language.
    expect(value.spheres.map((s) => s.id)).toEqual(['economy', 'social', 'governance']);
    expect(value.spheres[0]?.name).toBe('Економіка');
  });

  it('takes spheres the file names that are not default ones, and the default four when it names none', () => {
    const own = parsed('name,sphere,preference\nA,Освіта,\nB,,Освіта|Культура\n');
    expect(own.spheres).toEqual([
      { id: 'освіта', name: 'Освіта' },
      { id: 'культура', name: 'Культура' },
    ]);
    expect(parsed('name\nA\nB\n').spheres.map((s) => s.id)).toEqual([
      'governance',
      'economy',
      'social',
      'infrastructure',
    ]);
  });

  it('accepts every spelling of yes and no', () => {
    const yes = ['true', 'YES', '1', 'y', '+', 'x', 'Так', 'да'];
    const no = ['false', 'no', '0', 'N', '-', 'ні', 'нет', ''];
    const rows = [...yes, ...no].map((v, i) => `P${i},${v}`).join('\n');
    const value = parsed(`name,core\n${rows}\n`);
    expect(value.participants.map((p) => p.core)).toEqual([...yes.map(() => true), ...no.map(() => false)]);
  });

  it('reports a bad core value at its line and column, counting the lines of a quoted field before it', () => {
    const text = 'name;affiliation;core\n"Іван\nПетренко";"ГО ""Рух""\nВербичів";ні\nМарко;;може\n';
    const [d, ...rest] = errors(text, { locale: 'uk' });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'csv/core', path: ['core'], location: { line: 5, column: 8 } });
    expect(d?.message).toContain('«може»');
    expect(d?.hint).toContain('так/ні');
  });

  it('reports a field after a line break inside the same record on the later line, whatever the line ends', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = `name,affiliation,core${eol}${eol}"Anna","Line one${eol}line two",maybe${eol}Bo,,1${eol}Cy,,?${eol}`;
      expect(errors(text).map((d) => d.location)).toEqual([
        { line: 4, column: 11 },
        { line: 6, column: 5 },
      ]);
    }
  });

  it('rejects unknown columns, naming them and the known ones', () => {
    const [foo, bar] = errors('name,Foo,sphere,bar\nA,b,,c\n');
    expect(foo).toMatchObject({ code: 'csv/unknown-column', location: { line: 1, column: 6 } });
    expect(foo?.message).toContain('"Foo"');
    expect(foo?.hint).toContain('id, name, sphere, affiliation, core, preference, email');
    expect(bar).toMatchObject({ code: 'csv/unknown-column', location: { line: 1, column: 17 } });
    expect(errors('sphere,core\neconomy,1\n')[0]?.code).toBe('csv/no-name');
  });

  it('collects every bad row, up to a limit', () => {
    const rows = Array.from({ length: 80 }, (_, i) => `P${i},maybe`).join('\n');
    const list = errors(`name,core\n${rows}\n`, { maxErrors: 10 });
    expect(list).toHaveLength(11);
    expect(list.slice(0, 10).map((d) => d.location?.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(list[10]).toMatchObject({ code: 'csv/more-errors' });
    expect(list[10]?.message).toContain('70');
  });

  it('checks names, ids, e-mails and spheres against the ones given', () => {
    const spheres = [{ id: 'economy', name: 'Економіка' }];
    const list = errors('id,name,sphere,email\n1 bad,A,,\nok,,,\nok2,B,Культура,\nok,C,економіка,not-an-address\n', {
      spheres,
      locale: 'en',
    });
    expect(list.map((d) => [d.code, d.location?.line, d.location?.column])).toEqual([
      ['csv/id', 2, 1],
      ['csv/name-empty', 3, 4],
      ['csv/sphere', 4, 7],
      ['csv/duplicate-id', 5, 1],
      ['csv/email', 5, 16],
    ]);
    expect(list[2]?.hint).toContain('economy (Економіка)');
  });

  it('continues made-up ids after the ones taken, and keeps an existing participant by name', () => {
    const value = parsed('name\nНова\nolena koval\n', {
      takenIds: ['p01', 'p080', 'x'],
      existing: [{ id: 'p01', name: 'Olena Koval' }],
    });
    expect(value.participants.map((p) => p.id)).toEqual(['p081', 'p01']);
  });

  it('reports a row with more fields than the header, and an unclosed quote', () => {
    expect(errors('name,core\nA,1,extra\n')[0]).toMatchObject({
      code: 'csv/extra-fields',
      location: { line: 2, column: 5 },
    });
    expect(errors('name,core\nA,"1\n')[0]?.code).toBe('csv/syntax');
  });

  it('tells a comma from a semicolon file by the header', () => {
    expect(parsed('name,affiliation\n"Коваль; Олена",ГО\n').participants[0]?.name).toBe('Коваль; Олена');
    expect(parsed('name;affiliation\nКоваль, Олена;ГО\n').participants[0]?.name).toBe('Коваль, Олена');
  });
});
