/**
 * A small DOM for asserting on skin HTML: htmlparser2's document with
 * simple selectors — compound parts (`tag#id.class[attr]`, `[attr=value]`)
 * joined by descendant spaces or child `>`.
 */
import { parseDocument } from 'htmlparser2';
import type { Document, Element } from 'domhandler';
import { getAttributeValue, getElementsByTagName, textContent, isTag } from 'domutils';

interface Compound {
  tag: string | null;
  id: string | null;
  classes: string[];
  attrs: Array<{ name: string; value: string | null }>;
}

function parseCompound(text: string): Compound {
  const compound: Compound = { tag: null, id: null, classes: [], attrs: [] };
  const re = /([a-z][a-z0-9-]*)|#([\w:%-]+)|\.([\w-]+)|\[([\w-]+)(?:=["']?([^\]"']*)["']?)?\]/gi;
  for (const m of text.matchAll(re)) {
    if (m[1]) compound.tag = m[1].toLowerCase();
    else if (m[2]) compound.id = m[2];
    else if (m[3]) compound.classes.push(m[3]);
    else if (m[4]) compound.attrs.push({ name: m[4], value: m[5] ?? null });
  }
  return compound;
}

function matches(el: Element, c: Compound): boolean {
  if (c.tag && el.name !== c.tag) return false;
  if (c.id && el.attribs.id !== c.id) return false;
  const classes = (el.attribs.class ?? '').split(/\s+/);
  if (c.classes.some((cls) => !classes.includes(cls))) return false;
  return c.attrs.every((a) => (a.value === null ? a.name in el.attribs : el.attribs[a.name] === a.value));
}

function parent(el: Element): Element | null {
  const p = el.parent;
  return p && isTag(p) ? p : null;
}

function matchesChain(el: Element, chain: Array<{ compound: Compound; combinator: ' ' | '>' }>, index: number): boolean {
  if (!matches(el, chain[index].compound)) return false;
  if (index === 0) return true;
  const combinator = chain[index].combinator;
  if (combinator === '>') {
    const p = parent(el);
    return p !== null && matchesChain(p, chain, index - 1);
  }
  for (let p = parent(el); p; p = parent(p)) if (matchesChain(p, chain, index - 1)) return true;
  return false;
}

export class Dom {
  readonly doc: Document;
  private readonly elements: Element[];

  constructor(html: string) {
    this.doc = parseDocument(html);
    this.elements = getElementsByTagName(() => true, this.doc.children, true);
  }

  all(selector: string, within?: Element): Element[] {
    const chain: Array<{ compound: Compound; combinator: ' ' | '>' }> = [];
    let combinator: ' ' | '>' = ' ';
    for (const token of selector.trim().split(/\s+/)) {
      if (token === '>') {
        combinator = '>';
        continue;
      }
      chain.push({ compound: parseCompound(token), combinator });
      combinator = ' ';
    }
    const pool = within ? getElementsByTagName(() => true, within.children, true) : this.elements;
    return pool.filter((el) => matchesChain(el, chain, chain.length - 1));
  }

  one(selector: string, within?: Element): Element | null {
    return this.all(selector, within)[0] ?? null;
  }

  text(selector: string, within?: Element): string | null {
    const el = this.one(selector, within);
    return el ? textContent(el).replace(/\s+/g, ' ').trim() : null;
  }

  texts(selector: string, within?: Element): string[] {
    return this.all(selector, within).map((el) => textContent(el).replace(/\s+/g, ' ').trim());
  }

  attr(selector: string, name: string): string | null {
    const el = this.one(selector);
    return el ? (getAttributeValue(el, name) ?? null) : null;
  }
}
