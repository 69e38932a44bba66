import {
  countWords,
  MATCH_END as E,
  MATCH_START as S,
  normalizePaging,
  parseSearchTerms,
  snippetHtmlFromHighlighted,
  stripWikitext,
} from '../../../engine/search/stripWikitext';

describe('stripWikitext', () => {
  it('keeps the words of bold, italic, headings and lists', () => {
    expect(stripWikitext("== Heading ==\n'''Bold''' and ''italic'' text\n* item one\n# item two\n: indented")).toBe(
      'Heading Bold and italic text item one item two indented',
    );
  });

  it('keeps single apostrophes inside words', () => {
    expect(stripWikitext("It's John's ''book''")).toBe("It's John's book");
  });

  it('replaces internal links by their label or target, with link trails', () => {
    expect(stripWikitext('See [[Main Page]], [[Help:Contents|the help]] and [[game]]s.')).toBe(
      'See Main Page, the help and games.',
    );
  });

  it('keeps image captions, including links inside them', () => {
    expect(stripWikitext('[[File:Cat.jpg|thumb|200px|A [[cat]] sleeping]]')).toBe('A cat sleeping');
  });

  it('keeps category names but not sort keys', () => {
    expect(stripWikitext('Text [[Category:Felines|Cat]]')).toBe('Text Category:Felines');
  });

  it('drops URLs but keeps external link labels', () => {
    expect(stripWikitext('Go to [https://example.org/x?y=1 the site] or https://example.com/page or [http://bare.example].')).toBe(
      'Go to the site or or .',
    );
  });

  it('removes template braces and pipes but keeps the words', () => {
    expect(stripWikitext('{{Infobox person|name=Ada Lovelace|born={{birth date|1815}}}} She wrote {{{1|notes}}}.')).toBe(
      'Infobox person name=Ada Lovelace born= birth date 1815 She wrote 1 notes .',
    );
  });

  it('removes table markup', () => {
    expect(stripWikitext('{| class="wikitable"\n|+ Caption\n|-\n! Head1 !! Head2\n|-\n| cell1 || cell2\n|}')).toBe(
      'Caption Head1 Head2 cell1 cell2',
    );
  });

  it('removes tags and comments but keeps enclosed text', () => {
    expect(stripWikitext('A<ref name="x">footnote</ref> <b>bold</b><br/>line <!-- hidden comment --> end')).toBe(
      'A footnote bold line end',
    );
  });

  it('removes behaviour switches and horizontal rules', () => {
    expect(stripWikitext('__TOC__\nabove\n----\nbelow __NOEDITSECTION__')).toBe('above below');
  });

  it('decodes character references into the characters they show', () => {
    expect(stripWikitext('&lt;script&gt; &amp; &#65;&#x42; caf&eacute;&nbsp;x &bogus;')).toBe('<script> & AB caf&eacute; x &bogus;');
  });

  it('keeps nowiki and pre content literally', () => {
    expect(stripWikitext("<nowiki>[[not a link]] '''x''' <b></nowiki> and <pre>{{raw}}</pre>")).toBe(
      "[[not a link]] '''x''' <b> and {{raw}}",
    );
  });

  it('never lets control characters (the match markers) into the index', () => {
    expect(stripWikitext(`a${S}b${E}c &#1;d`)).toBe('a b c d');
  });

  it('shows <nowiki> inside <pre> without its tags', () => {
    expect(stripWikitext('<pre>a <nowiki>{{b}}</nowiki> c</pre>')).toBe('a {{b}} c');
  });

  it('takes linear time on pathological input', () => {
    const n = 50000;
    const inputs = [
      '='.repeat(n), '=' + ' '.repeat(n) + 'x', '[http://x ' + ' '.repeat(n), '[http://x '.repeat(n), '<nowiki>'.repeat(n),
      '_'.repeat(n), '[[a|'.repeat(n), '{{'.repeat(n), '<a '.repeat(n), '<!--'.repeat(n), '&#1'.repeat(n),
    ];
    const started = Date.now();
    for (const input of inputs) stripWikitext(input);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('copes with unclosed markup', () => {
    expect(stripWikitext('[[unclosed {{template <!-- comment')).toBe('unclosed template');
  });
});

describe('countWords', () => {
  it('counts words, with apostrophes and hyphens inside words', () => {
    expect(countWords("It's a well-known fact — 42 times. Ça va?")).toBe(8);
    expect(countWords('')).toBe(0);
  });
});

describe('parseSearchTerms', () => {
  it('splits words and keeps quoted phrases together', () => {
    expect(parseSearchTerms('alpha "beta  gamma" delta')).toEqual(['alpha', 'beta gamma', 'delta']);
  });

  it('drops terms without letters or digits and reads no operators', () => {
    expect(parseSearchTerms('* - : \' \\ AND OR NEAR( -foo "')).toEqual(['AND', 'OR', 'NEAR(', '-foo']);
    expect(parseSearchTerms('')).toEqual([]);
    expect(parseSearchTerms('   ')).toEqual([]);
  });

  it('runs an unclosed quote to the end', () => {
    expect(parseSearchTerms('one "two three')).toEqual(['one', 'two three']);
  });
});

describe('snippetHtmlFromHighlighted', () => {
  it('escapes the text and wraps matches in searchmatch spans', () => {
    expect(snippetHtmlFromHighlighted(`<script> & ${S}cats${E} "x"`)).toBe(
      '&lt;script&gt; &amp; <span class="searchmatch">cats</span> &quot;x&quot;',
    );
  });

  it('shows the beginning of the text when nothing in it matched', () => {
    const text = 'word '.repeat(100).trim();
    const html = snippetHtmlFromHighlighted(text);
    expect(html.endsWith(' …')).toBe(true);
    expect(html.length).toBeLessThanOrEqual(205);
    expect(html).not.toContain('wor …');
  });

  it('cuts at most three fragments of about 200 characters around matches', () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    const text = [filler(50), `${S}one${E}`, filler(50), `${S}two${E}`, filler(50), `${S}three${E}`, filler(50), `${S}four${E}`, filler(50)].join(' ');
    const html = snippetHtmlFromHighlighted(text);
    expect(html.match(/<span class="searchmatch">/g)).toHaveLength(3);
    expect(html).not.toContain('four');
    expect(html.split(' … ')).toHaveLength(3);
    expect(html.startsWith('… ')).toBe(true);
    expect(html.endsWith(' …')).toBe(true);
    expect(html.replace(/<[^>]+>/g, '').length).toBeLessThan(260);
  });

  it('tolerates unbalanced markers', () => {
    expect(snippetHtmlFromHighlighted(`a ${E}b ${S}c`)).toBe('a b <span class="searchmatch">c</span>');
    expect(snippetHtmlFromHighlighted('')).toBe('');
  });
});

describe('normalizePaging', () => {
  it('falls back to the main namespace and clamps paging', () => {
    expect(normalizePaging({ namespaces: [], limit: -1, offset: NaN })).toEqual({ namespaces: [0], limit: 0, offset: 0 });
    expect(normalizePaging({ namespaces: [0, 4, 4], limit: 20.5, offset: 3 })).toEqual({ namespaces: [0, 4], limit: 20, offset: 3 });
  });
});
