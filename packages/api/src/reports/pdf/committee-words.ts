// The words of the committee's added analyses in the PDF (committee-analyses-pdf.ts), in English and
// Dutch, kept beside words.ts so neither catalogue grows past a readable size. Counted nouns use plurals.
import { formatMessage, type MessageParams } from '@trialdesk/domain';
import type { PdfLang } from './words.js';

const en = {
  followUp:
    'Median follow-up {estimate} months (95% CI {lower} to {upper}), reverse Kaplan–Meier on overall survival, {n} analysed.',
  followUpNone: 'Median follow-up: not estimable yet.',
  fewAtRisk: '* Fewer than {n} at risk: read with caution.',
  target:
    'Target (trial definition{assumption}): median {target} months against {control} months without the intervention ({source}). Observed median: {observed} (95% CI {lower} to {upper}).',
  assumption: ', assumption (setting)',
  months: '{n} months',
  notReached: 'not reached',
  hrTitle: 'Hazard ratios by centre (Cox, exploratory)',
  hrNone: 'Not fitted: fewer than two centres with participants, or no events.',
  centre: 'Centre',
  analysed: 'Analysed',
  events: 'Events',
  hazardRatio: 'Hazard ratio',
  ci95: '95% CI',
  reference: '1 (reference)',
  notEstimable: 'not estimable',
  range: '{lower} to {upper}',
  hrNote:
    'Reference: the largest centre. Likelihood-ratio chi-square {chi} on {df} df, p = {p}. Exploratory: the trial is not designed or powered to compare centres.',
  crTitle: 'Hepatic recurrence with death as a competing risk',
  eventsByType: 'hDFS events by type',
  number: 'Number',
  hepaticRecurrence: 'Hepatic recurrence',
  deathWithout: 'Death without hepatic recurrence',
  deathWithoutCensored: 'Death without hepatic recurrence (censored in hDFS)',
  hdfsEvents: 'hDFS events',
  censored: 'Censored',
  landmark: 'Landmark',
  deathWithoutIt: 'Death without it',
  atRisk: 'At risk',
  years: '{n, plural, one {# year} other {# years}}',
  crNote:
    'Cumulative incidence (Aalen–Johansen, R survfit conventions): a death without hepatic recurrence ends the chance of one; beside the Kaplan–Meier curve, which counts both as hDFS events when death is an event.',
  meetings: 'Committee meetings',
  noMeetings: 'No committee meeting recorded yet.',
  attendees: 'Attendees: {names}.',
  cut: 'Data cut {id}, SHA-256 {hash}.',
  signed: 'Signed by {name} on {date} at {time} UTC; signature SHA-256 {hash}.',
  unknown: 'unknown',
  draft: 'Draft: not signed.',
  signaturesTitle: 'Electronic signatures',
  signaturesCasebooks:
    'Casebooks: {signed, plural, one {# signed} other {# signed}}; {invalidated, plural, one {# signature no longer valid (the data changed after signing)} other {# signatures no longer valid (the data changed after signing)}}; {unsigned, plural, one {# not signed} other {# not signed}}.',
  cutSigned: 'This data cut was signed by {name} on {date} at {time} UTC.',
  cutSignedInvalid:
    'This data cut was signed by {name} on {date} at {time} UTC; that signature is no longer valid.',
  cutUnsigned: 'This data cut is not signed.',
  baselineTitle: 'Baseline characteristics',
  baselineText:
    'At inclusion, per centre and overall: median (interquartile range, R quantile type 7) or count (share of those with a value). Only what the trial records at inclusion: age, sex and the measured eligibility values.',
  characteristic: 'Characteristic',
  groupN: '{centre} (n = {n})',
  allN: 'All (n = {n})',
  ageYears: 'Age at inclusion (years)',
  withUnit: '{label} ({unit})',
  medianIqr: '{median} ({q1}–{q3})',
  countShare: '{count} ({share})',
  missing: 'Missing',
  female: 'Female',
  male: 'Male',
  projection:
    'Projection: the target is reached around {median} (95% predictive interval {lower} to {upper}, gamma-Poisson: it covers the uncertainty of the rate and the randomness of the arrivals). Rate {rate} per month, from the {arrivals, plural, one {# inclusion} other {# inclusions}} of the last {days, plural, one {# day} other {# days}} ({from} to {to}).',
  projectionNone:
    'No projection: no inclusion in the last {days, plural, one {# day} other {# days}} ({from} to {to}), the window the rate comes from.',
  projectionLegend: '— projected (median), ··· 95% predictive interval',
  swimmerTitle: 'Swimmer plot: each participant from inclusion to last follow-up',
  swimmerText:
    'One bar per participant (longest follow-up first), in months since inclusion. A listing by participant: closed part.',
  swimmerLegend:
    '■ surgery   | HAIP cycle given   ▲ first recurrence   ● death   ▷ censored (alive at last follow-up)',
  swimmerAxis: 'Months since inclusion',
};

type Key = keyof typeof en;

const nl: Record<Key, string> = {
  followUp:
    'Mediane follow-up {estimate} maanden (95%-BI {lower} tot {upper}), omgekeerde Kaplan–Meier op de totale overleving, {n} geanalyseerd.',
  followUpNone: 'Mediane follow-up: nog niet schatbaar.',
  fewAtRisk: '* Minder dan {n} at risk: met voorzichtigheid lezen.',
  target:
    'Doel (studiedefinitie{assumption}): mediaan {target} maanden tegenover {control} maanden zonder de interventie ({source}). Waargenomen mediaan: {observed} (95%-BI {lower} tot {upper}).',
  assumption: ', aanname (instelling)',
  months: '{n} maanden',
  notReached: 'niet bereikt',
  hrTitle: 'Hazard ratio’s per centrum (Cox, verkennend)',
  hrNone: 'Niet geschat: minder dan twee centra met deelnemers, of geen gebeurtenissen.',
  centre: 'Centrum',
  analysed: 'Geanalyseerd',
  events: 'Gebeurtenissen',
  hazardRatio: 'Hazard ratio',
  ci95: '95%-BI',
  reference: '1 (referentie)',
  notEstimable: 'niet schatbaar',
  range: '{lower} tot {upper}',
  hrNote:
    'Referentie: het grootste centrum. Likelihood-ratio chi-kwadraat {chi} bij {df} vg, p = {p}. Verkennend: de studie is niet opgezet of gepowerd om centra te vergelijken.',
  crTitle: 'Leverrecidief met overlijden als concurrerend risico',
  eventsByType: 'hDFS-gebeurtenissen naar soort',
  number: 'Aantal',
  hepaticRecurrence: 'Leverrecidief',
  deathWithout: 'Overlijden zonder leverrecidief',
  deathWithoutCensored: 'Overlijden zonder leverrecidief (gecensureerd in hDFS)',
  hdfsEvents: 'hDFS-gebeurtenissen',
  censored: 'Gecensureerd',
  landmark: 'Tijdstip',
  deathWithoutIt: 'Overlijden zonder recidief',
  atRisk: 'At risk',
  years: '{n, plural, one {# jaar} other {# jaar}}',
  crNote:
    'Cumulatieve incidentie (Aalen–Johansen, conventies van R survfit): een overlijden zonder leverrecidief maakt een recidief onmogelijk; naast de Kaplan–Meier-curve, die beide als hDFS-gebeurtenis telt wanneer overlijden een gebeurtenis is.',
  meetings: 'Vergaderingen van de commissie',
  noMeetings: 'Nog geen vergadering van de commissie vastgelegd.',
  attendees: 'Aanwezig: {names}.',
  cut: 'Datasnede {id}, SHA-256 {hash}.',
  signed: 'Ondertekend door {name} op {date} om {time} UTC; handtekening SHA-256 {hash}.',
  unknown: 'onbekend',
  draft: 'Concept: niet ondertekend.',
  signaturesTitle: 'Elektronische handtekeningen',
  signaturesCasebooks:
    'Dossiers: {signed, plural, one {# ondertekend} other {# ondertekend}}; {invalidated, plural, one {# handtekening niet meer geldig (gegevens na ondertekening gewijzigd)} other {# handtekeningen niet meer geldig (gegevens na ondertekening gewijzigd)}}; {unsigned, plural, one {# niet ondertekend} other {# niet ondertekend}}.',
  cutSigned: 'Deze datasnede is ondertekend door {name} op {date} om {time} UTC.',
  cutSignedInvalid:
    'Deze datasnede is ondertekend door {name} op {date} om {time} UTC; die handtekening is niet meer geldig.',
  cutUnsigned: 'Deze datasnede is niet ondertekend.',
  baselineTitle: 'Kenmerken bij aanvang',
  baselineText:
    'Bij inclusie, per centrum en totaal: mediaan (interkwartielafstand, R-kwantieltype 7) of aantal (aandeel van wie een waarde heeft). Alleen wat de studie bij inclusie vastlegt: leeftijd, geslacht en de gemeten geschiktheidswaarden.',
  characteristic: 'Kenmerk',
  groupN: '{centre} (n = {n})',
  allN: 'Totaal (n = {n})',
  ageYears: 'Leeftijd bij inclusie (jaar)',
  withUnit: '{label} ({unit})',
  medianIqr: '{median} ({q1}–{q3})',
  countShare: '{count} ({share})',
  missing: 'Ontbrekend',
  female: 'Vrouw',
  male: 'Man',
  projection:
    'Prognose: het doel wordt bereikt rond {median} (95%-voorspellingsinterval {lower} tot {upper}, gamma-Poisson: het dekt de onzekerheid van het tempo en het toeval van de inclusies). Tempo {rate} per maand, uit de {arrivals, plural, one {# inclusie} other {# inclusies}} van de afgelopen {days, plural, one {# dag} other {# dagen}} ({from} tot {to}).',
  projectionNone:
    'Geen prognose: geen inclusie in de afgelopen {days, plural, one {# dag} other {# dagen}} ({from} tot {to}), het venster waaruit het tempo komt.',
  projectionLegend: '— prognose (mediaan), ··· 95%-voorspellingsinterval',
  swimmerTitle: 'Swimmer plot: elke deelnemer van inclusie tot laatste follow-up',
  swimmerText:
    'Eén balk per deelnemer (langste follow-up eerst), in maanden sinds inclusie. Een overzicht per deelnemer: gesloten deel.',
  swimmerLegend:
    '■ operatie   | HAIP-kuur gegeven   ▲ eerste recidief   ● overlijden   ▷ gecensureerd (in leven bij laatste follow-up)',
  swimmerAxis: 'Maanden sinds inclusie',
};

export const committeePdfCatalogue: Record<PdfLang, Record<Key, string>> = { en, nl };

export type CommitteeWord = Key;

/** A translator for the committee sections in `lang`. */
export function committeeWords(lang: PdfLang): (key: Key, params?: MessageParams) => string {
  return (key, params) => formatMessage(committeePdfCatalogue[lang][key], params, lang);
}
