// Words of the monitoring rules and refusals in English and Dutch, merged into the entry catalogue
// (entry/messages.ts) so that localizeIssues and FieldErrors word them like every other entry rule.
export const monitoringMessages = {
  'query.unknown': {
    en: 'There is no query {id} that you can see',
    nl: 'Er is geen query {id} die u kunt zien',
  },
  'query.recordType.required': {
    en: 'Say which kind of record the record id belongs to',
    nl: 'Geef aan bij welk soort record het record-id hoort',
  },
  'query.recordId.required': { en: 'Name the record (its id)', nl: 'Noem het record (het id)' },
  'query.field.unknown': {
    en: 'This record has no such field',
    nl: 'Dit record heeft zo’n veld niet',
  },
  'query.record.unknown': {
    en: 'This participant has no such record',
    nl: 'Deze deelnemer heeft zo’n record niet',
  },
  'query.record.voided': {
    en: 'This record was voided; ask about the participant instead',
    nl: 'Dit record is vervallen verklaard; stel de vraag over de deelnemer',
  },
  'query.status.answer': {
    en: 'This query is not waiting for an answer (it is {status})',
    nl: 'Deze query wacht niet op een antwoord (status: {status})',
  },
  'query.status.close': { en: 'This query is already closed', nl: 'Deze query is al gesloten' },
  'query.status.reopen': {
    en: 'This query is still open: only an answered or closed query can be sent back',
    nl: 'Deze query staat nog open: alleen een beantwoorde of gesloten query kan worden teruggestuurd',
  },
  'query.correction.unknown': {
    en: 'There is no open query {id} about this participant',
    nl: 'Er is geen openstaande query {id} over deze deelnemer',
  },
  'query.auto.out_of_window': {
    en: 'The month {month} assessment was done on {date}, outside its window ({from} – {to}). Please check the date or explain.',
    nl: 'De beoordeling van maand {month} is gedaan op {date}, buiten het venster ({from} – {to}). Controleer de datum of licht toe.',
  },
  'query.auto.visit_overdue': {
    en: 'The month {month} visit was due by {to} and is overdue by more than its window ({days, plural, one {# day} other {# days}}). Please record it or say why it was missed.',
    nl: 'Het bezoek van maand {month} moest uiterlijk {to} plaatsvinden en is meer dan het venster ({days, plural, one {# dag} other {# dagen}}) te laat. Registreer het of geef aan waarom het gemist is.',
  },
  'query.auto.missing_value': {
    en: '{field} is missing for {record}. Please enter it or explain why it is not available.',
    nl: '{field} ontbreekt bij {record}. Vul het in of licht toe waarom het er niet is.',
  },
  'query.auto.out_of_range': {
    en: '{field} of {record} is {value}, outside the expected range {min}–{max}. Please check it against the source.',
    nl: '{field} van {record} is {value}, buiten het verwachte bereik {min}–{max}. Controleer het aan de bron.',
  },
  'query.auto.closed': {
    en: 'Closed by the system: the data no longer meet the rule ({rule}).',
    nl: 'Gesloten door het systeem: de gegevens voldoen niet meer aan de regel ({rule}).',
  },
  'query.auto.reopened': {
    en: 'Reopened by the system: the data meet the rule again ({rule}).',
    nl: 'Heropend door het systeem: de gegevens voldoen weer aan de regel ({rule}).',
  },
  'query.correction.closed': {
    en: 'Query {id} is closed: a correction can answer only an open or answered query',
    nl: 'Query {id} is gesloten: een correctie kan alleen bij een open of beantwoorde query horen',
  },
  'sdv.field.unknown': {
    en: 'This record has no such field to verify',
    nl: 'Dit record heeft zo’n veld niet om te verifiëren',
  },
  'sdv.recordId.required': { en: 'Name the record (its id)', nl: 'Noem het record (het id)' },
  'sdv.record.unknown': {
    en: 'This participant has no such record',
    nl: 'Deze deelnemer heeft zo’n record niet',
  },
} as const;
