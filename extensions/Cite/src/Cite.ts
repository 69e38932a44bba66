/**
 * <ref> and <references> for one render (Cite's Cite class): validates
 * each tag, records references, renders footnote markers and reference
 * lists, and at the end of the page lists whatever no <references/> took.
 *
 * One instance lives in the render's extension data, so references never
 * leak from one page into another.
 */
import { escapeHtml } from '../../../engine/html/Html';
import type { ExtensionTagInput, RenderFrame } from '../../../engine/parser/ParserHooks';
import { CiteMessages } from './CiteMessages';
import { CiteStatus } from './CiteStatus';
import type { CiteMessage } from './CiteStatus';
import { ErrorReporter } from './ErrorReporter';
import { FootnoteMarkFormatter } from './FootnoteMarkFormatter';
import { ReferenceListFormatter } from './ReferenceListFormatter';
import { ReferenceStack } from './ReferenceStack';
import type { ReferenceContent } from './ReferenceStack';
import { Validator, phpTrim } from './Validator';

/** '' is the default group, the one of <ref> and <references/> without group=. */
export const DEFAULT_GROUP = '';

/** $wgCiteResponsiveReferences: lists are responsive unless <references responsive="0"/>. */
const RESPONSIVE_BY_DEFAULT = true;

export class Cite {
  private readonly stack = new ReferenceStack();
  private readonly messages: CiteMessages;
  private readonly errorReporter: ErrorReporter;
  private readonly footnoteMarkFormatter: FootnoteMarkFormatter;
  private readonly referenceListFormatter: ReferenceListFormatter;
  /** The group of the <references> whose content is being read; null outside one. */
  private inReferencesGroup: string | null = null;
  /** How many <ref> contents are being rendered right now (a <references> there is not a list). */
  private refContentDepth = 0;
  /** Fatal errors of references defined inside <references>, shown after that list. */
  private referencesErrors: CiteMessage[] = [];

  constructor(frame: RenderFrame) {
    this.messages = new CiteMessages(frame);
    this.errorReporter = new ErrorReporter(this.messages);
    this.footnoteMarkFormatter = new FootnoteMarkFormatter(this.messages);
    this.referenceListFormatter = new ReferenceListFormatter(this.messages, this.errorReporter);
  }

  /** <ref>: the footnote marker, an error, or nothing (inside <references>, or a follow="…"). */
  ref(input: ExtensionTagInput): string {
    const text = input.content;
    // The content is rendered first, so that a <ref> inside it ({{#tag:ref|…<ref>…</ref>…}})
    // is numbered before this one, as in MediaWiki, which expands the inner one first.
    const content = this.renderContent(input);

    const filtered = Validator.filterRefArguments(normalizeAttributes(input.attributes));
    const validator = new Validator(this.inReferencesGroup);
    const validated = validator.validateRef(text, filtered.value);
    const args = validated.value;
    const status = new CiteStatus(args).merge(filtered).merge(validated);
    status.merge(validator.validateListDefinedRefUsage(args.name, this.stack.isKnown(args.group, args.name)));

    if (this.inReferencesGroup !== null) {
      // A reference defined in the list: nothing to show here. A fatal
      // error drops it and is shown after the list, as there is no place for it.
      if (!status.isOK()) {
        this.referencesErrors.push(status.firstMessage()!);
      } else {
        this.stack.listDefinedRef(args.group, args.name, content).warnings.push(...status.messages);
      }
      return '';
    }
    if (!status.isOK()) return this.errorReporter.render(status.firstMessage()!);

    const ref = this.stack.pushRef(content, args.group, args.name, args.follow, args.dir);
    if (!ref) return '';
    ref.warnings.push(...status.messages);
    return this.footnoteMarkFormatter.linkRef(ref);
  }

  /** <references>: the list of a group, after recording the references defined inside it. */
  references(input: ExtensionTagInput): string {
    const text = input.content;
    if (this.refContentDepth > 0 || this.inReferencesGroup !== null) {
      // Not a place for a list: shown as written.
      return escapeHtml(text === null ? '<references/>' : `<references>${text}</references>`);
    }
    const status = Validator.filterReferenceListArguments(text, normalizeAttributes(input.attributes));
    const group = status.value.group ?? DEFAULT_GROUP;
    this.inReferencesGroup = group;
    try {
      // The <ref>s inside define content; whatever else is there is dropped.
      if (text !== null && phpTrim(text) !== '') input.renderContent();
      // An invalid <references> shows its error instead, and its references stay for the next list.
      if (!status.isGood()) return this.errorReporter.render(status.firstMessage()!);
      return this.formatReferences(group, status.value.responsive) + this.formatReferencesErrors();
    } finally {
      this.inReferencesGroup = null;
    }
  }

  /**
   * At the end of the page: the default group's references that no
   * <references/> listed get a list of their own; other groups get an
   * error, since where their list belongs is the author's choice.
   */
  checkRefsNoReferences(): string {
    let before = '';
    let list = '';
    let after = '';
    for (const group of this.stack.getGroups()) {
      if (group === DEFAULT_GROUP) {
        list = this.formatReferences(group, null);
      } else {
        const error = `<br />${this.errorReporter.render({ key: 'cite_error_group_refs_without_references', params: [group] })}`;
        if (list === '') before += error;
        else after += error;
      }
    }
    // Upstream appends this before the paragraph pass, which puts the
    // errors in a paragraph unless the line starts with the list's block.
    if (list === '') return before === '' ? '' : `\n<p>${before}\n</p>`;
    return `\n${before}${list}${after === '' ? '' : `<p>${after}</p>`}`;
  }

  private renderContent(input: ExtensionTagInput): ReferenceContent | null {
    const text = input.content;
    // Blank content counts as none: the reference still needs a definition.
    if (text === null || phpTrim(text) === '') return null;
    // A <ref> nested in this one's content is an ordinary reference even when
    // this one is defined inside <references> (T349981): MediaWiki expands it
    // before it knows about the list.
    const inReferencesGroup = this.inReferencesGroup;
    this.inReferencesGroup = null;
    this.refContentDepth++;
    try {
      return { wikitext: text, html: input.renderContent() };
    } finally {
      this.refContentDepth--;
      this.inReferencesGroup = inReferencesGroup;
    }
  }

  private formatReferences(group: string, responsive: boolean | null): string {
    const refs = this.stack.popGroup(group);
    // Only now is it known that these names never got content.
    for (const ref of refs) {
      if (ref.text === null) ref.warnings.push({ key: 'cite_error_references_no_text', params: [ref.name ?? ''] });
    }
    return this.referenceListFormatter.formatReferences(refs, responsive ?? RESPONSIVE_BY_DEFAULT);
  }

  private formatReferencesErrors(): string {
    const html = this.referencesErrors.map((error) => this.errorReporter.render(error)).join('<br />\n');
    this.referencesErrors = [];
    return html === '' ? '' : `\n${html}`;
  }
}

/**
 * Attribute values as MediaWiki's Sanitizer::decodeTagAttributes leaves
 * them: runs of whitespace made one space, then trimmed.
 */
function normalizeAttributes(attributes: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(attributes).map(([key, value]) => [key, value.replace(/[\t\r\n ]+/g, ' ').trim()]));
}
