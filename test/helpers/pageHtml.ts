/** The page body from #mw-content-text to the end of <main> (skin chrome left out). */
export function mainContent(page: string): string {
  return page.slice(page.indexOf('<div id="mw-content-text"'), page.indexOf('</main>'));
}
