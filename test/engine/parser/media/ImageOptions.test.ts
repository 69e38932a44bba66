/**
 * The building blocks of image options: magic-word matching (case-sensitive,
 * literals before prefixes), the size syntax, plain text for attributes and
 * the bad image list.
 */
import { stripAltText } from '../../../../engine/parser/media/AltText';
import { BadFileList } from '../../../../engine/parser/media/BadFileList';
import { INTERNAL_OPTIONS, ImageOptionName, isNumeric, matchImageOption, parseWidthParam, rawUrlDecode } from '../../../../engine/parser/media/ImageOptions';
import { NamespaceInfo } from '../../../../engine/title/NamespaceInfo';
import { TitleFactory } from '../../../../engine/title/TitleFactory';

const all = new Set<ImageOptionName>([...INTERNAL_OPTIONS, 'width', 'page', 'lang']);

describe('matchImageOption', () => {
  it('recognises options and their values', () => {
    expect(matchImageOption('thumb', all)).toEqual({ name: 'thumbnail', value: false });
    expect(matchImageOption('thumbnail=Thumb.png', all)).toEqual({ name: 'manualthumb', value: 'Thumb.png' });
    expect(matchImageOption('upright', all)).toEqual({ name: 'upright', value: false });
    expect(matchImageOption('upright=0.5', all)).toEqual({ name: 'upright', value: '0.5' });
    expect(matchImageOption('centre', all)).toEqual({ name: 'center', value: false });
    expect(matchImageOption('20pxpx', all)).toEqual({ name: 'width', value: '20px' });
    expect(matchImageOption('page 2', all)).toEqual({ name: 'page', value: '2' });
  });

  it('is case-sensitive, as MediaWiki’s image magic words', () => {
    expect(matchImageOption('Left', all)).toBeNull();
    expect(matchImageOption('THUMB', all)).toBeNull();
  });

  it('prefers a named option to the size suffix', () => {
    expect(matchImageOption('alt=100px', all)).toEqual({ name: 'alt', value: '100px' });
  });

  it('only matches options that are allowed', () => {
    expect(matchImageOption('page=2', new Set<ImageOptionName>(INTERNAL_OPTIONS))).toBeNull();
  });
});

describe('parseWidthParam', () => {
  it('reads widths, heights and both', () => {
    expect(parseWidthParam('300', true, true)).toEqual({ width: 300 });
    expect(parseWidthParam('x200', true, true)).toEqual({ width: 0, height: 200 });
    expect(parseWidthParam('200x20px', true, true)).toEqual({ width: 200, height: 20 });
    expect(parseWidthParam('', true, true)).toEqual({});
  });

  it('strips a px suffix unless already done, and refuses other units', () => {
    expect(parseWidthParam('100px', false)).toEqual({ width: 100 });
    expect(parseWidthParam('70em', false)).toEqual({});
  });
});

describe('small helpers', () => {
  it('isNumeric follows PHP', () => {
    expect(isNumeric('0.5')).toBe(true);
    expect(isNumeric(' 2 ')).toBe(true);
    expect(isNumeric('1e3')).toBe(true);
    expect(isNumeric('foo')).toBe(false);
    expect(isNumeric('')).toBe(false);
  });

  it('rawUrlDecode keeps broken escapes', () => {
    expect(rawUrlDecode('7%25 solution')).toBe('7% solution');
    expect(rawUrlDecode('100%')).toBe('100%');
  });
});

describe('stripAltText', () => {
  it('keeps the text of rendered wikitext', () => {
    expect(stripAltText('This is a <a href="/wiki/Link">link</a> and <i>bold</i>.')).toBe('This is a link and bold.');
    expect(stripAltText('&amp; &lt; &gt; &quot;')).toBe('& < > "');
    expect(stripAltText('&#9792;')).toBe('♀');
    expect(stripAltText('  one\n two <!-- no --> ')).toBe('one two');
    expect(stripAltText('a < b')).toBe('a < b');
  });
});

describe('BadFileList', () => {
  const titles = new TitleFactory(
    new NamespaceInfo({ sitename: 'Test', namespacesWithSubpages: {}, capitalLinks: true, extraNamespaces: {}, namespaceAliases: {}, contentNamespaces: [0] }),
    { server: 'http://example.org', articlePath: '/wiki/$1', scriptPath: '' },
  );
  const list = BadFileList.fromText('Bad files:\n* [[File:Bad.jpg]] except on [[Nasty page]]\n[[File:NotListed.jpg]]\n* no link here', titles);

  it('lists the first link of each list item', () => {
    expect(list.isBad('Bad.jpg', titles.newFromText('Some page'))).toBe(true);
    expect(list.isBad('NotListed.jpg', titles.newFromText('Some page'))).toBe(false);
  });

  it('lets the pages named after it show the file', () => {
    expect(list.isBad('Bad.jpg', titles.newFromText('Nasty page'))).toBe(false);
  });
});
