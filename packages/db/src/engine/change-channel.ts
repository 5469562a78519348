// How one instance tells every instance on the same database that something changed, so that a PI's
// dashboard refetches whichever instance accepted the write. SQLite has one process: an in-process
// emitter. PostgreSQL may have several instances: NOTIFY through the pool, and on each instance one
// dedicated connection that LISTENs (reconnecting when it is lost; notices sent while it was down are not
// replayed, which is why a notice carries the audit sequence and a reconnecting browser asks from there).
import { EventEmitter } from 'node:events';
import pg from 'pg';

/** Payloads stay small: PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
export const MAX_NOTICE_BYTES = 2000;
export const CHANGE_CHANNEL = 'trialdesk_change';

export interface ChangeChannel {
  /** Sends a small text payload to every listener on this database, on every instance (this one too). */
  notify(payload: string): Promise<void>;
  /** Calls onMessage with each payload until the returned function is called. */
  listen(onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

function checkSize(payload: string): void {
  if (Buffer.byteLength(payload) > MAX_NOTICE_BYTES)
    throw new RangeError(
      `change notice of ${Buffer.byteLength(payload)} bytes (at most ${MAX_NOTICE_BYTES})`,
    );
}

export function inProcessChannel(): ChangeChannel {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    notify(payload) {
      checkSize(payload);
      emitter.emit('notice', payload);
      return Promise.resolve();
    },
    listen(onMessage) {
      emitter.on('notice', onMessage);
      return Promise.resolve(() => {
        emitter.off('notice', onMessage);
        return Promise.resolve();
      });
    },
    close() {
      emitter.removeAllListeners();
      return Promise.resolve();
    },
  };
}

export function postgresChannel(pool: pg.Pool, url: string): ChangeChannel {
  const handlers = new Set<(payload: string) => void>();
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (message) => {
      if (message.channel !== CHANGE_CHANNEL || message.payload === undefined) return;
      for (const handler of handlers) handler(message.payload);
    });
    // A lost listening connection (the server restarted, the network dropped) is replaced, with a pause.
    const lost = () => {
      if (client === c) client = null;
      scheduleReconnect();
    };
    c.on('error', lost);
    c.on('end', lost);
    await c.connect();
    await c.query(`LISTEN ${CHANGE_CHANNEL}`);
    client = c;
  };

  const scheduleReconnect = (): void => {
    if (closed || handlers.size === 0 || retry) return;
    retry = setTimeout(() => {
      retry = null;
      ensure().catch(scheduleReconnect);
    }, 1000);
    retry.unref();
  };

  const ensure = (): Promise<void> => {
    if (client || closed) return Promise.resolve();
    connecting ??= connect().finally(() => {
      connecting = null;
    });
    return connecting;
  };

  return {
    async notify(payload) {
      checkSize(payload);
      await pool.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, payload]);
    },
    async listen(onMessage) {
      handlers.add(onMessage);
      await ensure();
      return async () => {
        handlers.delete(onMessage);
        if (handlers.size === 0 && client) {
          const c = client;
          client = null;
          await c.end().catch(() => undefined);
        }
      };
    },
    async close() {
      closed = true;
      handlers.clear();
      if (retry) clearTimeout(retry);
      await connecting?.catch(() => undefined);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
