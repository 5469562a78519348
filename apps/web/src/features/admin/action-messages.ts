// Short names of the audit actions (packages/domain/src/audit.ts), for the audit viewer's filter and table.
import type { AuditAction } from '@trialdesk/domain';
import { defineMessages } from '../../i18n/catalogue';

export const actionMessages = defineMessages({
  en: {
    'auth.login': 'Login',
    'auth.login_failed': 'Login refused',
    'auth.logout': 'Logout',
    'auth.password_changed': 'Password changed',
    'user.created': 'User created',
    'user.updated': 'User changed',
    'user.password_reset': 'Password reset',
    'user.deactivated': 'User deactivated',
    'user.reactivated': 'User reactivated',
    'trial.registered': 'Trial registered',
    'trial.settings_changed': 'Trial setting changed',
    'screening.recorded': 'Screening recorded',
    'participant.included': 'Participant included',
    'surgery.recorded': 'Surgery and pump recorded',
    'cycle.recorded': 'Treatment cycle recorded',
    'assessment.recorded': 'Assessment recorded',
    'event.recorded': 'Event recorded',
    'record.corrected': 'Record corrected',
    'record.voided': 'Record voided',
    'datacut.created': 'Data cut frozen',
    'export.created': 'Export',
    'outcomes.viewed': 'Efficacy outcomes opened',
    'demo.seeded': 'Demo data generated',
    'query.opened': 'Query opened',
    'query.answered': 'Query answered',
    'query.closed': 'Query closed',
    'query.reopened': 'Query sent back',
    'query.correction_linked': 'Correction linked to a query',
    'sdv.verified': 'Source data verified',
    'sdv.invalidated': 'Verification removed by a correction',
  } satisfies Record<AuditAction, string>,
  nl: {
    'auth.login': 'Inloggen',
    'auth.login_failed': 'Inlog geweigerd',
    'auth.logout': 'Uitloggen',
    'auth.password_changed': 'Wachtwoord gewijzigd',
    'user.created': 'Gebruiker aangemaakt',
    'user.updated': 'Gebruiker gewijzigd',
    'user.password_reset': 'Wachtwoord gereset',
    'user.deactivated': 'Gebruiker gedeactiveerd',
    'user.reactivated': 'Gebruiker geheractiveerd',
    'trial.registered': 'Studie geregistreerd',
    'trial.settings_changed': 'Studie-instelling gewijzigd',
    'screening.recorded': 'Screening vastgelegd',
    'participant.included': 'Deelnemer geïncludeerd',
    'surgery.recorded': 'Operatie en pomp vastgelegd',
    'cycle.recorded': 'Behandelcyclus vastgelegd',
    'assessment.recorded': 'Beoordeling vastgelegd',
    'event.recorded': 'Gebeurtenis vastgelegd',
    'record.corrected': 'Record gecorrigeerd',
    'record.voided': 'Record ongeldig gemaakt',
    'datacut.created': 'Data cut bevroren',
    'export.created': 'Export',
    'outcomes.viewed': 'Werkzaamheidsuitkomsten geopend',
    'demo.seeded': 'Demodata gegenereerd',
    'query.opened': 'Query geopend',
    'query.answered': 'Query beantwoord',
    'query.closed': 'Query gesloten',
    'query.reopened': 'Query teruggestuurd',
    'query.correction_linked': 'Correctie gekoppeld aan een query',
    'sdv.verified': 'Brongegevens geverifieerd',
    'sdv.invalidated': 'Verificatie vervallen door een correctie',
  },
});

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(actionMessages.en, value);
}

/** Every action, in the order of the domain's list (no zod schema needed in the browser for this). */
export const auditActionList = Object.keys(actionMessages.en).filter(isAuditAction);
