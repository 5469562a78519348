// In-process change notifications behind the live subscriptions: a write publishes what changed in which
// trial, and every open dashboard of that trial refetches. One process serves the app, so an EventEmitter
// suffices; a second process would need the database or a broker instead.
import { EventEmitter, on } from 'node:events';

export interface ChangeNotice {
  trialId: string;
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
    | 'sdv';
  centre: string | null;
  at: string;
}

export class LiveBus {
  private readonly emitter = new EventEmitter();
  private sequence = 0;

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  publish(notice: ChangeNotice): void {
    this.sequence += 1;
    this.emitter.emit('change', { ...notice, id: this.sequence });
  }

  /** Changes of one trial, until the signal aborts. */
  async *changes(trialId: string, signal?: AbortSignal): AsyncGenerator<ChangeNotice & { id: number }> {
    for await (const [notice] of on(this.emitter, 'change', { signal }) as AsyncIterable<
      [ChangeNotice & { id: number }]
    >) {
      if (notice.trialId === trialId) yield notice;
    }
  }

  /** Version counter per process, bumped by every change; caches key on it. */
  get version(): number {
    return this.sequence;
  }
}
