import { stripWikitext } from './engine/search/stripWikitext';
const cases: Record<string, string> = {
  equals: '='.repeat(50000),
  eqspace: '=' + ' '.repeat(50000) + 'x',
  links: '[['.repeat(50000),
  linkpipes: '[[' + '|'.repeat(50000),
  tags: '<a'.repeat(50000),
  ext: '[http://'.repeat(20000),
  ext2: '[http://x ' + ' '.repeat(50000),
  ents: '&#'.repeat(50000),
  quotes: "'".repeat(50000),
  comment: '<!--'.repeat(50000),
  nowiki: '<nowiki>'.repeat(50000),
  words: 'word '.repeat(400000),
  listy: '*'.repeat(50000) + '\n:'.repeat(50000),
  table: '{|' + '\n|'.repeat(50000),
  under: '__' + 'A'.repeat(50000),
};
for (const [name, text] of Object.entries(cases)) {
  const t0 = Date.now();
  stripWikitext(text);
  console.log(name, Date.now() - t0, 'ms');
}
