/**
 * The page-name words: PAGENAME, FULLPAGENAME, BASEPAGENAME, ROOTPAGENAME,
 * SUBPAGENAME, TALKPAGENAME, SUBJECTPAGENAME (each with an …E URL form) and
 * NAMESPACE, NAMESPACENUMBER, TALKSPACE, SUBJECTSPACE (CoreParserFunctions).
 *
 * Without an argument they describe the page being rendered; {{PAGENAME:X}}
 * describes X, and an argument that is not a valid title gives ''. Page
 * names go through wfEscapeWikiText(), so a page called "*RFC 1234" stays
 * text instead of becoming a list item and a magic link. Subpages follow
 * $wgNamespacesWithSubpages, through our Title.
 */
import type { ParserHookRegistry, RenderFrame } from '../ParserHooks';
import type { Title } from '../../title/Title';
import { wfUrlencode } from '../../title/urlencode';
import type { CoreFunctionDeps } from './CoreFunctionDeps';
import { escapeWikiText, phpTrim } from './WikitextEscaping';

/**
 * CoreParserFunctions::makeTitle(): the rendered page when the word has no
 * argument ({{PAGENAME}}), else the argument as a title ({{PAGENAME:}} is
 * an empty, hence invalid, title).
 */
export function titleArgument(args: readonly string[], frame: RenderFrame, deps: CoreFunctionDeps): Title | null {
  if (args.length === 0) return frame.title;
  return deps.titles.newFromText(phpTrim(args[0]));
}

/** Namespace name in DB-key form, as Title::getNsText() returns it ('User_talk'). */
function nsDbText(title: Title): string {
  return title.getNsText().replace(/ /g, '_');
}

/** Title::getTalkNsText(). */
function talkNsText(title: Title): string {
  return nsDbText(title.getTalkPage());
}

/** Title::getSubjectNsText(). */
function subjectNsText(title: Title): string {
  return nsDbText(title.getSubjectPage());
}

type TitleWord = (title: Title) => string;

const PAGE_NAME_WORDS: Readonly<Record<string, TitleWord>> = {
  pagename: (t) => escapeWikiText(t.getText()),
  // Title::getPartialURL()
  pagenamee: (t) => escapeWikiText(wfUrlencode(t.getDBkey())),
  fullpagename: (t) => escapeWikiText(t.getPrefixedText()),
  fullpagenamee: (t) => escapeWikiText(t.getPrefixedURL()),
  subpagename: (t) => escapeWikiText(t.getSubpageText()),
  // Title::getSubpageUrlForm()
  subpagenamee: (t) => escapeWikiText(wfUrlencode(t.getSubpageText().replace(/ /g, '_'))),
  rootpagename: (t) => escapeWikiText(t.getRootText()),
  rootpagenamee: (t) => escapeWikiText(wfUrlencode(t.getRootText().replace(/ /g, '_'))),
  basepagename: (t) => escapeWikiText(t.getBaseText()),
  basepagenamee: (t) => escapeWikiText(wfUrlencode(t.getBaseText().replace(/ /g, '_'))),
  talkpagename: (t) => (t.canHaveTalkPage() ? escapeWikiText(t.getTalkPage().getPrefixedText()) : ''),
  talkpagenamee: (t) => (t.canHaveTalkPage() ? escapeWikiText(t.getTalkPage().getPrefixedURL()) : ''),
  subjectpagename: (t) => escapeWikiText(t.getSubjectPage().getPrefixedText()),
  subjectpagenamee: (t) => escapeWikiText(t.getSubjectPage().getPrefixedURL()),
  // Namespace names are never escaped in MediaWiki (they cannot hold markup).
  namespace: (t) => nsDbText(t).replace(/_/g, ' '),
  namespacee: (t) => wfUrlencode(nsDbText(t)),
  namespacenumber: (t) => String(t.getNamespace()),
  talkspace: (t) => (t.canHaveTalkPage() ? talkNsText(t).replace(/_/g, ' ') : ''),
  talkspacee: (t) => (t.canHaveTalkPage() ? wfUrlencode(talkNsText(t)) : ''),
  subjectspace: (t) => subjectNsText(t).replace(/_/g, ' '),
  subjectspacee: (t) => wfUrlencode(subjectNsText(t)),
};

export function registerPageNameFunctions(registry: ParserHookRegistry, deps: CoreFunctionDeps): void {
  for (const [name, word] of Object.entries(PAGE_NAME_WORDS)) {
    registry.setFunctionHook(
      name,
      (args, frame) => {
        const title = titleArgument(args, frame, deps);
        return title ? word(title) : '';
      },
      { noHash: true },
    );
  }
}
