/**
 * Headings, the table of contents, section edit links and behaviour
 * switches, installed on a renderer:
 *
 * - `heading` tokens render as placeholders that know their section
 *   (HeadingRenderer, HeadingOrigins);
 * - `double-underscore` tokens record the switch and become page
 *   properties; the first `__TOC__` marks the TOC's place (BehaviorSwitches);
 * - an output transform gives every heading its id, wrapper and edit link,
 *   and puts in the table of contents (FinalizeHeadings). It has to run
 *   before any transform that expects finished headings and before the
 *   output sanitizer, which would drop the placeholders' markers.
 *
 * After a render, `collectSections(context)` gives the page's sections for
 * ParserOutput.sections.
 */
import type { MessageLocalizer } from '../../i18n/MessageLocalizer';
import type { TitleFactory } from '../../title/TitleFactory';
import { Parser } from '../ParserGlobals';
import { RenderContext } from '../RenderContext';
import { DEFAULT_FRAGMENT_MODE, FragmentMode } from '../sanitizer/IdEscaping';
import type { WikitextRenderer } from '../WikitextRenderer';
import { renderBehaviorSwitch } from './BehaviorSwitches';
import { finalizeHeadings } from './FinalizeHeadings';
import { renderHeading } from './HeadingRenderer';
import { DEFAULT_MAX_TOC_LEVEL } from './TableOfContents';

export interface SectionHandlingDeps {
  titles: TitleFactory;
  messages: MessageLocalizer;
  /** $wgFragmentMode (default `['html5']`). */
  fragmentMode?: readonly FragmentMode[];
  /** $wgMaxTocLevel (default 999: every level). */
  maxTocLevel?: number;
}

export type SectionHandlingHost = Pick<WikitextRenderer, 'setTokenRenderer' | 'addOutputTransform' | 'getCurrentContext'>;

/** Renderers already set up: a second installation would finish the headings twice. */
const installed = new WeakSet<SectionHandlingHost>();

/** Sets up `renderer`; a renderer already set up is left as it is. */
export function installSectionHandling(renderer: SectionHandlingHost, deps: SectionHandlingDeps): void {
  if (installed.has(renderer)) return;
  installed.add(renderer);
  const current = () => renderer.getCurrentContext();
  renderer.setTokenRenderer('heading', (token) =>
    renderHeading(token, {
      current,
      // The template map the library expands from during this render: a
      // template's headings are only rendered when its text was loaded there.
      // Reading it again counts once more towards the render's expansion
      // budget, which no longer matters once the page is expanded.
      templateText: (title) => Parser.templates.get(title),
    }),
  );
  renderer.setTokenRenderer('double-underscore', (token) => renderBehaviorSwitch(token, current()));
  const finalDeps = {
    titles: deps.titles,
    messages: deps.messages,
    fragmentMode: deps.fragmentMode ?? DEFAULT_FRAGMENT_MODE,
    maxTocLevel: deps.maxTocLevel ?? DEFAULT_MAX_TOC_LEVEL,
  };
  // Transforms run after the render pass, with its context as the frame.
  renderer.addOutputTransform((html, frame) => (frame instanceof RenderContext ? finalizeHeadings(html, frame, finalDeps) : html));
}
