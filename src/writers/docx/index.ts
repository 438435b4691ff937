export type { PackageParts as DocxPackageParts } from './normalize.js';
export { type DocxResult, type KeptBlock as DocxKeptBlock, SameBlocks, writeDocx } from './write-docx.js';
