/**
 * The template map wikiparser-node reads during expansion (it asks `has`,
 * then `get`, once per transclusion). Answering through this map lets the
 * engine:
 *  - see which templates a render wanted but we had not fetched (a computed
 *    name), so the renderer can fetch them and render again;
 *  - record which templates were really used (templatelinks);
 *  - enforce MediaWiki's expansion limits: once the post-expand include size
 *    or the expansion count is spent, further transclusions are refused and
 *    render as plain links to the template, with a warning — MediaWiki's
 *    behaviour for "Template include size is too large" — so a hostile page
 *    (billion laughs) costs a bounded amount of work instead of hanging.
 *  - serve interface messages as the default text of MediaWiki: pages
 *    ({{int:}} and {{MediaWiki:…}}), as MediaWiki's MessageCache does.
 */
import type { RenderContext } from './RenderContext';

export class TemplateBudgetMap extends Map<string, string> {
  readonly missed = new Set<string>();
  readonly used = new Set<string>();

  constructor(
    private readonly known: ReadonlyMap<string, string>,
    private readonly context: RenderContext,
    private readonly defaultText: (title: string) => string | undefined,
  ) {
    super();
  }

  private lookup(title: string): string | undefined {
    return this.known.get(title) ?? this.known.get(title.replace(/_/g, ' ')) ?? this.defaultText(title);
  }

  override has(title: string): boolean {
    const text = this.lookup(title);
    if (text === undefined) {
      if (!title.startsWith('MediaWiki:')) this.missed.add(title.replace(/_/g, ' '));
      return false;
    }
    const { context } = this;
    if (context.expansions >= context.limits.maxExpansions) {
      context.addWarning('node-count-exceeded-warning');
      return false;
    }
    if (context.includeSize + text.length > context.limits.maxIncludeSize) {
      context.addWarning('post-expand-template-inclusion-warning');
      return false;
    }
    return true;
  }

  override get(title: string): string | undefined {
    const text = this.lookup(title);
    if (text === undefined) return undefined;
    this.context.expansions++;
    this.context.includeSize += text.length;
    // Message defaults are not pages: they make no templatelinks row.
    if (this.known.has(title) || this.known.has(title.replace(/_/g, ' '))) this.used.add(title.replace(/_/g, ' '));
    return text;
  }
}
