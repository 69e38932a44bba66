/**
 * The footnote marker in the text, e.g. [1] or [note 2] (Cite's
 * FootnoteMarkFormatter and MarkSymbolRenderer), from the message
 * cite_reference_link.
 */
import { getBacklinkIdentifier, getNoteIdentifier } from './AnchorFormatter';
import type { CiteMessages } from './CiteMessages';
import type { ReferenceStackItem } from './ReferenceStack';

export class FootnoteMarkFormatter {
  /** Custom labels per group (cite_link_label_group-<group>), read once. */
  private readonly customLabels = new Map<string, string[]>();

  constructor(private readonly messages: CiteMessages) {}

  linkRef(ref: ReferenceStackItem): string {
    const label = this.renderFootnoteMarkLabel(ref.group, ref.numberInGroup!);
    return this.messages.parse('cite_reference_link', [getBacklinkIdentifier(ref.name, ref.globalId!, ref.count), getNoteIdentifier(ref.name, ref.globalId!), label]);
  }

  /**
   * "1" in the default group; "group 1" in another, unless the wiki gave
   * that group its own sequence of labels (say "a b c …" for a group of
   * notes) in the message cite_link_label_group-<group>.
   */
  renderFootnoteMarkLabel(group: string, number: number): string {
    return this.customLabel(group, number) ?? `${group === '' ? '' : `${group} `}${this.messages.localizeDigits(number)}`;
  }

  private customLabel(group: string, number: number): string | null {
    if (group === '') return null;
    let labels = this.customLabels.get(group);
    if (!labels) {
      labels = (this.messages.text(`cite_link_label_group-${group}`) ?? '').split(/\s+/).filter((label) => label !== '');
      this.customLabels.set(group, labels);
    }
    return labels[number - 1] ?? null;
  }
}
