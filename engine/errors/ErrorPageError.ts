/**
 * Errors that end a request with a MediaWiki-style error page (MediaWiki's
 * ErrorPageError family). The error middleware renders them in the skin with
 * the right HTTP status; anything else becomes a generic internal error page
 * without a stack trace.
 */
import type { PermissionError } from '../permissions/PermissionManager';

export class ErrorPageError extends Error {
  constructor(
    /** Message key of the page heading. */
    readonly titleKey: string,
    /** Message key of the explanation. */
    readonly messageKey: string,
    readonly params: string[] = [],
    readonly status = 400,
  ) {
    super(messageKey);
  }
}

/** `badtitle` / `badtitletext` with the specific reason (title-invalid-*). */
export class BadTitleError extends ErrorPageError {
  constructor(readonly reasonKey = 'badtitletext', params: string[] = []) {
    super('badtitle', reasonKey, params, 400);
  }
}

/** MediaWiki's PermissionsError: "Permission error" and the list of reasons, HTTP 403. */
/**
 * MediaWiki's PermissionsError: the reasons, and optionally the action that
 * was refused, whose `action-<action>` message names it in the heading line
 * ("You do not have permission to move this page, …").
 */
export class PermissionDeniedError extends ErrorPageError {
  constructor(
    readonly errors: PermissionError[],
    readonly action: string | null = null,
  ) {
    super('permissionserrors', errors[0]?.key ?? 'badaccess-group0', errors[0]?.params ?? [], 403);
  }
}

export class NotFoundError extends ErrorPageError {
  constructor(titleKey: string, messageKey: string, params: string[] = []) {
    super(titleKey, messageKey, params, 404);
  }
}

/**
 * MediaWiki's UserNotLoggedIn: the page or action needs an account; the text
 * links to Special:UserLogin with a returnto back here. Sent with HTTP 403,
 * like every refusal for want of rights.
 */
export class UserNotLoggedInError extends ErrorPageError {
  constructor(readonly reasonKey = 'exception-nologin-text', params: string[] = []) {
    super('exception-nologin', reasonKey, params, 403);
  }
}
