/**
 * The uploaded files MediaWiki's parser tests expect (ParserTestRunner::setupUploads):
 * the same names, sizes, types and metadata, so that the expected HTML's
 * image sizes and thumbnail names come out the same. Tall.jpg and
 * "File & file.jpg" are used by the current media.txt; their sizes are those
 * its Parsoid expectations record (data-file-width/height).
 *
 * MediaWiki's runner publishes them under $wgUploadPath = http://example.com/images
 * and renders with a 180px default thumbnail size; see PARSER_TEST_UPLOAD_PATH
 * and PARSER_TEST_MEDIA_SETTINGS. It also creates each file's description
 * page (recordUpload3 with the page text): `descriptionPage` gives it.
 */
import type { FileRegistration, LocalRepo } from '../../engine/filerepo/LocalRepo';
import type { MediaSettings } from '../../engine/parser/media/MediaEnvironment';

/** $wgUploadPath of MediaWiki's parser tests. */
export const PARSER_TEST_UPLOAD_PATH = 'http://example.com/images';

/** What the runner's parser options amount to for media: 180px thumbnails, uploads enabled. */
export const PARSER_TEST_MEDIA_SETTINGS: Partial<MediaSettings> = { thumbSize: 180, enableUploads: true };

/** The maintenance user MediaWiki's runner uploads as (User::MAINTENANCE_SCRIPT_USER). */
const UPLOADER = { id: 0, name: 'Maintenance script' };

/** Wikimedia\base_convert( $n, 16, 36, 31 ): the runner's placeholder SHA-1s. */
function sha1Placeholder(hex: string): string {
  return BigInt(`0x${hex || '0'}`).toString(36).padStart(31, '0');
}

export interface ParserTestUpload extends Omit<FileRegistration, 'user'> {
  /** The description page's text (recordUpload3's $pageText). */
  descriptionPage: string;
}

const DJVU_PAGE = { width: 2480, height: 3508 };

export const PARSER_TEST_UPLOADS: readonly ParserTestUpload[] = [
  {
    name: 'Foobar.jpg', size: 7881, width: 1941, height: 220, bits: 8, mediaType: 'BITMAP', mime: 'image/jpeg',
    sha1: sha1Placeholder('1'), timestamp: '20010115123500', description: 'Upload of some lame file', descriptionPage: 'Some lame file',
  },
  {
    name: 'Thumb.png', size: 22589, width: 135, height: 135, bits: 8, mediaType: 'BITMAP', mime: 'image/png',
    sha1: sha1Placeholder('2'), timestamp: '20130225203040', description: 'Upload of some lame thumbnail', descriptionPage: 'Some lame thumbnail',
  },
  {
    name: 'Foobar.svg', size: 12345, width: 240, height: 180, bits: 0, mediaType: 'DRAWING', mime: 'image/svg+xml',
    // SVGReader::LANG_FULL_MATCH for both languages.
    metadata: { translations: { en: 1, ru: 1 } },
    sha1: sha1Placeholder(''), timestamp: '20010115123500', description: 'Upload of some lame SVG', descriptionPage: 'Some lame SVG',
  },
  {
    // On [[MediaWiki:Bad image list]] in the tests that use it.
    name: 'Bad.jpg', size: 12345, width: 320, height: 240, bits: 24, mediaType: 'BITMAP', mime: 'image/jpeg',
    sha1: sha1Placeholder('3'), timestamp: '20010115123500', description: 'zomgnotcensored', descriptionPage: 'Borderline image',
  },
  {
    name: 'Hi-ho.jpg', size: 7881, width: 1941, height: 220, bits: 8, mediaType: 'BITMAP', mime: 'image/jpeg',
    sha1: sha1Placeholder('1'), timestamp: '20010115123500', description: 'Hi', descriptionPage: 'ho',
  },
  {
    name: 'Video.ogv', size: 12345, width: 320, height: 240, bits: 0, mediaType: 'VIDEO', mime: 'application/ogg',
    sha1: sha1Placeholder(''), timestamp: '20010115123500', description: 'A pretty movie', descriptionPage: 'Will it play',
  },
  {
    name: 'Audio.oga', size: 12345, width: 0, height: 0, bits: 0, mediaType: 'AUDIO', mime: 'application/ogg',
    sha1: sha1Placeholder(''), timestamp: '20010115123500', description: 'An awesome hitsong', descriptionPage: 'Will it play',
  },
  {
    name: 'LoremIpsum.djvu', size: 3249, width: 2480, height: 3508, bits: 0, mediaType: 'OFFICE', mime: 'image/vnd.djvu',
    metadata: { pages: [DJVU_PAGE, DJVU_PAGE, DJVU_PAGE, DJVU_PAGE, DJVU_PAGE] },
    sha1: sha1Placeholder(''), timestamp: '20010115123600', description: 'Upload a DjVu', descriptionPage: 'A DjVu',
  },
  {
    name: 'Tall.jpg', size: 7881, width: 400, height: 600, bits: 8, mediaType: 'BITMAP', mime: 'image/jpeg',
    sha1: sha1Placeholder('1'), timestamp: '20010115123500', description: 'Upload of a tall file', descriptionPage: 'A tall file',
  },
  {
    name: 'File_&_file.jpg', size: 7881, width: 1941, height: 220, bits: 8, mediaType: 'BITMAP', mime: 'image/jpeg',
    sha1: sha1Placeholder('1'), timestamp: '20010115123500', description: 'Upload of a file with an ampersand', descriptionPage: 'A file with an ampersand',
  },
];

/** Registers the parser tests' files in the repository (the `image` rows of setupUploads). */
export async function setupParserTestFiles(repo: LocalRepo): Promise<void> {
  for (const upload of PARSER_TEST_UPLOADS) {
    const { descriptionPage: _descriptionPage, ...file } = upload;
    await repo.registerFile({ ...file, user: UPLOADER });
  }
}
