/**
 * The reference list that replaces <references/> (Cite's
 * ReferenceListFormatter):
 *
 *   <div class="mw-references-wrap"><ol class="references">
 *   <li id="cite_note-1"><span class="mw-cite-backlink"><a href="#cite_ref-1">↑</a></span> <span class="reference-text">…</span>
 *   </li>
 *   </ol></div>
 *
 * A reference used several times links back to each use ("↑ 1.0 1.1", the
 * labels come from cite_references_link_many_format); one that is never
 * used gets a bare arrow; an unresolved follow="…" becomes a paragraph.
 */
import { escapeHtml } from '../../../engine/html/Html';
import { getBacklinkIdentifier, getNoteIdentifier } from './AnchorFormatter';
import { htmlParam } from './CiteMessages';
import type { CiteMessages } from './CiteMessages';
import type { ErrorReporter } from './ErrorReporter';
import type { ReferenceStackItem } from './ReferenceStack';

/** Above this many references a responsive list is set in columns. */
const COLUMNS_THRESHOLD = 10;

export class ReferenceListFormatter {
  private backlinkLabels: string[] | null = null;

  constructor(
    private readonly messages: CiteMessages,
    private readonly errorReporter: ErrorReporter,
  ) {}

  formatReferences(groupRefs: readonly ReferenceStackItem[], responsive: boolean): string {
    if (groupRefs.length === 0) return '';
    // The group of the first one created (an unused list-defined reference counts as the default group, as upstream).
    const group = groupRefs[0].group;
    const list = `<ol class="references"${group === '' ? '' : ` data-mw-group="${escapeHtml(group)}"`}>${this.formatRefsList(groupRefs)}</ol>`;
    if (!responsive) return list;
    // A div carries the columns: column-count on the list itself is broken in Chrome.
    const classes = groupRefs.length > COLUMNS_THRESHOLD ? 'mw-references-wrap mw-references-columns' : 'mw-references-wrap';
    return `<div class="${classes}">${list}</div>`;
  }

  private formatRefsList(groupRefs: readonly ReferenceStackItem[]): string {
    // In number order; those without a number (unused, unresolved follow) first, as PHP sorts null before numbers.
    const sorted = [...groupRefs].sort((a, b) => (a.numberInGroup ?? 0) - (b.numberInGroup ?? 0));
    // One item per line, as upstream (tidy once needed it, T15073).
    return `\n${sorted.map((ref) => `${this.formatListItem(ref)}\n`).join('')}`;
  }

  private formatListItem(ref: ReferenceStackItem): string {
    const { dir } = ref;
    const text = this.renderTextAndWarnings(ref, dir);
    if (ref.follow !== null) return `<p>${text}</p>`;

    // Parameter $4 of the list item messages.
    const extraAttributes = dir === null ? '' : ` class="mw-cite-dir-${dir}"`;
    if (ref.count < 1) {
      return `<li${extraAttributes}><span class="mw-cite-backlink">${escapeHtml(this.messages.text('cite_reference_backlink_symbol') ?? '')}</span> ${text}</li>`;
    }
    const noteId = getNoteIdentifier(ref.name, ref.globalId!);
    if (ref.count === 1) {
      return this.messages.parse('cite_references_link_one', [noteId, getBacklinkIdentifier(ref.name, ref.globalId!, 1), htmlParam(text)], { 4: extraAttributes });
    }
    const parentLabel = this.messages.localizeDigits(ref.numberInGroup!);
    const backlinks: string[] = [];
    for (let i = 0; i < ref.count; i++) {
      backlinks.push(
        this.messages.parse('cite_references_link_many_format', [
          getBacklinkIdentifier(ref.name, ref.globalId!, i + 1),
          this.numericMarker(i, ref.count, parentLabel),
          this.alphabeticMarker(i + 1, ref.count, parentLabel),
        ]),
      );
    }
    return this.messages.parse('cite_references_link_many', [noteId, htmlParam(this.listToText(backlinks)), htmlParam(text)], { 4: extraAttributes });
  }

  /** The reference text with its first problem after it, in the reference-text span. */
  private renderTextAndWarnings(ref: ReferenceStackItem, dir: string | null): string {
    let text = ref.text?.html ?? '';
    const [warning] = ref.warnings;
    if (warning) text += ` ${this.errorReporter.render(warning)}`;
    // dir="auto" goes on the text, not the item, which starts with the arrow.
    return `<span class="reference-text"${dir === 'auto' ? ' dir="auto"' : ''}>${text.replace(/\n+$/, '')}</span>\n`;
  }

  /** "1.0", "1.1" …, zero-padded to the width of the count ("1.00" … "1.11"). */
  private numericMarker(reuseIndex: number, reuseCount: number, parentLabel: string): string {
    const padded = String(reuseIndex).padStart(String(reuseCount).length, '0');
    return `${parentLabel}${this.messages.localizeSeparators('.')}${this.messages.localizeDigits(padded)}`;
  }

  /** "a", "b" … from cite_references_link_many_format_backlink_labels; numeric once they run out. */
  private alphabeticMarker(reuseIndex: number, reuseCount: number, parentLabel: string): string {
    this.backlinkLabels ??= (this.messages.text('cite_references_link_many_format_backlink_labels') ?? '').split(/\s+/).filter((l) => l !== '');
    return this.backlinkLabels[reuseIndex - 1] ?? this.numericMarker(reuseIndex, reuseCount, parentLabel);
  }

  /** The backlinks joined with cite_references_link_many_sep, the last with cite_references_link_many_and. */
  private listToText(items: readonly string[]): string {
    if (items.length < 2) return items.join('');
    const sep = this.messages.parse('cite_references_link_many_sep');
    const and = this.messages.parse('cite_references_link_many_and');
    return `${items.slice(0, -1).join(sep)}${and}${items[items.length - 1]}`;
  }
}
