/**
 * Three-way text merge for edit conflicts and undo, as MediaWiki's
 * `TextContentHandler::merge3()` does it with `wfMerge()` (GNU diff3).
 *
 * wfMerge() writes each text as `rtrim( $text ) . "\n"` to a file and runs
 * `diff3 -a --overlap-only mine old yours`: any output means a conflict.
 * We do the same line-based merge with node-diff3:
 *
 *  - texts are rtrim()med first, so "a\nb" and "a\nb\n" are the same text
 *    and trailing whitespace never causes a conflict;
 *  - changes from both sides that do not touch merge automatically;
 *  - changes that overlap — or are merely adjacent: GNU diff3 joins blocks
 *    whose ranges touch (`D_LOWLINE <= high_water_mark + 1`), and
 *    node-diff3 does the same (`nextHunkStart <= regionEnd`) — are a
 *    conflict, unless both sides made the identical change (a "false
 *    conflict", which diff3 files under the unchanged side).
 */

// node-diff3 only declares its types through package.json "exports", which
// this project's "node" module resolution does not read, so the little we
// use is typed here and the CommonJS build is loaded with require().
interface Diff3Region {
  ok?: string[];
  conflict?: { a: string[]; o: string[]; b: string[] };
}
interface NodeDiff3 {
  diff3Merge(
    a: string[],
    o: string[],
    b: string[],
    options?: { excludeFalseConflicts?: boolean },
  ): Diff3Region[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const { diff3Merge } = require('node-diff3') as NodeDiff3;

export type MergeResult = { ok: true; text: string } | { ok: false };
export type UndoResult = { ok: true; text: string } | { ok: false };

/** PHP rtrim()'s default character set, as wfMerge() applies it. */
function phpRtrim(s: string): string {
  // A loop rather than /[…]+$/, which backtracks quadratically on long blank runs.
  let end = s.length;
  while (end > 0 && ' \t\n\r\0\v'.includes(s[end - 1])) end--;
  return s.slice(0, end);
}

/**
 * The lines diff3 sees for `rtrim( $text ) . "\n"`: the final line break
 * ends the last line rather than starting an empty one. An empty text is one
 * empty line, as in MediaWiki.
 */
function toLines(text: string): string[] {
  return phpRtrim(text.replace(/\r\n/g, '\n')).split('\n');
}

/**
 * Merges the changes base→mine and base→theirs. The result has no trailing
 * line break (diff3's final "\n" is the one wfMerge() added; MediaWiki's
 * pre-save transform removes it again before saving).
 */
export function threeWayMerge(base: string, mine: string, theirs: string): MergeResult {
  const o = toLines(base);
  const a = toLines(mine);
  const b = toLines(theirs);
  const same = (x: string[], y: string[]): boolean => x.length === y.length && x.every((line, k) => line === y[k]);

  // Shortcuts diff3 would arrive at anyway; they skip the LCS on big pages.
  if (same(a, b) || same(o, b)) return { ok: true, text: a.join('\n') };
  if (same(o, a)) return { ok: true, text: b.join('\n') };

  const merged: string[] = [];
  for (const region of diff3Merge(a, o, b, { excludeFalseConflicts: true })) {
    if (region.conflict) return { ok: false };
    if (region.ok) for (const line of region.ok) merged.push(line);
  }
  return { ok: true, text: merged.join('\n') };
}

/**
 * `ContentHandler::getUndoContent()`: the text that undoes the change
 * undoAfterText → undoRevText on top of the current text. When the undone
 * revision is the current one the result is simply undoAfterText (a straight
 * revert, not rtrim()med); otherwise the undo is a three-way merge with the
 * undone revision as base, and a conflict means the undo is not possible.
 *
 * MediaWiki calls `merge3( undo, undoAfter, current )`; which of the two
 * derived texts counts as "mine" makes no difference to a merge that may not
 * conflict, so we pass them in the order of this module's API.
 */
export function computeUndo(current: string, undoRevText: string, undoAfterText: string): UndoResult {
  if (current === undoRevText) return { ok: true, text: undoAfterText };
  return threeWayMerge(undoRevText, current, undoAfterText);
}
