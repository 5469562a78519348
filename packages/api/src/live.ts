// Change notices behind the live subscriptions: a write publishes what changed in which trial, and every
// open dashboard of that trial refetches. Connected to the database's change channel (LiveBus.connect),
// a notice reaches the dashboards on every instance that serves the database (on PostgreSQL through
// LISTEN/NOTIFY), and its id is the trial's audit sequence after the change: the same on every instance,
// so a browser that reconnects, to this instance or another, says what it last saw and is told whether
// it missed something. A bus made with `new LiveBus()` (tests, benchmarks) stays in this process and
// numbers its notices itself.
import { EventEmitter, on } from 'node:events';
import { dataVersion, type ChangeChannel, type Db } from '@trialdesk/db';

export interface ChangeNotice {
  trialId: string;
  /** What changed; 'missed' when a reconnecting browser had not yet seen changes made while it was away. */
  kind:
    | 'inclusion'
    | 'screening'
    | 'cycle'
    | 'assessment'
    | 'event'
    | 'correction'
    | 'settings'
    | 'datacut'
    | 'query'
    | 'sdv'
    | 'lock'
    | 'signature'
    | 'sae'
    | 'deviation'
    | 'missed';
  centre: string | null;
  at: string;
}

export type NumberedNotice = ChangeNotice & { id: number };

export class LiveBus {
  private readonly emitter = new EventEmitter();
  private sequence = 0;
  private stopListening: (() => Promise<void>) | null = null;

  /**
   * Without a shared channel, a bus for this process only (tests, benchmarks); see connect().
   * @param sessionCheckMs how often an open stream re-reads its session (routers/live): the stream ends
   * within this time of a logout, deactivation, password change or reset, role change or expiry, also when
   * another server or the CLI ended it. One indexed read per open stream per interval.
   */
  constructor(
    private readonly shared: { db: Db; channel: ChangeChannel } | null = null,
    readonly sessionCheckMs = 5_000,
  ) {
    this.emitter.setMaxListeners(0);
  }

  /** A bus on the database's change channel: notices from every instance, numbered by the audit trail. */
  static async connect(db: Db, channel: ChangeChannel): Promise<LiveBus> {
    const bus = new LiveBus({ db, channel });
    bus.stopListening = await channel.listen((payload) => {
      try {
        bus.emitter.emit('change', JSON.parse(payload) as NumberedNotice);
      } catch (error) {
        console.error('Live: an unreadable change notice was ignored', error);
      }
    });
    return bus;
  }

  /** Call after the change committed. Never throws: a lost notice costs a refetch, not the write. */
  publish(notice: ChangeNotice): void {
    if (!this.shared) {
      this.sequence += 1;
      this.emitter.emit('change', { ...notice, id: this.sequence });
      return;
    }
    const { db, channel } = this.shared;
    void dataVersion(db, notice.trialId)
      .then((id) => channel.notify(JSON.stringify({ ...notice, id })))
      .catch((error: unknown) => console.error('Live: a change notice could not be sent', error));
  }

  /**
   * Changes of one trial, until the signal aborts. With the id of the last notice a browser saw, a first
   * 'missed' notice tells it that the trial changed since (on a shared bus, where ids are audit sequences).
   * Listening has started, and the catch-up check is done, when the returned promise resolves.
   */
  async changes(
    trialId: string,
    signal?: AbortSignal,
    resume?: { lastId: number; at: string },
  ): Promise<AsyncGenerator<NumberedNotice>> {
    // Listening starts before the catch-up check, so nothing falls between the two.
    const stream = on(this.emitter, 'change', { signal }) as AsyncIterableIterator<[NumberedNotice]>;
    let missed: NumberedNotice | null = null;
    if (this.shared && resume) {
      try {
        const head = await dataVersion(this.shared.db, trialId);
        if (head > resume.lastId) missed = { trialId, kind: 'missed', centre: null, at: resume.at, id: head };
      } catch (error) {
        await stream.return?.();
        throw error;
      }
    }
    return (async function* () {
      if (missed) yield missed;
      for await (const [notice] of stream) {
        if (notice.trialId === trialId) yield notice;
      }
    })();
  }

  async close(): Promise<void> {
    await this.stopListening?.();
    this.stopListening = null;
    this.emitter.removeAllListeners();
  }

  /** Open subscriptions (live streams) in this process. */
  get subscribers(): number {
    return this.emitter.listenerCount('change');
  }
}
