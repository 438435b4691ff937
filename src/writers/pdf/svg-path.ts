/**
 * SVG path data → PDF path operators (m, l, c, h). Quadratic curves become cubics, elliptical arcs become cubic
 * segments of at most a quarter turn; relative commands and the smooth shorthands are resolved. The numbers
 * are written by `num` so output stays deterministic.
 */
export function svgPathToPdf(d: string, num: (v: number) => string): string {
  const tokens = d.match(/[MmZzLlHhVvCcSsQqTtAa]|[-+]?(?:\d*\.\d+|\d+\.?)(?:[eE][-+]?\d+)?/g) ?? [];
  const out: string[] = [];
  let i = 0;
  let cmd = '';
  let x = 0;
  let y = 0;
  let sx = 0;
  let sy = 0;
  // The last control point, for S and T.
  let cx: number | null = null;
  let cy: number | null = null;
  let lastCubic = false;
  let lastQuad = false;
  const isCmd = (t: string | undefined) => t !== undefined && /^[A-Za-z]$/.test(t);
  const next = () => Number(tokens[i++]);
  const move = (nx: number, ny: number) => out.push(`${num(nx)} ${num(ny)} m`);
  const line = (nx: number, ny: number) => out.push(`${num(nx)} ${num(ny)} l`);
  const cubic = (x1: number, y1: number, x2: number, y2: number, nx: number, ny: number) =>
    out.push(`${num(x1)} ${num(y1)} ${num(x2)} ${num(y2)} ${num(nx)} ${num(ny)} c`);
  while (i < tokens.length) {
    if (isCmd(tokens[i])) cmd = tokens[i++] as string;
    else if (!cmd) break;
    const rel = cmd === cmd.toLowerCase();
    const ox = rel ? x : 0;
    const oy = rel ? y : 0;
    let cubicNow = false;
    let quadNow = false;
    switch (cmd.toUpperCase()) {
      case 'M': {
        x = ox + next();
        y = oy + next();
        sx = x;
        sy = y;
        move(x, y);
        // Pairs after a moveto are linetos.
        cmd = rel ? 'l' : 'L';
        break;
      }
      case 'L':
        x = ox + next();
        y = oy + next();
        line(x, y);
        break;
      case 'H':
        x = ox + next();
        line(x, y);
        break;
      case 'V':
        y = oy + next();
        line(x, y);
        break;
      case 'C': {
        const x1 = ox + next();
        const y1 = oy + next();
        cx = ox + next();
        cy = oy + next();
        x = ox + next();
        y = oy + next();
        cubic(x1, y1, cx, cy, x, y);
        cubicNow = true;
        break;
      }
      case 'S': {
        const x1 = lastCubic && cx !== null && cy !== null ? 2 * x - cx : x;
        const y1 = lastCubic && cx !== null && cy !== null ? 2 * y - cy : y;
        cx = ox + next();
        cy = oy + next();
        x = ox + next();
        y = oy + next();
        cubic(x1, y1, cx, cy, x, y);
        cubicNow = true;
        break;
      }
      case 'Q':
      case 'T': {
        let qx: number;
        let qy: number;
        if (cmd.toUpperCase() === 'Q') {
          qx = ox + next();
          qy = oy + next();
        } else {
          qx = lastQuad && cx !== null && cy !== null ? 2 * x - cx : x;
          qy = lastQuad && cx !== null && cy !== null ? 2 * y - cy : y;
        }
        const nx = ox + next();
        const ny = oy + next();
        cubic(
          x + (2 / 3) * (qx - x),
          y + (2 / 3) * (qy - y),
          nx + (2 / 3) * (qx - nx),
          ny + (2 / 3) * (qy - ny),
          nx,
          ny,
        );
        cx = qx;
        cy = qy;
        x = nx;
        y = ny;
        quadNow = true;
        break;
      }
      case 'A': {
        const rx = Math.abs(next());
        const ry = Math.abs(next());
        const rotation = next();
        const large = next() !== 0;
        const sweep = next() !== 0;
        const nx = ox + next();
        const ny = oy + next();
        for (const seg of arcToCubics(x, y, rx, ry, rotation, large, sweep, nx, ny)) cubic(...seg);
        x = nx;
        y = ny;
        break;
      }
      case 'Z':
        out.push('h');
        x = sx;
        y = sy;
        break;
      default:
        i++;
    }
    lastCubic = cubicNow;
    lastQuad = quadNow;
    // A number where a command was expected after Z is malformed: stop rather than loop.
    if (cmd.toUpperCase() === 'Z' && i < tokens.length && !isCmd(tokens[i])) break;
  }
  return out.join(' ');
}

type Cubic = [number, number, number, number, number, number];

/** An SVG elliptical arc as cubic Bézier segments (SVG 1.1 appendix F.6 endpoint → centre conversion). */
function arcToCubics(
  x1: number,
  y1: number,
  rx: number,
  ry: number,
  degrees: number,
  large: boolean,
  sweep: boolean,
  x2: number,
  y2: number,
): Cubic[] {
  if ((x1 === x2 && y1 === y2) || rx === 0 || ry === 0) return [[x1, y1, x2, y2, x2, y2]];
  const phi = (degrees * Math.PI) / 180;
  const cos = Math.cos(phi);
  const sin = Math.sin(phi);
  const dx = (x1 - x2) / 2;
  const dy = (y1 - y2) / 2;
  const x1p = cos * dx + sin * dy;
  const y1p = -sin * dx + cos * dy;
  const lambda = (x1p * x1p) / (rx * rx) + (y1p * y1p) / (ry * ry);
  if (lambda > 1) {
    rx *= Math.sqrt(lambda);
    ry *= Math.sqrt(lambda);
  }
  const num = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p;
  const den = rx * rx * y1p * y1p + ry * ry * x1p * x1p;
  const k = (large === sweep ? -1 : 1) * Math.sqrt(Math.max(0, num / den));
  const cxp = (k * rx * y1p) / ry;
  const cyp = (-k * ry * x1p) / rx;
  const cx = cos * cxp - sin * cyp + (x1 + x2) / 2;
  const cy = sin * cxp + cos * cyp + (y1 + y2) / 2;
  const angle = (ux: number, uy: number, vx: number, vy: number) => {
    const a = Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
    return a;
  };
  const theta1 = angle(1, 0, (x1p - cxp) / rx, (y1p - cyp) / ry);
  let delta = angle((x1p - cxp) / rx, (y1p - cyp) / ry, (-x1p - cxp) / rx, (-y1p - cyp) / ry);
  if (!sweep && delta > 0) delta -= 2 * Math.PI;
  if (sweep && delta < 0) delta += 2 * Math.PI;
  const segments = Math.max(1, Math.ceil(Math.abs(delta) / (Math.PI / 2) - 1e-9));
  const step = delta / segments;
  const t = (4 / 3) * Math.tan(step / 4);
  const point = (a: number): [number, number] => [
    cx + rx * Math.cos(a) * cos - ry * Math.sin(a) * sin,
    cy + rx * Math.cos(a) * sin + ry * Math.sin(a) * cos,
  ];
  const derivative = (a: number): [number, number] => [
    -rx * Math.sin(a) * cos - ry * Math.cos(a) * sin,
    -rx * Math.sin(a) * sin + ry * Math.cos(a) * cos,
  ];
  const out: Cubic[] = [];
  for (let s = 0; s < segments; s++) {
    const a1 = theta1 + s * step;
    const a2 = a1 + step;
    const [px1, py1] = point(a1);
    const [px2, py2] = point(a2);
    const [dx1, dy1] = derivative(a1);
    const [dx2, dy2] = derivative(a2);
    out.push([px1 + t * dx1, py1 + t * dy1, px2 - t * dx2, py2 - t * dy2, px2, py2]);
  }
  return out;
}
