/**
 * The body rows of MediaWiki's two-column diff table (`diff-type-table`), in
 * the markup of wikidiff2's TableFormatter, which Wikimedia wikis use (core's
 * PHP `TableDiffFormatter` fallback has the same row structure but, for
 * example, no `diff-empty` class on the blank half of a row).
 *
 * Line diff: jsdiff's Myers diff over whole lines. Blocks are cut the way
 * `DiffFormatter::format()` does it: `contextLines` unchanged lines before
 * and after each change, and two changes separated by at most
 * 2 × contextLines unchanged lines share one block (and, as there, a final
 * unchanged run that short is shown whole). Each block starts with a
 * "Line N:" header row giving the first line (1-based, including the leading
 * context) on each side.
 *
 * Changed lines: within a run of removed and added lines, line i of the
 * removed block is paired with line i of the added block when they are
 * similar enough, and shown in one row with word-level <del>/<ins> marks;
 * other lines get deleted-only / added-only rows. "Similar enough" follows
 * wikidiff2's change threshold (`wikidiff2.change_threshold`, default 0.2):
 * the unchanged words must make up at least that share of the two lines.
 *
 * Empty lines: as in MediaWiki, an empty context, deleted or added line is a
 * bare `<br>` in its cell (no `<div>`; the `<div>` wrapper is only for
 * non-empty text, see TableDiffFormatter::wrapLine and wikidiff2's
 * printTextWithDiv). A word-diffed row always wraps each side in a `<div>`,
 * so an empty side there is `<div></div>` (wikidiff2's printWordDiff).
 *
 * Whitespace: text is only HTML-escaped, as in wikidiff2; runs of spaces are
 * left to the diff stylesheet (`white-space: pre-wrap` on the cells, as in
 * mediawiki.diff.styles) rather than turned into non-breaking spaces as the
 * PHP fallback's escapeWhiteSpace() does.
 */
import { diffArrays, diffWordsWithSpace } from 'diff';
import { escapeHtml } from '../html/Html';

export interface DiffLabels {
  /** The localized block header text for a line number, e.g. 'Line 12:'. */
  lineno(line: number): string;
}

/** wikidiff2.change_threshold */
const CHANGE_THRESHOLD = 0.2;

const DEL_OPEN = '<del class="diffchange diffchange-inline">';
const INS_OPEN = '<ins class="diffchange diffchange-inline">';

type Op = { kind: 'copy'; lines: string[] } | { kind: 'change'; del: string[]; add: string[] };

/** Appends without spreading: `push(...xs)` overflows the call stack for very long arrays. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/**
 * Lines as MediaWiki splits them (explode "\n" after CRLF normalisation),
 * except that an empty text has no lines rather than one empty line, so a
 * diff against an empty revision is all additions.
 */
function splitLines(text: string): string[] {
  if (text === '') return [];
  return text.replace(/\r\n/g, '\n').split('\n');
}

/** The edit script as alternating copy and change ops. */
function diffOps(oldText: string, newText: string): Op[] {
  const a = splitLines(oldText);
  const b = splitLines(newText);

  // Common head and tail never need the O(ND) diff.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;

  const ops: Op[] = [];
  const copy = (lines: string[]): void => {
    if (lines.length === 0) return;
    const last = ops[ops.length - 1];
    if (last?.kind === 'copy') append(last.lines, lines);
    else ops.push({ kind: 'copy', lines });
  };
  let del: string[] = [];
  let add: string[] = [];
  const flush = (): void => {
    if (del.length || add.length) ops.push({ kind: 'change', del, add });
    del = [];
    add = [];
  };

  copy(a.slice(0, head));
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  if (midA.length === 0 || midB.length === 0) {
    del = midA;
    add = midB;
  } else {
    // Compare small integers instead of (possibly long) line strings.
    const ids = new Map<string, number>();
    const intern = (line: string): number => {
      let id = ids.get(line);
      if (id === undefined) {
        id = ids.size;
        ids.set(line, id);
      }
      return id;
    };
    let ai = 0;
    let bi = 0;
    for (const change of diffArrays(midA.map(intern), midB.map(intern))) {
      const n = change.value.length;
      if (change.removed) {
        append(del, midA.slice(ai, ai + n));
        ai += n;
      } else if (change.added) {
        append(add, midB.slice(bi, bi + n));
        bi += n;
      } else {
        flush();
        copy(midA.slice(ai, ai + n));
        ai += n;
        bi += n;
      }
    }
  }
  flush();
  copy(a.slice(a.length - tail));
  return ops;
}

interface Block {
  oldStart: number;
  newStart: number;
  ops: Op[];
}

/** DiffFormatter::format(): group ops into blocks with leading/trailing context. */
function toBlocks(ops: Op[], contextLines: number): Block[] {
  const blocks: Block[] = [];
  let block: Block | null = null;
  let context: string[] = [];
  let xi = 1;
  let yi = 1;
  for (const op of ops) {
    if (op.kind === 'copy') {
      if (block) {
        if (op.lines.length <= 2 * contextLines) {
          block.ops.push(op);
        } else {
          if (contextLines > 0) block.ops.push({ kind: 'copy', lines: op.lines.slice(0, contextLines) });
          blocks.push(block);
          block = null;
        }
      }
      context = op.lines;
      xi += op.lines.length;
      yi += op.lines.length;
    } else {
      if (!block) {
        const lead = contextLines > 0 ? context.slice(Math.max(0, context.length - contextLines)) : [];
        block = { oldStart: xi - lead.length, newStart: yi - lead.length, ops: [] };
        if (lead.length) block.ops.push({ kind: 'copy', lines: lead });
      }
      block.ops.push(op);
      xi += op.del.length;
      yi += op.add.length;
    }
  }
  if (block) blocks.push(block);
  return blocks;
}

function cell(line: string): string {
  return line === '' ? '<br>' : `<div>${escapeHtml(line)}</div>`;
}

function contextRow(line: string): string {
  const c = cell(line);
  return (
    '<tr><td class="diff-marker"></td>' +
    `<td class="diff-context diff-side-deleted">${c}</td>` +
    '<td class="diff-marker"></td>' +
    `<td class="diff-context diff-side-added">${c}</td></tr>`
  );
}

function deletedRow(line: string): string {
  return (
    '<tr><td class="diff-marker" data-marker="\u2212"></td>' +
    `<td class="diff-deletedline diff-side-deleted">${cell(line)}</td>` +
    '<td colspan="2" class="diff-empty diff-side-added"></td></tr>'
  );
}

function addedRow(line: string): string {
  return (
    '<tr><td colspan="2" class="diff-empty diff-side-deleted"></td>' +
    '<td class="diff-marker" data-marker="+"></td>' +
    `<td class="diff-addedline diff-side-added">${cell(line)}</td></tr>`
  );
}

function changedRow(left: string, right: string): string {
  return (
    '<tr><td class="diff-marker" data-marker="\u2212"></td>' +
    `<td class="diff-deletedline diff-side-deleted"><div>${left}</div></td>` +
    '<td class="diff-marker" data-marker="+"></td>' +
    `<td class="diff-addedline diff-side-added"><div>${right}</div></td></tr>`
  );
}

function nonSpaceLength(s: string): number {
  return s.replace(/\s+/g, '').length;
}

/**
 * Word-level diff of a removed/added line pair: the inner HTML of both cells,
 * or null when the lines have too little in common to be shown as one
 * changed line.
 */
function wordDiff(oldLine: string, newLine: string): { left: string; right: string } | null {
  const parts = diffWordsWithSpace(oldLine, newLine);

  const total = nonSpaceLength(oldLine) + nonSpaceLength(newLine);
  let common = 0;
  for (const part of parts) if (!part.added && !part.removed) common += nonSpaceLength(part.value);
  // Whitespace-only lines (total 0) can only differ in whitespace: pair them.
  if (total > 0 && (common === 0 || (2 * common) / total < CHANGE_THRESHOLD)) return null;

  // Whitespace left unchanged between two changes is folded into them, so
  // "foo bar" → "baz qux" reads as one <del>/<ins> rather than two.
  const isChange = (k: number): boolean => k >= 0 && k < parts.length && (parts[k].added || parts[k].removed);
  let left = '';
  let right = '';
  let del = '';
  let ins = '';
  const flushDel = (): void => {
    if (del !== '') left += DEL_OPEN + escapeHtml(del) + '</del>';
    del = '';
  };
  const flushIns = (): void => {
    if (ins !== '') right += INS_OPEN + escapeHtml(ins) + '</ins>';
    ins = '';
  };
  parts.forEach((part, k) => {
    if (part.removed) {
      del += part.value;
    } else if (part.added) {
      ins += part.value;
    } else if (/^\s+$/.test(part.value) && isChange(k - 1) && isChange(k + 1)) {
      del += part.value;
      ins += part.value;
    } else {
      flushDel();
      flushIns();
      left += escapeHtml(part.value);
      right += escapeHtml(part.value);
    }
  });
  flushDel();
  flushIns();
  return { left, right };
}

/** Rows for one run of removed and added lines. */
function changeRows(del: string[], add: string[], rows: string[]): void {
  // Unpaired lines are held back so that consecutive ones read as a deleted
  // block followed by an added block, as MediaWiki shows a rewritten paragraph.
  let pendingDel: string[] = [];
  let pendingAdd: string[] = [];
  const flush = (): void => {
    for (const line of pendingDel) rows.push(deletedRow(line));
    for (const line of pendingAdd) rows.push(addedRow(line));
    pendingDel = [];
    pendingAdd = [];
  };
  const paired = Math.min(del.length, add.length);
  for (let i = 0; i < paired; i++) {
    const wd = wordDiff(del[i], add[i]);
    if (wd) {
      flush();
      rows.push(changedRow(wd.left, wd.right));
    } else {
      pendingDel.push(del[i]);
      pendingAdd.push(add[i]);
    }
  }
  append(pendingDel, del.slice(paired));
  append(pendingAdd, add.slice(paired));
  flush();
}

/**
 * The `<tr>` rows of the diff from oldText to newText (each row followed by
 * a line break, as MediaWiki emits them), or '' when the texts are equal.
 * The caller supplies the surrounding `<table class="diff diff-type-table">`,
 * its `<colgroup>` and title rows.
 */
export function renderDiffRows(oldText: string, newText: string, labels: DiffLabels, contextLines = 2): string {
  if (oldText === newText) return '';
  const context = Number.isFinite(contextLines) ? Math.max(0, Math.floor(contextLines)) : 2;
  const rows: string[] = [];
  for (const block of toBlocks(diffOps(oldText, newText), context)) {
    rows.push(
      `<tr><td colspan="2" class="diff-lineno" id="mw-diff-left-l${block.oldStart}">` +
        `${escapeHtml(labels.lineno(block.oldStart))}</td>` +
        `<td colspan="2" class="diff-lineno">${escapeHtml(labels.lineno(block.newStart))}</td></tr>`,
    );
    for (const op of block.ops) {
      if (op.kind === 'copy') for (const line of op.lines) rows.push(contextRow(line));
      else changeRows(op.del, op.add, rows);
    }
  }
  return rows.length ? rows.join('\n') + '\n' : '';
}

/** Numbers of added and removed lines (changed lines count on both sides). */
export function diffStats(oldText: string, newText: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  if (oldText === newText) return { added, removed };
  for (const op of diffOps(oldText, newText)) {
    if (op.kind === 'change') {
      added += op.add.length;
      removed += op.del.length;
    }
  }
  return { added, removed };
}
