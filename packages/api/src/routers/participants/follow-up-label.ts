// How a participant's place in follow-up is labelled on lists and pages.
import { followUpPhase, type IsoDate } from '@trialdesk/domain';

/** off_study, not_started, year1 … yearN or completed. */
export function followUpLabel(
  timeZero: IsoDate | null,
  offStudy: IsoDate | null,
  asOf: IsoDate,
  months: number,
): string {
  if (offStudy !== null && offStudy <= asOf) return 'off_study';
  const phase = followUpPhase(timeZero, asOf, months);
  return phase.kind === 'year' ? `year${phase.year}` : phase.kind;
}
