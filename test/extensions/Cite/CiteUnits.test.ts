/**
 * Cite's pure parts: anchors, argument filtering and validation, the stack.
 */
import { getBacklinkIdentifier, getNoteIdentifier } from '../../../extensions/Cite/src/AnchorFormatter';
import { ReferenceStack } from '../../../extensions/Cite/src/ReferenceStack';
import { Validator } from '../../../extensions/Cite/src/Validator';

describe('AnchorFormatter', () => {
  test('ids of unnamed and named references (docs/backlink-anchor-format.md)', () => {
    expect(getNoteIdentifier(null, 1)).toBe('cite_note-1');
    expect(getBacklinkIdentifier(null, 1, 1)).toBe('cite_ref-1');
    expect(getBacklinkIdentifier(null, 4, 3)).toBe('cite_ref-4-2');
    expect(getNoteIdentifier('Britannica', 2)).toBe('cite_note-Britannica-2');
    expect(getBacklinkIdentifier('Britannica', 2, 1)).toBe('cite_ref-Britannica_2-0');
    expect(getBacklinkIdentifier('Britannica', 2, 2)).toBe('cite_ref-Britannica_2-1');
  });

  test('runs of spaces and underscores in a name become one underscore (T184912)', () => {
    expect(getNoteIdentifier('a  b__c', 3)).toBe('cite_note-a_b_c-3');
    expect(getBacklinkIdentifier('a \t_b', 3, 1)).toBe('cite_ref-a_b_3-0');
  });
});

describe('Validator', () => {
  const messages = (status: { messages: { key: string; params: string[]; fatal: boolean }[] }) => status.messages.map((m) => [m.key, ...m.params, m.fatal ? 'fatal' : 'warning']);

  test('unknown <ref> attributes: a suggestion when close, else the list', () => {
    expect(messages(Validator.filterRefArguments({ nmae: 'x' }))).toEqual([['cite_error_ref_parameter_suggestion', 'nmae', 'name', 'warning']]);
    expect(messages(Validator.filterRefArguments({ grop: 'x' }))).toEqual([['cite_error_ref_parameter_suggestion', 'grop', 'group', 'warning']]);
    expect(messages(Validator.filterRefArguments({ responsive: '' }))).toEqual([['cite_error_ref_too_many_keys', 'responsive', 'dir, follow, group, name', 'warning']]);
    expect(Validator.filterRefArguments({ name: 'n', dir: 'ltr' }).value).toEqual({ group: null, name: 'n', follow: null, dir: 'ltr' });
  });

  test('<references> attributes: responsive is on unless "0"; a nested <references> is fatal', () => {
    expect(Validator.filterReferenceListArguments(null, { responsive: '' }).value.responsive).toBe(true);
    expect(Validator.filterReferenceListArguments(null, { responsive: '0' }).value.responsive).toBe(false);
    expect(Validator.filterReferenceListArguments(null, {}).value.responsive).toBeNull();
    expect(messages(Validator.filterReferenceListArguments(null, { name: 'x' }))).toEqual([['cite_error_references_invalid_parameters', 'name', 'group, responsive', 'warning']]);
    expect(Validator.filterReferenceListArguments('<references/>', {}).isOK()).toBe(false);
  });

  test('outside a list: a name is needed without content; digits are no name', () => {
    const v = new Validator(null);
    const args = { group: null, name: null, follow: null, dir: null };
    expect(messages(v.validateRef(null, args))).toEqual([['cite_error_ref_no_key', 'fatal']]);
    expect(messages(v.validateRef(' \n', args))).toEqual([['cite_error_ref_no_input', 'fatal']]);
    const numeric = v.validateRef('text', { ...args, name: '123' });
    expect(numeric.value.name).toBeNull();
    expect(messages(numeric)).toEqual([['cite_error_ref_numeric_key', 'warning']]);
    expect(messages(v.validateRef('a <nowiki><ref></nowiki> <!-- <ref> --> b', args))).toEqual([]);
    expect(messages(v.validateRef('a <ref>b', args))).toEqual([['cite_error_included_ref', 'fatal']]);
  });

  test('inside a list: the list decides the group', () => {
    const v = new Validator('g');
    const result = v.validateRef('text', { group: 'other', name: 'n', follow: null, dir: null });
    expect(result.value.group).toBe('g');
    expect(messages(result)).toEqual([['cite_error_references_group_mismatch', 'other', 'warning']]);
    expect(messages(v.validateListDefinedRefUsage('n', false))).toEqual([['cite_error_references_missing_key', 'n', 'warning']]);
  });
});

describe('ReferenceStack', () => {
  const text = (wikitext: string) => ({ wikitext, html: wikitext });

  test('numbers per group, global ids, reuse by name', () => {
    const stack = new ReferenceStack();
    const a = stack.pushRef(text('a'), '', 'a', null, null)!;
    const b = stack.pushRef(text('b'), 'g', null, null, null)!;
    const again = stack.pushRef(null, '', 'a', null, null)!;
    expect([a.globalId, a.numberInGroup, b.globalId, b.numberInGroup]).toEqual([1, 1, 2, 1]);
    expect(again).toBe(a);
    expect(a.count).toBe(2);
    expect(stack.getGroups()).toEqual(['', 'g']);
    expect(stack.popGroup('')).toEqual([a]);
    expect(stack.getGroups()).toEqual(['g']);
  });

  test('a conflicting direction on reuse is a warning; content arriving later takes its direction', () => {
    const stack = new ReferenceStack();
    const ref = stack.pushRef(null, '', 'n', null, 'rtl')!;
    stack.pushRef(text('x'), '', 'n', null, 'ltr');
    expect(ref.dir).toBe('ltr');
    expect(ref.warnings.map((w) => w.key)).toEqual(['cite_error_ref_conflicting_dir']);
  });
});
