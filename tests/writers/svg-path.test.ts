import { describe, expect, it } from 'vitest';
import { svgPathToPdf } from '../../src/writers/pdf/svg-path.js';

const n = (v: number) => String(Math.round(v * 1000) / 1000);
/** The end point of each segment, in order. */
const ends = (ops: string) =>
  ops
    .split(/(?<=[mlc]) |(?<=h) /)
    .filter((op) => /[mlc]$/.test(op))
    .map((op) => op.split(' ').slice(-3, -1).map(Number));

describe('SVG path data to PDF operators', () => {
  it('resolves relative, horizontal and vertical commands and implicit line-tos', () => {
    expect(svgPathToPdf('M10 10h20v5l-5 5 1 1z', n)).toBe('10 10 m 30 10 l 30 15 l 25 20 l 26 21 l h');
    expect(svgPathToPdf('m1,2 3,4', n)).toBe('1 2 m 4 6 l');
  });

  it('turns quadratic curves into cubics with the same ends, and reflects smooth control points', () => {
    // A quadratic from (0,0) over (30,60) to (60,0): cubic controls at two thirds towards the control point.
    expect(svgPathToPdf('M0 0Q30 60 60 0', n)).toBe('0 0 m 20 40 40 40 60 0 c');
    // T reflects the last control point: (90,-60).
    expect(svgPathToPdf('M0 0Q30 60 60 0T120 0', n)).toContain('80 -40 100 -40 120 0 c');
    // S after C reflects the second control point; after anything else it starts at the current point.
    expect(svgPathToPdf('M0 0C0 10 10 10 10 0S20 -10 20 0', n)).toContain('10 -10 20 -10 20 0 c');
    expect(svgPathToPdf('M0 0L5 0S10 5 10 0', n)).toBe('0 0 m 5 0 l 5 0 10 5 10 0 c');
  });

  it('draws elliptical arcs as quarter-turn cubics ending exactly at the arc’s end point', () => {
    const half = svgPathToPdf('M100 200a50 30 0 1 0 100 0', n);
    expect(ends(half)).toEqual([
      [100, 200],
      [150, 230],
      [200, 200],
    ]);
    // The other sweep goes the other way round: through the top.
    expect(ends(svgPathToPdf('M100 200A50 30 0 1 1 200 200', n))[1]).toEqual([150, 170]);
    // A radius too small for the end points is scaled up, as SVG says.
    expect(ends(svgPathToPdf('M0 0A1 1 0 0 1 10 0', n)).at(-1)).toEqual([10, 0]);
  });

  it('stops at malformed data instead of looping', () => {
    expect(svgPathToPdf('', n)).toBe('');
    expect(svgPathToPdf('10 10', n)).toBe('');
    expect(svgPathToPdf('M0 0Z 5 5', n)).toBe('0 0 m h');
  });
});
