/**
 * A test wiki whose renderer has section handling installed, laid out like
 * MediaWiki's parser test runner (/index.php, /wiki/$1, "Parser test"), and
 * a render that also returns the page's sections.
 */
import { installSectionHandling } from '../../../../engine/parser/sections/installSectionHandling';
import type { SectionMetadata } from '../../../../engine/parser/sections/SectionState';
import { collectSections } from '../../../../engine/parser/sections/TableOfContents';
import { createTestWiki, TestWiki } from '../../../helpers/TestWiki';

export interface SectionRender {
  html: string;
  sections: SectionMetadata[];
  properties: Record<string, string>;
}

export interface SectionTestWiki {
  wiki: TestWiki;
  render(text: string, title?: string): Promise<SectionRender>;
  close(): Promise<void>;
}

export async function createSectionTestWiki(pages: Record<string, string> = {}): Promise<SectionTestWiki> {
  const wiki = await createTestWiki('sqlite', { scriptPath: '', articlePath: '/wiki/$1' });
  for (const [title, text] of Object.entries(pages)) await wiki.edit(title, text);
  const { renderer, titleFactory, messages } = wiki.services;
  installSectionHandling(renderer, { titles: titleFactory, messages });
  let sections: SectionMetadata[] = [];
  renderer.addOutputTransform((html, frame) => {
    sections = collectSections(frame);
    return html;
  });
  return {
    wiki,
    async render(text, title = 'Parser test') {
      const output = await renderer.render(text, { title: titleFactory.newFromTextThrow(title) });
      return { html: output.html, sections, properties: output.properties };
    },
    close: () => wiki.close(),
  };
}

/** The edit link MediaWiki's parser tests show after a heading. */
export function editLink(page: string, section: string, heading: string): string {
  return (
    '<span class="mw-editsection"><span class="mw-editsection-bracket">[</span>' +
    `<a href="/index.php?title=${page}&amp;action=edit&amp;section=${section}" title="Edit section: ${heading}">edit</a>` +
    '<span class="mw-editsection-bracket">]</span></span>'
  );
}

/** The opening of the legacy table of contents, up to its list. */
export const TOC_START =
  '<div id="toc" class="toc" role="navigation" aria-labelledby="mw-toc-heading"><input type="checkbox" role="button" id="toctogglecheckbox" class="toctogglecheckbox" style="display:none" />' +
  '<div class="toctitle" lang="en" dir="ltr"><h2 id="mw-toc-heading">Contents</h2><span class="toctogglespan"><label class="toctogglelabel" for="toctogglecheckbox"></label></span></div>';

/** MediaWiki's `showtocdata` line for a section (ParserTestRunner::addParserOutputInfo). */
export function tocDataLine(s: SectionMetadata): string {
  const anchors = s.anchor === s.linkAnchor ? `anchor/linkAnchor:${s.anchor}` : `anchor:${s.anchor} linkAnchor:${s.linkAnchor}`;
  const title = s.fromTitle === null ? 'NULL' : s.fromTitle.replace(/ /g, '_');
  return `${' '.repeat(s.tocLevel)}h${s.level} index:${s.index} toclevel:${s.tocLevel} number:${s.number} title:${title} off:${s.codepointOffset ?? 'NULL'} ${anchors} line:${s.line}`;
}
