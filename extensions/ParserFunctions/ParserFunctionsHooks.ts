/**
 * ParserFirstCallInit handler of the ParserFunctions extension: registers
 * the parser functions of MediaWiki's Extension:ParserFunctions.
 *
 * #titleparts and #ifexist are left to the renderer, whose versions behave as
 * MediaWiki's do. #if, #ifeq, #iferror, #switch and #rel2abs replace the
 * wikitext library's built-ins, which differ from MediaWiki: they compare
 * numbers the JavaScript way ("0x10" equals "16"), leave a function whose
 * test holds a missing template unexpanded, decode entities before #iferror
 * looks for an error (so "&lt;span class="error"&gt;" counts), and word the
 * #rel2abs error differently.
 */
import type { ParserHookRegistry } from '../../engine/parser/ParserHooks';
import { LogicFunctions } from './LogicFunctions';
import { extensionMessages } from './Messages';
import { TimeFunctions } from './TimeFunctions';

export default function onParserFirstCallInit(parser: ParserHookRegistry): void {
  const messages = extensionMessages();
  const logic = new LogicFunctions(messages);
  const time = new TimeFunctions(messages);
  parser.setFunctionHook('expr', (args, frame) => logic.expr(args, frame));
  parser.setFunctionHook('ifexpr', (args, frame) => logic.ifexpr(args, frame));
  parser.setFunctionHook('if', (args) => logic.if(args));
  parser.setFunctionHook('ifeq', (args) => logic.ifeq(args));
  parser.setFunctionHook('iferror', (args) => logic.iferror(args));
  parser.setFunctionHook('switch', (args) => logic.switch(args));
  parser.setFunctionHook('rel2abs', (args, frame) => logic.rel2abs(args, frame));
  parser.setFunctionHook('time', (args, frame) => time.time(args, frame));
  parser.setFunctionHook('timel', (args, frame) => time.timel(args, frame));
  parser.setFunctionHook('timef', (args, frame) => time.timef(args, frame));
  parser.setFunctionHook('timefl', (args, frame) => time.timefl(args, frame));
}
