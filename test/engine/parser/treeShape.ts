/**
 * A comparable description of a tidy tree (SimpleHtmlTree's or parse5's):
 * names, attributes, text, comments and the source offsets the tidy step
 * reads, nothing else (parse5's line and column numbers, parent links).
 */
import type { NodeLocation, TidyNode, TidyParent } from '../../../engine/parser/SimpleHtmlTree';

function location(loc: NodeLocation | null | undefined): unknown {
  if (!loc) return null;
  return {
    start: loc.startOffset,
    end: loc.endOffset,
    startTag: loc.startTag ? [loc.startTag.startOffset, loc.startTag.endOffset] : null,
    endTag: loc.endTag ? [loc.endTag.startOffset, loc.endTag.endOffset] : null,
  };
}

export function treeShape(parent: TidyParent): unknown[] {
  return parent.childNodes.map((node: TidyNode) => {
    if (node.nodeName === '#text') return { text: (node as { value: string }).value, loc: location(node.sourceCodeLocation) };
    if (node.nodeName === '#comment') return { comment: (node as { data: string }).data, loc: location(node.sourceCodeLocation) };
    const el = node as { tagName: string; namespaceURI: string; attrs: { name: string; value: string }[]; childNodes: TidyNode[] };
    return {
      tag: el.tagName,
      ns: el.namespaceURI,
      attrs: el.attrs.map((a) => [a.name, a.value]),
      loc: location(node.sourceCodeLocation),
      children: treeShape(node as unknown as TidyParent),
    };
  });
}
