/**
 * The references of one render, by group and name (Cite's ReferenceStack):
 * numbering, reuse of named references and follow="…" continuations.
 *
 * Upstream also keeps a call stack to undo <ref>s that the legacy parser
 * expanded before it knew they were inside {{#tag:references|…}}. The
 * library expands the whole page before any tag hook runs, so a <ref>
 * inside <references> is always seen in its list; there is nothing to undo.
 */
import type { CiteMessage } from './CiteStatus';
import { Validator, isTruthy } from './Validator';

export interface ReferenceContent {
  /** The wikitext as written (templates expanded); compared to detect conflicting definitions. */
  wikitext: string;
  /** The same rendered inline. */
  html: string;
}

export interface ReferenceStackItem {
  /** How many footnote markers point here; 0 for a list-defined reference nothing uses. */
  count: number;
  /** 'ltr', 'rtl', 'auto' or null. */
  dir: string | null;
  /** Set on a follow="…" whose parent is not (yet) known; such an item has no marker and no number. */
  follow: string | null;
  /** '' for the default group. */
  group: string;
  /** Sequence number over all references of the page, for ids; null for an unused list-defined one. */
  globalId: number | null;
  /** Never '' or '0'. */
  name: string | null;
  /** The number shown in the marker, per group. */
  numberInGroup: number | null;
  /** null while only <ref name="…"/> uses have been seen. */
  text: ReferenceContent | null;
  /** Problems shown after the text in the list (only the first is shown). */
  warnings: CiteMessage[];
}

export class ReferenceStack {
  /** group → (name, or the global id of an unnamed reference) → item, in order of creation. */
  private readonly refs = new Map<string, Map<string, ReferenceStackItem>>();
  private refSequence = 0;
  private readonly groupRefSequence = new Map<string, number>();

  /**
   * Records a <ref> outside <references>. Returns the item whose marker is
   * rendered here, or null for a follow="…" (it never gets a marker).
   */
  pushRef(text: ReferenceContent | null, group: string, name: string | null, follow: string | null, dir: string | null): ReferenceStackItem | null {
    let groupRefs = this.refs.get(group);
    if (!groupRefs) {
      groupRefs = new Map();
      this.refs.set(group, groupRefs);
    }
    if (!this.groupRefSequence.has(group)) this.groupRefSequence.set(group, 0);

    if (isTruthy(follow)) {
      this.resolveFollow({ ...newItem(group), count: 1, dir, name: isTruthy(name) ? name : null, text }, follow);
      return null;
    }

    let ref: ReferenceStackItem;
    const existing = isTruthy(name) ? groupRefs.get(name) : undefined;
    if (existing) {
      // A named reference used again, possibly with its content this time.
      ref = existing;
      ref.count++;
      ref.warnings.push(...Validator.validateDirAttribute(name, ref.dir, dir).messages);
      if (ref.text === null && text !== null) {
        ref.text = text;
        // Only the defining use decides the direction.
        ref.dir = dir;
      } else if (text !== null && text.wikitext !== ref.text?.wikitext) {
        ref.warnings.push({ key: 'cite_error_references_duplicate_key', params: [name!] });
      }
    } else {
      ref = { ...newItem(group), count: 1, dir, name: isTruthy(name) ? name : null, text, globalId: this.nextRefSequence() };
      groupRefs.set(ref.name ?? String(ref.globalId), ref);
    }
    if (ref.numberInGroup === null) {
      const next = this.groupRefSequence.get(group)! + 1;
      this.groupRefSequence.set(group, next);
      ref.numberInGroup = next;
    }
    return ref;
  }

  /**
   * A follow="…" continues the text of an earlier reference. Without that
   * reference (normal on Wikisource, where it is on the previous page) it is
   * kept as an unnumbered paragraph of the list.
   */
  private resolveFollow(ref: ReferenceStackItem, follow: string): void {
    const groupRefs = this.refs.get(ref.group)!;
    const parent = groupRefs.get(follow);
    if (!parent) {
      ref.follow = follow;
      ref.globalId = this.nextRefSequence();
      groupRefs.set(String(ref.globalId), ref);
    } else if (ref.text !== null) {
      const previous = parent.text ?? { wikitext: '', html: '' };
      parent.text = { wikitext: `${previous.wikitext} ${ref.text.wikitext}`, html: `${previous.html} ${ref.text.html}` };
    }
  }

  /** Records a <ref> inside <references>: it defines (or redefines) content, it places no marker. */
  listDefinedRef(group: string, name: string | null, text: ReferenceContent | null): ReferenceStackItem {
    let groupRefs = this.refs.get(group);
    if (!groupRefs) {
      groupRefs = new Map();
      this.refs.set(group, groupRefs);
    }
    // An unnamed one only gets a key so it can be listed (with its warning); nothing can use it.
    const key = name ?? String(this.nextRefSequence());
    let ref = groupRefs.get(key);
    if (!ref) {
      ref = newItem('');
      groupRefs.set(key, ref);
    }
    if (ref.text === null) {
      ref.text = text;
    } else if (text !== null && ref.text.wikitext !== text.wikitext) {
      ref.warnings.push({ key: 'cite_error_references_duplicate_key', params: [key] });
    }
    return ref;
  }

  /** Takes all references of a group out of the stack (a list has been placed for them). */
  popGroup(group: string): ReferenceStackItem[] {
    const refs = [...(this.refs.get(group)?.values() ?? [])];
    this.refs.delete(group);
    this.groupRefSequence.delete(group);
    return refs;
  }

  isKnown(group: string, name: string | null): boolean {
    return isTruthy(name) && (this.refs.get(group)?.has(name) ?? false);
  }

  /** Groups that still hold references, in order of first use. */
  getGroups(): string[] {
    return [...this.refs].filter(([, refs]) => refs.size > 0).map(([group]) => group);
  }

  private nextRefSequence(): number {
    return ++this.refSequence;
  }
}

function newItem(group: string): ReferenceStackItem {
  return { count: 0, dir: null, follow: null, group, globalId: null, name: null, numberInGroup: null, text: null, warnings: [] };
}
