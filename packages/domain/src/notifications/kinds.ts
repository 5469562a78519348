// What Trialdesk tells people about, in the app and by email. A kind is optional unless a person must not be
// able to miss it: a new serious adverse event and a safety report coming due are GCP duties of the PI (ICH
// E6(R3) §3.16), so those are always sent; everything else each user may switch off (email only: the in-app
// list keeps every notification, so switching a mail off never hides the fact).
export const notificationKinds = [
  /** A new serious adverse event was reported (to the PI, at once). */
  'sae.new',
  /** An initial SAE or SUSAR report is coming due, or is overdue. */
  'sae.due',
  /** A data query was opened about a participant of your centre. */
  'query.opened',
  /** A data query you opened was answered by the site. */
  'query.answered',
  /** Weekly: the overdue visits of your centre. */
  'digest.overdue_visits',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** Kinds no one can switch off. */
export const mandatoryNotificationKinds: ReadonlySet<NotificationKind> = new Set(['sae.new', 'sae.due']);

export function isOptionalKind(kind: NotificationKind): boolean {
  return !mandatoryNotificationKinds.has(kind);
}

/** Whether a user's preferences let a mail of this kind go out (no preference: on). */
export function mailWanted(kind: NotificationKind, disabled: ReadonlySet<string>): boolean {
  return !isOptionalKind(kind) || !disabled.has(kind);
}

export const mailLangs = ['en', 'nl'] as const;
export type MailLang = (typeof mailLangs)[number];
