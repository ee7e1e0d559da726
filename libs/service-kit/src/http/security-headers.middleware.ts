/**
 * Every service answers JSON (and a few files) to the console and to scripts, never pages of its
 * own except the Swagger UI at /docs. So its responses say: do not guess types, run nothing, embed
 * nowhere, send no referrer, share with no other origin, keep no copy (answers carry personal
 * data). Written out rather than taken from helmet, which the repository does not depend on; HSTS
 * is left to the TLS-terminating edge (ingress, reverse proxy), since the services speak plain HTTP.
 */

/** CSP of every API answer: a JSON or file response needs no script, style, frame or form. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * CSP of the Swagger UI at /docs: its own scripts, styles and fonts from this origin only (its
 * page carries one inline <style> block and SVG icons as data: URLs), and "Try it out" calls to
 * this origin; still no framing, no plugins, no foreign base or form target.
 */
export const DOCS_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

const COMMON: ReadonlyArray<[string, string]> = [
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'no-referrer'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
];

interface Req {
  path: string;
}
interface Res {
  setHeader(name: string, value: string): void;
  removeHeader(name: string): void;
}

const isDocs = (path: string) => path === '/docs' || path.startsWith('/docs/') || path.startsWith('/docs-');

/**
 * Express middleware setting the security headers on every response, before any handler runs, so
 * refusals by the body parser, the router or a guard carry them too. A handler may still set its
 * own `Cache-Control` (none does today).
 */
export function securityHeadersMiddleware(req: Req, res: Res, next: () => void): void {
  for (const [name, value] of COMMON) res.setHeader(name, value);
  res.removeHeader('X-Powered-By');
  if (isDocs(req.path)) {
    res.setHeader('Content-Security-Policy', DOCS_CONTENT_SECURITY_POLICY);
  } else {
    res.setHeader('Content-Security-Policy', API_CONTENT_SECURITY_POLICY);
    // Staff answers carry petitioners' personal data; none of them may sit in a browser or proxy cache.
    res.setHeader('Cache-Control', 'no-store');
  }
  next();
}
