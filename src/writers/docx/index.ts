export { type DocxResult, writeDocx } from './write-docx.js';
