// HTTP-level protections the whole app shares: the Host header checked against the names the server
// may be reached by (against DNS rebinding), and the security headers every response carries.
import { isIP } from 'node:net';

/**
 * The explorer's Content-Security-Policy: scripts, workers and connections only from this origin
 * (workers may also start from blob: URLs, as the layout worker does), inline styles for React's
 * style attributes, images from data:/blob: (exports), no framing by other sites.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** The host name of a Host header value, lower-cased, without port or IPv6 brackets. */
export function hostName(header: string): string {
  const value = header.trim().toLowerCase();
  if (value.startsWith('[')) return value.slice(1, value.indexOf(']') === -1 ? undefined : value.indexOf(']'));
  const colon = value.indexOf(':');
  return colon === -1 || value.indexOf(':', colon + 1) !== -1 ? value : value.slice(0, colon);
}

/**
 * Whether a request with this Host header may be served. IP literals and localhost cannot be
 * rebound to another site's name, so they always pass; any other name only when allowed
 * (METHODGRAPH_ALLOWED_HOSTS, or the HOST the server listens on).
 */
export function hostAllowed(header: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (!header) return false;
  const name = hostName(header);
  if (name === 'localhost' || name.endsWith('.localhost') || isIP(name) !== 0) return true;
  return allowed.has(name) || allowed.has('*');
}

/** METHODGRAPH_ALLOWED_HOSTS as a set of lower-case names (comma-separated; `*` allows any). */
export function parseAllowedHosts(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((s) => hostName(s))
    .filter(Boolean);
}
