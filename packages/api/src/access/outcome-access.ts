// Efficacy outcomes are closed before the primary analysis except to the roles the trial's setting names
// (domain/outcome-visibility.ts). Every outcome procedure, export and the PDF asks here, with the role the
// user has in this trial, and every look that is let through is audited.
import { outcomesOpenTo, type Lang } from '@trialdesk/domain';
import { writeTransaction, type TrialRecord } from '@trialdesk/db';
import { AppError } from '../errors.js';
import { writeAudit, type UseCaseDeps } from '../use-cases/deps.js';
import type { Source } from '../reports/source.js';

const closedMessage: Record<Lang, string> = {
  en: 'Efficacy outcomes of this trial are closed to your role until the primary analysis (trial setting).',
  nl: 'Werkzaamheidsuitkomsten van deze studie zijn voor uw rol gesloten tot de primaire analyse (studie-instelling).',
};

export const outcomesClosed = (lang: Lang) =>
  new AppError('FORBIDDEN', 'outcomes.closed', closedMessage[lang]);

/** Whether the acting user may see this trial's efficacy outcomes now. */
export function mayViewOutcomes(deps: Pick<UseCaseDeps, 'actor'>, trial: TrialRecord): boolean {
  return outcomesOpenTo(trial.definition.outcomeVisibility, deps.actor.role);
}

/** Refuses (403 outcomes.closed) when the trial's outcomes are closed to the acting user's role. */
export function requireOutcomeAccess(deps: Pick<UseCaseDeps, 'actor' | 'lang'>, trial: TrialRecord): void {
  if (!mayViewOutcomes(deps, trial)) throw outcomesClosed(deps.lang);
}

/** Puts a look at outcomes on the audit trail (who, when, which view, which data). */
export async function auditOutcomeView(
  deps: UseCaseDeps,
  source: Source,
  view: 'outcomes' | 'endpoints' | 'report',
): Promise<void> {
  await writeTransaction(deps.db, (trx) =>
    writeAudit(deps, trx, {
      action: 'outcomes.viewed',
      entityType: source.cut ? 'data_cut' : 'trial',
      entityId: source.cut ? String(source.cut.id) : source.trial.id,
      trialId: source.trial.id,
      centre: null,
      participant: null,
      before: null,
      after: { view, asOf: source.data.asOf, contentHash: source.cut?.contentHash ?? null },
      reason: null,
    }),
  );
}
