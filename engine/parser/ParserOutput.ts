/** What a render produces besides HTML (MediaWiki's ParserOutput). */
export interface CategoryLink {
  /** DB key without the namespace prefix. */
  name: string;
  sortKey: string;
}

export interface HeadingInfo {
  level: number;
  text: string;
}

/** One entry of the table of contents (MediaWiki's SectionMetadata). */
export interface SectionInfo {
  /** 1..6 from the wikitext (`==` is 2). */
  level: number;
  /** Nesting depth in the TOC (1 = top). */
  tocLevel: number;
  /** Heading HTML as shown in the TOC (links removed). */
  line: string;
  /** "1", "1.2" … */
  number: string;
  /** "3" for the page's own third section; "T-1" for a template's heading; "" when not editable. */
  index: string;
  /** The heading's id (anchor). */
  anchor: string;
  /** The anchor as written in a link (`#…`); differs from the id in some fragment modes. */
  linkAnchor?: string;
  /** Prefixed title of the page whose text holds the heading (a template's for its headings); null when the heading is no section of any text. */
  fromTitle?: string | null;
  /** Offset of the heading in the page's wikitext, in code points; null for headings from templates and HTML. */
  codepointOffset?: number | null;
}

export interface ParserOutput {
  html: string;
  categories: CategoryLink[];
  headings: HeadingInfo[];
  /** Prefixed titles of every transcluded page (templatelinks), redirects included. */
  templates: string[];
  /** Prefixed titles of internal links (pagelinks), red ones included. */
  links: string[];
  /** Interwiki links in the text, "prefix:Page" (iwlinks). */
  interwikiLinks: string[];
  /** Interlanguage links, "lang:Page" (langlinks): not shown in the text; the skin lists them. */
  languageLinks: string[];
  /** Targets of external links (externallinks). */
  externalLinks: string[];
  /** DB keys of files used (imagelinks). */
  images: string[];
  /** Page properties (page_props): defaultsort, displaytitle, notoc, noindex, hiddencat, newsectionlink … */
  properties: Record<string, string>;
  /** Page status indicators, name → HTML (MediaWiki's ParserOutput::getIndicators). */
  indicators: Record<string, string>;
  sections: SectionInfo[];
  /**
   * ParserOutputFlags values the render set that are not worked out from the
   * properties and sections (sections/OutputFlags): vary-revision-id,
   * vary-user, user-signature …
   */
  outputFlags?: string[];
  /** Message keys with params for preview warnings (limits exceeded, loops …). */
  warnings: { key: string; params: string[] }[];
  defaultSort: string | null;
  displayTitle: string | null;
  revisionId: number | null;
}
