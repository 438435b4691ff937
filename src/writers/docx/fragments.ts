import { XmlComponent } from 'docx';
import { esc } from './xml.js';

const IMAGE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
const HYPERLINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';
const MARK = /<stratdoc:fragment n="(\d+)"\/>(<w:p><w:pPr>(<w:sectPr>[\s\S]*?<\/w:sectPr>)<\/w:pPr><\/w:p>)?/g;
/** Where the section properties go in a fragment that ends a section: the last paragraph's properties. */
export const SECTION_MARK = '<stratdoc:sect/>';

/** A fragment's place in a part, as the `docx` package writes it: `<stratdoc:fragment n="…"/>`. */
class Placeholder extends XmlComponent {
  constructor(private readonly n: number) {
    super('stratdoc:fragment');
  }

  override prepForXml() {
    return { 'stratdoc:fragment': { _attr: { n: this.n } } };
  }
}

/**
 * The body XML of one document, written as strings, and what it refers to: pictures, links, list numbering and
 * ids unique in the document. The `docx` package writes the package around it (sections, headers and footers,
 * styles, fonts, the table of contents) with a placeholder where each fragment goes; `complete` puts the
 * fragments in, with the relationships and media files they use and the numbering instances of their lists.
 */
export class Fragments {
  private readonly fragments: Array<{ xml: readonly XmlPiece[]; rels: readonly string[] }> = [];
  private used = new Set<string>();
  private readonly rels = new Map<string, { type: string; target: string; external: boolean }>();
  private readonly media = new Map<Uint8Array | string, { id: string; name: string; data: Uint8Array }>();
  private readonly links = new Map<string, string>();
  private readonly numIds = new Map<string, number>();
  private drawings = 0;
  /**
   * Calls that gave out something unique in the document (an id, a relationship, a numbering instance): XML
   * written with none of them reads the same wherever it stands, and can be reused.
   */
  effects = 0;

  /**
   * The relationship id of a picture. `source` identifies it (the bytes of a drawn diagram's PNG, its SVG text, an
   * image's data URI): the same picture used again shares its file, without hashing megabytes of images.
   */
  picture(source: Uint8Array | string, ext: 'png' | 'jpeg' | 'svg', bytes: () => Uint8Array): string {
    this.effects++;
    let entry = this.media.get(source);
    if (!entry) {
      const n = this.media.size + 1;
      entry = { id: `rIdM${n}`, name: `image${n}.${ext}`, data: bytes() };
      this.media.set(source, entry);
      this.rels.set(entry.id, { type: IMAGE, target: `media/${entry.name}`, external: false });
    }
    this.used.add(entry.id);
    return entry.id;
  }

  /** The relationship id of an external link. */
  link(url: string): string {
    this.effects++;
    let id = this.links.get(url);
    if (!id) {
      id = `rIdL${this.links.size + 1}`;
      this.links.set(url, id);
      this.rels.set(id, { type: HYPERLINK, target: url, external: true });
    }
    this.used.add(id);
    return id;
  }

  /** Uses of the bullet list's numbering instance (always 2, so XML with bullets reads the same anywhere). */
  bulletUses = 0;

  /**
   * The numbering instance of a list definition: 2 for bullets (1 is the package's), the numbered lists' from 3 in
   * the order they are first used.
   */
  numId(reference: string): number {
    if (reference === 'bullets') {
      this.bulletUses++;
      return 2;
    }
    this.effects++;
    let id = this.numIds.get(reference);
    if (id === undefined) {
      id = this.numIds.size + 3;
      this.numIds.set(reference, id);
    }
    return id;
  }

  /** A drawing id, unique in the document. */
  drawingId(): number {
    this.effects++;
    return ++this.drawings;
  }

  /**
   * A placeholder for `xml` (a string, or strings in a row: the paragraphs and tables of a section, kept apart so
   * that the part is compressed piece by piece), which takes along the relationships used since the last fragment.
   */
  fragment(xml: string | readonly XmlPiece[]): XmlComponent {
    this.fragments.push({ xml: typeof xml === 'string' ? [xml] : xml, rels: [...this.used] });
    this.used = new Set();
    return new Placeholder(this.fragments.length - 1);
  }

  /**
   * Puts the fragments into the parts' text (document, headers, footers): a non-last section's properties, which
   * the `docx` package writes into an empty paragraph after the fragment, go into the fragment's last paragraph
   * instead, as they would with paragraphs of the package's own. Adds the relationships, the media files and the
   * numbering instances (`numbering`: the definitions' references in the order given to the package).
   */
  complete(
    texts: Map<string, string | readonly XmlPiece[]>,
    files: Map<string, Uint8Array>,
    numbering: readonly NumberingDefinition[],
  ) {
    for (const [name, text] of texts) {
      if (typeof text !== 'string' || !text.includes('<stratdoc:fragment ')) continue;
      const rels = new Set<string>();
      // The part as pieces: the package's XML between the placeholders, and each fragment's pieces.
      const pieces: XmlPiece[] = [];
      let from = 0;
      for (const m of text.matchAll(MARK)) {
        pieces.push(text.slice(from, m.index));
        from = m.index + m[0].length;
        const [, n, sectionParagraph, sectPr] = m;
        const fragment = this.fragments[Number(n)];
        if (!fragment) continue;
        for (const id of fragment.rels) rels.add(id);
        const end = fragment.xml[fragment.xml.length - 1] ?? '';
        const last = typeof end === 'string' ? end : end.xml;
        pieces.push(...fragment.xml.slice(0, -1));
        const at = last.lastIndexOf(SECTION_MARK);
        if (at < 0) {
          pieces.push(end, sectionParagraph ?? '');
          continue;
        }
        const head = last.slice(0, at);
        const tail = last.slice(at + SECTION_MARK.length);
        if (sectPr) pieces.push(head + sectPr + tail);
        // A paragraph whose only property the mark was has no properties without the section's.
        else if (!head.endsWith('<w:pPr>') || !tail.startsWith('</w:pPr>')) pieces.push(head + tail);
        else {
          const bare = head.slice(0, -'<w:pPr>'.length);
          const rest = tail.slice('</w:pPr>'.length);
          pieces.push(
            bare.endsWith('<w:p>') && rest.startsWith('</w:p>')
              ? `${bare.slice(0, -'<w:p>'.length)}<w:p/>${rest.slice('</w:p>'.length)}`
              : bare + rest,
          );
        }
      }
      pieces.push(text.slice(from));
      texts.set(name, pieces);
      if (rels.size === 0) continue;
      const slash = name.lastIndexOf('/');
      const relsName = `${name.slice(0, slash)}/_rels/${name.slice(slash + 1)}.rels`;
      const entries = [...rels]
        .map((id) => {
          const r = this.rels.get(id);
          if (!r) return '';
          return `<Relationship Id="${id}" Type="${r.type}" Target="${esc(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`;
        })
        .join('');
      const existing = texts.get(relsName) as string | undefined;
      texts.set(
        relsName,
        existing?.includes('</Relationships>')
          ? existing.replace('</Relationships>', `${entries}</Relationships>`)
          : `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${entries}</Relationships>`,
      );
    }
    this.fragments.length = 0;
    for (const { name, data } of this.media.values()) files.set(`word/media/${name}`, data);
    const numberingXml = texts.get('word/numbering.xml') as string | undefined;
    if (numberingXml && (this.numIds.size > 0 || this.bulletUses > 0)) {
      const instances: Array<[string, number]> = [...(this.bulletUses > 0 ? [['bullets', 2] as [string, number]] : [])];
      const nums = [...instances, ...this.numIds].map(([reference, numId]) => {
        const index = numbering.findIndex((d) => d.reference === reference);
        const definition = numbering[index];
        const overrides = (definition?.starts ?? [1])
          .map((start, level) => `<w:lvlOverride w:ilvl="${level}"><w:startOverride w:val="${start}"/></w:lvlOverride>`)
          .join('');
        // The package numbers its own bullet definition 1 and the definitions given to it from 2 on.
        return `<w:num w:numId="${numId}"><w:abstractNumId w:val="${index + 2}"/>${overrides}</w:num>`;
      });
      texts.set('word/numbering.xml', numberingXml.replace('</w:numbering>', `${nums.join('')}</w:numbering>`));
    }
  }
}

/**
 * A piece of a part's XML: text, or XML kept between builds with its UTF-8 bytes, encoded once (a block a watch
 * rebuild did not change).
 */
export type XmlPiece = string | { readonly xml: string; readonly bytes: Uint8Array };

/** A list definition given to the `docx` package: its reference and the start of each level. */
export interface NumberingDefinition {
  readonly reference: string;
  readonly starts: readonly number[];
}
