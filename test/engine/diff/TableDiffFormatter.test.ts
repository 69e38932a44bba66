import { diffStats, renderDiffRows } from '../../../engine/diff/TableDiffFormatter';

const labels = { lineno: (n: number): string => `Line ${n}:` };

const lines = (n: number, f: (i: number) => string = (i) => `line ${i}`): string[] =>
  Array.from({ length: n }, (_, k) => f(k + 1));

const rowsOf = (html: string): string[] => html.split('\n').filter((r) => r !== '');

const header = (left: number, right: number): string =>
  `<tr><td colspan="2" class="diff-lineno" id="mw-diff-left-l${left}">Line ${left}:</td>` +
  `<td colspan="2" class="diff-lineno">Line ${right}:</td></tr>`;

const context = (text: string): string =>
  '<tr><td class="diff-marker"></td>' +
  `<td class="diff-context diff-side-deleted"><div>${text}</div></td>` +
  '<td class="diff-marker"></td>' +
  `<td class="diff-context diff-side-added"><div>${text}</div></td></tr>`;

describe('renderDiffRows', () => {
  it('returns an empty string for identical texts', () => {
    expect(renderDiffRows('', '', labels)).toBe('');
    expect(renderDiffRows('a\nb', 'a\nb', labels)).toBe('');
    // Only the line-ending style differs.
    expect(renderDiffRows('a\r\nb', 'a\nb', labels)).toBe('');
  });

  it('shows a one-word change as one row with inline del/ins', () => {
    const rows = rowsOf(renderDiffRows('The quick brown fox', 'The slow brown fox', labels));
    expect(rows).toEqual([
      header(1, 1),
      '<tr><td class="diff-marker" data-marker="\u2212"></td>' +
        '<td class="diff-deletedline diff-side-deleted"><div>The <del class="diffchange diffchange-inline">quick</del> brown fox</div></td>' +
        '<td class="diff-marker" data-marker="+"></td>' +
        '<td class="diff-addedline diff-side-added"><div>The <ins class="diffchange diffchange-inline">slow</ins> brown fox</div></td></tr>',
    ]);
  });

  it('shows an added line with an empty deleted side', () => {
    const rows = rowsOf(renderDiffRows('a\nb', 'a\nb\nc', labels));
    expect(rows).toEqual([
      header(1, 1),
      context('a'),
      context('b'),
      '<tr><td colspan="2" class="diff-empty diff-side-deleted"></td><td class="diff-marker" data-marker="+"></td>' +
        '<td class="diff-addedline diff-side-added"><div>c</div></td></tr>',
    ]);
  });

  it('shows a removed line with an empty added side', () => {
    const rows = rowsOf(renderDiffRows('a\nb\nc', 'a\nc', labels));
    expect(rows).toEqual([
      header(1, 1),
      context('a'),
      '<tr><td class="diff-marker" data-marker="\u2212"></td><td class="diff-deletedline diff-side-deleted"><div>b</div></td>' +
        '<td colspan="2" class="diff-empty diff-side-added"></td></tr>',
      context('c'),
    ]);
  });

  it('HTML-escapes all text, including inside del/ins', () => {
    const html = renderDiffRows('x <b>bold</b> & y', 'x <script>alert(1)</script> & y\n<script>', labels);
    expect(html).not.toMatch(/<script|<b>/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&amp;');
    expect(html).toContain('<div>&lt;script&gt;</div>');
  });

  it('escapes the localized line labels', () => {
    const html = renderDiffRows('a', 'b', { lineno: (n) => `<Zeile ${n}>` });
    expect(html).toContain('>&lt;Zeile 1&gt;</td>');
  });

  it('numbers the block from its first context line (change at line 10 of 20)', () => {
    const old = lines(20);
    const changed = [...old];
    changed[9] = 'line 10 edited';
    const rows = rowsOf(renderDiffRows(old.join('\n'), changed.join('\n'), labels));
    expect(rows[0]).toBe(header(8, 8));
    expect(rows.slice(1, 3)).toEqual([context('line 8'), context('line 9')]);
    expect(rows[3]).toContain('<div>line 10<ins class="diffchange diffchange-inline"> edited</ins></div>');
    expect(rows.slice(4)).toEqual([context('line 11'), context('line 12')]);
  });

  it('numbers each side separately when lines were added above', () => {
    const old = lines(20);
    const changed = ['new first', 'new second', ...old];
    changed[2 + 14] = 'line 15 edited';
    const rows = rowsOf(renderDiffRows(old.join('\n'), changed.join('\n'), labels));
    const headers = rows.filter((r) => r.includes('diff-lineno'));
    expect(headers).toEqual([header(1, 1), header(13, 15)]);
  });

  it('splits distant changes into blocks, each with its own header', () => {
    const old = lines(30);
    const changed = [...old];
    changed[2] = 'line 3 edited';
    changed[24] = 'line 25 edited';
    const rows = rowsOf(renderDiffRows(old.join('\n'), changed.join('\n'), labels));
    const headers = rows.filter((r) => r.includes('diff-lineno'));
    expect(headers).toEqual([header(1, 1), header(23, 23)]);
    // 2 leading context + change + 2 trailing, twice.
    expect(rows).toHaveLength(2 * (1 + 5));
  });

  it('keeps changes separated by at most 2 x context lines in one block', () => {
    const old = lines(20);
    const changed = [...old];
    changed[4] = 'line 5 edited';
    changed[9] = 'line 10 edited'; // 4 unchanged lines (6-9) in between
    const rows = rowsOf(renderDiffRows(old.join('\n'), changed.join('\n'), labels));
    expect(rows.filter((r) => r.includes('diff-lineno'))).toEqual([header(3, 3)]);
  });

  it('honours contextLines', () => {
    const old = lines(20);
    const changed = [...old];
    changed[9] = 'line 10 edited';
    const none = rowsOf(renderDiffRows(old.join('\n'), changed.join('\n'), labels, 0));
    expect(none[0]).toBe(header(10, 10));
    expect(none).toHaveLength(2);
    const longer = [...lines(30)];
    const longerChanged = [...longer];
    longerChanged[9] = 'line 10 edited';
    const five = rowsOf(renderDiffRows(longer.join('\n'), longerChanged.join('\n'), labels, 5));
    expect(five[0]).toBe(header(5, 5));
    expect(five).toHaveLength(1 + 5 + 1 + 5);
    // As in DiffFormatter::format(), a final unchanged run no longer than
    // 2 x context is shown whole rather than cut to the trailing context.
    const whole = rowsOf(renderDiffRows(old.join('\n'), changed.join('\n'), labels, 5));
    expect(whole).toHaveLength(1 + 5 + 1 + 10);
  });

  it('shows dissimilar replaced lines as a deleted block followed by an added block', () => {
    const rows = rowsOf(renderDiffRows('keep\nalpha beta\ngamma delta', 'keep\nsomething else\nentirely new', labels));
    expect(rows.slice(2).map((r) => (r.includes('diff-deletedline') ? 'del' : r.includes('diff-addedline') ? 'add' : '?'))).toEqual([
      'del',
      'del',
      'add',
      'add',
    ]);
    expect(rows.join('')).not.toContain('diffchange');
  });

  it('pairs similar lines and leaves surplus lines unpaired', () => {
    const rows = rowsOf(renderDiffRows('one two three', 'one two four\nbrand new line', labels));
    expect(rows[1]).toContain('<del class="diffchange diffchange-inline">three</del>');
    expect(rows[1]).toContain('<ins class="diffchange diffchange-inline">four</ins>');
    expect(rows[2]).toContain('diff-empty diff-side-deleted');
    expect(rows[2]).toContain('<div>brand new line</div>');
  });

  it('folds whitespace between changed words into one del/ins', () => {
    const rows = rowsOf(renderDiffRows('keep foo bar end', 'keep baz qux end', labels));
    expect(rows[1]).toContain('keep <del class="diffchange diffchange-inline">foo bar</del> end');
    expect(rows[1]).toContain('keep <ins class="diffchange diffchange-inline">baz qux</ins> end');
  });

  it('renders an empty line as <br> like MediaWiki', () => {
    const rows = rowsOf(renderDiffRows('a\n\nb', 'a\n\nb\nc', labels));
    expect(rows).toContain(
      '<tr><td class="diff-marker"></td><td class="diff-context diff-side-deleted"><br></td>' +
        '<td class="diff-marker"></td><td class="diff-context diff-side-added"><br></td></tr>',
    );
    const added = rowsOf(renderDiffRows('a', 'a\n', labels));
    expect(added[2]).toBe(
      '<tr><td colspan="2" class="diff-empty diff-side-deleted"></td><td class="diff-marker" data-marker="+"></td>' +
        '<td class="diff-addedline diff-side-added"><br></td></tr>',
    );
  });

  it('treats an empty old text as all additions', () => {
    const rows = rowsOf(renderDiffRows('', 'a\nb', labels));
    expect(rows[0]).toBe(header(1, 1));
    expect(rows.slice(1).every((r) => r.includes('diff-addedline'))).toBe(true);
    expect(rows).toHaveLength(3);
  });

  it('handles large pages quickly', () => {
    const old = lines(20000, (i) => `Paragraph ${i} with some words in it.`);
    const changed = [...old];
    changed[100] = 'Paragraph 101 with other words in it.';
    changed.splice(15000, 3);
    const start = Date.now();
    const rows = rowsOf(renderDiffRows(old.join('\n'), changed.join('\n'), labels));
    expect(Date.now() - start).toBeLessThan(2000);
    expect(rows.filter((r) => r.includes('diff-lineno'))).toEqual([header(99, 99), header(14999, 14999)]);
  });
});

describe('diffStats', () => {
  it('counts changed lines', () => {
    expect(diffStats('a\nb', 'a\nb')).toEqual({ added: 0, removed: 0 });
    expect(diffStats('a\nb\nc', 'a\nB\nc\nd')).toEqual({ added: 2, removed: 1 });
    expect(diffStats('a\nb\nc', 'a')).toEqual({ added: 0, removed: 2 });
    expect(diffStats('', 'x\ny')).toEqual({ added: 2, removed: 0 });
  });
});
