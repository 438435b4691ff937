import type { Atom, Placed } from './types.js';

/**
 * Where the chain of atoms that must move with the next one starts on `page`. Space between blocks is part of
 * the chain when the atom before it keeps with the next, so chains link: a heading that keeps with the
 * heading after it, which keeps with a table's first row, moves with both.
 */
function chainStart(page: readonly Placed[]): number {
  let k = page.length;
  while (k > 0) {
    const previous = page[k - 1]?.atom as Atom;
    if (previous.keepWithNext) {
      k--;
      continue;
    }
    if (!previous.discardable) break;
    // Space that does not keep by itself: it joins the chain only if what stands before it keeps.
    let j = k - 1;
    while (j > 0 && page[j - 1]?.atom.discardable && !page[j - 1]?.atom.keepWithNext) j--;
    if (j > 0 && page[j - 1]?.atom.keepWithNext) k = j;
    else break;
  }
  return k;
}

/**
 * Distributes atoms over pages of content height `height`. Keeps chains of `keepWithNext` atoms together
 * (moving them to the next page unless the chain already starts a page), drops discardable space at the top
 * of a page, starts a page at `breakBefore`, and repeats table header rows on pages that start inside a table.
 */
export function paginate(atoms: readonly Atom[], height: number): Placed[][] {
  const pages: Placed[][] = [];
  let page: Placed[] = [];
  let y = 0;
  const place = (atom: Atom) => {
    if (atom.discardable && page.length === 0) return;
    page.push({ atom, y });
    y += atom.height;
  };
  const newPage = () => {
    // Space at the bottom of a page serves nothing.
    while (page.length > 0 && page[page.length - 1]?.atom.discardable) page.pop();
    if (page.length > 0) pages.push(page);
    page = [];
    y = 0;
  };
  const startWith = (first: Atom | undefined) => {
    const header = first?.repeatHeader;
    if (header && header.length > 0 && !header.includes(first as Atom)) for (const h of header) place(h);
  };

  for (const atom of atoms) {
    if (atom.breakBefore) {
      if (page.length > 0) newPage();
      continue;
    }
    if (atom.discardable && page.length === 0) continue;
    if (y + atom.height > height + 0.01 && page.length > 0 && !atom.discardable) {
      // The chain of atoms that must stay with this one moves along, unless it fills the page from the top.
      let k = chainStart(page);
      while (k < page.length && page[k]?.atom.discardable) k++;
      // A chain that would not fit a page of its own breaks where it must.
      const chain = page.slice(k).reduce((h, p) => h + p.atom.height, 0);
      const header = (page[k]?.atom ?? atom).repeatHeader?.reduce((h, a) => h + a.height, 0) ?? 0;
      if (chain + header + atom.height > height) k = page.length;
      const moved = k > 0 ? page.splice(k).map((p) => p.atom) : [];
      newPage();
      startWith(moved[0] ?? atom);
      for (const m of moved) place(m);
    } else if (atom.discardable && y + atom.height > height) {
      continue;
    }
    place(atom);
  }
  newPage();
  return pages;
}
