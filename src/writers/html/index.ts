export { writeHtml } from './write-html.js';
