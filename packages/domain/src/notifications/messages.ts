// Refusals of the notification settings in English and Dutch, merged into the entry catalogue.
export const notificationMessages = {
  'notify.email.invalid': {
    en: 'Enter an email address such as name@hospital.nl',
    nl: 'Vul een e-mailadres in, zoals naam@ziekenhuis.nl',
  },
  'notify.kind.mandatory': {
    en: 'Mail about {kind} cannot be switched off: it is a safety duty',
    nl: 'E-mail over {kind} kan niet uit: het is een veiligheidsplicht',
  },
  'notify.user.unknown': {
    en: 'There is no such account',
    nl: 'Dat account bestaat niet',
  },
} as const satisfies Record<string, { en: string; nl: string }>;
