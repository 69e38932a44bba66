/**
 * The "reason" pair of MediaWiki's deletion and similar forms: a dropdown of
 * predefined reasons from a message (Xml::listDropdownOptions: "* Group"
 * and "** Reason" lines) with an "other reason" first option, and a free
 * text field; the two combine as "Reason: additional text"
 * (DeleteAction::getFormFields / the reason handling of ProtectionForm).
 */
import type { RequestContext } from '../context/RequestContext';
import { attributes, html, type SafeHtml } from './Html';

export interface DropdownGroup {
  /** null: options before any group line. */
  group: string | null;
  options: string[];
}

/** Xml::listDropdownOptions(): the groups and options of a `*` / `**` list. */
export function listDropdownOptions(text: string): DropdownGroup[] {
  const out: DropdownGroup[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('**')) {
      if (out.length === 0) out.push({ group: null, options: [] });
      out[out.length - 1].options.push(line.slice(2).trim());
    } else if (line.startsWith('*')) {
      out.push({ group: line.slice(1).trim(), options: [] });
    }
  }
  return out;
}

/** A <select> with `otherKey` as the 'other' option and the groups of `listKey`. */
export function reasonDropdown(context: RequestContext, name: string, listKey: string, otherKey: string, selected: string): SafeHtml {
  const option = (value: string, label: string) => html`<option value="${value}"${attributes({ selected: value === selected })}>${label}</option>`;
  const groups = listDropdownOptions(context.msg(listKey).text());
  const options = [
    option('other', context.msg(otherKey).text()),
    ...groups.map((g) => (g.group === null ? html`${g.options.map((o) => option(o, o))}` : html`<optgroup label="${g.group}">${g.options.map((o) => option(o, o))}</optgroup>`)),
  ];
  return html`<select id="${name}" name="${name}">${options}</select>`;
}

/** The stored reason: the chosen one, then the typed text after a colon; cut to `limit` characters. */
export function combineReason(context: RequestContext, selection: string, other: string, limit: number): string {
  let reason = other;
  if (selection !== '' && selection !== 'other') reason = other === '' ? selection : selection + context.services.messages.msg('colon-separator', context.services.settings.languageCode).text() + other;
  return [...reason].slice(0, limit).join('');
}
