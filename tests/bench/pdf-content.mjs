/** The benchmark documents, as document markup (stratdoc) and as a pdfmake definition, with the same content. */
const WORDS_RU =
  'безопасность производство отгрузка маршрут инициатива ответственный бюджет специалист оборудование контроль показатель смена участок мастер цель видение приоритет решение обоснование окупаемость'.split(
    ' ',
  );
const WORDS_EN =
  'safety production shipping route initiative owner budget specialist equipment control indicator shift site foreman goal vision priority decision rationale payback'.split(
    ' ',
  );

function sentence(seed) {
  const words = [];
  for (let i = 0; i < 14; i++) {
    const list = (seed + i) % 3 === 0 ? WORDS_EN : WORDS_RU;
    words.push(list[(seed * 7 + i * 13) % list.length]);
  }
  const s = words.join(' ');
  return `${s[0].toUpperCase()}${s.slice(1)}.`;
}

function paragraph(seed) {
  return Array.from({ length: 6 }, (_, i) => sentence(seed * 6 + i)).join(' ');
}

/** Chapters of a heading and paragraphs; about one page per chapter at A4. */
export function paragraphs(chapters) {
  const items = [];
  for (let c = 0; c < chapters; c++) {
    items.push({
      heading: `Глава ${c + 1}. Chapter ${c + 1}`,
      paragraphs: Array.from({ length: 5 }, (_, p) => paragraph(c * 5 + p)),
    });
  }
  return items;
}

export function table(rows) {
  return Array.from({ length: rows }, (_, r) => [
    `${r + 1}`,
    `Инициатива ${r + 1}`,
    `Owner ${r % 37}`,
    `2027-${String((r % 12) + 1).padStart(2, '0')}-15`,
    `${(r * 7919) % 100000} ₽`,
    r % 3 === 0 ? 'красный' : 'green',
  ]);
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function markup(caseName) {
  const { chapters, rows } = spec(caseName);
  let out = '<section size="A4"><footer><p class="small" align="center"><page-number/> / <page-count/></p></footer>';
  for (const ch of paragraphs(chapters)) {
    out += `<h2>${esc(ch.heading)}</h2>`;
    for (const p of ch.paragraphs) out += `<p align="justify">${esc(p)}</p>`;
  }
  if (rows > 0) {
    out +=
      '<table borders="all"><thead><tr><th>№</th><th>Initiative</th><th>Owner</th><th>Due</th><th>Budget</th><th>Status</th></tr></thead><tbody>';
    for (const r of table(rows)) out += `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`;
    out += '</tbody></table>';
  }
  return `${out}</section>`;
}

/** The case as a DocTree, through stratdoc's own markup parser (`stratdoc` is the loaded library). */
export function benchDoc(stratdoc, caseName) {
  return {
    meta: {
      title: 'Bench',
      subject: null,
      author: null,
      keywords: [],
      language: 'ru',
      date: '2027-01-01',
      theme: {
        fontFamily: 'Roboto',
        fontFiles: {},
        colors: stratdoc.DEFAULT_COLORS,
        logo: null,
        organisation: 'Bench',
      },
    },
    sections: stratdoc.parseMarkup(markup(caseName), 'bench').sections,
  };
}

export function pdfmakeDefinition(caseName) {
  const { chapters, rows } = spec(caseName);
  const content = [];
  for (const ch of paragraphs(chapters)) {
    content.push({ text: ch.heading, style: 'h2' });
    for (const p of ch.paragraphs) content.push({ text: p, alignment: 'justify', margin: [0, 0, 0, 6] });
  }
  if (rows > 0) {
    content.push({
      table: {
        headerRows: 1,
        widths: ['auto', '*', 'auto', 'auto', 'auto', 'auto'],
        body: [
          ['№', 'Initiative', 'Owner', 'Due', 'Budget', 'Status'].map((t) => ({ text: t, bold: true })),
          ...table(rows),
        ],
      },
    });
  }
  return {
    pageSize: 'A4',
    pageMargins: [56.69, 56.69, 56.69, 56.69],
    content,
    footer: (page, count) => ({ text: `${page} / ${count}`, alignment: 'center', fontSize: 8.5 }),
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.15 },
    styles: { h2: { fontSize: 15, bold: true, margin: [0, 12, 0, 4] } },
  };
}

export function spec(caseName) {
  switch (caseName) {
    case 'paragraphs':
      return { chapters: 50, rows: 0 };
    case 'table':
      return { chapters: 0, rows: 1000 };
    case 'pages100':
      return { chapters: 100, rows: 0 };
    case 'pages1000':
      return { chapters: 1000, rows: 0 };
    default:
      throw new Error(`unknown case ${caseName}`);
  }
}
