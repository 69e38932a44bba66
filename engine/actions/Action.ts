/**
 * Base of page actions (MediaWiki's Action / FormAction): `index.php?action=…`
 * on a title. Each action declares the right it needs; the dispatcher checks
 * `read` for all of them, the action checks the rest.
 */
import type { RequestContext } from '../context/RequestContext';

export interface PageAction {
  readonly name: string;
  /** Handles the request; the title is context.getTitle(). */
  show(context: RequestContext): Promise<void>;
}
