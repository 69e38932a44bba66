/**
 * {{DEFAULTSORT:key}} and {{DISPLAYTITLE:title}}: they render as nothing and
 * set the page properties 'defaultsort' and 'displaytitle' (the raw value;
 * page/DisplayTitle.ts formats and restricts the display title when the page
 * is shown). As in MediaWiki, a second, different value replaces the first
 * and says so in an error span, unless given "noerror" or "noreplace".
 */
import type { ParserHookRegistry, RenderFrame } from '../ParserHooks';
import type { CoreFunctionDeps } from './CoreFunctionDeps';
import { escapeWikiText, killMarkers, phpTrim } from './WikitextEscaping';

/** The values set so far in this render (MediaWiki reads them back from its ParserOutput). */
interface PageProperties {
  defaultsort?: string;
  displaytitle?: string;
}

const PROPERTIES_KEY = 'core.pageProperties';

function propertiesOf(frame: RenderFrame): PageProperties {
  return frame.getExtensionData<PageProperties>(PROPERTIES_KEY, () => ({}));
}

/** 'defaultsort_noerror' / 'displaytitle_noreplace' …: the words "noerror" and "noreplace", any case. */
function option(arg: string | undefined): 'noerror' | 'noreplace' | null {
  const word = phpTrim(arg ?? '').toLowerCase();
  return word === 'noerror' || word === 'noreplace' ? word : null;
}

/**
 * Sets a property the MediaWiki way; returns the wikitext to show (an error
 * when a different value replaced an earlier one without an option).
 */
function setProperty(
  frame: RenderFrame,
  deps: CoreFunctionDeps,
  name: keyof PageProperties,
  value: string,
  opt: 'noerror' | 'noreplace' | null,
  duplicateMessage: string,
): string {
  const properties = propertiesOf(frame);
  const old = properties[name];
  if (old === undefined || opt !== 'noreplace') {
    properties[name] = value;
    frame.setPageProperty(name, value);
  }
  if (old === undefined || old === value || opt !== null) return '';
  // The message is wikitext; the two values must stay literal text.
  const message = deps.message(duplicateMessage, [escapeWikiText(old), escapeWikiText(value)], frame.language) ?? `⧼${duplicateMessage}⧽`;
  return `<span class="error">${message}</span>`;
}

/** The display title as plain text: tags, bold/italic quotes and common entities removed. */
function plainDisplayTitle(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/'{2,}/g, '')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .trim();
}

export function registerPagePropertyFunctions(registry: ParserHookRegistry, deps: CoreFunctionDeps): void {
  registry.setFunctionHook(
    'defaultsort',
    (args, frame) => {
      const text = phpTrim(args[0] ?? '');
      if (text === '') return '';
      return setProperty(frame, deps, 'defaultsort', text, option(args[1]), 'duplicate-defaultsort');
    },
    { noHash: true },
  );

  registry.setFunctionHook(
    'displaytitle',
    (args, frame) => {
      const text = killMarkers(phpTrim(args[0] ?? ''));
      // $wgRestrictDisplayTitle: only a title that normalises to the page's own title is used.
      const plain = plainDisplayTitle(text);
      const title = deps.titles.newFromText(plain);
      if (!title || title.hasFragment() || !title.isSameAs(frame.title)) {
        frame.addWarning('restricted-displaytitle', plain);
        return '';
      }
      return setProperty(frame, deps, 'displaytitle', text, option(args[1]), 'duplicate-displaytitle');
    },
    { noHash: true },
  );
}
