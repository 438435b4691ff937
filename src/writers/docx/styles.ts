import type { DocTheme } from '../../doctree/index.js';

const hex = (c: string) => c.replace('#', '').toUpperCase();
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** Word language tags of the document languages. */
export const WORD_LANGUAGE: Readonly<Record<string, string>> = { en: 'en-GB', ru: 'ru-RU', uk: 'uk-UA' };

/** Heading sizes in points, as the PDF engine sets them. */
const HEADING_PT: Readonly<Record<number, number>> = { 1: 20, 2: 15, 3: 12.5, 4: 11 };
/**
 * A heading's line, in 240ths of the font's own line: the PDF sets headings at 1.22 of their size, and the
 * built-in Roboto's line is 1.172 of it (ascender and descender), so 1.22 / 1.172 × 240.
 */
const HEADING_LINE = 250;
/** A table of contents line in twips: 1.5 × 10.5 pt, as in the PDF. */
const TOC_LINE = 315;
/** Space after a paragraph in twips: 0.6 of its size, as the PDF engine leaves it. */
const after = (pt: number) => Math.round(pt * 0.6 * 20);

/**
 * The styles part: real Word styles — Normal, Title, Subtitle, Heading 1–4, List Bullet, List Number, Caption,
 * Hyperlink and a table style — so the navigation pane, outline view and restyling work, with the theme's font,
 * colours and the document language (for spell-checking).
 */
export function stylesXml(theme: DocTheme, language: string): string {
  const font = esc(theme.fontFamily);
  const lang = WORD_LANGUAGE[language] ?? language;
  const primary = hex(theme.colors.primary);
  const muted = hex(theme.colors.muted);
  const text = hex(theme.colors.text);
  // Space before and after a heading as the PDF engine leaves it: 1.1 and 0.4 of its size.
  const heading = (level: number, pt: number) => {
    const size = pt * 2;
    const before = Math.round(pt * 1.1 * 20);
    const after = Math.round(pt * 0.4 * 20);
    return `
  <w:style w:type="paragraph" w:styleId="Heading${level}">
    <w:name w:val="heading ${level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>
    <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="${before}" w:after="${after}" w:line="${HEADING_LINE}" w:lineRule="auto"/><w:outlineLvl w:val="${level - 1}"/></w:pPr>
    <w:rPr><w:b/><w:bCs/><w:color w:val="${primary}"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>
  </w:style>`;
  };
  // Table of contents entries: the PDF's lines exactly (1.5 of the body size, no space between entries), level 1
  // bold, 14 pt indent per level; the page number's right tab is at the margin (a right indent would keep long
  // titles clear of it as in the PDF, but LibreOffice then drops the number).
  const toc = (level: number) =>
    `<w:style w:type="paragraph" w:styleId="TOC${level}"><w:name w:val="toc ${level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/><w:pPr><w:spacing w:before="0" w:after="0" w:line="${TOC_LINE}" w:lineRule="exact"/><w:ind w:left="${(level - 1) * 280}"/></w:pPr>${level === 1 ? '<w:rPr><w:b/><w:bCs/></w:rPr>' : ''}</w:style>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:docDefaults>
    <w:rPrDefault><w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}" w:cs="${font}"/><w:color w:val="${text}"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="${lang}" w:eastAsia="${lang}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
    <w:pPrDefault><w:pPr><w:spacing w:after="${after(10.5)}" w:line="288" w:lineRule="auto"/></w:pPr></w:pPrDefault>
  </w:docDefaults>
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl/></w:pPr></w:style>
  <w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
  <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
  <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="${after(26)}" w:line="${Math.round((1.15 / 1.172) * 240)}" w:lineRule="auto"/></w:pPr><w:rPr><w:b/><w:color w:val="${primary}"/><w:sz w:val="52"/><w:szCs w:val="52"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="${after(14)}" w:line="${Math.round((1.3 / 1.172) * 240)}" w:lineRule="auto"/></w:pPr><w:rPr><w:color w:val="${muted}"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>
  ${[1, 2, 3, 4].map((level) => heading(level, HEADING_PT[level] as number)).join('')}
  <w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="40"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="40"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="80" w:after="168"/></w:pPr><w:rPr><w:color w:val="${muted}"/><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Lead"><w:name w:val="Lead"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="${after(12.5)}"/></w:pPr><w:rPr><w:sz w:val="25"/><w:szCs w:val="25"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Small"><w:name w:val="Small"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="${after(8.5)}"/></w:pPr><w:rPr><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Muted"><w:name w:val="Muted"/><w:basedOn w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="${muted}"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="0" w:after="80" w:line="325" w:lineRule="exact"/><w:outlineLvl w:val="9"/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val="${primary}"/><w:sz w:val="25"/><w:szCs w:val="25"/></w:rPr></w:style>
  ${[1, 2, 3, 4].map(toc).join('\n  ')}
  <w:style w:type="character" w:styleId="IndexLink"><w:name w:val="Index Link"/><w:uiPriority w:val="99"/></w:style>
  <w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:color w:val="${primary}"/><w:u w:val="single"/></w:rPr></w:style>
  <w:style w:type="table" w:styleId="StratdocTable"><w:name w:val="Stratdoc Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>
    <w:tblPr><w:tblCellMar><w:top w:w="60" w:type="dxa"/><w:left w:w="100" w:type="dxa"/><w:bottom w:w="60" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar></w:tblPr>
  </w:style>
</w:styles>`;
}
