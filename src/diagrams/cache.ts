import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DiagramRenderer, RenderedDiagram } from './render.js';
import { diagramKey } from './render.js';

/** Rendered diagrams on disk by content hash, so unchanged diagrams never need a browser again. */
export interface DiagramCache {
  get(key: string): RenderedDiagram | null;
  put(key: string, diagram: RenderedDiagram): void;
}

/** A cache folder (created on first write). Files are written under temporary names and renamed into place. */
export function folderCache(dir: string): DiagramCache {
  const path = (key: string, ext: string) => join(dir, `${key}.${ext}`);
  return {
    get(key) {
      if (!existsSync(path(key, 'json'))) return null;
      const meta = JSON.parse(readFileSync(path(key, 'json'), 'utf8')) as { width: number; height: number };
      return {
        svg: readFileSync(path(key, 'svg'), 'utf8'),
        pdf: new Uint8Array(readFileSync(path(key, 'pdf'))),
        png: new Uint8Array(readFileSync(path(key, 'png'))),
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
      write('pdf', d.pdf);
      write('png', d.png);
      // The index file last: an entry counts only once all its files are there.
      write('json', JSON.stringify({ width: d.width, height: d.height }));
    },
  };
}

/**
 * Draws diagrams: from the cache where it has them, else with the renderer (started only if needed, once).
 * Without a renderer, diagrams not in the cache are left out and listed in `missing`.
 */
export async function renderDiagrams(
  sources: ReadonlyArray<{ readonly id: string; readonly source: string }>,
  config: Record<string, unknown>,
  renderer: (() => DiagramRenderer) | null,
  cache: DiagramCache | null,
): Promise<Map<string, RenderedDiagram> & { missing?: string[]; failed?: Array<{ id: string; message: string }> }> {
  const out: Map<string, RenderedDiagram> & { missing?: string[]; failed?: Array<{ id: string; message: string }> } =
    new Map();
  const missing: string[] = [];
  const failed: Array<{ id: string; message: string }> = [];
  let active: DiagramRenderer | undefined;
  try {
    for (const { id, source } of sources) {
      const key = diagramKey(source, config);
      let diagram = cache?.get(key) ?? null;
      if (!diagram && renderer) {
        active ??= renderer();
        try {
          diagram = await active.render(source, config);
          cache?.put(key, diagram);
        } catch (error) {
          // A diagram mermaid cannot draw shows its fallback content; the others still render.
          failed.push({ id, message: (error as Error).message.split('\n')[0] ?? String(error) });
          continue;
        }
      }
      if (diagram) out.set(id, diagram);
      else missing.push(id);
    }
  } finally {
    await active?.close();
  }
  if (missing.length > 0) out.missing = missing;
  if (failed.length > 0) out.failed = failed;
  return out;
}
