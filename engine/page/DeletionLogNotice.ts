/**
 * The log excerpt MediaWiki shows for a title that was deleted or moved
 * away (LogEventsList::showLogExtract with types delete, move and protect,
 * `showIfEmpty` off): on the missing page itself under `moveddeleted-notice`
 * (Article::showMissingArticle) and above the edit form under
 * `recreate-moveddeleted-warn` (EditPage::showDeletionLog). Nothing when
 * the logs have no entry for the title.
 */
import type { RequestContext } from '../context/RequestContext';
import { html, rawHtml, type SafeHtml } from '../html/Html';
import { logExtract } from '../specialpage/specials/logformatters/LogExtract';
import type { Title } from '../title/Title';

/** Article::showMissingArticle's 'lim' => 10. */
const NOTICE_LIMIT = 10;

export async function deletionLogNotice(context: RequestContext, title: Title, messageKey: 'moveddeleted-notice' | 'recreate-moveddeleted-warn'): Promise<SafeHtml> {
  const extract = await logExtract(context, ['delete', 'move', 'protect'], title, NOTICE_LIMIT, false);
  if (extract.value === '') return html``;
  return html`<div class="mw-warning-with-logexcerpt mw-content-ltr">${rawHtml(context.msg(messageKey).parseAsBlock())}${extract}</div>`;
}
