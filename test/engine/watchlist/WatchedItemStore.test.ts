/**
 * The watchlist store (MediaWiki's WatchedItemStore) on the `watchlist`
 * table: a page and its talk page are one entry, duplicates are ignored,
 * special pages can't be watched, lists come by namespace and title, and
 * each user's list is their own.
 */
import { createTestWiki, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';
import type { WatchedItemStore } from '../../../engine/watchlist/WatchlistServices';

describe.each(testDatabaseKinds())('WatchedItemStore on %s', (kind) => {
  let wiki: TestWiki;
  let store: WatchedItemStore;
  let alice: number;
  let bob: number;
  const t = (text: string) => wiki.services.titleFactory.newFromTextThrow(text);

  beforeAll(async () => {
    wiki = await createTestWiki(kind);
    store = wiki.services.watchlist.watchedItemStore;
    alice = (await wiki.createUser('Alice')).id;
    bob = (await wiki.createUser('Bob')).id;
  });
  afterAll(async () => wiki.close());
  beforeEach(async () => {
    await store.clear(alice);
    await store.clear(bob);
  });

  test('watching a page watches its talk page too, and the other way round', async () => {
    expect(await store.watch(alice, [t('Foo')])).toBe(1);
    expect(await store.isWatched(alice, t('Foo'))).toBe(true);
    expect(await store.isWatched(alice, t('Talk:Foo'))).toBe(true);
    expect(await store.countWatchedItems(alice)).toBe(1);

    expect(await store.watch(alice, [t('Help talk:Bar')])).toBe(1);
    expect(await store.isWatched(alice, t('Help:Bar'))).toBe(true);
    expect(await store.list(alice)).toEqual([
      { namespace: 0, dbKey: 'Foo', notificationTimestamp: null },
      { namespace: 12, dbKey: 'Bar', notificationTimestamp: null },
    ]);
  });

  test('watching twice, or a page and its talk page together, is one entry', async () => {
    expect(await store.watch(alice, [t('Foo'), t('Talk:Foo'), t('Foo')])).toBe(1);
    expect(await store.watch(alice, [t('Foo')])).toBe(0);
    expect(await store.countWatchedItems(alice)).toBe(1);
  });

  test('unwatching the talk page unwatches the subject page', async () => {
    await store.watch(alice, [t('Foo'), t('Bar')]);
    expect(await store.unwatch(alice, [t('Talk:Foo')])).toBe(1);
    expect(await store.isWatched(alice, t('Foo'))).toBe(false);
    expect(await store.isWatched(alice, t('Bar'))).toBe(true);
    expect(await store.unwatch(alice, [t('Foo')])).toBe(0);
  });

  test('special pages are not watchable and are skipped', async () => {
    expect(store.isWatchable(t('Special:RecentChanges'))).toBe(false);
    expect(store.isWatchable(t('Foo'))).toBe(true);
    expect(await store.watch(alice, [t('Special:RecentChanges')])).toBe(0);
    expect(await store.isWatched(alice, t('Special:RecentChanges'))).toBe(false);
  });

  test("each user's watchlist is their own; anonymous users have none", async () => {
    await store.watch(alice, [t('Foo')]);
    expect(await store.isWatched(bob, t('Foo'))).toBe(false);
    expect(await store.list(bob)).toEqual([]);
    expect(await store.isWatched(0, t('Foo'))).toBe(false);
    await expect(store.watch(0, [t('Foo')])).rejects.toThrow();
  });

  test('setWatch and clear', async () => {
    await store.setWatch(true, alice, t('Foo'));
    await store.setWatch(true, alice, t('Bar'));
    expect(await store.isWatched(alice, t('Foo'))).toBe(true);
    await store.setWatch(false, alice, t('Foo'));
    expect(await store.isWatched(alice, t('Foo'))).toBe(false);
    expect(await store.clear(alice)).toBe(1);
    expect(await store.countWatchedItems(alice)).toBe(0);
  });

  test('many titles at once', async () => {
    const titles = Array.from({ length: 450 }, (_, i) => t(`Page ${i}`));
    expect(await store.watch(alice, titles)).toBe(450);
    expect(await store.countWatchedItems(alice)).toBe(450);
  });
});
