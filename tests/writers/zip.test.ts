import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { UsageCache } from '../../src/usage-cache.js';
import { crc32, zipArchive } from '../../src/writers/docx/zip.js';

describe('zip archives of DOCX packages', () => {
  it('computes CRC-32 with and without Node’s own', () => {
    const data = new TextEncoder().encode('123456789');
    expect(crc32(data)).toBe(0xcbf43926);
    expect(crc32(data, undefined)).toBe(0xcbf43926);
    const big = new Uint8Array(100_000).map((_, i) => (i * 7919) % 251);
    expect(crc32(big, undefined)).toBe(crc32(big));
  });

  it('round-trips stored and deflated entries, the same bytes every time', () => {
    const font = new Uint8Array(64 * 1024).map((_, i) => (i * 31) % 97);
    const entries = [
      {
        name: 'word/document.xml',
        data: new TextEncoder().encode('<w:document>Привіт</w:document>'),
        level: 6 as const,
      },
      { name: 'word/fonts/font1.odttf', data: font, level: 1 as const },
      { name: 'word/media/image1.png', data: new Uint8Array([137, 80, 78, 71, 1, 2, 3]), level: 0 as const },
    ];
    const date = new Date('2027-03-04T00:00:00Z');
    const zip = zipArchive(entries, date);
    expect(zipArchive(entries, date)).toEqual(zip);
    const back = unzipSync(zip);
    expect(Object.keys(back)).toEqual(entries.map((e) => e.name));
    for (const e of entries) expect(back[e.name]).toEqual(e.data);
  });

  it('deflates an entry in pieces as one stream, and compresses only the pieces not seen before', () => {
    const piece = (n: number) =>
      new TextEncoder().encode(Array.from({ length: 400 }, (_, i) => `<w:p>Абзац ${n}.${i}</w:p>`).join(''));
    const pieces = [piece(1), piece(2), piece(3)];
    const cache = new UsageCache<Uint8Array>();
    const date = new Date('2027-03-04T00:00:00Z');
    const zip = zipArchive([{ name: 'word/document.xml', data: pieces, level: 6 }], date, cache);
    const whole = new Uint8Array(pieces.reduce((sum, p) => sum + p.length, 0));
    let at = 0;
    for (const p of pieces) {
      whole.set(p, at);
      at += p.length;
    }
    // unzipSync checks the CRC of what it inflates.
    expect(unzipSync(zip)['word/document.xml']).toEqual(whole);
    expect(cache.misses).toBe(3);
    const edited = [pieces[0] as Uint8Array, piece(20), pieces[2] as Uint8Array];
    const again = zipArchive([{ name: 'word/document.xml', data: edited, level: 6 }], date, cache);
    expect(cache.misses).toBe(4);
    expect(cache.hits).toBe(2);
    expect(again).toEqual(zipArchive([{ name: 'word/document.xml', data: edited, level: 6 }], date));
  });
});
