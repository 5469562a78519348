// Scheduled work in every instance: each tick runs every job, and each job decides by itself, in the
// database, whether it is due and whether another instance already did it (job_runs, a unique key per
// period, claimed in the job's own transaction; on PostgreSQL that transaction also holds the write lock).
// Within one process a tick never overlaps the previous one. Mail delivery runs after each tick, so a
// digest written by the tick goes out in the same round.
export interface SchedulerJob {
  name: string;
  run: () => Promise<unknown>;
}

export interface Scheduler {
  /** One tick now (tests and the first tick at start-up); resolves when every job has run. */
  tick(): Promise<void>;
  stop(): void;
}

export function startScheduler(
  jobs: readonly SchedulerJob[],
  intervalMs: number,
  log: (message: string, error?: unknown) => void = (m, e) => console.error(m, e ?? ''),
): Scheduler {
  let running: Promise<void> | null = null;
  const tick = (): Promise<void> => {
    running ??= (async () => {
      for (const job of jobs) {
        try {
          await job.run();
        } catch (error) {
          log(`[scheduler] ${job.name} failed; it runs again at the next tick:`, error);
        }
      }
    })().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = intervalMs > 0 ? setInterval(() => void tick(), intervalMs) : null;
  timer?.unref();
  return {
    tick,
    stop: () => {
      if (timer) clearInterval(timer);
    },
  };
}
