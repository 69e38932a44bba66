/**
 * CURRENT*, LOCAL* and the REVISION* / PAGESIZE / PAGEID words, end to end
 * through the renderer, with MediaWiki's expected outputs (magicWords.txt;
 * the parser-test clock is 1970-01-01T00:02:03Z, a Thursday).
 */
import { guessPageFactTargets } from '../../../../engine/parser/functions/CoreParserFunctions';
import { createHarness, Harness, paragraph } from './coreFunctionsHarness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());
beforeEach(() => {
  h.data.current = null;
  h.data.revisions.clear();
});

const DATE_WORDS = 'MONTH MONTH1 MONTHNAME MONTHNAMEGEN MONTHABBREV DAY DAY2 DAYNAME YEAR TIME HOUR WEEK DOW TIMESTAMP'.split(' ');
const items = (html: string): string[] => [...html.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]);

describe('CURRENT* and LOCAL*', () => {
  test.each(['CURRENT', 'LOCAL'])('%s words at 1970-01-01T00:02:03Z', async (prefix) => {
    const html = await h.html(DATE_WORDS.map((w) => `*{{${prefix}${w}}}`).join('\n'));
    expect(items(html)).toEqual(['01', '1', 'January', 'January', 'Jan', '1', '01', 'Thursday', '1970', '00:02', '00', '1', '4', '19700101000203']);
  });

  test('CURRENTMONTH2 is a synonym of CURRENTMONTH', async () => {
    expect(paragraph(await h.html('{{CURRENTMONTH2}}'))).toBe('01');
  });

  test('month and day names come from the interface messages', async () => {
    const now = new Date('2026-05-23T17:45:09Z');
    expect(paragraph(await h.html('{{CURRENTMONTHNAME}} {{CURRENTMONTHABBREV}} {{CURRENTDAYNAME}} {{CURRENTDAY}} {{CURRENTDAY2}} {{CURRENTDOW}}', 'X', { now }))).toBe('May May Saturday 23 23 6');
    expect(paragraph(await h.html('{{CURRENTTIME}} {{CURRENTHOUR}} {{CURRENTTIMESTAMP}}', 'X', { now }))).toBe('17:45 17 20260523174509');
  });

  test('CURRENTWEEK is the ISO-8601 week, without zero padding (T6594)', async () => {
    const week = async (iso: string) => paragraph(await h.html('{{CURRENTWEEK}}', 'X', { now: new Date(iso) }));
    expect(await week('2021-01-03T12:00:00Z')).toBe('53'); // a Sunday still in 2020's last week
    expect(await week('2021-01-04T12:00:00Z')).toBe('1');
    expect(await week('2026-12-31T12:00:00Z')).toBe('53');
    expect(await week('2027-01-01T12:00:00Z')).toBe('53');
    expect(await week('2025-12-29T00:00:00Z')).toBe('1');
  });

  test('LOCAL* follow $wgLocaltimezone', async () => {
    const tokyo = await createHarness({ localTimezone: 'Asia/Tokyo' });
    try {
      const now = new Date('2026-12-31T20:30:00Z'); // 05:30 on 1 January 2027 in Tokyo
      const html = await tokyo.html(['LOCALYEAR', 'LOCALMONTH', 'LOCALDAY', 'LOCALDAYNAME', 'LOCALTIME', 'LOCALTIMESTAMP', 'CURRENTYEAR', 'CURRENTTIME'].map((w) => `*{{${w}}}`).join('\n'), 'X', { now });
      expect(items(html)).toEqual(['2027', '01', '1', 'Friday', '05:30', '20270101053000', '2026', '20:30']);
    } finally {
      await tokyo.close();
    }
  });

  test('the page language writes the digits (a MediaWiki:…/fa page)', async () => {
    expect(paragraph(await h.html('{{CURRENTYEAR}} {{CURRENTWEEK}}', 'MediaWiki:Test/fa'))).toBe('۱۹۷۰ ۱');
  });
});

describe('REVISION*', () => {
  const rev = (id: number | null, iso: string, user: string | null, size: number, pageId = 0) => ({ id, timestamp: new Date(iso), user, size, pageId });

  test('on the revision being rendered', async () => {
    h.data.current = rev(1337, '1970-01-01T00:02:03Z', '127.0.0.1', 25, 7);
    const text = '{{REVISIONID}}|{{REVISIONTIMESTAMP}}|{{REVISIONDAY}}|{{REVISIONDAY2}}|{{REVISIONMONTH}}|{{REVISIONMONTH1}}|{{REVISIONYEAR}}|{{REVISIONUSER}}|{{REVISIONSIZE}}|{{PAGEID}}';
    expect(paragraph(await h.html(text, 'Parser test', { revisionId: 1337 }))).toBe('1337|19700101000203|1|01|01|1|1970|127.0.0.1|25|7');
  });

  test('the argument form on the page itself uses the same revision', async () => {
    h.data.current = rev(1337, '2001-02-03T04:05:06Z', 'Alice', 25);
    const text = '{{REVISIONID:{{PAGENAME}}}}|{{REVISIONTIMESTAMP:{{PAGENAME}}}}|{{REVISIONUSER:{{PAGENAME}}}}|{{PAGESIZE:{{PAGENAME}}}}';
    expect(paragraph(await h.html(text, 'Parser test', { revisionId: 1337 }))).toBe('1337|20010203040506|Alice|25');
  });

  test('a page not saved yet: the timestamp is the render time, no id or user', async () => {
    expect(paragraph(await h.html('{{REVISIONTIMESTAMP}}|{{REVISIONTIMESTAMP:{{PAGENAME}}}}|{{REVISIONID}}|{{REVISIONUSER}}', 'This page does not exist'))).toBe(
      '19700101000203|19700101000203||',
    );
  });

  test('a preview: the editing user and the previewed size, no id', async () => {
    h.data.current = rev(null, '1970-01-01T00:02:03Z', 'Editor', 12);
    expect(paragraph(await h.html('{{REVISIONID}}|{{REVISIONUSER}}|{{REVISIONSIZE}}', 'Draft'))).toBe('|Editor|12');
  });

  test('another page: its latest revision, or nothing when it does not exist', async () => {
    h.data.revisions.set('Other page', rev(42, '2010-11-12T13:14:15Z', 'Bob', 1234, 9));
    const text = '{{REVISIONID:Other page}}|{{REVISIONTIMESTAMP:Other_page}}|{{REVISIONDAY:Other page}}|{{REVISIONMONTH1:Other page}}|{{REVISIONYEAR:Other page}}|{{REVISIONUSER:Other page}}|{{PAGESIZE:Other page}}|{{PAGESIZE:Other page|R}}|{{PAGEID:Other page}}';
    expect(paragraph(await h.html(text))).toBe('42|20101112131415|12|11|2010|Bob|1,234|1234|9');
    expect(paragraph(await h.html('{{REVISIONTIMESTAMP:This page does not exist}}{{REVISIONUSER:This page does not exist}}{{REVISIONID:Nope}}|{{PAGESIZE:Nope}}'))).toBe('|0');
  });

  test('interwiki titles name no page here (T355706)', async () => {
    const text = [
      '* {{PAGEID:Parser test}} - {{PAGEID:wikipedia:Parser test}}',
      '* {{PAGESIZE:Parser test}} - {{PAGESIZE:wikipedia:Parser test}}',
      '* {{REVISIONID:Parser test}} - {{REVISIONID:wikipedia:Parser test}}',
      '* {{REVISIONDAY:Parser test}} - {{REVISIONDAY:wikipedia:Parser test}}',
      '* {{REVISIONDAY2:Parser test}} - {{REVISIONDAY2:wikipedia:Parser test}}',
      '* {{REVISIONMONTH:Parser test}} - {{REVISIONMONTH:wikipedia:Parser test}}',
      '* {{REVISIONMONTH1:Parser test}} - {{REVISIONMONTH1:wikipedia:Parser test}}',
      '* {{REVISIONYEAR:Parser test}} - {{REVISIONYEAR:wikipedia:Parser test}}',
      '* {{REVISIONTIMESTAMP:Parser test}} - {{REVISIONTIMESTAMP:wikipedia:Parser test}}',
      '* {{REVISIONUSER:Parser test}} - {{REVISIONUSER:wikipedia:Parser test}}',
    ].join('\n');
    const html = await h.html(text);
    expect(items(html).map((s) => s.trim())).toEqual(['0 - 0', '0 - 0', '-', '1 -', '01 -', '01 -', '1 -', '1970 -', '19700101000203 -', '-']);
  });

  test('revision timestamps are in $wgLocaltimezone', async () => {
    const paris = await createHarness({ localTimezone: 'Europe/Paris' });
    try {
      paris.data.revisions.set('Other page', { id: 1, timestamp: new Date('2020-06-30T23:30:00Z'), user: 'X', size: 1 });
      expect(paragraph(await paris.html('{{REVISIONTIMESTAMP:Other page}} {{REVISIONDAY:Other page}} {{REVISIONMONTH:Other page}}'))).toBe('20200701013000 1 07');
    } finally {
      await paris.close();
    }
  });
});

describe('guessPageFactTargets', () => {
  test('names the pages whose revisions and the categories whose counts a text asks for', () => {
    const text = '{{REVISIONID:Other page}} {{REVISIONUSER: Foo }} {{PAGESIZE:Bar|R}} {{REVISIONID}} {{PAGESINCAT:Big|pages}} {{PAGESINCATEGORY:Small}} {{REVISIONDAY2:{{PAGENAME}}}}';
    expect(guessPageFactTargets(text)).toEqual({ revisions: ['Other page', 'Foo', 'Bar'], categories: ['Big', 'Small'] });
  });
});
