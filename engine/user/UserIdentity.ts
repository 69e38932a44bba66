/**
 * Who performs an action (MediaWiki's UserIdentity): a registered account
 * (id > 0) or an anonymous visitor identified by IP address (id 0).
 */
export interface UserIdentity {
  readonly id: number;
  readonly name: string;
}

export function isRegistered(user: UserIdentity): boolean {
  return user.id > 0;
}

export function anonymousUser(ip: string): UserIdentity {
  return { id: 0, name: normalizeIp(ip) };
}

/** IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) are shown as IPv4, as MediaWiki's IPUtils::sanitizeIP does. */
export function normalizeIp(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  return ip.includes(':') ? ip.toUpperCase() : ip;
}

/** MediaWiki treats an IP-shaped name as anonymous. */
export function isIpAddress(name: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(name) || /^[0-9A-F]{0,4}(:[0-9A-F]{0,4}){2,7}$/i.test(name);
}
