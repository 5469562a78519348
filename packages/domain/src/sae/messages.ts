// Words of the safety rules and refusals in English and Dutch, merged into the entry catalogue
// (entry/messages.ts) so that localizeIssues and FieldErrors word them like every other entry rule.
export const saeMessages = {
  'sae.awareAt.invalid': {
    en: 'Enter the date and time as DD-MM-YYYY HH:MM',
    nl: 'Vul datum en tijd in als DD-MM-JJJJ UU:MM',
  },
  'sae.awareAt.nonexistent': {
    en: 'This time does not exist in Amsterdam (the clock skips that hour when summer time starts)',
    nl: 'Deze tijd bestaat niet in Amsterdam (de klok slaat dat uur over bij de overgang naar zomertijd)',
  },
  'sae.awareAt.future': {
    en: 'The site cannot have become aware of it later than now ({now})',
    nl: 'Het centrum kan er niet later dan nu ({now}) van op de hoogte zijn geraakt',
  },
  'sae.awareAt.beforeEvent': {
    en: 'Awareness cannot precede the event ({date})',
    nl: 'Het centrum kan er niet vóór de gebeurtenis ({date}) van geweten hebben',
  },
  'sae.criteria.required': {
    en: 'Choose at least one seriousness criterion',
    nl: 'Kies ten minste één ernstcriterium',
  },
  'sae.criteria.twice': { en: 'A criterion is given twice', nl: 'Een criterium staat er twee keer in' },
  'sae.criteria.death': {
    en: 'A death is always an SAE with the criterion “death”',
    nl: 'Een overlijden is altijd een SAE met het criterium „overlijden”',
  },
  'sae.criteria.deathWithoutDeath': {
    en: 'The criterion “death” needs the participant’s death to be recorded first',
    nl: 'Het criterium „overlijden” vraagt dat het overlijden van de deelnemer eerst is vastgelegd',
  },
  'sae.intervention.unknown': {
    en: 'This trial has no such study intervention',
    nl: 'Deze studie heeft zo’n studie-interventie niet',
  },
  'sae.intervention.twice': {
    en: 'This intervention is assessed twice',
    nl: 'Deze interventie is twee keer beoordeeld',
  },
  'sae.intervention.missing': {
    en: 'Assess the relation to every study intervention: {missing} is missing',
    nl: 'Beoordeel het verband met elke studie-interventie: {missing} ontbreekt',
  },
  'sae.expected.required': {
    en: 'Say whether it is expected according to the reference safety information',
    nl: 'Geef aan of het verwacht is volgens de referentie-veiligheidsinformatie',
  },
  'sae.expected.notRelated': {
    en: 'Expectedness is assessed only for a related event',
    nl: 'Verwachtheid wordt alleen beoordeeld bij een gerelateerde gebeurtenis',
  },
  'sae.event.unknown': {
    en: 'This participant has no such event',
    nl: 'Deze deelnemer heeft zo’n gebeurtenis niet',
  },
  'sae.event.type': {
    en: 'Only a complication or a death can be reported as an SAE',
    nl: 'Alleen een complicatie of een overlijden kan als SAE gemeld worden',
  },
  'sae.event.already': {
    en: 'This event is already reported as SAE {id}: add a follow-up report instead',
    nl: 'Deze gebeurtenis is al gemeld als SAE {id}: voeg een vervolgrapport toe',
  },
  'sae.unknown': { en: 'There is no SAE {id} that you can see', nl: 'Er is geen SAE {id} die u kunt zien' },
  'sae.reviewed': {
    en: 'SAE {id} was already reviewed by {by}',
    nl: 'SAE {id} is al beoordeeld door {by}',
  },
  'sae.notSusar': {
    en: 'SAE {id} is not a SUSAR: there is nothing to report to the authorities',
    nl: 'SAE {id} is geen SUSAR: er is niets aan de autoriteiten te melden',
  },
  'sae.susarReported': {
    en: 'The SUSAR of SAE {id} was already reported ({reference})',
    nl: 'De SUSAR van SAE {id} is al gemeld ({reference})',
  },
  'deviation.centre.required': {
    en: 'Name the centre of a deviation without a participant',
    nl: 'Noem het centrum bij een afwijking zonder deelnemer',
  },
  'deviation.centre.participant': {
    en: 'The participant belongs to another centre ({centre})',
    nl: 'De deelnemer hoort bij een ander centrum ({centre})',
  },
} as const satisfies Record<string, { en: string; nl: string }>;
