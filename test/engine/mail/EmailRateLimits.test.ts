import { createTestWiki, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';
import { EmailRateLimits } from '../../../engine/mail/EmailRateLimits';
import { RateLimiterFactory } from '../../../engine/ratelimit/RateLimiterFactory';

describe.each(testDatabaseKinds())('email rate limits on %s', (kind) => {
  let wiki: TestWiki;
  const limits = { confirmemail: { user: [3, 86400] as [number, number], ip: [5, 3600] as [number, number] }, mailpassword: { ip: [2, 3600] as [number, number] } };
  beforeAll(async () => {
    wiki = await createTestWiki(kind, { emailRateLimits: limits });
  });
  afterAll(async () => wiki.close());

  test('confirmemail: per user and per IP, counted in the database so separate processes share the counts', async () => {
    // Two "processes": separate limiter objects on the same database.
    const a = new EmailRateLimits(new RateLimiterFactory(wiki.services.db), limits);
    const b = new EmailRateLimits(new RateLimiterFactory(wiki.services.db), limits);
    expect(await a.pingConfirmEmail(1, '203.0.113.1')).toBe(false);
    expect(await b.pingConfirmEmail(1, '203.0.113.2')).toBe(false);
    expect(await a.pingConfirmEmail(1, '203.0.113.3')).toBe(false);
    // The user's fourth request in a day is refused, from whichever address and process.
    expect(await b.pingConfirmEmail(1, '203.0.113.4')).toBe(true);
    // Another user is not affected by user 1's count.
    expect(await a.pingConfirmEmail(2, '203.0.113.5')).toBe(false);
    // Per IP: five in an hour, whoever asks.
    for (let user = 10; user < 14; user++) expect(await a.pingConfirmEmail(user, '203.0.113.9')).toBe(false);
    expect(await b.pingConfirmEmail(20, '203.0.113.9')).toBe(false);
    expect(await a.pingConfirmEmail(21, '203.0.113.9')).toBe(true);
    // The counts are rows in the database table, not process memory.
    const rows = await wiki.services.db('rate_limit').select('key');
    expect(rows.map((r: { key: string }) => r.key)).toEqual(expect.arrayContaining(['confirmemail-user:1', 'confirmemail-ip:203.0.113.9']));
  });

  test('mailpassword: per IP', async () => {
    const a = new EmailRateLimits(new RateLimiterFactory(wiki.services.db), limits);
    expect(await a.pingMailPassword('198.51.100.1')).toBe(false);
    expect(await a.pingMailPassword('198.51.100.1')).toBe(false);
    expect(await a.pingMailPassword('198.51.100.1')).toBe(true);
    expect(await a.pingMailPassword('198.51.100.2')).toBe(false);
  });
});
