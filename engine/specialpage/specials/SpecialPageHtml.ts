/**
 * HTML pieces shared by the core special pages: MediaWiki's
 * Html::namespaceSelector, LinkRenderer::makeLink with a LinkBatch for
 * red links, the "title + hidden fields" GET form that MediaWiki points at
 * $wgScript, and the page-name parsing of SpecialAllPages.
 */
import type { RequestContext } from '../../context/RequestContext';
import { attributes, html, SafeHtml } from '../../html/Html';
import { NS_SPECIAL } from '../../title/NamespaceInfo';
import type { Title } from '../../title/Title';

/**
 * A link to a page (LinkRenderer::makeLink): a blue link when it exists, a
 * red `class="new"` edit link with "(page does not exist)" in its tooltip
 * when it doesn't. Special pages are always "known".
 */
export function pageLink(context: RequestContext, title: Title, exists: boolean, text?: string, cls?: string): SafeHtml {
  const label = text ?? title.getPrefixedText();
  if (exists || !title.canExist()) {
    return html`<a href="${title.getLinkURL()}"${attributes({ class: cls })} title="${title.getPrefixedText()}">${label}</a>`;
  }
  const classes = cls ? `new ${cls}` : 'new';
  return html`<a href="${title.getLocalURL({ action: 'edit', redlink: 1 })}" class="${classes}" title="${context.msg('red-link-title', title.getPrefixedText()).text()}">${label}</a>`;
}

/**
 * Html::namespaceSelector(): every namespace that can hold pages, the main
 * namespace as "(Main)", optionally an "all" entry with the value ''.
 */
export function namespaceSelector(context: RequestContext, selected: number | null, options: { all?: boolean; id?: string; name?: string } = {}): SafeHtml {
  const info = context.services.namespaceInfo;
  const id = options.id ?? 'namespace';
  const name = options.name ?? 'namespace';
  const items: SafeHtml[] = [];
  if (options.all) {
    items.push(html`<option value=""${attributes({ selected: selected === null })}>${context.msg('namespacesall').text()}</option>`);
  }
  for (const ns of info.getValidNamespaces()) {
    const label = ns === 0 ? context.msg('blanknamespace').text() : info.getNamespaceName(ns) ?? String(ns);
    items.push(html`<option value="${ns}"${attributes({ selected: selected === ns })}>${label}</option>`);
  }
  return html`<select id="${id}" name="${name}" class="namespaceselector">${items}</select>`;
}

/** A labelled checkbox with value 1 (HTMLCheckField). */
export function checkbox(id: string, name: string, checked: boolean, label: string): SafeHtml {
  return html`<input type="checkbox" id="${id}" name="${name}" value="1"${attributes({ checked })}>&#160;<label for="${id}">${label}</label>`;
}

/**
 * Opening of a GET form for a special page. MediaWiki's forms submit to
 * $wgScript with the page in a hidden `title` field, so the subpage
 * parameter is dropped and the form's fields are the only parameters.
 */
export function getFormStart(context: RequestContext, page: Title, attrs: Record<string, string> = {}): SafeHtml {
  const action = `${context.services.settings.scriptPath}/index.php`;
  return html`<form method="get" action="${action}"${attributes(attrs)}><input type="hidden" name="title" value="${page.getPrefixedDBkey()}">`;
}

/** The canonical title of a special page (SpecialPage::getPageTitle), without subpage. */
export function specialPageTitle(context: RequestContext, name: string, subPage?: string): Title {
  return context.services.titleFactory.makeTitle(NS_SPECIAL, subPage ? `${name}/${subPage}` : name);
}

/**
 * SpecialAllPages::getNamespaceKeyAndText(): the namespace, DB key and text
 * of a page name typed into a form in namespace `ns`. A namespace prefix in
 * the text wins (in the main namespace "Help:Foo" means the Help namespace,
 * as Title::makeTitleSafe reads it), a bare prefix ("Help:") means "from the
 * start of that namespace", and null means the text is not a valid title.
 */
export function namespaceKeyAndText(context: RequestContext, ns: number, text: string): { namespace: number; dbKey: string; text: string } | null {
  if (text === '') return { namespace: ns, dbKey: '', text: '' };
  const titles = context.services.titleFactory;
  const title = titles.makeTitleSafe(ns, text);
  if (title) return { namespace: title.getNamespace(), dbKey: title.getDBkey(), text: title.getText() };
  // Perhaps only the page name is missing ("Help:"): try again with one.
  const padded = titles.makeTitleSafe(ns, text.replace(/(#|$)/, 'X$1'));
  return padded ? { namespace: padded.getNamespace(), dbKey: '', text: '' } : null;
}

/** Language::pipeList(): items joined with " | ". */
export function joinPipes(items: readonly SafeHtml[]): SafeHtml {
  return html`${items.map((item, i) => (i === 0 ? item : html` | ${item}`))}`;
}

/**
 * Outside the main namespace MediaWiki names the namespace in the heading of
 * namespace lists ("All pages (Help namespace)"); `messageKey` takes it as $1.
 */
export function setNamespaceHeading(context: RequestContext, messageKey: string, namespace: number): void {
  if (namespace === 0) return;
  const name = context.services.namespaceInfo.getNamespaceName(namespace) ?? String(namespace);
  const heading = context.msg(messageKey, name).text();
  context.output.setPageTitleHtml(html`${heading}`, heading);
}
