// The services' APIs through the gateway, with the development sign-in's tokens: for assertions
// (what the page did reached the service) and for waiting on what happens between services
// (registered → routed → in the unit's inbox), never in place of a page that exists.
export class GatewayApi {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly origin: string) {}

  /** A token of a demo user (`POST /auth/dev/token`), as the console gets it. */
  async token(userId: string): Promise<string> {
    const known = this.tokens.get(userId);
    if (known) return known;
    const res = await fetch(`${this.origin}/auth/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId }),
    });
    if (!res.ok) throw new Error(`POST /auth/dev/token for ${userId} answered ${res.status}: ${await res.text()}`);
    const { token } = (await res.json()) as { token: string };
    this.tokens.set(userId, token);
    return token;
  }

  /** `GET <path>` through the gateway (e.g. `/intake/api/petitions?...`) as a demo user. */
  async get<T>(path: string, as: string): Promise<T> {
    const res = await fetch(`${this.origin}${path}`, { headers: { authorization: `Bearer ${await this.token(as)}` } });
    if (!res.ok) throw new Error(`GET ${path} as ${as} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  }

  /** Every item of a cursor-paged list (`{ items, nextCursor }`). */
  async all<T>(path: string, as: string): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 100; page++) {
      const sep = path.includes('?') ? '&' : '?';
      const res: { items: T[]; nextCursor: string | null } = await this.get(
        `${path}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`,
        as,
      );
      items.push(...res.items);
      cursor = res.nextCursor;
      if (!cursor) break;
    }
    return items;
  }

  /** Polls `read` until it returns something, or fails saying what it waited for. */
  async waitFor<T>(what: string, read: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
    const until = Date.now() + timeoutMs;
    let last: unknown = null;
    for (;;) {
      try {
        const value = await read();
        if (value) return value;
      } catch (err) {
        last = err;
      }
      if (Date.now() > until)
        throw new Error(`waited ${timeoutMs / 1000} s for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
