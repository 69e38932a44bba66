/**
 * Special:InvalidateEmail/<code> (MediaWiki's SpecialEmailInvalidate, an
 * unlisted page needing `editmyprivateinfo`): the "cancel" link of a
 * confirmation mail, for someone whose address was entered into an account
 * that is not theirs. A valid code removes the address from that account
 * together with its confirmation state and the code itself
 * (User::invalidateEmail()) and shows `confirmemail_invalidated`; an
 * unknown, used or expired code shows `confirmemail_invalid`. Like the
 * confirmation link it works whether or not the visitor is logged in.
 */
import type { RequestContext } from '../../context/RequestContext';
import { notRegistered, requireRight, returnToLink, wikiMessage } from '../../mail/EmailPages';
import { SpecialPage } from '../SpecialPage';

export class SpecialInvalidateEmail extends SpecialPage {
  override readonly group = 'users';
  override readonly listed = false;

  constructor() {
    super('InvalidateEmail', 'editmyprivateinfo');
  }

  override checkPermissions(context: RequestContext): void {
    requireRight(context, this.restriction);
  }

  async execute(context: RequestContext, code: string | null): Promise<void> {
    const { settings, mail } = context.services;
    if (!settings.enableEmail || !settings.emailAuthentication) throw notRegistered();
    const invalidated = code ? await mail.emailConfirmation.invalidate(code.trim()) : null;
    if (invalidated === null) {
      context.output.addHtml(wikiMessage(context, 'confirmemail_invalid'));
      return;
    }
    context.output.addHtml(wikiMessage(context, 'confirmemail_invalidated'));
    if (context.user.id <= 0) context.output.addHtml(returnToLink(context));
  }
}
