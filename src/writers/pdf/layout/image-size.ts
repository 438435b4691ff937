/**
 * Size of an image given as a data URI: pixels of a PNG or JPEG (from its header), or points of the first
 * page of a PDF (from its MediaBox, for vector diagrams); null for anything else.
 */
export function imageSize(src: string): { width: number; height: number; type: 'png' | 'jpeg' | 'pdf' } | null {
  if (src.startsWith('data:application/pdf;base64,')) {
    const text = Buffer.from(src.slice(src.indexOf(',') + 1), 'base64').toString('latin1');
    const box = /\/MediaBox\s*\[\s*(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s*\]/.exec(text);
    if (!box) return null;
    // Points, reported as pixels at 96 dpi so that layout's pixel-to-point factor gives the size back.
    const [x0, y0, x1, y1] = box.slice(1).map(Number) as [number, number, number, number];
    return { width: ((x1 - x0) * 4) / 3, height: ((y1 - y0) * 4) / 3, type: 'pdf' };
  }
  const m = /^data:image\/(png|jpe?g);base64,(.*)$/s.exec(src);
  if (!m) return null;
  const bytes = Buffer.from(m[2] as string, 'base64');
  if (m[1] === 'png') {
    if (bytes.length < 24 || bytes.readUInt32BE(0) !== 0x89504e47) return null;
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), type: 'png' };
  }
  // JPEG: walk the segments to the start-of-frame marker.
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1] as number;
    const length = bytes.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { width: bytes.readUInt16BE(i + 7), height: bytes.readUInt16BE(i + 5), type: 'jpeg' };
    }
    i += 2 + length;
  }
  return null;
}
