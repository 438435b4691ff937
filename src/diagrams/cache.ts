import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Drawing } from '../doctree/index.js';
import type { DiagramOutputs, DiagramRenderer, RenderedDiagram } from './render.js';
import { ALL_OUTPUTS, diagramKey } from './render.js';
import type { UsageCache } from '../usage-cache.js';

/**
 * Rendered diagrams on disk by content hash, so unchanged diagrams never need a browser again. An entry may
 * hold only some forms (an HTML-only build stores the SVG alone): `get` answers only when it has every
 * drawing asked for, and `put` adds to what is there.
 */
export interface DiagramCache {
  get(key: string, outputs?: DiagramOutputs): RenderedDiagram | null;
  put(key: string, diagram: RenderedDiagram): void;
}

/** A cache folder (created on first write). Files are written under temporary names and renamed into place. */
export function folderCache(dir: string): DiagramCache {
  const path = (key: string, ext: string) => join(dir, `${key}.${ext}`);
  const read = (key: string, ext: string) =>
    existsSync(path(key, ext)) ? new Uint8Array(readFileSync(path(key, ext))) : null;
  return {
    get(key, outputs = ALL_OUTPUTS) {
      if (!existsSync(path(key, 'json')) || !existsSync(path(key, 'svg'))) return null;
      let meta: { width: number; height: number };
      try {
        meta = JSON.parse(readFileSync(path(key, 'json'), 'utf8')) as { width: number; height: number };
      } catch {
        return null; // a damaged entry is drawn again and replaced
      }
      const drawing = outputs.drawing ? read(key, 'drawing.json') : null;
      const png = outputs.png ? read(key, 'png') : null;
      if ((outputs.drawing && !drawing) || (outputs.png && !png)) return null;
      let parsed: Drawing | null = null;
      try {
        parsed = drawing ? (JSON.parse(Buffer.from(drawing).toString('utf8')) as Drawing) : null;
      } catch {
        return null;
      }
      return {
        svg: readFileSync(path(key, 'svg'), 'utf8'),
        ...(parsed ? { drawing: parsed } : {}),
        ...(png ? { png } : {}),
        width: meta.width,
        height: meta.height,
      };
    },
    put(key, d) {
      mkdirSync(dir, { recursive: true });
      const write = (ext: string, data: string | Uint8Array) => {
        const temp = `${path(key, ext)}.${randomBytes(4).toString('hex')}.tmp`;
        writeFileSync(temp, data);
        renameSync(temp, path(key, ext));
      };
      write('svg', d.svg);
      if (d.drawing) write('drawing.json', JSON.stringify(d.drawing));
      if (d.png) write('png', d.png);
      // The index file last: an entry counts only once its files are there.
      write('json', JSON.stringify({ width: d.width, height: d.height }));
    },
  };
}

/**
 * A cache in front of another (or of none): diagrams read or drawn once are answered from memory, so the
 * same diagram in two documents is read once and is the same object, and a watch reads nothing again.
 */
export function keptCache(inner: DiagramCache | null, kept: UsageCache<RenderedDiagram>): DiagramCache {
  const slot = (key: string, outputs: DiagramOutputs) =>
    `${key}:${outputs.drawing ? 'd' : ''}${outputs.png ? 'p' : ''}`;
  return {
    get(key, outputs = ALL_OUTPUTS) {
      const known = kept.get(slot(key, outputs));
      if (known) return known;
      const hit = inner?.get(key, outputs) ?? null;
      if (hit) kept.set(slot(key, outputs), hit);
      return hit;
    },
    put(key, diagram) {
      inner?.put(key, diagram);
    },
  };
}

/** What `renderDiagrams` gives: the drawn diagrams by id, and those it could not draw. */
export type DrawnDiagrams = Map<string, RenderedDiagram> & {
  /** Not in the cache and no renderer to draw them. */
  missing?: string[];
  /** Mermaid could not draw them. */
  failed?: Array<{ id: string; message: string }>;
  /** Drawn by the renderer in this call (the rest came from the cache). */
  drawn?: number;
};

/**
 * Draws diagrams: from the cache where it has them, the rest in one batch with the renderer (started only if
 * needed, once). The same source drawn twice is drawn once. Without a renderer, diagrams not in the cache are
 * left out and listed in `missing`.
 */
export async function renderDiagrams(
  sources: ReadonlyArray<{ readonly id: string; readonly source: string }>,
  config: Record<string, unknown>,
  renderer: (() => DiagramRenderer) | null,
  cache: DiagramCache | null,
  outputs: DiagramOutputs = ALL_OUTPUTS,
): Promise<DrawnDiagrams> {
  const out: DrawnDiagrams = new Map();
  const missing: string[] = [];
  const failed: Array<{ id: string; message: string }> = [];
  const toDraw = new Map<string, { source: string; ids: string[] }>();
  for (const { id, source } of sources) {
    const key = diagramKey(source, config);
    const hit = cache?.get(key, outputs) ?? null;
    if (hit) out.set(id, hit);
    else if (!renderer) missing.push(id);
    else {
      const entry = toDraw.get(key) ?? { source, ids: [] };
      entry.ids.push(id);
      toDraw.set(key, entry);
    }
  }
  if (toDraw.size > 0 && renderer) {
    const active = renderer();
    try {
      const entries = [...toDraw.entries()];
      const results = await active.drawAll(
        entries.map(([, { source }]) => ({ source, config })),
        outputs,
      );
      entries.forEach(([key, { ids }], i) => {
        const result = results[i];
        if (!result || 'error' in result) {
          // A diagram mermaid cannot draw shows its fallback content; the others are drawn all the same.
          for (const id of ids) failed.push({ id, message: result?.error ?? 'not drawn' });
          return;
        }
        cache?.put(key, result);
        for (const id of ids) out.set(id, result);
      });
      out.drawn = entries.length;
    } finally {
      await active.close();
    }
  }
  // In the order asked for, whatever came from where.
  const ordered: DrawnDiagrams = new Map(
    sources.flatMap(({ id }) => (out.has(id) ? [[id, out.get(id)]] : [])) as Array<[string, RenderedDiagram]>,
  );
  if (out.drawn !== undefined) ordered.drawn = out.drawn;
  if (missing.length > 0) ordered.missing = missing;
  if (failed.length > 0) ordered.failed = failed;
  return ordered;
}
