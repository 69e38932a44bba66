/**
 * PageUpdater on every database kind: what one save writes, in one
 * transaction; parent ids and sha1; concurrent saves (merged, never lost);
 * concurrent creations of the same page; and the size limit.
 */
import { createHash } from 'node:crypto';
import { createTestWiki, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';
import { PageUpdater, type SaveResult } from '../../../engine/storage/PageUpdater';

/** MediaWiki's rev_sha1: SHA-1 in base 36, zero-padded to 31 digits (Wikimedia\base_convert). */
function mediaWikiSha1(text: string): string {
  const hex = createHash('sha1').update(Buffer.from(text, 'utf8')).digest('hex');
  let n = BigInt(`0x${hex}`);
  let out = '';
  const digits = '0123456789abcdefghijklmnopqrstuvwxyz';
  while (n > 0n) {
    out = digits[Number(n % 36n)] + out;
    n /= 36n;
  }
  return out.padStart(31, '0');
}

describe.each(testDatabaseKinds())('PageUpdater on %s', (kind) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
  });
  afterAll(async () => wiki.close());

  const db = () => wiki.services.db;

  async function pageRow(dbKey: string, namespace = 0) {
    return db()('page').where({ page_namespace: namespace, page_title: dbKey }).first();
  }

  async function revisionRows(pageId: number) {
    return db()('revision').where({ rev_page: pageId }).orderBy('rev_id', 'asc');
  }

  function savedOrThrow(result: SaveResult) {
    if (result.status !== 'saved') throw new Error(`expected saved, got ${result.status}`);
    return result;
  }

  describe('what a save writes', () => {
    test('a creation writes text, revision, page (latest) and a recentchanges row that agree', async () => {
      const result = savedOrThrow(await wiki.edit('Written page', 'Hello ünïcode', { summary: 'create it' }));
      expect(result.change.created).toBe(true);
      expect(result.merged).toBe(false);
      const revId = result.change.revision.id;

      const page = await pageRow('Written_page');
      expect(page).toBeDefined();
      expect(Number(page.page_latest)).toBe(revId);
      expect(Number(page.page_len)).toBe(Buffer.byteLength('Hello ünïcode'));
      expect(Boolean(page.page_is_new)).toBe(true);
      expect(Boolean(page.page_is_redirect)).toBe(false);
      expect(page.page_content_model).toBe('wikitext');

      const revs = await revisionRows(page.page_id);
      expect(revs).toHaveLength(1);
      expect(Number(revs[0].rev_id)).toBe(revId);
      expect(revs[0].rev_comment).toBe('create it');
      expect(Number(revs[0].rev_len)).toBe(Buffer.byteLength('Hello ünïcode'));
      expect(revs[0].rev_timestamp).toMatch(/^\d{14}$/);
      expect(page.page_touched).toBe(revs[0].rev_timestamp);

      const text = await db()('text').where({ old_id: revs[0].rev_text_id }).first();
      expect(text.old_text).toBe('Hello ünïcode');

      const actor = await db()('actor').where({ actor_id: revs[0].rev_actor }).first();
      expect(actor.actor_name).toBe('127.0.0.1');

      const rc = await db()('recentchanges').where({ rc_this_oldid: revId });
      expect(rc).toHaveLength(1);
      expect(Number(rc[0].rc_type)).toBe(1); // RC_NEW
      expect(rc[0].rc_source).toBe('mw.new');
      expect(Boolean(rc[0].rc_new)).toBe(true);
      expect(Number(rc[0].rc_cur_id)).toBe(Number(page.page_id));
      expect(Number(rc[0].rc_last_oldid)).toBe(0);
      expect(rc[0].rc_old_len).toBeNull();
      expect(Number(rc[0].rc_new_len)).toBe(Buffer.byteLength('Hello ünïcode'));
      expect(rc[0].rc_namespace).toBe(0);
      expect(rc[0].rc_title).toBe('Written_page');
      expect(rc[0].rc_comment).toBe('create it');
      expect(rc[0].rc_timestamp).toBe(revs[0].rev_timestamp);
      expect(rc[0].rc_actor).toBe(revs[0].rev_actor);
    });

    test('an edit chains parent ids and writes an RC_EDIT row with old and new lengths', async () => {
      const first = await wiki.services.revisionStore.getRevisionById(Number((await pageRow('Written_page')).page_latest));
      const second = savedOrThrow(await wiki.edit('Written page', 'Hello', { summary: 'shorter', minor: true }));
      const third = savedOrThrow(await wiki.edit('Written page', 'Hello again'));
      expect(first!.parentId ?? 0).toBe(0);
      expect(second.change.revision.parentId).toBe(first!.id);
      expect(third.change.revision.parentId).toBe(second.change.revision.id);
      expect(second.change.created).toBe(false);
      expect(second.change.revision.minor).toBe(true);

      const page = await pageRow('Written_page');
      expect(Number(page.page_latest)).toBe(third.change.revision.id);
      expect(Boolean(page.page_is_new)).toBe(false);

      const rc = await db()('recentchanges').where({ rc_this_oldid: second.change.revision.id }).first();
      expect(Number(rc.rc_type)).toBe(0); // RC_EDIT
      expect(rc.rc_source).toBe('mw.edit');
      expect(Boolean(rc.rc_new)).toBe(false);
      expect(Boolean(rc.rc_minor)).toBe(true);
      expect(Number(rc.rc_last_oldid)).toBe(first!.id);
      expect(Number(rc.rc_old_len)).toBe(Buffer.byteLength('Hello ünïcode'));
      expect(Number(rc.rc_new_len)).toBe(5);
    });

    test('rev_sha1 is the base-36 SHA-1, 31 characters', async () => {
      const texts = ['Hello', 'ünïcode ✓ \u{1F600}', 'x'.repeat(5000)];
      for (const [i, text] of texts.entries()) {
        const result = savedOrThrow(await wiki.edit(`Sha page ${i}`, text));
        expect(result.change.revision.sha1).toMatch(/^[0-9a-z]{31}$/);
        expect(result.change.revision.sha1).toBe(mediaWikiSha1(text));
        const row = await db()('revision').where({ rev_id: result.change.revision.id }).first();
        expect(row.rev_sha1).toBe(mediaWikiSha1(text));
      }
      // MediaWiki's well-known sha1 of the empty string.
      expect(mediaWikiSha1('')).toBe('phoiac9h4m842xq45sp7s6u21eteeq1');
    });

    test('a redirect sets page_is_redirect, and unsetting it clears the flag', async () => {
      savedOrThrow(await wiki.edit('Redirect flag page', '#REDIRECT [[Written page]]'));
      expect(Boolean((await pageRow('Redirect_flag_page')).page_is_redirect)).toBe(true);
      savedOrThrow(await wiki.edit('Redirect flag page', 'No longer a redirect'));
      expect(Boolean((await pageRow('Redirect_flag_page')).page_is_redirect)).toBe(false);
    });

    test('saving the same text again is "nochange" and writes nothing', async () => {
      savedOrThrow(await wiki.edit('Unchanged page', 'Same text'));
      const before = await Promise.all(['revision', 'text', 'recentchanges'].map(async (t) => Number((await db()(t).count({ n: '*' }).first())!.n)));
      const result = await wiki.edit('Unchanged page', 'Same text\n\n');
      expect(result.status).toBe('nochange');
      const after = await Promise.all(['revision', 'text', 'recentchanges'].map(async (t) => Number((await db()(t).count({ n: '*' }).first())!.n)));
      expect(after).toEqual(before);
    });

    test('a failure inside the transaction leaves no partial rows behind', async () => {
      const tables = ['page', 'revision', 'text', 'recentchanges'];
      const count = async () => Promise.all(tables.map(async (t) => Number((await db()(t).count({ n: '*' }).first())!.n)));
      const before = await count();
      const spy = jest.spyOn(wiki.services.searchEngine, 'update').mockRejectedValueOnce(new Error('derived update failed'));
      try {
        await expect(wiki.edit('Rolled back page', 'Never stored')).rejects.toThrow('derived update failed');
      } finally {
        spy.mockRestore();
      }
      expect(await count()).toEqual(before);
      expect(await pageRow('Rolled_back_page')).toBeUndefined();
      expect(await db()('text').where({ old_text: 'Never stored' }).first()).toBeUndefined();
      // The wiki keeps working afterwards.
      expect((await wiki.edit('Rolled back page', 'Stored now')).status).toBe('saved');
    });

    test('a stale base with overlapping changes is a conflict that saves nothing', async () => {
      const base = savedOrThrow(await wiki.edit('Conflicting page', 'a\nb\nc'));
      const theirs = savedOrThrow(await wiki.edit('Conflicting page', 'a\nB theirs\nc'));
      const result = await wiki.edit('Conflicting page', 'a\nB mine\nc', { baseRevId: base.change.revision.id });
      expect(result.status).toBe('conflict');
      if (result.status !== 'conflict') return;
      expect(result.latest.id).toBe(theirs.change.revision.id);
      expect(result.latestText).toBe('a\nB theirs\nc');
      expect(await revisionRows(Number((await pageRow('Conflicting_page')).page_id))).toHaveLength(2);
    });

    test('createOnly and noCreate are honoured', async () => {
      savedOrThrow(await wiki.edit('Existing for flags', 'exists'));
      const title = wiki.services.titleFactory.newFromTextThrow('Existing for flags');
      const user = { id: 0, name: '127.0.0.1' };
      const exists = await wiki.services.pageUpdater.save({ title, text: 'other', user, summary: '', createOnly: true });
      expect(exists.status).toBe('articleexists');
      const missing = await wiki.services.pageUpdater.save({ title: wiki.services.titleFactory.newFromTextThrow('Missing for flags'), text: 'x', user, summary: '', noCreate: true });
      expect(missing.status).toBe('missingtitle');
      expect(await pageRow('Missing_for_flags')).toBeUndefined();
    });
  });

  describe('concurrency', () => {
    test('10 parallel saves from the same base revision, each changing a different line, are all merged', async () => {
      const lines = Array.from({ length: 20 }, (_v, i) => `line ${i}`);
      const base = savedOrThrow(await wiki.edit('Concurrent page', lines.join('\n')));
      const baseRevId = base.change.revision.id;

      const results = await Promise.all(
        Array.from({ length: 10 }, (_v, i) => {
          const mine = [...lines];
          mine[2 * i] = `line ${2 * i} changed by editor ${i}`;
          return wiki.edit('Concurrent page', mine.join('\n'), { baseRevId, user: { id: 0, name: `192.0.2.${i + 1}` }, summary: `editor ${i}` });
        }),
      );

      expect(results.map((r) => r.status)).toEqual(Array(10).fill('saved'));
      expect(results.filter((r) => r.status === 'saved' && r.merged)).toHaveLength(9);

      const page = await pageRow('Concurrent_page');
      const finalText = await wiki.services.revisionStore.getTextByRevisionId(Number(page.page_latest));
      const expected = lines.map((line, k) => (k % 2 === 0 ? `line ${k} changed by editor ${k / 2}` : line)).join('\n');
      expect(finalText).toBe(expected);

      const revs = await revisionRows(Number(page.page_id));
      expect(revs).toHaveLength(11);
      // A linear chain: every revision's parent is the one before it, and the page points at the last.
      expect(revs[0].rev_parent_id ?? 0).toBe(0);
      for (let k = 1; k < revs.length; k++) expect(Number(revs[k].rev_parent_id)).toBe(Number(revs[k - 1].rev_id));
      expect(Number(page.page_latest)).toBe(Number(revs[10].rev_id));
      // Each editor's change is in the revision it saved and stays in every later one.
      const texts = await Promise.all(revs.map((rev) => wiki.services.revisionStore.getTextByRevisionId(Number(rev.rev_id))));
      for (let k = 1; k < texts.length; k++) {
        const changedLines = texts[k]!.split('\n').filter((l) => l.includes('changed by editor'));
        expect(changedLines).toHaveLength(k);
      }
      expect(await db()('recentchanges').where({ rc_cur_id: page.page_id })).toHaveLength(11);
      expect(wiki.errors).toEqual([]);
    });

    test('10 parallel creations of the same new page make one page; every "saved" is a revision', async () => {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, (_v, i) => wiki.edit('Raced new page', `creation text ${i}`, { user: { id: 0, name: '198.51.100.7' } })),
      );
      const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(rejected.map((o) => String(o.reason))).toEqual([]);
      const results = outcomes.map((o) => (o as PromiseFulfilledResult<SaveResult>).value);

      const pages = await db()('page').where({ page_namespace: 0, page_title: 'Raced_new_page' });
      expect(pages).toHaveLength(1);
      const savedCount = results.filter((r) => r.status === 'saved').length;
      expect(savedCount).toBeGreaterThanOrEqual(1);
      const revs = await revisionRows(Number(pages[0].page_id));
      expect(revs).toHaveLength(savedCount);
      expect(results.filter((r) => r.status === 'saved' && r.change.created)).toHaveLength(1);
      for (let k = 1; k < revs.length; k++) expect(Number(revs[k].rev_parent_id)).toBe(Number(revs[k - 1].rev_id));
      expect(Number(pages[0].page_latest)).toBe(Number(revs[revs.length - 1].rev_id));
      // One actor row for the one (new) name, however many raced to create it.
      expect(await db()('actor').where({ actor_name: '198.51.100.7' })).toHaveLength(1);
    });
  });

  describe('size limit', () => {
    let small: TestWiki;
    beforeAll(async () => {
      small = await createTestWiki(kind, { maxArticleSize: 1 });
    });
    afterAll(async () => small.close());

    test('text over maxArticleSize (KiB, counted in bytes) is "toobig" and nothing is written', async () => {
      const result = await small.edit('Big page', 'x'.repeat(1025));
      expect(result).toEqual({ status: 'toobig', maxBytes: 1024 });
      expect(await small.services.db('page').where({ page_title: 'Big_page' }).first()).toBeUndefined();

      // 513 two-byte characters are 1026 bytes.
      expect((await small.edit('Big page', 'é'.repeat(513))).status).toBe('toobig');
      expect((await small.edit('Big page', 'x'.repeat(1024))).status).toBe('saved');
    });

    test('the edit form shows the size error and keeps the text', async () => {
      const token = await small.getEditToken('/w/index.php?title=Big_form_page&action=edit');
      const text = 'y'.repeat(2000);
      const res = await small.agent.post('/w/index.php?title=Big_form_page&action=submit').type('form').send({ wpEditToken: token, wpTextbox1: text, wpSave: '1', editRevId: '0' });
      expect(res.status).not.toBe(303);
      expect(res.text).toContain('id="mw-edit-longpageerror"');
      expect(res.text).toContain('<textarea id="wpTextbox1" name="wpTextbox1" rows="25" cols="80" aria-label="Wikitext source editor" accesskey=",">' + text + '</textarea>');
      expect(await small.services.db('page').where({ page_title: 'Big_form_page' }).first()).toBeUndefined();
    });
  });
});

describe('PageUpdater.normalizeText', () => {
  test("trims like PHP's rtrim: CRLF becomes LF, trailing spaces and newlines go, a trailing NBSP stays", () => {
    expect(PageUpdater.normalizeText('a\r\nb \t\n\n')).toBe('a\nb');
    expect(PageUpdater.normalizeText('a\u00a0')).toBe('a\u00a0');
  });
});
