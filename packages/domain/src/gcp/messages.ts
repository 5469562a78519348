// Words of locks and signatures in English and Dutch, merged into the entry catalogue (entry/messages.ts) so
// FieldErrors and refusals word them like every other entry rule.
export const gcpMessages = {
  'lock.locked.trial': {
    en: 'The whole trial is locked (lock {id}, by {by} on {at}: “{reason}”). Nothing can be changed until the data manager unlocks it.',
    nl: 'De hele studie is vergrendeld (vergrendeling {id}, door {by} op {at}: “{reason}”). Er kan niets worden gewijzigd tot de datamanager de vergrendeling opheft.',
  },
  'lock.locked.participant': {
    en: 'Participant {target} is locked (lock {id}, by {by} on {at}: “{reason}”). Nothing can be changed until the data manager unlocks it.',
    nl: 'Deelnemer {target} is vergrendeld (vergrendeling {id}, door {by} op {at}: “{reason}”). Er kan niets worden gewijzigd tot de datamanager de vergrendeling opheft.',
  },
  'lock.locked.record': {
    en: 'This record ({target}) is locked (lock {id}, by {by} on {at}: “{reason}”). It cannot be changed until the data manager unlocks it.',
    nl: 'Dit record ({target}) is vergrendeld (vergrendeling {id}, door {by} op {at}: “{reason}”). Het kan niet worden gewijzigd tot de datamanager de vergrendeling opheft.',
  },
  'lock.already': {
    en: 'This is already locked (lock {id})',
    nl: 'Dit is al vergrendeld (vergrendeling {id})',
  },
  'lock.unknown': {
    en: 'There is no lock {id} that you can see',
    nl: 'Er is geen vergrendeling {id} die u kunt zien',
  },
  'lock.lifted': {
    en: 'Lock {id} was already lifted',
    nl: 'Vergrendeling {id} is al opgeheven',
  },
  'lock.record.incomplete': {
    en: 'Give both the kind of record and its id, or neither',
    nl: 'Geef zowel het soort record als het id, of geen van beide',
  },
  'lock.studyId.required': {
    en: 'Name the participant the record belongs to',
    nl: 'Noem de deelnemer bij wie het record hoort',
  },
  'lock.record.unknown': {
    en: 'This participant has no such record',
    nl: 'Deze deelnemer heeft zo’n record niet',
  },
  'signature.password': {
    en: 'The password is not right: nothing was signed',
    nl: 'Het wachtwoord klopt niet: er is niets ondertekend',
  },
  'signature.already': {
    en: 'You signed these data already, on {at}, and they have not changed since: nothing was signed again',
    nl: 'U hebt deze gegevens al ondertekend, op {at}, en ze zijn sindsdien niet gewijzigd: er is niets opnieuw ondertekend',
  },
  'signature.meaning.casebook': {
    en: 'I confirm the data of this casebook are complete and accurate',
    nl: 'Ik bevestig dat de gegevens van dit dossier volledig en juist zijn',
  },
  'signature.meaning.data_cut': {
    en: 'I confirm the data of this data cut are complete and accurate and may be analysed',
    nl: 'Ik bevestig dat de gegevens van deze data-cut volledig en juist zijn en geanalyseerd mogen worden',
  },
} as const satisfies Record<string, { en: string; nl: string }>;
