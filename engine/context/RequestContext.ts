/**
 * Everything one request needs (MediaWiki's RequestContext): services, the
 * parameters, the user, the interface language, the title, the output page
 * and the skin. Built by the request-context middleware, passed explicitly.
 */
import type { ParameterizedContext } from 'koa';
import type { Message } from '../i18n/Message';
import type { MessageParam } from '../i18n/MessageFormatter';
import { OutputPage } from '../output/OutputPage';
import type { Services } from '../services/Services';
import type { Skin } from '../skin/Skin';
import type { Title } from '../title/Title';
import type { User } from '../user/User';
import type { UserOptions } from '../user/UserOptionsManager';
import type { CsrfTokenSet } from '../session/CsrfTokenSet';
import { WebRequest } from './WebRequest';

export interface RequestContextInit {
  services: Services;
  koa: ParameterizedContext;
  request: WebRequest;
  user: User;
  /** The user's preferences (the defaults for anonymous visitors). */
  userOptions: UserOptions;
  language: string;
  skin: Skin;
  csrf: CsrfTokenSet;
  ip: string;
}

export class RequestContext {
  readonly services: Services;
  readonly koa: ParameterizedContext;
  readonly request: WebRequest;
  readonly user: User;
  readonly userOptions: UserOptions;
  readonly language: string;
  readonly output = new OutputPage();
  readonly csrf: CsrfTokenSet;
  readonly ip: string;
  skin: Skin;
  title: Title | null = null;
  /** The action being performed (view, edit, history…; 'view' for special pages). */
  action = 'view';

  constructor(init: RequestContextInit) {
    this.services = init.services;
    this.koa = init.koa;
    this.request = init.request;
    this.user = init.user;
    this.userOptions = init.userOptions;
    this.language = init.language;
    this.skin = init.skin;
    this.csrf = init.csrf;
    this.ip = init.ip;
  }

  msg(key: string, ...params: MessageParam[]): Message {
    return this.services.messages.msg(key, this.language, ...params);
  }

  /** The title, for code paths where the router guarantees one. */
  getTitle(): Title {
    if (!this.title) throw new Error('RequestContext has no title');
    return this.title;
  }
}
