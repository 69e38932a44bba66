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

export interface ParserOutput {
  html: string;
  categories: CategoryLink[];
  headings: HeadingInfo[];
  /** Prefixed titles of every transcluded page (templatelinks). */
  templates: string[];
  defaultSort: string | null;
  displayTitle: string | null;
  revisionId: number | null;
}
