/**
 * ParserFirstCallInit for Cite (CiteParserHooks / CiteParserTagHooks):
 * the <ref> and <references> tags, and the references list added at the end
 * of a page that uses <ref> without <references/> (upstream's
 * ParserAfterParse handler, here an output transform).
 */
import type { ParserHookRegistry, RenderFrame } from '../../engine/parser/ParserHooks';
import { Cite } from './src/Cite';

/** Per-render holder; the Cite state is only created once a tag is met. */
interface CiteSlot {
  cite: Cite | null;
}

function slotOf(frame: RenderFrame): CiteSlot {
  return frame.getExtensionData<CiteSlot>('Cite', () => ({ cite: null }));
}

function citeFor(frame: RenderFrame): Cite {
  const slot = slotOf(frame);
  slot.cite ??= new Cite(frame);
  return slot.cite;
}

export default function onParserFirstCallInit(parser: ParserHookRegistry): void {
  parser.setHook('ref', (input, frame) => citeFor(frame).ref(input));
  parser.setHook('references', (input, frame) => citeFor(frame).references(input));
  parser.addOutputTransform((html, frame) => {
    const { cite } = slotOf(frame);
    return cite ? html + cite.checkRefsNoReferences() : html;
  });
}
