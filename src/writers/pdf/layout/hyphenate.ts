import en from 'hyphen/en-gb/index.js';
import ru from 'hyphen/ru/index.js';
import uk from 'hyphen/uk/index.js';

type Hyphenator = (text: string, options: { hyphenChar: string; minWordLength?: number }) => string;

const HYPHENATORS: Readonly<Record<string, Hyphenator>> = {
  en: en.hyphenateSync as Hyphenator,
  ru: ru.hyphenateSync as Hyphenator,
  uk: uk.hyphenateSync as Hyphenator,
};

const cache = new Map<string, readonly number[]>();

/**
 * Where a word may be hyphenated, as code point offsets into it (Liang's patterns for en, ru, uk; soft hyphens
 * the author wrote count too). Words of fewer than five letters are not hyphenated.
 */
export function hyphenationPoints(word: string, language: string): readonly number[] {
  const key = `${language}\u0000${word}`;
  let points = cache.get(key);
  if (points) return points;
  const hyphenate = HYPHENATORS[language] ?? HYPHENATORS.en;
  // Leading and trailing punctuation stays out of the patterns.
  const m = /^([^\p{L}]*)([\p{L}\u00ad'’-]+)([^\p{L}]*)$/u.exec(word);
  const found: number[] = [];
  if (m && [...(m[2] as string)].length >= 5) {
    const marked = (hyphenate as Hyphenator)(m[2] as string, { hyphenChar: '\u00ad', minWordLength: 5 });
    let offset = [...(m[1] as string)].length;
    let index = 0;
    for (const ch of marked) {
      if (ch === '\u00ad') {
        if (index > 0) found.push(offset);
        continue;
      }
      offset++;
      index++;
    }
  }
  points = [...new Set(found)].sort((a, b) => a - b);
  if (cache.size > 50_000) cache.clear();
  cache.set(key, points);
  return points;
}
