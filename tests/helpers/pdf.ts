import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** What a reader of the PDF finds: text per page, links, the outline and the document info. */
export interface ReadPdf {
  readonly pages: ReadonlyArray<{
    readonly text: string;
    readonly items: ReadonlyArray<{ str: string; x: number; y: number }>;
  }>;
  readonly links: ReadonlyArray<{
    readonly page: number;
    readonly url: string | null;
    readonly destPage: number | null;
  }>;
  readonly outline: ReadonlyArray<{ readonly title: string; readonly page: number; readonly depth: number }>;
  readonly info: Record<string, unknown>;
}

/** Reads a PDF with pdf.js, the way a viewer would. */
export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  const pages: Array<{ text: string; items: Array<{ str: string; x: number; y: number }> }> = [];
  const links: Array<{ page: number; url: string | null; destPage: number | null }> = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    const items = content.items.flatMap((it) =>
      'str' in it ? [{ str: it.str, x: it.transform[4] as number, y: it.transform[5] as number, eol: it.hasEOL }] : [],
    );
    pages.push({ text: items.map((it) => it.str + (it.eol ? '\n' : '')).join(''), items });
    for (const a of await page.getAnnotations()) {
      if (a.subtype !== 'Link') continue;
      let destPage: number | null = null;
      if (Array.isArray(a.dest)) destPage = (await doc.getPageIndex(a.dest[0])) + 1;
      links.push({ page: i, url: a.url ?? null, destPage });
    }
  }
  const outline: Array<{ title: string; page: number; depth: number }> = [];
  const walk = async (items: Awaited<ReturnType<typeof doc.getOutline>>, depth: number) => {
    for (const item of items ?? []) {
      const dest = Array.isArray(item.dest) ? item.dest : null;
      outline.push({ title: item.title, page: dest ? (await doc.getPageIndex(dest[0])) + 1 : 0, depth });
      await walk(item.items, depth + 1);
    }
  };
  await walk(await doc.getOutline(), 0);
  const meta = await doc.getMetadata();
  await doc.destroy();
  return { pages, links, outline, info: meta.info as Record<string, unknown> };
}
