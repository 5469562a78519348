// Field messages for data entry in English and Dutch. Schemas carry stable keys (e.g. 'entry.date.invalid')
// instead of sentences; the web form and the server both turn an issue into words in the user's language
// with localizeIssue, so the same rule reads the same in the form and in a refusal from the server.
import type { z } from 'zod';
import { formatCalendarDateIn, formatMessage } from '../message-format.js';
import { formatNumber, type EntryLang } from './format.js';
import { monitoringMessages } from '../monitoring/messages.js';
import { gcpMessages } from '../gcp/messages.js';
import { tokenMessages } from '../tokens/messages.js';
import { saeMessages } from '../sae/messages.js';
import { importMessages } from '../import/messages.js';
import { notificationMessages } from '../notifications/messages.js';

type Params = Record<string, string | number>;

export const entryMessages = {
  'entry.required': { en: 'Required', nl: 'Verplicht' },
  'entry.text.control': {
    en: 'Remove the control characters (such as a null byte) from this text',
    nl: 'Verwijder de stuurtekens (zoals een nul-byte) uit deze tekst',
  },
  'entry.text.unicode': {
    en: 'This text contains a broken character (an unpaired UTF-16 surrogate); type it again',
    nl: 'Deze tekst bevat een kapot teken (een ongepaard UTF-16-surrogaat); typ hem opnieuw',
  },
  'entry.text.bidi': {
    en: 'Remove the hidden text-direction characters (bidi overrides or isolates) from this text',
    nl: 'Verwijder de verborgen tekens voor de schrijfrichting (bidi-overrides of -isolaties) uit deze tekst',
  },
  'entry.text.lineBreak': {
    en: 'Keep this text on one line',
    nl: 'Houd deze tekst op één regel',
  },
  'server.storageFull': {
    en: 'The database has run out of disk space, so nothing was saved. Reading still works; try again once an administrator has freed space.',
    nl: 'De schijf van de database is vol, dus er is niets opgeslagen. Lezen werkt nog; probeer het opnieuw zodra een beheerder ruimte heeft vrijgemaakt.',
  },
  'entry.date.invalid': { en: 'Not a calendar date (YYYY-MM-DD)', nl: 'Geen geldige datum (JJJJ-MM-DD)' },
  'entry.date.future': {
    en: 'This date is in the future (today is {today})',
    nl: 'Deze datum ligt in de toekomst (vandaag is {today})',
  },
  'entry.date.tooEarly': {
    en: 'This date is before {date}, the earliest plausible date for this trial',
    nl: 'Deze datum ligt voor {date}, de vroegst mogelijke datum voor deze studie',
  },
  'entry.date.tooEarlyAny': {
    en: 'This date is before {date}, the earliest date Trialdesk accepts',
    nl: 'Deze datum ligt voor {date}, de vroegste datum die Trialdesk aanneemt',
  },
  'entry.date.beforeInclusion': {
    en: 'This date is before the inclusion date ({date})',
    nl: 'Deze datum ligt voor de inclusiedatum ({date})',
  },
  'entry.date.beforeSurgery': {
    en: 'This date is before the surgery date ({date})',
    nl: 'Deze datum ligt voor de operatiedatum ({date})',
  },
  'entry.date.beforePump': {
    en: 'This date is before the pump placement ({date})',
    nl: 'Deze datum ligt voor de pompplaatsing ({date})',
  },
  'entry.date.afterDeath': {
    en: 'This date is after the recorded death ({date})',
    nl: 'Deze datum ligt na het geregistreerde overlijden ({date})',
  },
  'entry.date.beforeStart': {
    en: 'This date is before {what} ({date})',
    nl: 'Deze datum ligt voor {what} ({date})',
  },
  'entry.date.beforeOnset': {
    en: 'The resolution date is before the onset',
    nl: 'De datum van herstel ligt voor het begin',
  },
  'entry.date.beforeFill': {
    en: 'The pump cannot be emptied before it was filled',
    nl: 'De pomp kan niet geleegd worden voordat hij gevuld is',
  },
  'entry.date.notAfterPrevious': {
    en: 'Must be after cycle {cycle} ({date})',
    nl: 'Moet na kuur {cycle} liggen ({date})',
  },
  'entry.date.notBeforeNext': {
    en: 'Must be before cycle {cycle} ({date})',
    nl: 'Moet voor kuur {cycle} liggen ({date})',
  },
  'entry.date.recordsAfter': {
    en: 'There are records after this date (latest {date})',
    nl: 'Er zijn gegevens van na deze datum (laatste {date})',
  },
  'entry.date.beforeCentreActivation': {
    en: 'The centre was activated on {date}',
    nl: 'Het centrum is geactiveerd op {date}',
  },
  'entry.studyId': {
    en: 'A study ID looks like PUMP3-EMC-007',
    nl: 'Een studienummer ziet eruit als PUMP3-EMC-007',
  },
  'entry.screeningNumber': {
    en: 'A screening number looks like SCR-EMC-014',
    nl: 'Een screeningnummer ziet eruit als SCR-EMC-014',
  },
  'entry.centre': { en: 'A centre code is 2–8 capital letters', nl: 'Een centrumcode is 2–8 hoofdletters' },
  'entry.centre.unknown': {
    en: 'Not a centre of this trial',
    nl: 'Geen centrum van deze studie',
  },
  'entry.centre.required': { en: 'Choose the centre', nl: 'Kies het centrum' },
  'entry.trialId': {
    en: 'A trial id is lower-case letters, digits and dashes',
    nl: 'Een studie-id bestaat uit kleine letters, cijfers en streepjes',
  },
  'entry.trial.unknown': { en: 'There is no such trial', nl: 'Deze studie bestaat niet' },
  'entry.record.unknown': {
    en: 'There is no such record in this trial',
    nl: 'Dit gegeven bestaat niet in deze studie',
  },
  'entry.criterionId': { en: 'Not a criterion id', nl: 'Geen criterium-id' },
  'entry.criterion.unknown': {
    en: 'Not a criterion of this protocol: {id}',
    nl: 'Geen criterium van dit protocol: {id}',
  },
  'entry.screening.failedCriteria': {
    en: 'Name at least one failing criterion',
    nl: 'Noem minstens één criterium waaraan niet is voldaan',
  },
  'entry.screening.criteriaOnlyWhenNotEligible': {
    en: 'Failing criteria belong only to a "not eligible" outcome',
    nl: 'Niet-voldane criteria horen alleen bij de uitkomst "niet geschikt"',
  },
  'entry.screening.reasonRequired': {
    en: 'Give the reason',
    nl: 'Geef de reden',
  },
  'entry.screening.includedViaInclusion': {
    en: 'An inclusion is recorded on the Include page, which logs its screening itself: choose not eligible, declined or other here',
    nl: 'Een inclusie registreert u op de pagina Includeren, die de screening zelf vastlegt: kies hier niet geschikt, geweigerd of anders',
  },
  'entry.screening.notLinkable': {
    en: 'This screening cannot be linked: it must be logged as included and not yet linked to a participant',
    nl: 'Deze screening kan niet gekoppeld worden: ze moet als geïncludeerd gelogd zijn en nog niet gekoppeld',
  },
  'entry.age.required': {
    en: 'Enter the age at inclusion',
    nl: 'Vul de leeftijd bij inclusie in',
  },
  'entry.reason.required': {
    en: 'Give a reason',
    nl: 'Geef een reden',
  },
  'entry.modification.reasonRequired': {
    en: 'A reduction, delay, skip or stop needs its reason',
    nl: 'Een verlaging, uitstel, overslaan of stoppen heeft een reden nodig',
  },
  'entry.cycle.doseRequired': {
    en: 'Enter the FUDR dose of a given cycle',
    nl: 'Vul de FUDR-dosis van een gegeven kuur in',
  },
  'entry.cycle.noDoseWhenNotGiven': {
    en: 'A skipped or stopped cycle has no dose',
    nl: 'Een overgeslagen of gestopte kuur heeft geen dosis',
  },
  'entry.cycle.outOfOrder': {
    en: 'Record cycle {previous} first',
    nl: 'Registreer eerst kuur {previous}',
  },
  'entry.cycle.exists': {
    en: 'Cycle {cycle} is already recorded: correct or void it instead',
    nl: 'Kuur {cycle} is al geregistreerd: corrigeer of vervals die',
  },
  'entry.cycle.afterStop': {
    en: 'Treatment was stopped at cycle {cycle}: no further cycles',
    nl: 'De behandeling is gestopt bij kuur {cycle}: geen verdere kuren',
  },
  'entry.cycle.beyondPlan': {
    en: 'The protocol has {count} cycles',
    nl: 'Het protocol kent {count} kuren',
  },
  'entry.cycle.noPump': {
    en: 'No pump placement is recorded for this participant',
    nl: 'Voor deze deelnemer is geen pompplaatsing geregistreerd',
  },
  'entry.cycle.noTreatment': {
    en: 'This protocol has no treatment cycles',
    nl: 'Dit protocol kent geen kuren',
  },
  'entry.cycle.stopNotLast': {
    en: 'Cycle {cycle} is recorded after this one: a stop must be the last cycle',
    nl: 'Kuur {cycle} is na deze geregistreerd: een stop moet de laatste kuur zijn',
  },
  'entry.surgery.required': {
    en: 'Record the surgery date first',
    nl: 'Registreer eerst de operatiedatum',
  },
  'entry.surgery.exists': {
    en: 'Surgery is already recorded: correct it instead',
    nl: 'De operatie is al geregistreerd: corrigeer die',
  },
  'entry.assessment.noSlot': {
    en: 'There is no scheduled assessment at month {month}',
    nl: 'Er is geen geplande evaluatie in maand {month}',
  },
  'entry.assessment.notOpen': {
    en: 'The month {month} assessment is {status}: correct or void the recorded one instead',
    nl: 'De evaluatie van maand {month} is {status}: corrigeer of vervals de geregistreerde',
  },
  'entry.assessment.notYetMissed': {
    en: 'The window opens on {date}: an assessment cannot be missed before then',
    nl: 'Het venster opent op {date}: een evaluatie kan daarvoor niet gemist zijn',
  },
  'entry.assessment.noTimeZero': {
    en: 'No assessments are scheduled yet (no time zero)',
    nl: 'Er zijn nog geen evaluaties gepland (geen tijdstip nul)',
  },
  'entry.assessment.outOfWindow': {
    en: 'Outside the window {start} – {end}: recorded as a protocol deviation',
    nl: 'Buiten het venster {start} – {end}: geregistreerd als protocolafwijking',
  },
  'entry.event.secondDeath': {
    en: 'A death is already recorded for this participant',
    nl: 'Voor deze deelnemer is al een overlijden geregistreerd',
  },
  'entry.event.alreadyOffStudy': {
    en: 'The participant is already off study ({reason} on {date})',
    nl: 'De deelnemer is al uit de studie ({reason} op {date})',
  },
  'entry.event.grade': {
    en: 'Not a grade of this scale ({grades})',
    nl: 'Geen graad van deze schaal ({grades})',
  },
  'entry.participant.voided': {
    en: 'This participant was voided',
    nl: 'Deze deelnemer is vervallen verklaard',
  },
  'entry.inclusion.notEligible': {
    en: 'Not eligible: {count, plural, one {# criterion is not met} other {# criteria are not met}}',
    nl: 'Niet geschikt: aan {count, plural, one {# criterium} other {# criteria}} is niet voldaan',
  },
  'entry.inclusion.targetReached': {
    en: 'The target of {target, plural, one {# inclusion} other {# inclusions}} is reached: an administrator must raise it first',
    nl: 'Het doel van {target, plural, one {# inclusie} other {# inclusies}} is bereikt: een beheerder moet het eerst verhogen',
  },
  'entry.target.belowIncluded': {
    en: 'The target cannot be below the {included, plural, one {# participant} other {# participants}} already included',
    nl: 'Het doel kan niet lager zijn dan {included, plural, one {de # al geïncludeerde deelnemer} other {de # al geïncludeerde deelnemers}}',
  },
  'entry.target.unchanged': { en: 'This is the current target', nl: 'Dit is het huidige doel' },
  'meeting.attendees.required': { en: 'Name at least one attendee', nl: 'Noem minstens één aanwezige' },
  'meeting.attendees.duplicate': {
    en: 'Each attendee can be named once',
    nl: 'Elke aanwezige kan één keer genoemd worden',
  },
  'meeting.recommendation.invalid': {
    en: 'Choose continue, modify, pause or stop',
    nl: 'Kies voortzetten, aanpassen, onderbreken of stoppen',
  },
  'meeting.cut.notFound': {
    en: 'There is no such data cut in this trial',
    nl: 'Deze data-cut bestaat niet in deze studie',
  },
  'meeting.date.beforeCut': {
    en: 'The meeting cannot be before its data cut ({date})',
    nl: 'De vergadering kan niet vóór haar data-cut liggen ({date})',
  },
  'meeting.password.wrong': {
    en: 'This is not your password: the record was not signed',
    nl: 'Dit is niet uw wachtwoord: het verslag is niet ondertekend',
  },
  'meeting.signed': {
    en: 'This meeting record is signed and can no longer change',
    nl: 'Dit vergaderverslag is ondertekend en kan niet meer veranderen',
  },
  'entry.outcomeVisibility.unchanged': {
    en: 'This is the current setting',
    nl: 'Dit is de huidige instelling',
  },
  'entry.outcomeVisibility.duplicateRole': {
    en: 'Each role can be named once',
    nl: 'Elke rol kan één keer genoemd worden',
  },
  'entry.correction.nothing': {
    en: 'Change at least one value',
    nl: 'Wijzig minstens één waarde',
  },
  'entry.correction.voided': {
    en: 'This record is voided and cannot be changed',
    nl: 'Dit gegeven is vervallen en kan niet gewijzigd worden',
  },
  'entry.correction.notForStatus': {
    en: 'This value does not belong to a {status} record',
    nl: 'Deze waarde hoort niet bij een {status} gegeven',
  },
  'entry.void.linkedScreening': {
    en: 'This screening belongs to an included participant: void the participant instead',
    nl: 'Deze screening hoort bij een geïncludeerde deelnemer: vervals de deelnemer',
  },
  'entry.unknownField': { en: 'Unknown field: {keys}', nl: 'Onbekend veld: {keys}' },
  // Queries and source data verification (monitoring/messages.ts).
  ...monitoringMessages,
  // Locks and electronic signatures (gcp/messages.ts).
  ...gcpMessages,
  // Personal API tokens (tokens/index.ts).
  ...tokenMessages,
  // Serious adverse events and protocol deviations (sae/messages.ts).
  ...saeMessages,
  ...importMessages,
  // Email addresses and notification settings (notifications/messages.ts).
  ...notificationMessages,
} as const satisfies Record<string, { en: string; nl: string }>;

export type EntryMessageKey = keyof typeof entryMessages;

export function isEntryMessageKey(key: string): key is EntryMessageKey {
  return Object.prototype.hasOwnProperty.call(entryMessages, key);
}

/** Numbers with the language's decimal sign; calendar dates as the language writes them (29 Nov 2026). */
function fill(template: string, params: Params | undefined, lang: EntryLang): string {
  return formatMessage(template, params, lang, {
    number: formatNumber,
    value: (v) => (typeof v === 'number' ? formatNumber(v, lang) : formatCalendarDateIn(v, lang)),
  });
}

export function entryMessage(key: EntryMessageKey, lang: EntryLang, params?: Params): string {
  return fill(entryMessages[key][lang], params, lang);
}

const typeWords: Record<string, { en: string; nl: string }> = {
  string: { en: 'Enter text', nl: 'Vul tekst in' },
  number: { en: 'Enter a number', nl: 'Vul een getal in' },
  int: { en: 'Enter a whole number', nl: 'Vul een geheel getal in' },
  boolean: { en: 'Choose yes or no', nl: 'Kies ja of nee' },
  array: { en: 'Expected a list', nl: 'Verwacht een lijst' },
  object: { en: 'Missing or not a set of values', nl: 'Ontbreekt of is geen verzameling waarden' },
};

function bound(issue: { minimum?: unknown; maximum?: unknown }): number {
  const v = issue.minimum ?? issue.maximum;
  return typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : Number.NaN;
}

/** One zod issue in words, in the given language. */
export function localizeIssue(issue: z.core.$ZodIssue, lang: EntryLang): string {
  if (isEntryMessageKey(issue.message)) {
    const params = issue.code === 'custom' ? (issue.params as Params | undefined) : undefined;
    return entryMessage(issue.message, lang, params);
  }
  const en = lang === 'en';
  switch (issue.code) {
    case 'invalid_type':
      return (typeWords[issue.expected] ?? typeWords.object)![lang];
    case 'too_small': {
      const n = formatNumber(bound(issue), lang);
      if (issue.origin === 'string')
        return bound(issue) <= 1
          ? entryMessage('entry.required', lang)
          : en
            ? `Enter at least ${n} characters`
            : `Vul minstens ${n} tekens in`;
      if (issue.origin === 'array') return en ? `Choose at least ${n}` : `Kies er minstens ${n}`;
      if (issue.inclusive) return en ? `Must be at least ${n}` : `Moet minstens ${n} zijn`;
      return en ? `Must be more than ${n}` : `Moet meer dan ${n} zijn`;
    }
    case 'too_big': {
      const n = formatNumber(bound(issue), lang);
      if (issue.origin === 'string') return en ? `At most ${n} characters` : `Hoogstens ${n} tekens`;
      if (issue.origin === 'array') return en ? `At most ${n} items` : `Hoogstens ${n} items`;
      if (issue.inclusive) return en ? `Must be at most ${n}` : `Mag hoogstens ${n} zijn`;
      return en ? `Must be less than ${n}` : `Moet minder dan ${n} zijn`;
    }
    case 'invalid_value':
      // The options are on screen (radio buttons, a list); their internal codes mean nothing to a user.
      return en ? 'Choose one of the options' : 'Kies een van de mogelijkheden';
    case 'invalid_union':
      return en ? 'Choose a valid kind of record' : 'Kies een geldig soort gegeven';
    case 'unrecognized_keys':
      return entryMessage('entry.unknownField', lang, { keys: issue.keys.join(', ') });
    case 'invalid_format':
      return en ? 'Not in the expected format' : 'Niet in het verwachte formaat';
    case 'not_multiple_of':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
      return en ? 'Not a valid value' : 'Geen geldige waarde';
  }
}

/** Issues grouped per field path ('measures.anc.value', '_' for the whole input), in one language. */
export function localizeIssues(
  issues: readonly z.core.$ZodIssue[],
  lang: EntryLang,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_';
    (out[key] ??= []).push(localizeIssue(issue, lang));
  }
  return out;
}
