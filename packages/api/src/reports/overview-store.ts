// Keeps each trial's per-centre overview aggregates from one data version to the next, so that the
// overview requested right after a write recomputes only the centres that the write touched (issue 17).
// Which centres changed is read from the audit trail, which every instance shares, so each instance's
// store stays right whichever instance wrote; a trial-wide write (no centre) recomputes everything. The
// first request of a new day moves the day before's parts on to the new day (carryOverDay) instead of
// recomputing every centre.
import { changedCentresSince, type Db, type TrialRecord } from '@trialdesk/db';
import type { IsoDate } from '@trialdesk/domain';
import { assembleOverview } from './build-overview.js';
import { carryOverDay, loadOverviewParts, replaceCentres, type OverviewParts } from './overview-parts.js';

interface Kept {
  version: number;
  /** The day the parts are for. */
  today: IsoDate;
  /** The definition the parts were computed under (the follow-up years depend on it). */
  definition: string;
  parts: OverviewParts;
}

export class OverviewStore {
  private readonly kept = new Map<string, Kept>();

  constructor(private readonly maxTrials = 64) {}

  /**
   * The overview at `version` (the trial's audit head read before this call). Parts computed here may
   * already include writes committed after `version`; that is harmless, because those writes are above
   * `version` and the next call recomputes their centres again.
   */
  async build(db: Db, trial: TrialRecord, today: IsoDate, version: number) {
    const def = trial.definition;
    const key = def.id;
    const definition = JSON.stringify(def);
    const prev = this.kept.get(key);
    let parts: OverviewParts;
    if (!prev || prev.definition !== definition || prev.version > version || prev.today > today) {
      parts = await loadOverviewParts(db, def, today);
    } else {
      const changed =
        prev.version === version
          ? { trialWide: false, centres: [] }
          : await changedCentresSince(db, def.id, prev.version, version);
      if (changed.trialWide) parts = await loadOverviewParts(db, def, today);
      else {
        // A new day: the day before's parts moved on to today (overview-parts.ts), then the centres
        // written to since are recomputed as on any day.
        const base =
          prev.today === today ? prev.parts : await carryOverDay(db, def, prev.parts, prev.today, today);
        parts =
          changed.centres.length === 0
            ? base
            : replaceCentres(base, await loadOverviewParts(db, def, today, changed.centres), changed.centres);
      }
    }
    // Concurrent builds may finish out of order: keep the newest version only.
    const now = this.kept.get(key);
    if (!now || now.today < today || (now.today === today && now.version <= version)) {
      this.kept.delete(key);
      this.kept.set(key, { version, today, definition, parts });
      while (this.kept.size > this.maxTrials) {
        const oldest = this.kept.keys().next().value;
        if (oldest === undefined) break;
        this.kept.delete(oldest);
      }
    }
    return assembleOverview(trial, today, parts);
  }
}
