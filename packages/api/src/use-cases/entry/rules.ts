// Rules several record types share, read inside the write transaction.
import type { IsoDate } from '@trialdesk/domain';
import { currentEvents, type Db } from '@trialdesk/db';

/** The date of the participant's current (not voided) death, if any. */
export async function deathDate(trx: Db, participantId: number): Promise<IsoDate | null> {
  const events = await currentEvents(trx, participantId);
  return events.find((e) => e.type === 'death')?.date ?? null;
}
