/**
 * The "[edit]" link after a heading (Skin::doEditSectionLink, as
 * HandleSectionLinks calls it): brackets in their own spans so skins can
 * hide them, a link to the section's edit form, and "Edit section: …" as
 * its tooltip. MediaWiki's skins may wrap the link text in a <span> (a skin
 * option); the markup here is that of the skin-less parser output the
 * parser tests describe.
 */
import type { MessageLocalizer } from '../../i18n/MessageLocalizer';
import type { Title } from '../../title/Title';
import type { TitleFactory } from '../../title/TitleFactory';
import { escapeHtml } from '../wikiparser/tokens';

export interface EditSectionLinkDeps {
  titles: TitleFactory;
  messages: MessageLocalizer;
}

/** Makes the edit links of one page, in one language. */
export class EditSectionLinks {
  private readonly text: string;
  private readonly hint: [string, string];
  /** Every heading of a page links to one of a few pages: each title is parsed once. */
  private readonly titles = new Map<string, Title | null>();

  constructor(private readonly deps: EditSectionLinkDeps, language: string) {
    this.text = deps.messages.msg('editsection', language).escaped();
    // A plain-text parameter is inserted as it is, so the message is formatted once around a stand-in.
    const hint = deps.messages.msg('editsectionhint', language).plaintextParams('\u0000').text();
    const at = hint.indexOf('\u0000');
    this.hint = at === -1 ? [hint, ''] : [hint.slice(0, at), hint.slice(at + 1)];
  }

  /**
   * `page`: prefixed title of the text holding the section; `section`: its
   * index ('2', or 'T-1' in a template); `headingText`: the heading as plain text.
   */
  link(page: string, section: string, headingText: string): string {
    let title = this.titles.get(page);
    if (title === undefined) this.titles.set(page, (title = this.deps.titles.newFromText(page)));
    if (!title) return '';
    const href = title.getLocalURL({ action: 'edit', section });
    const hint = this.hint[0] + headingText + this.hint[1];
    return (
      '<span class="mw-editsection"><span class="mw-editsection-bracket">[</span>' +
      `<a href="${escapeHtml(href)}" title="${escapeHtml(hint)}">${this.text}</a>` +
      '<span class="mw-editsection-bracket">]</span></span>'
    );
  }
}

/**
 * The HTML without its section edit links: what MediaWiki shows where
 * `enableSectionEditLinks` is off (old revisions, diffs, printable views,
 * previews, readers who cannot edit).
 */
export function removeSectionEditLinks(html: string): string {
  return html.replace(/<span class="mw-editsection"><span class="mw-editsection-bracket">\[<\/span>[\s\S]*?<span class="mw-editsection-bracket">\]<\/span><\/span>/g, '');
}
