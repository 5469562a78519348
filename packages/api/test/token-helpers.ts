// A caller that presents a personal API token (Authorization: Bearer) and no cookie, context built anew per
// call as the server does per request.
import { createContext } from '../src/context.js';
import { createCaller } from '../src/root.js';
import { MemoryCookieJar, type Harness } from './harness.js';

type Caller = ReturnType<typeof createCaller>;

export function withToken(h: Harness, token: string, ip = '127.0.0.1'): Caller {
  const build = (path: string[]): unknown =>
    new Proxy(() => undefined, {
      get: (_target, key) => (key === 'then' ? undefined : build([...path, String(key)])),
      apply: async (_target, _this, args: unknown[]) => {
        const caller = createCaller(
          await createContext({
            db: h.open.db,
            clock: () => h.clock.now,
            live: h.live,
            cookies: new MemoryCookieJar(),
            auth: h.auth,
            ip,
            authorization: `Bearer ${token}`,
          }),
        );
        const fn = path.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], caller) as (
          ...a: unknown[]
        ) => Promise<unknown>;
        return fn(...args);
      },
    });
  return build([]) as Caller;
}
