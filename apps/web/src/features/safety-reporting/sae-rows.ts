// The SAE listing's rows as pure functions (tested beside): the page's state filter, the strongest causality
// an SAE is assessed with, and where the SAE stands in its reporting.
import { causalityLevels } from '@trialdesk/domain';
import type { SaeView } from './clock-words';

export type StateFilter = 'all' | 'unreviewed' | 'overdue';

export function filterSaes(saes: readonly SaeView[], state: StateFilter): SaeView[] {
  if (state === 'unreviewed') return saes.filter((s) => s.id === null || s.review === null);
  if (state === 'overdue') return saes.filter((s) => s.overdue);
  return [...saes];
}

/** The assessment with the strongest causality (the first of equals, in the protocol's order); none for a
 *  death not yet reported as an SAE. */
export function strongestAssessment(sae: SaeView): SaeView['assessments'][number] | null {
  let best: SaeView['assessments'][number] | null = null;
  for (const a of sae.assessments)
    if (best === null || causalityLevels.indexOf(a.causality) > causalityLevels.indexOf(best.causality))
      best = a;
  return best;
}

export type SaeReportState = 'not_reported' | 'susar_to_report' | 'susar_reported' | 'reported';

/** Where an SAE stands: a death not reported as an SAE, a SUSAR still to be sent to the authorities or sent,
 *  or an SAE reported (not a SUSAR). */
export function saeReportState(sae: SaeView): SaeReportState {
  if (sae.id === null) return 'not_reported';
  if (sae.susar) return sae.susarReport === null ? 'susar_to_report' : 'susar_reported';
  return 'reported';
}

/** One key per row: an SAE by its id, a death not reported by its event. */
export function saeKey(sae: SaeView): string {
  return sae.id === null ? `death-${sae.eventId}` : `sae-${sae.id}`;
}
