// Packages without their own type declarations.
declare module 'hyphen/en-gb/index.js' {
  const hyphenator: { hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string };
  export default hyphenator;
}
declare module 'hyphen/ru/index.js' {
  const hyphenator: { hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string };
  export default hyphenator;
}
declare module 'hyphen/uk/index.js' {
  const hyphenator: { hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string };
  export default hyphenator;
}
declare module 'linebreak' {
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): { position: number; required: boolean } | null;
  }
}
