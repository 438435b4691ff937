import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
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
});
