/**
 * Outgoing mail and email confirmation (owned by the email work: nodemailer
 * transport, .eml files under the data directory, confirmation tokens).
 */
import type { BaseServices } from '../services/Services';

export interface MailServices {}

export function createMailServices(base: BaseServices): MailServices {
  void base;
  return {};
}
