/**
 * The media handlers' sizing and thumbnail names, against the values in
 * MediaWiki's parser tests (media.txt): bitmaps never scaled up, box sizes,
 * SVG rendered to PNG in a language, DjVu pages rendered to JPEG.
 */
import { File } from '../../../engine/filerepo/File';
import type { FileInfo } from '../../../engine/filerepo/FileInfo';
import { fitBoxWidth, getMediaHandler, phpRound, scaleHeight } from '../../../engine/filerepo/MediaHandler';

function info(name: string, width: number, height: number, mime: string, metadata: FileInfo['metadata'] = {}): FileInfo {
  return {
    name, width, height, mime, metadata, size: 1, mediaType: 'BITMAP', bits: 8, sha1: '', timestamp: '20010101000000',
    url: `http://example.com/images/x/xx/${name}`, thumbUrl: `http://example.com/images/thumb/x/xx/${name}`,
  };
}

const foobar = new File(info('Foobar.jpg', 1941, 220, 'image/jpeg'));
const svg = new File(info('Foobar.svg', 240, 180, 'image/svg+xml', { translations: { en: 1, ru: 1 } }));
const djvu = new File(info('LoremIpsum.djvu', 2480, 3508, 'image/vnd.djvu', { pages: [{ width: 2480, height: 3508 }, { width: 2480, height: 3508 }] }));

describe('sizing helpers', () => {
  it('rounds halves away from zero, as PHP', () => {
    expect(phpRound(135, -1)).toBe(140);
    expect(phpRound(2.5)).toBe(3);
    expect(phpRound(-2.5)).toBe(-3);
  });

  it('scales heights and fits widths into a box', () => {
    expect(scaleHeight(1941, 220, 180)).toBe(20);
    expect(fitBoxWidth(1941, 220, 20)).toBe(177);
    expect(fitBoxWidth(1941, 220, 200)).toBe(1765);
    expect(fitBoxWidth(400, 600, 105)).toBe(70);
  });
});

describe('bitmaps', () => {
  it('make thumbnails named by width', () => {
    expect(foobar.transform({ width: 180 })).toEqual({
      kind: 'thumbnail', url: 'http://example.com/images/thumb/x/xx/Foobar.jpg/180px-Foobar.jpg', width: 180, height: 20, page: null, lang: null,
    });
  });

  it('show the original, browser-scaled, at or above its width', () => {
    expect(foobar.transform({ width: 2000 })).toMatchObject({ url: 'http://example.com/images/x/xx/Foobar.jpg', width: 2000, height: 227 });
    expect(foobar.transform({ width: 1941 })).toMatchObject({ url: 'http://example.com/images/x/xx/Foobar.jpg', width: 1941, height: 220 });
  });

  it('fit a width and height box', () => {
    expect(foobar.transform({ width: 200, height: 20 })).toMatchObject({ url: expect.stringMatching(/\/177px-Foobar\.jpg$/), width: 177, height: 20 });
    expect(foobar.transform({ width: 1941, height: 200 })).toMatchObject({ url: expect.stringMatching(/\/1765px-Foobar\.jpg$/), width: 1765, height: 200 });
  });

  it('refuse a zero width', () => {
    expect(foobar.transform({ width: 0 })).toMatchObject({ kind: 'error', message: 'thumbnail_error', width: 120, height: 120 });
  });
});

describe('SVG drawings', () => {
  it('are rendered to PNG, at any size', () => {
    expect(svg.transform({ width: 2000 })).toMatchObject({ url: expect.stringMatching(/\/2000px-Foobar\.svg\.png$/), width: 2000, height: 1500 });
  });

  it('are drawn in the language asked for, or the page language when they have it', () => {
    expect(svg.transform({ width: 180, lang: 'de' })).toMatchObject({ url: expect.stringMatching(/\/langde-180px-Foobar\.svg\.png$/), lang: 'de' });
    expect(svg.transform({ width: 240, targetlang: 'ru' })).toMatchObject({ url: expect.stringMatching(/\/langru-240px-Foobar\.svg\.png$/), lang: null });
    expect(svg.transform({ width: 240, targetlang: 'de' })).toMatchObject({ url: expect.stringMatching(/\/240px-Foobar\.svg\.png$/) });
    expect(svg.transform({ width: 240, targetlang: 'en' })).toMatchObject({ url: expect.stringMatching(/\/240px-Foobar\.svg\.png$/) });
  });

  it('accept well-formed language codes only', () => {
    const handler = getMediaHandler('image/svg+xml')!;
    expect(handler.validateParam('lang', 'de')).toBe(true);
    expect(handler.validateParam('lang', 'zh-hant')).toBe(true);
    expect(handler.validateParam('lang', 'invalid:language:code')).toBe(false);
  });
});

describe('DjVu documents', () => {
  it('render a page to JPEG, even at full size', () => {
    expect(djvu.transform({ width: 2480 })).toMatchObject({ url: expect.stringMatching(/\/page1-2480px-LoremIpsum\.djvu\.jpg$/), width: 2480, height: 3508, page: 1 });
    expect(djvu.transform({ width: 4960, page: 2 })).toMatchObject({ url: expect.stringMatching(/\/page2-4960px-LoremIpsum\.djvu\.jpg$/), page: 2 });
  });

  it('clamp the page to the document', () => {
    expect(djvu.transform({ width: 100, page: 9 })).toMatchObject({ page: 2 });
  });

  it('take whole page numbers only', () => {
    const handler = getMediaHandler('image/vnd.djvu')!;
    expect(handler.validateParam('page', '2')).toBe(true);
    expect(handler.validateParam('page', '3 of the document')).toBe(false);
  });
});

describe('files without a handler', () => {
  it('cannot be shown inline', () => {
    const video = new File(info('Video.ogv', 320, 240, 'application/ogg'));
    expect(video.allowInlineDisplay()).toBe(false);
    expect(video.transform({ width: 100 })).toBeNull();
  });
});
