/**
 * The interwiki prefixes a fresh wiki ships with: the common ones of
 * MediaWiki's maintenance/interwiki.list, plus the Wikimedia prefixes the API
 * Portal's documentation links to (phab:, wikitech:, mw:, meta:). Sites add
 * or replace entries with the `interwikiMap` setting.
 */
export interface InterwikiEntry {
  /** URL with $1 where the (wfUrlencode'd) page name goes. */
  url: string;
  /** Pages on the same farm (MediaWiki's iw_local): followed by Special:Search "Go". */
  local?: boolean;
  /** An interlanguage link: moved out of the text into the page's language links. */
  language?: boolean;
}

export const DEFAULT_INTERWIKI_MAP: Readonly<Record<string, InterwikiEntry>> = {
  acronym: { url: 'https://www.acronymfinder.com/~/search/af.aspx?string=exact&Acronym=$1' },
  arxiv: { url: 'https://www.arxiv.org/abs/$1' },
  commons: { url: 'https://commons.wikimedia.org/wiki/$1' },
  doi: { url: 'https://dx.doi.org/$1' },
  foldoc: { url: 'https://foldoc.org/?$1' },
  google: { url: 'https://www.google.com/search?q=$1' },
  imdb: { url: 'https://www.imdb.com/find?q=$1&tt=on' },
  meatball: { url: 'http://meatballwiki.org/wiki/$1' },
  mediawikiwiki: { url: 'https://www.mediawiki.org/wiki/$1' },
  meta: { url: 'https://meta.wikimedia.org/wiki/$1' },
  metawikimedia: { url: 'https://meta.wikimedia.org/wiki/$1' },
  mw: { url: 'https://www.mediawiki.org/wiki/$1' },
  phab: { url: 'https://phabricator.wikimedia.org/$1' },
  rfc: { url: 'https://tools.ietf.org/html/rfc$1' },
  usemod: { url: 'http://www.usemod.com/cgi-bin/wiki.pl?$1' },
  wikibooks: { url: 'https://en.wikibooks.org/wiki/$1' },
  wikidata: { url: 'https://www.wikidata.org/wiki/$1' },
  wikimedia: { url: 'https://foundation.wikimedia.org/wiki/$1' },
  wikinews: { url: 'https://en.wikinews.org/wiki/$1' },
  wikipedia: { url: 'https://en.wikipedia.org/wiki/$1' },
  wikiquote: { url: 'https://en.wikiquote.org/wiki/$1' },
  wikisource: { url: 'https://wikisource.org/wiki/$1' },
  wikispecies: { url: 'https://species.wikimedia.org/wiki/$1' },
  wikitech: { url: 'https://wikitech.wikimedia.org/wiki/$1' },
  wikiversity: { url: 'https://en.wikiversity.org/wiki/$1' },
  wikivoyage: { url: 'https://en.wikivoyage.org/wiki/$1' },
  wikt: { url: 'https://en.wiktionary.org/wiki/$1' },
  wiktionary: { url: 'https://en.wiktionary.org/wiki/$1' },
};
