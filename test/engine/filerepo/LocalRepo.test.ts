/**
 * LocalRepo on every database kind: registering files (insert and replace),
 * finding many in one query, MediaWiki's hashed URLs for originals and
 * thumbnails, metadata round trips and file redirects.
 */
import { createTestDatabase, TestDatabase, testDatabaseKinds } from '../../helpers/testDatabases';
import { LocalRepo } from '../../../engine/filerepo/LocalRepo';
import { NamespaceInfo } from '../../../engine/title/NamespaceInfo';
import { TitleFactory } from '../../../engine/title/TitleFactory';
import { PARSER_TEST_UPLOAD_PATH, PARSER_TEST_UPLOADS, setupParserTestFiles } from '../../../tools/parsertests/ParserTestFiles';

const user = { id: 0, name: 'Maintenance script' };

function titleFactory(): TitleFactory {
  const namespaces = new NamespaceInfo({
    sitename: 'Test', namespacesWithSubpages: {}, capitalLinks: true, extraNamespaces: {}, namespaceAliases: {}, contentNamespaces: [0],
  });
  return new TitleFactory(namespaces, { server: 'http://example.org', articlePath: '/wiki/$1', scriptPath: '' });
}

describe('LocalRepo URLs', () => {
  // No queries: a repo over no database.
  const repo = new LocalRepo(null as never, { uploadPath: 'http://example.com/images/' });

  it('spreads files over MD5 hash directories, as MediaWiki', () => {
    expect(repo.getHashPath('Foobar.jpg')).toBe('3/3a/');
    expect(repo.getUrl('Foobar.jpg')).toBe('http://example.com/images/3/3a/Foobar.jpg');
    expect(repo.getUrl('Thumb.png')).toBe('http://example.com/images/e/ea/Thumb.png');
  });

  it('puts thumbnails in a directory named like the file', () => {
    expect(repo.getThumbUrl('Foobar.jpg')).toBe('http://example.com/images/thumb/3/3a/Foobar.jpg');
    expect(repo.getThumbUrl('Foobar.jpg', '180px-Foobar.jpg')).toBe('http://example.com/images/thumb/3/3a/Foobar.jpg/180px-Foobar.jpg');
  });

  it('encodes names with rawurlencode', () => {
    expect(repo.getUrl('File_&_file.jpg')).toBe('http://example.com/images/1/1f/File_%26_file.jpg');
    expect(repo.getUrl("Don't_(1).jpg")).toMatch(/\/Don%27t_%281%29\.jpg$/);
  });

  it('derives the upload path from the script path by default, and can be flat', () => {
    expect(LocalRepo.defaultUploadPath('/w')).toBe('/w/images');
    expect(LocalRepo.defaultUploadPath('')).toBe('/images');
    const flat = new LocalRepo(null as never, { uploadPath: '/w/images', hashedDirectories: false });
    expect(flat.getUrl('Foobar.jpg')).toBe('/w/images/Foobar.jpg');
  });
});

describe.each(testDatabaseKinds())('LocalRepo on %s', (kind) => {
  let database: TestDatabase;
  let repo: LocalRepo;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    repo = new LocalRepo(database.db, { uploadPath: PARSER_TEST_UPLOAD_PATH, titles: titleFactory() });
    await setupParserTestFiles(repo);
  });
  afterAll(async () => database.destroy());

  it('finds the registered files, with their URLs and metadata', async () => {
    const found = await repo.findFiles(['Foobar.jpg', 'Foobar.svg', 'LoremIpsum.djvu', 'No_such.jpg']);
    expect([...found.keys()].sort()).toEqual(['Foobar.jpg', 'Foobar.svg', 'LoremIpsum.djvu']);
    expect(found.get('Foobar.jpg')).toMatchObject({
      name: 'Foobar.jpg',
      size: 7881,
      width: 1941,
      height: 220,
      bits: 8,
      mime: 'image/jpeg',
      mediaType: 'BITMAP',
      url: 'http://example.com/images/3/3a/Foobar.jpg',
      thumbUrl: 'http://example.com/images/thumb/3/3a/Foobar.jpg',
      timestamp: '20010115123500',
      sha1: '0000000000000000000000000000001',
    });
    expect(found.get('Foobar.svg')!.metadata).toEqual({ translations: { en: 1, ru: 1 } });
    expect(found.get('LoremIpsum.djvu')!.metadata.pages).toHaveLength(5);
  });

  it('asks the database once for many names', async () => {
    const queries: string[] = [];
    const listener = (query: { sql: string }) => queries.push(query.sql);
    database.db.on('query', listener);
    try {
      await repo.findFiles(PARSER_TEST_UPLOADS.map((u) => u.name));
    } finally {
      database.db.removeListener('query', listener);
    }
    expect(queries).toHaveLength(1);
  });

  it('replaces the row when a file is registered again', async () => {
    await repo.registerFile({ name: 'Replaced.png', size: 10, width: 10, height: 10, mime: 'image/png', mediaType: 'BITMAP', user, timestamp: '20200101000000' });
    await repo.registerFile({ name: 'Replaced.png', size: 20, width: 40, height: 30, mime: 'image/png', mediaType: 'bitmap', user, timestamp: '20210101000000' });
    const file = await repo.findFile('Replaced.png');
    expect(file).toMatchObject({ size: 20, width: 40, height: 30, mediaType: 'BITMAP', timestamp: '20210101000000' });
    const rows = await database.db('image').where({ img_name: 'Replaced.png' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ img_major_mime: 'image', img_minor_mime: 'png' });
  });

  it('follows a File: page that redirects to another file', async () => {
    const actor = await database.db('actor').where({ actor_name: user.name }).first('actor_id');
    const [{ old_id: textId }] = await database.db('text').insert({ old_text: '#REDIRECT [[File:Foobar.jpg]]' }).returning('old_id');
    const [{ page_id: pageId }] = await database.db('page')
      .insert({ page_namespace: 6, page_title: 'Redirect_to_foobar.jpg', page_is_redirect: true, page_touched: '20010101000000' })
      .returning('page_id');
    const [{ rev_id: revId }] = await database.db('revision')
      .insert({ rev_page: pageId, rev_text_id: textId, rev_actor: actor.actor_id, rev_timestamp: '20010101000000', rev_len: 29, rev_sha1: '' })
      .returning('rev_id');
    await database.db('page').where({ page_id: pageId }).update({ page_latest: revId });

    const found = await repo.findFiles(['Redirect_to_foobar.jpg']);
    expect(found.get('Redirect_to_foobar.jpg')).toMatchObject({ name: 'Foobar.jpg', redirectedFrom: 'Redirect_to_foobar.jpg', url: 'http://example.com/images/3/3a/Foobar.jpg' });
  });

  it('treats unreadable metadata as none', async () => {
    await repo.registerFile({ name: 'Broken.png', size: 1, width: 1, height: 1, mime: 'image/png', mediaType: 'BITMAP', user });
    await database.db('image').where({ img_name: 'Broken.png' }).update({ img_metadata: 'a:0:{}' });
    expect((await repo.findFile('Broken.png'))!.metadata).toEqual({});
  });
});
