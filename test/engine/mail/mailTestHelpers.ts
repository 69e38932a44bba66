/**
 * Helpers for mail tests: capture the mail log, read the .eml files the
 * embedded default writes, and pull links out of a message body.
 */
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser, ParsedMail } from 'mailparser';
import type { TestWiki } from '../../helpers/TestWiki';

/** Sends the wiki's mail log lines into an array. */
export function captureMailLog(wiki: TestWiki): string[] {
  const lines: string[] = [];
  wiki.services.mail.setLogger((line) => lines.push(line));
  return lines;
}

export function mailDir(wiki: TestWiki): string {
  return path.join(wiki.services.settings.dataDir, 'mail');
}

/** The .eml files written so far, oldest first. */
export function emlFiles(wiki: TestWiki): string[] {
  const dir = mailDir(wiki);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .map((f) => path.join(dir, f))
    .sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs || a.localeCompare(b));
}

export async function parseEml(file: string): Promise<ParsedMail> {
  return simpleParser(fs.readFileSync(file));
}

/** The newest message written, parsed. */
export async function lastMail(wiki: TestWiki): Promise<ParsedMail> {
  const files = emlFiles(wiki);
  if (files.length === 0) throw new Error('No mail was written');
  return parseEml(files[files.length - 1]);
}

/** Removes every .eml file (so the next one is easy to find). */
export function clearMail(wiki: TestWiki): void {
  for (const file of emlFiles(wiki)) fs.rmSync(file);
}

/** The Special:<page>/<token> link in a body. */
export function tokenLink(text: string, page: 'ConfirmEmail' | 'InvalidateEmail'): string {
  const m = new RegExp(`(https?://\\S+/Special:${page}/[a-f0-9]{32})`).exec(text);
  if (!m) throw new Error(`No ${page} link in: ${text}`);
  return m[1];
}

/** The path part of an absolute URL, for the supertest agent. */
export function localPath(url: string): string {
  const u = new URL(url);
  return u.pathname + u.search;
}

export function toAddresses(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((t) => t.value.map((v) => v.address ?? ''));
}
