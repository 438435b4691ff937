import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import type { Browser, Page } from 'puppeteer-core';

/** A diagram drawn three ways: SVG (HTML, DOCX), vector PDF (the PDF writer) and PNG (DOCX fallback). */
export interface RenderedDiagram {
  readonly svg: string;
  readonly pdf: Uint8Array;
  readonly png: Uint8Array;
  /** Size of the drawing in CSS pixels. */
  readonly width: number;
  readonly height: number;
}

/** Renders mermaid sources; one browser and one page for all of them. */
export interface DiagramRenderer {
  render(source: string, config: Record<string, unknown>): Promise<RenderedDiagram>;
  close(): Promise<void>;
  /** How many times a browser was started (0 until the first render). */
  readonly launches: number;
}

/** The version of the drawing stack, part of every cache key: a new mermaid draws differently. */
export function rendererVersion(): string {
  const require = createRequire(import.meta.url);
  const mermaid = (require('mermaid/package.json') as { version: string }).version;
  return `stratdoc-diagrams-1/mermaid-${mermaid}`;
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
  let fontStyle = '';
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
    print = await browser.newPage();
    const require = createRequire(import.meta.url);
    const script = readFileSync(require.resolve('mermaid/dist/mermaid.min.js'), 'utf8');
    const face = (weight: number, data: Uint8Array) =>
      `@font-face{font-family:"${options.font?.family}";font-weight:${weight};src:url(data:font/ttf;base64,${Buffer.from(data).toString('base64')}) format("truetype")}`;
    const fontCss = options.font
      ? `<style>${face(400, options.font.regular)}${options.font.bold ? face(700, options.font.bold) : ''}</style>`
      : '';
    fontStyle = fontCss;
    await page.setContent(
      `<!DOCTYPE html><html><head><meta charset="utf-8">${fontCss}</head><body><div id="stage"></div></body></html>`,
    );
    // Fonts load when first used: load them before the first measurement, or the first diagram is measured
    // with fallback metrics and comes out a different size from the next.
    if (options.font) {
      await page.evaluate(async (family) => {
        const fonts = (globalThis as unknown as { document: { fonts: { load(spec: string): Promise<unknown> } } })
          .document.fonts;
        await Promise.all([fonts.load(`400 14px "${family}"`), fonts.load(`700 14px "${family}"`)]);
      }, options.font.family);
    }
    await page.addScriptTag({ content: script });
    return { page, print };
  };
  return {
    get launches() {
      return launches;
    },
    async render(source, config) {
      const { page: p, print: out } = await start();
      const key = JSON.stringify(config);
      if (key !== configured) {
        await p.evaluate((c) => {
          const m = (globalThis as unknown as { mermaid: { initialize(c: unknown): void } }).mermaid;
          m.initialize({ startOnLoad: false, ...(c as object) });
        }, config);
        configured = key;
      }
      const svg = await p.evaluate(async (text) => {
        const m = (globalThis as unknown as { mermaid: { render(id: string, text: string): Promise<{ svg: string }> } })
          .mermaid;
        const { svg } = await m.render('stratdoc-diagram', text);
        return svg;
      }, source);
      // The drawing's size from its viewBox, so the PDF page and the PNG are exactly the diagram.
      const box = /viewBox="([-\d.]+)\s+([-\d.]+)\s+([\d.]+)\s+([\d.]+)"/.exec(svg);
      const width = Math.ceil(Number(box?.[3] ?? 800));
      const height = Math.ceil(Number(box?.[4] ?? 600));
      const sized = svg
        .replace(/<svg\b([^>]*?)style="[^"]*"/, '<svg$1')
        .replace('<svg', `<svg width="${width}" height="${height}"`);
      await out.setViewport({ width, height, deviceScaleFactor: 2 });
      await out.setContent(
        `<!DOCTYPE html><html><head><meta charset="utf-8">${fontStyle}<style>html,body{margin:0;padding:0;background:#fff}svg{display:block}</style></head><body>${sized}</body></html>`,
      );
      await out.evaluate(
        () => (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready,
      );
      const pdf = await out.pdf({ width: `${width}px`, height: `${height}px`, printBackground: true, pageRanges: '1' });
      const png = await out.screenshot({ type: 'png', clip: { x: 0, y: 0, width, height } });
      return { svg: sized, pdf: new Uint8Array(pdf), png: new Uint8Array(png), width, height };
    },
    async close() {
      await browser?.close();
      browser = undefined;
      page = undefined;
      print = undefined;
    },
  };
}

/** The cache key of a diagram: its mermaid source, the configuration and the renderer version. */
export function diagramKey(source: string, config: Record<string, unknown>): string {
  return createHash('sha256')
    .update(`${rendererVersion()}\n${JSON.stringify(config)}\n${source}`)
    .digest('hex')
    .slice(0, 32);
}
