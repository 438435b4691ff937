export { type DocxResult, type Item as DocxItem, writeDocx } from './write-docx.js';
