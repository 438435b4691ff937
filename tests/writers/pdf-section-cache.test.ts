import { describe, expect, it } from 'vitest';
import { assembleDocuments, buildDocuments, type DocTree, type MemoEntry, nodeEnv, writePdf } from '../../src/index.js';
import { BlockLayoutCache, SectionLayoutCache } from '../../src/writers/pdf/index.js';
import { UsageCache } from '../../src/usage-cache.js';
import { docOf } from '../helpers/doc.js';
import { fixtureData } from '../helpers/sessions.js';

const env = nodeEnv();

const partMarkup = (n: number) => `
<section size="A4">
  <h1 id="intro">Part ${n}</h1>
  <p>See <a href="#details">the details</a> and <a href="https://example.org">the site</a>.</p>
  ${Array.from({ length: 60 }, (_, i) => `<p>Paragraph ${i} of part ${n}, long enough to wrap over more than one line of the page.</p>`).join('\n')}
</section>
<section size="A4" orientation="landscape">
  <h2 id="details">Details</h2>
  <table><tr><th>Item</th><th>Value</th></tr><tr><td>One</td><td>${n}</td></tr></table>
</section>`;

const headMarkup = `<section size="A4"><h1 id="pack">Pack</h1><toc depth="2">Contents</toc></section>`;

async function bytes(doc: DocTree, sections?: SectionLayoutCache) {
  const pdf = await writePdf(doc, env, sections ? { sections } : {});
  return { pdf, data: Buffer.from(pdf.bytes) };
}

describe('section layout cache', () => {
  it('gives the same bytes when a section is reused as when it is laid out afresh', async () => {
    const doc = docOf(partMarkup(1));
    const fresh = await bytes(doc);
    const cache = new SectionLayoutCache();
    const first = await bytes(doc, cache);
    expect(cache.misses).toBe(2);
    const again = await bytes(docOf(partMarkup(1)), cache);
    expect(cache.hits).toBe(2);
    expect(first.data.equals(fresh.data)).toBe(true);
    expect(again.data.equals(fresh.data)).toBe(true);
  });

  it("lays out an assembled document's parts once, with their ids prefixed as the parts' were", async () => {
    const part = docOf(partMarkup(2));
    const pack = assembleDocuments(docOf(headMarkup), [{ name: 'one', doc: part }], null);
    const fresh = await bytes(pack);
    const cache = new SectionLayoutCache();
    await bytes(part, cache);
    const cached = await bytes(pack, cache);
    // The part's two sections come from its own document; the head (with its contents) is laid out.
    expect(cache.hits).toBe(2);
    expect(cached.data.equals(fresh.data)).toBe(true);
    expect([...cached.pdf.layout.anchors.keys()]).toEqual(['pack', 'one-intro', 'one-details']);
    const links = cached.pdf.layout.pages.flatMap((p) => p.boxes.filter((b) => b.kind === 'link'));
    expect(links.map((b) => (b.kind === 'link' ? (b.target ?? b.href) : null))).toContain('one-details');
    expect(links.map((b) => (b.kind === 'link' ? (b.target ?? b.href) : null))).toContain('https://example.org');
  });

  it("keeps a part's blocks that have nothing to prefix as the same objects, and copies the others", () => {
    const part = docOf(partMarkup(5));
    const pack = assembleDocuments(docOf(headMarkup), [{ name: 'one', doc: part }], null);
    const own = part.sections[0]?.blocks ?? [];
    const packed = pack.sections[1]?.blocks ?? [];
    expect(packed).toHaveLength(own.length);
    // The heading (an id) and the paragraph with links are copied; the plain paragraphs are the part's own.
    expect(packed[0]).not.toBe(own[0]);
    expect(packed[0]?.type === 'heading' && packed[0].id).toBe('one-intro');
    expect(packed[1]).not.toBe(own[1]);
    expect(packed.slice(2).every((b, i) => b === own[i + 2])).toBe(true);
    expect(pack.sections[2]?.blocks[1]).toBe(part.sections[1]?.blocks[1]);
    // The same part again (a watch rebuild that did not change it) gives the same sections; under another name,
    // its own.
    const again = assembleDocuments(docOf(headMarkup), [{ name: 'one', doc: part }], null);
    expect(again.sections.slice(1)).toEqual(pack.sections.slice(1));
    expect(again.sections[1]).toBe(pack.sections[1]);
    const renamed = assembleDocuments(docOf(headMarkup), [{ name: 'two', doc: part }], null);
    expect(renamed.sections[1]?.blocks[0]?.type === 'heading' && renamed.sections[1].blocks[0].id).toBe('two-intro');
  });

  it('lays out a changed section again, and only that one', async () => {
    const cache = new SectionLayoutCache();
    await bytes(docOf(partMarkup(3)), cache);
    const changed = docOf(partMarkup(3).replace('<td>3</td>', '<td>three hundred</td>'));
    const fresh = await bytes(changed);
    const cached = await bytes(changed, cache);
    expect({ hits: cache.hits, misses: cache.misses }).toEqual({ hits: 1, misses: 3 });
    expect(cached.data.equals(fresh.data)).toBe(true);
  });

  it('reports characters no font has from a reused section too', async () => {
    const doc = docOf('<section><p>Hieroglyph \u{13000} here</p></section>');
    const cache = new SectionLayoutCache();
    await bytes(doc, cache);
    const again = await bytes(doc, cache);
    expect(cache.hits).toBe(1);
    expect(again.pdf.diagnostics.map((d) => d.code)).toContain('pdf/missing-glyphs');
  });

  it('knows sections by identity when asked to (one build), by content otherwise', async () => {
    const doc = docOf(partMarkup(6));
    const cache = new SectionLayoutCache(false);
    await bytes(doc, cache);
    await bytes(docOf(partMarkup(6)), cache);
    expect(cache.hits).toBe(0);
    const again = await bytes(doc, cache);
    expect(cache.hits).toBe(2);
    expect(again.data.equals((await bytes(doc)).data)).toBe(true);
  });

  it('reuses compressed page contents that read the same, with the same bytes', async () => {
    const doc = docOf(partMarkup(7));
    const streams = new UsageCache<Uint8Array>();
    const first = await writePdf(doc, env, { streams });
    const again = await writePdf(docOf(partMarkup(7)), env, { streams });
    expect(streams.hits).toBe(again.layout.pages.length);
    expect(Buffer.from(again.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    expect(Buffer.from(first.bytes).equals((await bytes(doc)).data)).toBe(true);
  });

  it('keeps, after a prune, only what was used since the one before', async () => {
    const cache = new SectionLayoutCache();
    await bytes(docOf(partMarkup(4)), cache);
    cache.prune();
    await bytes(docOf(partMarkup(5)), cache);
    cache.prune();
    expect(cache.size).toBe(2);
    await bytes(docOf(partMarkup(5)), cache);
    expect(cache.hits).toBe(2);
  });
});

describe('block layout cache', () => {
  it("lays out only a changed section's changed block again, with the same bytes as afresh", async () => {
    const sections = new SectionLayoutCache();
    const blocks = new BlockLayoutCache();
    await writePdf(docOf(partMarkup(8)), env, { sections, blocks });
    const before = blocks.misses;
    const changed = docOf(partMarkup(8).replace('Paragraph 30 of part 8', 'Paragraph thirty of part 8'));
    const cached = await writePdf(changed, env, { sections, blocks });
    // The first section changed: its one changed paragraph is laid out, its other blocks are taken as they were.
    expect(blocks.misses - before).toBe(1);
    expect(blocks.hits).toBeGreaterThanOrEqual(61);
    expect(Buffer.from(cached.bytes).equals(Buffer.from((await writePdf(changed, env)).bytes))).toBe(true);
  });

  it("lays out a one-page section's changed column alone, at every scale tried, and still notes missing glyphs", async () => {
    const poster = (figure: string) =>
      docOf(`<section size="A4" orientation="landscape" fit="page" min-size="6pt"><columns>
        ${[1, 2, 3]
          .map(
            (n) =>
              `<column><h2>Priority ${n}${n === 1 ? ' \u{13000}' : ''}</h2>${Array.from({ length: 12 }, (_, i) => `<p>Key number ${n}.${i}: ${n === 2 && i === 0 ? figure : `${i * 7} %`} and a line long enough to wrap twice in a column of its own.</p>`).join('')}</column>`,
          )
          .join('')}</columns><p>Footnote</p></section>`);
    const sections = new SectionLayoutCache();
    const blocks = new BlockLayoutCache();
    const first = await writePdf(poster('41 %'), env, { sections, blocks });
    expect(first.layout.sections[0]?.scale).toBeLessThan(1);
    const columns = (key: string) => key.startsWith('column\0');
    const keptBefore = [...blocks.keys()].filter(columns).length;
    const changed = poster('42 %');
    const cached = await writePdf(changed, env, { sections, blocks });
    const fresh = await writePdf(changed, env);
    expect(Buffer.from(cached.bytes).equals(Buffer.from(fresh.bytes))).toBe(true);
    // Each scale tried laid the changed column out again, and took the other two as they were.
    const added = [...blocks.keys()].filter(columns).length - keptBefore;
    expect(added).toBeGreaterThan(0);
    expect(added).toBeLessThanOrEqual(keptBefore / 3 + 2);
    // The glyph no font has is in a column taken from the cache: still reported.
    expect(cached.diagnostics.find((d) => d.code === 'pdf/missing-glyphs')?.message).toContain('\u{13000}');
  });
});

describe('watch rebuilds', () => {
  it('give the same documents as a fresh build, edit after edit, with a bounded memo', async () => {
    const session = fixtureData('corporate-planning.en.yaml');
    const memo = new Map<string, MemoEntry>();
    const options = {
      artifacts: ['decisions', 'control', 'pack'] as const,
      formats: ['pdf', 'docx'] as const,
      diagrams: 'off' as const,
    };
    const first = await buildDocuments(session, env, { ...options, memo });
    expect(first.ok).toBe(true);
    const files = first.ok ? first.value.outputs.length : 0;
    const edits: Array<(s: Record<string, unknown>) => void> = [
      (s) => {
        (s.session as { title: string }).title = 'Planning, revised';
      },
      (s) => {
        const decisions = s.decisions as Array<{ title: string }>;
        (decisions[0] as { title: string }).title = 'A decision retitled at some length';
      },
      // A control point's target, twice (the edit a watch's benchmark makes): its markup is parsed again only
      // where it changed.
      (s) => {
        const point = (s.controlPoints as Array<{ target?: number }>).find((c) => typeof c.target === 'number');
        (point as { target: number }).target += 1;
      },
      (s) => {
        const point = (s.controlPoints as Array<{ target?: number }>).find((c) => typeof c.target === 'number');
        (point as { target: number }).target += 1000;
      },
    ];
    const edited = structuredClone(session);
    for (const edit of edits) {
      edit(edited);
      const fresh = await buildDocuments(edited, env, options);
      const reused: boolean[] = [];
      const rebuilt = await buildDocuments(edited, env, {
        ...options,
        memo,
        onProgress: (e) => reused.push(e.reused),
      });
      if (!fresh.ok || !rebuilt.ok) throw new Error('build failed');
      expect(rebuilt.value.outputs.map((o) => o.fileName)).toEqual(fresh.value.outputs.map((o) => o.fileName));
      rebuilt.value.outputs.forEach((o, i) => {
        expect(Buffer.from(o.data).equals(Buffer.from(fresh.value.outputs[i]?.data ?? [])), o.fileName).toBe(true);
      });
      expect(memo.size).toBeLessThanOrEqual(files);
    }
  }, 240_000);
});
