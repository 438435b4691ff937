export { type DocxResult, type KeptBlock as DocxKeptBlock, writeDocx } from './write-docx.js';
