/**
 * action=raw (MediaWiki's RawAction): the page source as text/x-wiki, or as
 * text/css / text/javascript when `ctype` asks for it. Any other ctype is
 * refused, so raw user content can never be served as HTML. A missing page
 * answers 404 with an empty body (which lets every page load
 * MediaWiki:Common.css whether or not it exists).
 */
import type { RequestContext } from '../context/RequestContext';
import { defaultContentModel } from '../content/ContentModel';
import { ErrorPageError } from '../errors/ErrorPageError';
import { fromMwTimestamp } from '../util/Timestamp';
import type { PageAction } from './Action';

const ALLOWED_CTYPES = new Set(['text/x-wiki', 'text/javascript', 'text/css', 'application/x-zope-edit', 'application/json', 'text/plain']);

export class RawAction implements PageAction {
  readonly name = 'raw';

  async show(context: RequestContext): Promise<void> {
    const { services, request, output } = context;
    const title = context.getTitle();
    const ctype = request.getVal('ctype') ?? 'text/x-wiki';
    if (!ALLOWED_CTYPES.has(ctype)) throw new ErrorPageError('internalerror', 'raw-bad-ctype', [], 403);
    // Serving an openly editable page as JavaScript would let anyone publish a
    // script from this origin (trusted by script-src 'self'); MediaWiki refuses
    // with `unprotected-js` unless the page is a JS page, which needs editsitejs/edituserjs.
    if (ctype === 'text/javascript' && defaultContentModel(title) !== 'javascript') {
      throw new ErrorPageError('internalerror', 'unprotected-js', [], 403);
    }
    const page = await services.pageStore.getPage({ namespace: title.getNamespace(), dbKey: title.getDBkey() });
    const oldId = request.getInt('oldid', 0);
    const revision = oldId > 0 ? await services.revisionStore.getRevisionById(oldId) : page ? await services.revisionStore.getRevisionById(page.latest) : null;
    output.cacheControl = 'private, s-maxage=0, max-age=0, must-revalidate';
    if (!page || !revision || revision.pageId !== page.id) {
      output.statusCode = 404;
      output.setRaw('', `${ctype}; charset=UTF-8`);
      return;
    }
    // Site CSS is fetched on every page view; let browsers revalidate it cheaply.
    context.koa.set('Last-Modified', fromMwTimestamp(revision.timestamp).toUTCString());
    output.setRaw(await services.revisionStore.getText(revision), `${ctype}; charset=UTF-8`);
  }
}
