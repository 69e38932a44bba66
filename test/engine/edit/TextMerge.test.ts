import { computeUndo, threeWayMerge } from '../../../engine/edit/TextMerge';

const base = ['Intro', '', 'Para one.', '', 'Para two.', '', 'Para three.', '', 'Outro'].join('\n');
const edit = (text: string, from: string, to: string): string => {
  expect(text).toContain(from);
  return text.replace(from, to);
};

describe('threeWayMerge', () => {
  it('merges non-overlapping changes from both sides', () => {
    const mine = edit(base, 'Para one.', 'Para one, edited by me.');
    const theirs = edit(base, 'Para three.', 'Para three, edited by them.');
    expect(threeWayMerge(base, mine, theirs)).toEqual({
      ok: true,
      text: ['Intro', '', 'Para one, edited by me.', '', 'Para two.', '', 'Para three, edited by them.', '', 'Outro'].join(
        '\n',
      ),
    });
  });

  it('merges an insertion on one side with a change on the other', () => {
    const mine = `${base}\n\nAppended by me.`;
    const theirs = edit(base, 'Intro', 'New intro');
    const result = threeWayMerge(base, mine, theirs);
    expect(result).toEqual({ ok: true, text: `${edit(base, 'Intro', 'New intro')}\n\nAppended by me.` });
  });

  it('reports overlapping changes as a conflict', () => {
    const mine = edit(base, 'Para two.', 'Para two (mine).');
    const theirs = edit(base, 'Para two.', 'Para two (theirs).');
    expect(threeWayMerge(base, mine, theirs)).toEqual({ ok: false });
  });

  it('reports changes to adjacent lines as a conflict, as GNU diff3 does', () => {
    const o = 'a\nb\nc\nd';
    expect(threeWayMerge(o, 'A\nb\nc\nd', 'a\nB\nc\nd')).toEqual({ ok: false });
    // One unchanged line in between is enough.
    expect(threeWayMerge(o, 'A\nb\nc\nd', 'a\nb\nC\nd')).toEqual({ ok: true, text: 'A\nb\nC\nd' });
  });

  it('does not treat identical changes on both sides as a conflict', () => {
    const both = edit(base, 'Para two.', 'Para two, fixed.');
    expect(threeWayMerge(base, both, both)).toEqual({ ok: true, text: both });
    const mine = edit(both, 'Outro', 'Outro!');
    expect(threeWayMerge(base, mine, both)).toEqual({ ok: true, text: mine });
  });

  it('returns the other side when one side is unchanged', () => {
    const theirs = edit(base, 'Intro', 'Changed');
    expect(threeWayMerge(base, base, theirs)).toEqual({ ok: true, text: theirs });
    expect(threeWayMerge(base, theirs, base)).toEqual({ ok: true, text: theirs });
  });

  it('ignores trailing newline and whitespace differences', () => {
    expect(threeWayMerge('a\nb', 'a\nb\n', 'a\nb')).toEqual({ ok: true, text: 'a\nb' });
    expect(threeWayMerge('a\nb\n', 'a\nb\nc', 'x\nb\n  \n')).toEqual({ ok: true, text: 'x\nb\nc' });
  });

  it('reports two different appends at the end as a conflict', () => {
    expect(threeWayMerge('a\nb', 'a\nb\nmine', 'a\nb\ntheirs')).toEqual({ ok: false });
  });

  it('handles empty texts', () => {
    expect(threeWayMerge('', 'x', '')).toEqual({ ok: true, text: 'x' });
    expect(threeWayMerge('', 'x', 'y')).toEqual({ ok: false });
    expect(threeWayMerge('a\nb\nc', '', 'a\nb\nc')).toEqual({ ok: true, text: '' });
  });

  it('works line by line, not word by word', () => {
    // Two edits to the same line conflict even if they touch different words.
    expect(threeWayMerge('one two three', 'ONE two three', 'one two THREE')).toEqual({ ok: false });
  });
});

describe('computeUndo', () => {
  const v1 = 'Line A\n\nLine B\n\nLine C';
  const v2 = edit(v1, 'Line B', 'Line B vandalised');

  it('returns the earlier text when undoing the latest revision', () => {
    expect(computeUndo(v2, v2, v1)).toEqual({ ok: true, text: v1 });
  });

  it('undoes an older change that later edits did not touch', () => {
    const v3 = edit(v2, 'Line C', 'Line C improved');
    expect(computeUndo(v3, v2, v1)).toEqual({ ok: true, text: 'Line A\n\nLine B\n\nLine C improved' });
  });

  it('fails when an intermediate edit changed the same lines', () => {
    const v3 = edit(v2, 'Line B vandalised', 'Line B vandalised and then edited');
    expect(computeUndo(v3, v2, v1)).toEqual({ ok: false });
  });

  it('undoes an addition', () => {
    const withAddition = `${v1}\n\nSpam paragraph`;
    const later = edit(withAddition, 'Line A', 'Line A, later fix');
    expect(computeUndo(later, withAddition, v1)).toEqual({ ok: true, text: edit(v1, 'Line A', 'Line A, later fix') });
  });
});
