/**
 * Cite's errors as they appear in the page (Cite's ErrorReporter):
 *
 *   <span class="error mw-ext-cite-error" lang="en" dir="ltr">Cite error: …</span>
 *
 * Whether a message is an error or a warning is read from its key
 * (cite_error_… / cite_warning_…); errors get the "Cite error: $1" wrapper.
 * The lang and dir attributes are those of the language the message is in.
 */
import { escapeHtml } from '../../../engine/html/Html';
import { toBcp47 } from '../../../engine/i18n/LanguageFallback';
import { languageDirection } from '../../../engine/output/SkinDataBuilder';
import type { CiteMessage } from './CiteStatus';
import type { CiteMessages } from './CiteMessages';

export class ErrorReporter {
  constructor(private readonly messages: CiteMessages) {}

  /** The message as HTML in its container. */
  render(message: CiteMessage): string {
    const match = /^cite.(error|warning).(.+)/i.exec(message.key);
    if (!match) throw new Error(`Not a Cite error or warning message: ${message.key}`);
    const [, type, id] = match;
    const html = type === 'error' ? this.messages.parseError(message.key, message.params) : this.messages.parse(message.key, message.params);
    const extraClass = type === 'warning' ? ` mw-ext-cite-warning-${escapeClass(id)}` : '';
    const language = this.messages.language;
    return `<span class="${type} mw-ext-cite-${type}${escapeHtml(extraClass)}" lang="${escapeHtml(toBcp47(language))}" dir="${languageDirection(language)}">${html}</span>`;
  }
}

/** Sanitizer::escapeClass: a string made usable as one CSS class name. */
function escapeClass(name: string): string {
  return name
    .replace(/(^[0-9-])|[\0-\x20!"#$%&'()*+,./:;<=>?@[\]^`{|}~]|\u00a0/g, '_')
    .replace(/_+/g, '_')
    .replace(/_+$/, '');
}
