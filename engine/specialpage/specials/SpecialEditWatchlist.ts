/**
 * Special:EditWatchlist (MediaWiki's SpecialEditWatchlist), in its three
 * modes, chosen by the subpage or `action=`:
 *
 * - normal: the watched pages grouped by namespace, each with a checkbox
 *   (`wpTitlesNs<ns>[]`, value the page name) and (talk | history) links;
 *   submitting removes the checked pages and lists them
 *   (`watchlistedit-normal-done`);
 * - raw (Special:EditWatchlist/raw): the list as one title per line in a
 *   textarea (`wpTitles`); submitting makes the watchlist exactly that list
 *   and reports what was added and removed. Unlike MediaWiki, which drops
 *   lines that are not watchable titles without a word, such lines refuse
 *   the whole submission: they are listed with the reason, nothing changes
 *   and the text stays in the box to be corrected;
 * - clear (Special:EditWatchlist/clear): removes every page.
 *
 * Talk pages are watched with their subject pages, so the lists show
 * subject pages only and "Talk:Foo" in the raw list means "Foo".
 * Every change is a POST with `wpEditToken`; needs a logged-in user with
 * `editmywatchlist`.
 */
import type { RequestContext } from '../../context/RequestContext';
import { html, rawHtml, SafeHtml } from '../../html/Html';
import { requireWatchlistAccess } from '../../actions/WatchAction';
import { pageKeyOf } from '../../storage/PageStore';
import { NS_USER } from '../../title/NamespaceInfo';
import type { Title } from '../../title/Title';
import { MalformedTitleError } from '../../title/TitleFactory';
import { SpecialPage } from '../SpecialPage';
import { pageLink, specialPageTitle } from './SpecialPageHtml';

type Mode = 'normal' | 'raw' | 'clear';

/** SpecialEditWatchlist::buildTools(): links to the watchlist and its three editors. */
export function watchlistTools(context: RequestContext): SafeHtml {
  const modes: Array<[string, string, string | undefined]> = [
    ['view', 'Watchlist', undefined],
    ['edit', 'EditWatchlist', undefined],
    ['raw', 'EditWatchlist', 'raw'],
    ['clear', 'EditWatchlist', 'clear'],
  ];
  const links = modes.map(([mode, page, sub]) => {
    const target = specialPageTitle(context, page, sub);
    return html`<span><a href="${target.getLocalURL()}" title="${target.getPrefixedText()}">${context.msg(`watchlisttools-${mode}`).text()}</a></span>`;
  });
  return html`<span class="mw-watchlist-toollinks mw-changeslist-links">(${links.map((link, i) => (i === 0 ? link : html` | ${link}`))})</span>`;
}

/** A line of the raw list that is not a title one can watch, and why. */
interface BadLine {
  line: string;
  reason: SafeHtml;
}

export class SpecialEditWatchlist extends SpecialPage {
  override readonly listed = false;
  override readonly group = 'changes';

  constructor() {
    super('EditWatchlist', 'editmywatchlist');
  }

  override checkPermissions(context: RequestContext): void {
    requireWatchlistAccess(context, 'editmywatchlist');
  }

  private mode(context: RequestContext, subPage: string | null): Mode {
    const requested = (context.request.getVal('action') ?? subPage ?? '').toLowerCase();
    if (requested === 'raw') return 'raw';
    if (requested === 'clear') return 'clear';
    return 'normal';
  }

  async execute(context: RequestContext, subPage: string | null): Promise<void> {
    const { output } = context;
    const mode = this.mode(context, subPage);
    const headingKey = mode === 'raw' ? 'watchlistedit-raw-title' : mode === 'clear' ? 'watchlistedit-clear-title' : 'watchlistedit-normal-title';
    const heading = context.msg(headingKey).text();
    output.setPageTitleHtml(html`${heading}`, heading);
    output.addSubtitle(html`${rawHtml(context.msg('watchlistfor2', context.user.name).rawParams(watchlistTools(context)).parse())}`);

    const posted = context.request.wasPosted();
    if (posted && !context.csrf.matchToken(context.request.getVal('wpEditToken'))) {
      output.addHtml(html`<div class="errorbox mw-message-box-error">${rawHtml(context.msg('sessionfailure').parseAsBlock())}</div>`);
      await this.showForm(context, mode, true);
      return;
    }
    if (posted) {
      const done = mode === 'raw' ? await this.submitRaw(context) : mode === 'clear' ? await this.submitClear(context) : await this.submitNormal(context);
      if (done) {
        const watchlist = specialPageTitle(context, 'Watchlist');
        output.addHtml(html`<p id="mw-returnto">${rawHtml(context.msg('returnto', `[[${watchlist.getPrefixedText()}]]`).parse())}</p>`);
        return;
      }
    }
    await this.showForm(context, mode, posted);
  }

  private store(context: RequestContext) {
    return context.services.watchlist.watchedItemStore;
  }

  /** The watched pages as titles, by namespace then name. */
  private async watchedTitles(context: RequestContext): Promise<Title[]> {
    const items = await this.store(context).list(context.user.id);
    return items.map((item) => context.services.titleFactory.makeTitle(item.namespace, item.dbKey));
  }

  private async showForm(context: RequestContext, mode: Mode, keepInput: boolean): Promise<void> {
    if (mode === 'raw') {
      const text = keepInput ? context.request.getText('wpTitles') : (await this.watchedTitles(context)).map((t) => t.getPrefixedText()).join('\n');
      this.rawForm(context, text);
      return;
    }
    const titles = await this.watchedTitles(context);
    if (mode === 'clear') {
      if (titles.length === 0) {
        context.output.addHtml(html`<p class="mw-watchlist-empty">${context.msg('nowatchlist').text()}</p>`);
        return;
      }
      this.clearForm(context, titles.length);
      return;
    }
    if (titles.length === 0) {
      context.output.addHtml(html`<p class="mw-watchlist-empty">${context.msg('nowatchlist').text()}</p>`);
      return;
    }
    const checked = keepInput ? new Set(this.submittedTitles(context)) : new Set<string>();
    await this.normalForm(context, titles, checked);
  }

  private formStart(context: RequestContext, sub: string | undefined, id: string): SafeHtml {
    const action = specialPageTitle(context, this.name, sub).getLocalURL();
    return html`<form method="post" action="${action}" id="${id}" class="mw-htmlform">`;
  }

  private formEnd(context: RequestContext, submitKey: string, destructive: boolean): SafeHtml {
    return html`<input type="hidden" name="wpEditToken" value="${context.csrf.getToken()}">
<div class="mw-htmlform-submit-buttons"><button type="submit" class="mw-htmlform-submit${destructive ? ' mw-ui-destructive' : ''}">${context.msg(submitKey).text()}</button></div>
</fieldset></form>`;
  }

  /** The normal editor: a fieldset per namespace with a checkbox per page. */
  private async normalForm(context: RequestContext, titles: Title[], checked: ReadonlySet<string>): Promise<void> {
    const existing = await context.services.pageStore.existingTitles(titles.flatMap((t) => [t, t.getTalkPage()]));
    const byNamespace = new Map<number, Title[]>();
    for (const title of titles) {
      const list = byNamespace.get(title.getNamespace()) ?? [];
      list.push(title);
      byNamespace.set(title.getNamespace(), list);
    }
    const sections = [...byNamespace.entries()].map(([ns, list]) => {
      const nsText = ns === 0 ? context.msg('blanknamespace').text() : context.services.namespaceInfo.getNamespaceName(ns) ?? String(ns);
      const items = list.map((title, i) => {
        const id = `mw-input-wpTitlesNs${ns}-${i}`;
        const text = title.getPrefixedText();
        return html`<div class="mw-htmlform-flatlist-item"><input type="checkbox" name="wpTitlesNs${ns}[]" value="${text}" id="${id}"${checked.has(text) ? rawHtml(' checked') : ''}>&#160;<label for="${id}">${this.removeLine(context, title, existing)}</label></div>\n`;
      });
      return html`<fieldset id="editwatchlist-ns${ns}" class="editwatchlist-ns${ns}"><legend>${nsText}</legend>\n${items}</fieldset>\n`;
    });
    context.output.addHtml(html`${this.formStart(context, undefined, 'mw-watchlist-form')}<fieldset><legend>${context.msg('watchlistedit-normal-legend').text()}</legend>
<div class="mw-htmlform-header">${rawHtml(context.msg('watchlistedit-normal-explain').parseAsBlock())}</div>
${sections}${this.formEnd(context, 'watchlistedit-normal-submit', true)}`);
  }

  /** SpecialEditWatchlist::buildRemoveLine(): the page link and (talk | history | contribs). */
  private removeLine(context: RequestContext, title: Title, existing: ReadonlySet<string>): SafeHtml {
    const exists = existing.has(pageKeyOf(title));
    const talk = title.getTalkPage();
    const tools: SafeHtml[] = [pageLink(context, talk, existing.has(pageKeyOf(talk)), context.msg('talkpagelinktext').text())];
    if (exists) tools.push(html`<a href="${title.getLocalURL({ action: 'history' })}" title="${title.getPrefixedText()}">${context.msg('history_small').text()}</a>`);
    if (title.getNamespace() === NS_USER && !title.isSubpage()) {
      const contribs = specialPageTitle(context, 'Contributions', title.getText());
      tools.push(html`<a href="${contribs.getLocalURL()}" title="${contribs.getPrefixedText()}">${context.msg('contribslink').text()}</a>`);
    }
    return html`${pageLink(context, title, exists)} <span class="mw-changeslist-links">(${tools.map((t, i) => (i === 0 ? t : html` | ${t}`))})</span>`;
  }

  private rawForm(context: RequestContext, text: string): void {
    context.output.addHtml(html`${this.formStart(context, 'raw', 'mw-watchlist-raw-form')}<fieldset><legend>${context.msg('watchlistedit-raw-legend').text()}</legend>
<div class="mw-htmlform-header">${rawHtml(context.msg('watchlistedit-raw-explain').parseAsBlock())}</div>
<div class="mw-htmlform-field-HTMLTextAreaField"><div class="mw-label"><label for="mw-input-wpTitles">${context.msg('watchlistedit-raw-titles').text()}</label></div>
<div class="mw-input"><textarea id="mw-input-wpTitles" name="wpTitles" cols="80" rows="25">${text}</textarea></div></div>
${this.formEnd(context, 'watchlistedit-raw-submit', false)}`);
  }

  private clearForm(context: RequestContext, count: number): void {
    context.output.addHtml(html`${this.formStart(context, 'clear', 'mw-watchlist-clear-form')}<fieldset><legend>${context.msg('watchlistedit-clear-legend').text()}</legend>
<div class="mw-htmlform-header">${rawHtml(context.msg('watchlistedit-clear-explain').parseAsBlock())}</div>
<p>${rawHtml(context.msg('watchlist-details').numParams(count).parse())}</p>
${this.formEnd(context, 'watchlistedit-clear-submit', true)}`);
  }

  /** The page names checked in the normal form (each namespace's wpTitlesNs<ns>[] field). */
  private submittedTitles(context: RequestContext): string[] {
    const out: string[] = [];
    for (const ns of context.services.namespaceInfo.getValidNamespaces()) {
      out.push(...context.request.getArray(`wpTitlesNs${ns}`), ...context.request.getArray(`wpTitlesNs${ns}[]`));
    }
    return out;
  }

  /** A titled list of pages (SpecialEditWatchlist::showTitles). */
  private async titleList(context: RequestContext, titles: Title[]): Promise<SafeHtml> {
    const existing = await context.services.pageStore.existingTitles(titles.flatMap((t) => [t, t.getTalkPage()]));
    const items = titles.map((title) => {
      const talk = title.getTalkPage();
      return html`<li>${pageLink(context, title, existing.has(pageKeyOf(title)))} (${pageLink(context, talk, existing.has(pageKeyOf(talk)), context.msg('talkpagelinktext').text())})</li>\n`;
    });
    return html`<ul>${items}</ul>`;
  }

  private async submitNormal(context: RequestContext): Promise<boolean> {
    const titles: Title[] = [];
    for (const text of this.submittedTitles(context)) {
      const title = context.services.titleFactory.newFromText(text);
      if (title && this.store(context).isWatchable(title) && !titles.some((t) => t.equals(title.getSubjectPage()))) titles.push(title.getSubjectPage());
    }
    const watched = new Set((await this.watchedTitles(context)).map((t) => t.getPrefixedText()));
    const removed = titles.filter((t) => watched.has(t.getPrefixedText()));
    if (removed.length === 0) return false;
    await this.store(context).unwatch(context.user.id, removed);
    context.output.addHtml(html`<div class="successbox mw-message-box-success"><p>${rawHtml(context.msg('watchlistedit-normal-done').numParams(removed.length).parse())}</p>${await this.titleList(context, removed)}</div>`);
    return true;
  }

  /**
   * Makes the watchlist the submitted list. Any line that is not a title one
   * can watch refuses the submission (nothing changes; the lines are listed).
   */
  private async submitRaw(context: RequestContext): Promise<boolean> {
    const { titleFactory } = context.services;
    const store = this.store(context);
    const wanted = new Map<string, Title>();
    const bad: BadLine[] = [];
    for (const rawLine of context.request.getText('wpTitles').split('\n')) {
      const line = rawLine.trim();
      if (line === '') continue;
      let title: Title;
      try {
        title = titleFactory.newFromTextThrow(line);
      } catch (error) {
        if (!(error instanceof MalformedTitleError)) throw error;
        bad.push({ line, reason: rawHtml(context.msg(error.messageKey, line).parse()) });
        continue;
      }
      if (!store.isWatchable(title)) {
        bad.push({ line, reason: html`${context.msg('watchlistedit-raw-unwatchable').text()}` });
        continue;
      }
      const subject = title.getSubjectPage();
      wanted.set(subject.getPrefixedText(), subject);
    }
    if (bad.length > 0) {
      const items = bad.map((b) => html`<li><code>${b.line}</code>${context.msg('colon-separator').text()}${b.reason}</li>`);
      context.output.addHtml(html`<div class="errorbox mw-message-box-error" id="mw-watchlist-raw-badtitles"><p>${rawHtml(context.msg('watchlistedit-raw-badtitles').numParams(bad.length).parse())}</p><ul>${items}</ul></div>`);
      return false;
    }

    const current = await this.watchedTitles(context);
    const currentNames = new Set(current.map((t) => t.getPrefixedText()));
    const toWatch = [...wanted.values()].filter((t) => !currentNames.has(t.getPrefixedText()));
    const toUnwatch = current.filter((t) => !wanted.has(t.getPrefixedText()));
    if (toWatch.length === 0 && toUnwatch.length === 0) return false;
    await context.services.db.transaction(async (trx) => {
      await store.watch(context.user.id, toWatch, trx);
      await store.unwatch(context.user.id, toUnwatch, trx);
    });
    const parts: SafeHtml[] = [html`<p>${rawHtml(context.msg('watchlistedit-raw-done').parse())}</p>`];
    if (toWatch.length > 0) parts.push(html`<p>${rawHtml(context.msg('watchlistedit-raw-added').numParams(toWatch.length).parse())}</p>${await this.titleList(context, toWatch)}`);
    if (toUnwatch.length > 0) parts.push(html`<p>${rawHtml(context.msg('watchlistedit-raw-removed').numParams(toUnwatch.length).parse())}</p>${await this.titleList(context, toUnwatch)}`);
    context.output.addHtml(html`<div class="successbox mw-message-box-success">${parts}</div>`);
    return true;
  }

  private async submitClear(context: RequestContext): Promise<boolean> {
    const current = await this.watchedTitles(context);
    if (current.length === 0) return false;
    await this.store(context).clear(context.user.id);
    context.output.addHtml(
      html`<div class="successbox mw-message-box-success"><p>${rawHtml(context.msg('watchlistedit-clear-done').parse())}</p><p>${rawHtml(context.msg('watchlistedit-clear-removed').numParams(current.length).parse())}</p>${await this.titleList(context, current)}</div>`,
    );
    return true;
  }
}
