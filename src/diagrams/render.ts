import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import type { Browser, CDPSession, Page } from 'puppeteer-core';
import { DOCX_DIAGRAM_MAX_HEIGHT, type Drawing, PNG_FALLBACK_DPI } from '../doctree/index.js';
import { readDisplayList } from './display-list.js';

/**
 * A diagram as drawn: SVG always (HTML, DOCX), and as asked for its display list (the PDF writer draws it with
 * the document's fonts) and a PNG (the DOCX fallback for applications that do not draw SVG).
 */
export interface RenderedDiagram {
  readonly svg: string;
  readonly drawing?: Drawing;
  readonly png?: Uint8Array;
  /** Size of the drawing in CSS pixels. */
  readonly width: number;
  readonly height: number;
}

/** Which forms besides the SVG to make: a build writing only HTML needs neither. */
export interface DiagramOutputs {
  /** The display list, for PDF. */
  readonly drawing: boolean;
  /** The PNG fallback, for DOCX. */
  readonly png: boolean;
}

/** Every form: SVG, display list and PNG. */
export const ALL_OUTPUTS: DiagramOutputs = { drawing: true, png: true };

/** One diagram to draw: mermaid source and the configuration to draw it with. */
export interface DiagramJob {
  readonly source: string;
  readonly config: Record<string, unknown>;
}

/** Renders mermaid sources; one browser and one page for all of them. */
export interface DiagramRenderer {
  /**
   * Draws every job in one go, each into what `outputs` asks for. A diagram mermaid cannot draw gives
   * `{ error }` in its place; the others are drawn all the same.
   */
  drawAll(
    jobs: readonly DiagramJob[],
    outputs: DiagramOutputs,
  ): Promise<Array<RenderedDiagram | { readonly error: string }>>;
  /** Draws one diagram in all three forms; throws when mermaid cannot draw it. */
  render(source: string, config: Record<string, unknown>): Promise<Required<RenderedDiagram>>;
  close(): Promise<void>;
  /** How many times a browser was started (0 until the first render). */
  readonly launches: number;
}

/** The version of the drawing stack, part of every cache key: a new mermaid draws differently. */
export function rendererVersion(): string {
  const require = createRequire(import.meta.url);
  const mermaid = (require('mermaid/package.json') as { version: string }).version;
  return `stratdoc-diagrams-3/mermaid-${mermaid}`;
}

/** The Chromium to use: PUPPETEER_EXECUTABLE_PATH, then the usual system names; null when there is none. */
export function findBrowser(env: Readonly<Record<string, string | undefined>> = process.env): string | null {
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const path of [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ]) {
    if (existsSync(path)) return path;
  }
  const found = spawnSync(
    'sh',
    ['-c', 'command -v chromium || command -v chromium-browser || command -v google-chrome'],
    { encoding: 'utf8' },
  );
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : null;
}

/**
 * A renderer on headless Chromium: the browser starts on the first render (never when every diagram comes
 * from the cache), mermaid is loaded once into one page, and every diagram is drawn on it with strict
 * security, SVG text labels and deterministic ids.
 */
export function createChromiumRenderer(options: {
  executablePath: string;
  /** The document's font, so diagrams are set in it whatever the machine has installed. */
  font?: { family: string; regular: Uint8Array; bold?: Uint8Array };
}): DiagramRenderer {
  let browser: Browser | undefined;
  let page: Page | undefined;
  let print: Page | undefined;
  let launches = 0;
  let configured = '';
  const start = async () => {
    if (browser && page && print) return { page, print };
    const { launch } = await import('puppeteer-core');
    launches++;
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    browser = await launch({
      executablePath: options.executablePath,
      headless: true,
      args: [
        ...(isRoot ? ['--no-sandbox'] : []),
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--font-render-hinting=none',
      ],
    });
    page = await browser.newPage();
    // The print page in a context of its own, so in a renderer process of its own: mermaid lays out the next
    // diagram while the last one prints, on the other core.
    print = await (await browser.createBrowserContext()).newPage();
    const require = createRequire(import.meta.url);
    const script = readFileSync(require.resolve('mermaid/dist/mermaid.min.js'), 'utf8');
    const face = (weight: number, data: Uint8Array) =>
      `@font-face{font-family:"${options.font?.family}";font-weight:${weight};src:url(data:font/ttf;base64,${Buffer.from(data).toString('base64')}) format("truetype")}`;
    const fontCss = options.font
      ? `<style>${face(400, options.font.regular)}${options.font.bold ? face(700, options.font.bold) : ''}</style>`
      : '';
    const html = (body: string, style = '') =>
      `<!DOCTYPE html><html><head><meta charset="utf-8">${fontCss}${style}</head><body>${body}</body></html>`;
    await page.setContent(html('<div id="stage"></div>'));
    await print.setContent(html('', '<style>html,body{margin:0;padding:0;background:#fff}svg{display:block}</style>'));
    // Fonts load when first used: load them before the first measurement, or the first diagram is measured
    // with fallback metrics and comes out a different size from the next.
    if (options.font) {
      for (const p of [page, print]) {
        await p.evaluate(async (family) => {
          const fonts = (globalThis as unknown as { document: { fonts: { load(spec: string): Promise<unknown> } } })
            .document.fonts;
          await Promise.all([fonts.load(`400 14px "${family}"`), fonts.load(`700 14px "${family}"`)]);
        }, options.font.family);
      }
    }
    await page.addScriptTag({ content: script });
    return { page, print };
  };
  const configure = async (p: Page, config: Record<string, unknown>) => {
    const key = JSON.stringify(config);
    if (key === configured) return;
    await p.evaluate((c) => {
      const m = (globalThis as unknown as { mermaid: { initialize(c: unknown): void } }).mermaid;
      m.initialize({ startOnLoad: false, ...(c as object) });
    }, config);
    configured = key;
  };
  const drawSvg = async (p: Page, job: DiagramJob): Promise<{ svg: string; width: number; height: number }> => {
    await configure(p, job.config);
    const svg = await p.evaluate(async (text) => {
      const g = globalThis as unknown as {
        mermaid: { render(id: string, text: string): Promise<{ svg: string }> };
        document: { querySelectorAll(q: string): ArrayLike<{ remove(): void }> };
      };
      try {
        return (await g.mermaid.render('stratdoc-diagram', text)).svg;
      } finally {
        // A failed render can leave its scratch element behind; the next diagram starts clean.
        for (const e of Array.from(g.document.querySelectorAll('[id^="dstratdoc-diagram"]'))) e.remove();
      }
    }, job.source);
    // The drawing's size from its viewBox, so the PDF page and the PNG are exactly the diagram.
    const box = /viewBox="([-\d.]+)\s+([-\d.]+)\s+([\d.]+)\s+([\d.]+)"/.exec(svg);
    const width = Math.ceil(Number(box?.[3] ?? 800));
    const height = Math.ceil(Number(box?.[4] ?? 600));
    const sized = svg.replace(/<svg\b[^>]*>/, (tag) =>
      tag.replace(/\s(?:width|height|style)="[^"]*"/g, '').replace('<svg', `<svg width="${width}" height="${height}"`),
    );
    return { svg: sized, width, height };
  };
  const displayList = (p: Page, svg: string) =>
    p.evaluate(`(${readDisplayList.toString()})(${JSON.stringify(svg)})`) as Promise<Drawing>;
  // The PNG page keeps its fonts loaded; each diagram replaces the previous one in its body.
  const screenshot = async (out: Page, drawn: { svg: string; width: number; height: number }): Promise<Uint8Array> => {
    const { svg, width, height } = drawn;
    await out.evaluate((markup) => {
      (globalThis as unknown as { document: { body: { innerHTML: string } } }).document.body.innerHTML = markup;
    }, svg);
    await out.evaluate(
      () => (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready,
    );
    const scale = pngScale(width, height);
    await out.setViewport({ width, height, deviceScaleFactor: 1 });
    const cdp = await protocol(out);
    const shot = (await cdp.send('Page.captureScreenshot', {
      format: 'png',
      clip: { x: 0, y: 0, width, height, scale },
      captureBeyondViewport: false,
      optimizeForSpeed: true,
    })) as { data: string };
    return new Uint8Array(Buffer.from(shot.data, 'base64'));
  };
  let session: CDPSession | undefined;
  const protocol = async (p: Page) => {
    session ??= await p.createCDPSession();
    return session;
  };
  const drawAll: DiagramRenderer['drawAll'] = async (jobs, outputs) => {
    const results: Array<RenderedDiagram | { error: string }> = [];
    if (jobs.length === 0) return results;
    const { page: p, print: out } = await start();
    // While one diagram's PNG is taken, the next is laid out by mermaid on the other page.
    let printing: Promise<void> = Promise.resolve();
    for (const job of jobs) {
      const index = results.length;
      results.push({ error: 'not drawn' });
      let drawn: RenderedDiagram;
      try {
        const svg = await drawSvg(p, job);
        drawn = outputs.drawing ? { ...svg, drawing: await displayList(p, svg.svg) } : svg;
      } catch (error) {
        results[index] = { error: (error as Error).message.split('\n')[0] ?? String(error) };
        continue;
      }
      results[index] = drawn;
      if (!outputs.png) continue;
      await printing;
      printing = screenshot(out, drawn).then(
        (png) => {
          results[index] = { ...drawn, png };
        },
        (error: Error) => {
          results[index] = { error: error.message.split('\n')[0] ?? String(error) };
        },
      );
    }
    await printing;
    return results;
  };
  return {
    get launches() {
      return launches;
    },
    drawAll,
    async render(source, config) {
      const [result] = await drawAll([{ source, config }], ALL_OUTPUTS);
      if (!result || 'error' in result) throw new Error(result?.error ?? 'not drawn');
      return result as Required<RenderedDiagram>;
    },
    async close() {
      await browser?.close();
      browser = undefined;
      page = undefined;
      print = undefined;
      session = undefined;
      configured = '';
    },
  };
}

/** The widest PNG fallback drawn, in pixels: about the text width of an A3 landscape page at 150 dpi. */
const PNG_MAX_WIDTH = 2400;

/**
 * The scale of a diagram's PNG fallback, `width` × `height` CSS pixels: `PNG_FALLBACK_DPI` at the largest size a
 * DOCX page shows it — its own size (a CSS pixel is 0.75 pt), at most `DOCX_DIAGRAM_MAX_HEIGHT` tall — so it is
 * sharp there without megabytes of pixels nobody sees; at most `PNG_MAX_WIDTH` pixels wide.
 */
export function pngScale(width: number, height: number): number {
  const perPoint = PNG_FALLBACK_DPI / 72;
  return Math.min(0.75 * perPoint, (DOCX_DIAGRAM_MAX_HEIGHT * perPoint) / height, PNG_MAX_WIDTH / width);
}

/** The cache key of a diagram: its mermaid source, the configuration and the renderer version. */
export function diagramKey(source: string, config: Record<string, unknown>): string {
  return createHash('sha256')
    .update(`${rendererVersion()}\n${JSON.stringify(config)}\n${source}`)
    .digest('hex')
    .slice(0, 32);
}
