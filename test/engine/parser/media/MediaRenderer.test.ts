/**
 * [[File:…]], [[Media:…]] and <gallery> rendered with the file repository, in
 * a wiki set up as MediaWiki's parser tests set theirs up (script path "",
 * uploads under http://example.com/images, 180px thumbnails, the runner's
 * test files), compared with media.txt's and mediaLinks.txt's expected HTML
 * after the parser-test normalisation.
 *
 * The renderers are wired here the way createServices is to wire them: a
 * WikitextRenderer built as createServices builds it, plus `files` from the
 * repository, the file token renderer, the media-link renderer ahead of the
 * internal-link one, and the gallery tag hook.
 */
import path from 'node:path';
import { LocalRepo } from '../../../../engine/filerepo/LocalRepo';
import { createGalleryTagHook } from '../../../../engine/parser/media/GalleryRenderer';
import { createMediaLinkRenderer } from '../../../../engine/parser/media/MediaLinkRenderer';
import { createMediaTokenRenderer } from '../../../../engine/parser/media/MediaRenderer';
import type { MediaDeps } from '../../../../engine/parser/media/MediaEnvironment';
import { WikitextRenderer } from '../../../../engine/parser/WikitextRenderer';
import type { TokenRenderer } from '../../../../engine/parser/wikiparser/TokenOverrides';
import { formatNormalizedHtml } from '../../../../tools/parsertests/HtmlNormalizer';
import { ParserTestCase, readParserTestFile } from '../../../../tools/parsertests/ParserTestFile';
import { PARSER_TEST_MEDIA_SETTINGS, PARSER_TEST_UPLOAD_PATH, setupParserTestFiles } from '../../../../tools/parsertests/ParserTestFiles';
import { createTestWiki, TestWiki } from '../../../helpers/TestWiki';
import { sharedPath } from '../../../../tools/sharedFixtures';

const CORPUS = sharedPath('corpus', 'parser');
const media = readParserTestFile(path.join(CORPUS, 'media.txt'));
const mediaLinks = readParserTestFile(path.join(CORPUS, 'mediaLinks.txt'));

/** A representative set: every image format and option family, missing and bad files, galleries in each mode. */
const MEDIA_TESTS = [
  'Simple image',
  'Simple image redirect',
  'Right-aligned image',
  'Image with caption',
  'Image caption with pipe entity',
  'Bad images - basic functionality',
  'Bad images - manualthumb',
  'Bad images - in gallery',
  'Titles in unlinked images (T23454)',
  'Image with empty attribute',
  '1. Block image with individual attributes from templates',
  'Image with multiple captions -- only last one is accepted',
  'Image with multiple widths -- use last',
  'Image with multiple alignments -- use first (T50664)',
  'Image with size specified with pxpx (T15500, T53628)',
  'Image with link parameter, wiki target',
  'File with link to page section',
  'Image with link parameter, URL target',
  'Image with empty link parameter',
  'Thumbnail image with link parameter',
  'Manually-specified thumbnail image',
  'Manually-specified thumbnail image with explicit no link',
  'Image with frame and link and explicit alt',
  'Image with wiki markup in implicit alt',
  'Alt image option should handle most kinds of wikitext without barfing',
  "Image with 'frameless' first.",
  "Image with 'thumb' first.",
  'Image: unspecified format and border enlarge',
  'Image: "unspecified format" and border reduce',
  "Image: bitmap thumbs can't be enlarged past original size, but vector can.",
  'Image: framed images are always unscaled.',
  'Image: framed vector images are scaled to their default size AND have srcset',
  'Image: manualthumb images are always unscaled.',
  'SVG thumbnails with language de',
  'Escape HTML special chars in image alt text',
  'Entities in file name and attributes',
  'Image caption containing another image',
  'Custom class',
  '"border", "frameless" and "class" attributes on an image.',
  'Invalid image attributes (T64500)',
  'File containing double quotes and spaces',
  'Broken image links with HTML captions (T41700)',
  'Image link to nonexistent file (T3850 - good)',
  ':Image link to nonexistent file (T3850 - bad)',
  'Fuzz testing: image with bogus manual thumbnail',
  'Gallery with valid attributes',
  'Gallery',
  'Gallery (with options, html)',
  'Gallery (with showfilename option)',
  'Gallery override link with malicious javascript (T36852)',
  'Gallery with class and style attributes',
  'Gallery in nolines mode',
  'Gallery in slideshow mode',
  'Gallery in packed mode',
  'Gallery in packed mode with heights',
  'Gallery in packed-overlay mode',
  'Width + Height sized image (using px) (height is ignored)',
  'Height-only media option',
  'Image with page parameter',
  'Image with page parameter and manualthumb',
  'Upright on different formats',
  'Image: Invalid title as link',
  'Percent decode titles in the link option (T216003#7836261)',
  'Various link types in alt and link options',
  'Broken block media with a caption and an alt',
  'Media with broken manualthumb',
  'Entities in media filenames',
  'Filename with amp symbol in gallery',
  'Inline gallery attributes are appended to the defaults',
  'Vertical alignment classes',
  'Must render with default width larger than file width',
];

const MEDIA_LINK_TESTS = ['Media link', 'Media link with text', 'Media link redirect', 'Media link to nonexistent file (T3702)', 'Media link with multiple options'];

function findTest(file: typeof media, name: string): ParserTestCase {
  const test = file.tests.find((t) => t.name === name);
  if (!test) throw new Error(`no test "${name}" in ${file.fileName}`);
  return test;
}

describe('media rendering, against MediaWiki parser tests', () => {
  let wiki: TestWiki;
  let renderer: WikitextRenderer;
  let thumbSize = 180;

  beforeAll(async () => {
    wiki = await createTestWiki('sqlite', {
      scriptPath: '',
      server: 'http://example.org',
      sitename: 'MediaWiki',
      // The parser tests' interwiki table (ParserTestRunner::appendInterwikiSetup).
      interwikiMap: { wikipedia: { url: 'http://en.wikipedia.org/wiki/$1' } },
    });
    const { services } = wiki;
    const repo = new LocalRepo(services.db, { uploadPath: PARSER_TEST_UPLOAD_PATH, titles: services.titleFactory });
    await setupParserTestFiles(repo);

    // As createServices builds the renderer, with the file repository as its `files` service.
    const base = services.renderer;
    renderer = new WikitextRenderer(
      { namespaceInfo: services.namespaceInfo, articlePath: services.settings.articlePath, server: services.settings.server, siteName: services.settings.sitename, scriptPath: services.settings.scriptPath },
      base['templates'],
      { ...base['services'], files: (keys) => repo.findFiles(keys) },
    );
    const deps: MediaDeps = {
      current: () => renderer.getCurrentContext(),
      titles: services.titleFactory,
      interwiki: services.interwiki,
      message: (key) => services.messages.lookup(key, services.settings.languageCode),
      settings: () => ({ ...PARSER_TEST_MEDIA_SETTINGS, thumbSize }),
    };
    renderer.setTokenRenderer('file', createMediaTokenRenderer(deps));
    const mediaLinkRenderer = createMediaLinkRenderer(deps);
    const internalLinks = renderer['tokenRenderers'].link as TokenRenderer;
    renderer.setTokenRenderer('link', (token, opt, original) => mediaLinkRenderer(token, opt, original) ?? internalLinks(token, opt, original));
    renderer.setHook('gallery', createGalleryTagHook(deps));

    for (const article of [...media.articles, ...mediaLinks.articles]) {
      if (!(await services.pageStore.getPage(titleKey(article.title)))) await wiki.edit(article.title, article.text);
    }
  });
  afterAll(async () => wiki.close());

  function titleKey(text: string) {
    const title = wiki.services.titleFactory.newFromTextThrow(text);
    return { namespace: title.getNamespace(), dbKey: title.getDBkey() };
  }

  async function render(test: ParserTestCase): Promise<string> {
    thumbSize = typeof test.options.thumbsize === 'string' ? Number(test.options.thumbsize) : 180;
    const title = wiki.services.titleFactory.newFromTextThrow('Parser test');
    const output = await renderer.render(test.wikitext!, { title, now: new Date(123 * 1000), revisionId: 1337 });
    return output.html.replace(/\s+$/, '');
  }

  it.each(MEDIA_TESTS)('media.txt: %s', async (name) => {
    const test = findTest(media, name);
    expect(formatNormalizedHtml(await render(test))).toBe(formatNormalizedHtml(test.legacyHtml!));
  });

  it.each(MEDIA_LINK_TESTS)('mediaLinks.txt: %s', async (name) => {
    const test = findTest(mediaLinks, name);
    expect(formatNormalizedHtml(await render(test))).toBe(formatNormalizedHtml(test.legacyHtml!));
  });

  it('records the files a page uses, including missing and gallery ones', async () => {
    const title = wiki.services.titleFactory.newFromTextThrow('Parser test');
    const output = await renderer.render('[[File:Foobar.jpg|thumb]] [[Media:Video.ogv]] [[File:Nope.png]]\n<gallery>\nThumb.png\n</gallery>', { title });
    expect([...output.images].sort()).toEqual(['Foobar.jpg', 'Nope.png', 'Thumb.png', 'Video.ogv']);
  });

  it('links to files no handler can draw instead of embedding them', async () => {
    const title = wiki.services.titleFactory.newFromTextThrow('Parser test');
    const { html } = await renderer.render('[[File:Video.ogv]]', { title });
    expect(html).toContain('href="/index.php?title=File:Video.ogv&amp;action=edit&amp;redlink=1"');
    expect(html).not.toContain('<img');
  });

  it('records link= targets as links of the page', async () => {
    const title = wiki.services.titleFactory.newFromTextThrow('Parser test');
    const output = await renderer.render('[[File:Foobar.jpg|link=Main Page]] [[File:Foobar.jpg|link=http://example.com/x]]', { title });
    expect(output.links).toContain('Main Page');
    expect(output.externalLinks).toContain('http://example.com/x');
  });

  it('uses MediaWiki’s default thumbnail size when none is configured', async () => {
    const defaults = new WikitextRenderer(
      { namespaceInfo: wiki.services.namespaceInfo, articlePath: '/wiki/$1', server: 'http://example.org', siteName: 'MediaWiki', scriptPath: '' },
      renderer['templates'],
      { ...renderer['services'] },
    );
    defaults.setTokenRenderer('file', createMediaTokenRenderer({
      current: () => defaults.getCurrentContext(),
      titles: wiki.services.titleFactory,
      interwiki: wiki.services.interwiki,
      message: () => undefined,
    }));
    const title = wiki.services.titleFactory.newFromTextThrow('Parser test');
    const { html } = await defaults.render('[[File:Foobar.jpg|thumb]]', { title });
    expect(html).toContain('/250px-Foobar.jpg');
  });
});

describe('media rendering in the wiki’s own renderer', () => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki();
  });
  afterAll(async () => wiki.close());

  it('shows a missing file as a link to the upload form', async () => {
    const { services } = wiki;
    const renderer = services.renderer;
    renderer.setTokenRenderer('file', createMediaTokenRenderer({
      current: () => renderer.getCurrentContext(),
      titles: services.titleFactory,
      interwiki: services.interwiki,
      message: (key) => services.messages.lookup(key, services.settings.languageCode),
    }));
    await wiki.edit('Pictures', 'See [[File:Sunset.jpg|thumb|The sunset]].');
    const res = await wiki.agent.get('/wiki/Pictures');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<figure class="mw-default-size" typeof="mw:Error mw:File/Thumb">');
    expect(res.text).toContain('href="/w/index.php?title=Special:Upload&amp;wpDestFile=Sunset.jpg"');
    expect(res.text).toContain('<figcaption>The sunset</figcaption>');
  });
});
