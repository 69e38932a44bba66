/**
 * Tracking categories added by parser functions (Parser::addTrackingCategory):
 * the message keys are recorded in the render's extension data, and the
 * preprocessor reports them with its own (ExpansionResult.trackingCategories).
 */
import type { RenderFrame } from '../ParserHooks';

export const TRACKING_CATEGORIES_KEY = 'core.trackingCategories';

/** Records a tracking category by its message key (e.g. 'bad-language-code-category'). */
export function addTrackingCategory(frame: RenderFrame, messageKey: string): void {
  frame.getExtensionData<Set<string>>(TRACKING_CATEGORIES_KEY, () => new Set()).add(messageKey);
}

/** The tracking categories recorded so far in this render. */
export function trackingCategoriesOf(frame: RenderFrame): string[] {
  return [...frame.getExtensionData<Set<string>>(TRACKING_CATEGORIES_KEY, () => new Set())];
}
