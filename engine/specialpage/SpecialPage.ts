/**
 * Base class of special pages (MediaWiki's SpecialPage). A special page has a
 * canonical name, optional aliases, an optional restriction (a right), a
 * group for Special:SpecialPages and a description message — by MediaWiki
 * convention the lower-cased name (`recentchanges`).
 */
import type { RequestContext } from '../context/RequestContext';
import { html } from '../html/Html';
import { PermissionDeniedError } from '../errors/ErrorPageError';

export abstract class SpecialPage {
  /** Extra names that reach this page (case-insensitive first letter, as MediaWiki's aliases). */
  readonly aliases: readonly string[] = [];
  /** Special:SpecialPages group (MediaWiki's getGroupName): changes, pages, redirects, users, wiki, other… */
  readonly group: string = 'other';
  /** Shown on Special:SpecialPages. */
  readonly listed: boolean = true;

  constructor(
    readonly name: string,
    /** A right the user needs; '' for everyone. */
    readonly restriction = '',
  ) {}

  /** Message key of the page's name as shown in lists and its heading. */
  getDescriptionKey(): string {
    return this.name.toLowerCase();
  }

  userCanExecute(context: RequestContext): boolean {
    return this.restriction === '' || context.services.permissionManager.userHasRight(context.user, this.restriction);
  }

  /**
   * Refuses with MediaWiki's permission error when the restriction is not met
   * (SpecialPage::displayRestrictionError: the groups that hold the right, and
   * the right's action-<right> wording).
   */
  checkPermissions(context: RequestContext): void {
    if (this.userCanExecute(context)) return;
    throw new PermissionDeniedError([context.services.permissionManager.missingRightError(this.restriction)], this.restriction);
  }

  /** Standard heading and <title> from the description message. */
  setHeaders(context: RequestContext): void {
    const description = context.msg(this.getDescriptionKey()).text();
    context.output.setPageTitleHtml(html`${description}`, description);
    context.output.setRobotPolicy('noindex,nofollow');
  }

  /** Runs the page: headers and permission check, then `execute`. */
  async run(context: RequestContext, subPage: string | null): Promise<void> {
    this.setHeaders(context);
    this.checkPermissions(context);
    await this.execute(context, subPage);
  }

  abstract execute(context: RequestContext, subPage: string | null): Promise<void>;
}
