/**
 * The ids that link footnote markers and reference list items both ways
 * (Cite's AnchorFormatter, see its docs/backlink-anchor-format.md):
 *
 *   cite_note-1, cite_note-Name-2     list item (marker → list)
 *   cite_ref-1, cite_ref-Name_2-0     marker (list → marker), -N counts reuses from 0
 *
 * The number is the reference's sequence number over the whole page, not
 * the one shown. These are raw ids: escaping for id="" and href="#…" is done
 * where they are written.
 */

/** Spaces and underscores are one in [[#…]] links, so they are made one in ids too. */
function normalizeFragmentIdentifier(id: string): string {
  return id.replace(/[_\s]+/gu, '_');
}

export function getBacklinkIdentifier(name: string | null, globalId: number, count: number): string {
  let id = name ? normalizeFragmentIdentifier(`${name}_${globalId}`) : String(globalId);
  if (name || count > 1) id += `-${count - 1}`;
  return `cite_ref-${id}`;
}

export function getNoteIdentifier(name: string | null, globalId: number): string {
  return `cite_note-${name ? `${normalizeFragmentIdentifier(name)}-${globalId}` : globalId}`;
}
