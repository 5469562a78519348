import { defineMessages } from '../../../i18n/catalogue';

export const messages = defineMessages({
  en: {
    followUpMedian:
      'Median follow-up: {months, plural, one {# month} other {# months}} (95% CI {lower} – {upper}; reverse Kaplan–Meier, {n, plural, one {# participant} other {# participants}})',
    followUpNone: 'Median follow-up: not estimable yet',
    fewAtRisk: 'Fewer than {min} at risk: read with caution',
    fewAtRiskMark: '†',
    target:
      'Target (trial definition): median {target, plural, one {# month} other {# months}} against {control, plural, one {# month} other {# months}} without the intervention ({source}).',
    targetObserved: 'Observed median: {median} (95% CI {lower} – {upper}).',
    assumption: 'assumption (setting)',
    crTitle: 'Hepatic recurrence with death as a competing risk',
    crHint:
      'Cumulative incidence (Aalen–Johansen): the probability of a hepatic recurrence by each time, where a death without hepatic recurrence ends the chance of one. Beside the Kaplan–Meier curve above, which counts both as hDFS events.',
    crEvents: 'hDFS events by type',
    crRecurrence: 'Hepatic recurrence',
    crDeath: 'Death without hepatic recurrence',
    crDeathNotEvent: 'Death without hepatic recurrence (censored in hDFS, competing here)',
    crTotal: 'hDFS events',
    crCensored: 'Censored',
    crCount: 'Number',
    crSummary:
      'Cumulative incidence of hepatic recurrence and of death without it, from 0 to {max, plural, one {# month} other {# months}}.',
    crTable: 'Cumulative incidence at each event or censoring time',
    crLandmarks: 'Cumulative incidence at landmarks',
    crStdErr: 'Std. error',
    time: 'Months',
    atRisk: 'At risk',
    landmark: 'Landmark',
    years: '{n, plural, one {# year} other {# years}}',
    notEstimable: 'not estimable',
    notReached: 'not reached',
    forestTitle: 'Hazard ratios by centre (Cox, exploratory)',
    forestHint:
      'Each centre against {reference}, the largest centre ({n, plural, one {# participant} other {# participants}}, {events, plural, one {# event} other {# events}}). Exploratory: the trial is not designed or powered to compare centres; an interval that crosses 1 shows no difference.',
    forestSummary:
      'Hazard ratio of each centre against {reference}, on a log scale, with 95% confidence intervals.',
    forestTest:
      'Likelihood-ratio test: χ² = {chi}, {df, plural, one {# degree} other {# degrees}} of freedom, p = {p}',
    forestNone: 'Not fitted: fewer than two centres with participants, or no event yet.',
    centre: 'Centre',
    analysed: 'Analysed',
    events: 'Events',
    hazardRatio: 'Hazard ratio',
    ci: '95% CI',
    reference: 'reference',
    infinite: 'not estimable (no events)',
    exploratory: 'exploratory',
  },
  nl: {
    followUpMedian:
      'Mediane follow-up: {months, plural, one {# maand} other {# maanden}} (95%-BI {lower} – {upper}; omgekeerde Kaplan–Meier, {n, plural, one {# deelnemer} other {# deelnemers}})',
    followUpNone: 'Mediane follow-up: nog niet te schatten',
    fewAtRisk: 'Minder dan {min} at risk: met voorzichtigheid lezen',
    fewAtRiskMark: '†',
    target:
      'Doel (studiedefinitie): mediaan {target, plural, one {# maand} other {# maanden}} tegenover {control, plural, one {# maand} other {# maanden}} zonder de interventie ({source}).',
    targetObserved: 'Waargenomen mediaan: {median} (95%-BI {lower} – {upper}).',
    assumption: 'aanname (instelling)',
    crTitle: 'Hepatisch recidief met overlijden als concurrerend risico',
    crHint:
      'Cumulatieve incidentie (Aalen–Johansen): de kans op een hepatisch recidief op elk tijdstip, waarbij overlijden zonder hepatisch recidief die kans beëindigt. Naast de Kaplan–Meiercurve hierboven, die beide als hDFS-gebeurtenis telt.',
    crEvents: 'hDFS-gebeurtenissen naar soort',
    crRecurrence: 'Hepatisch recidief',
    crDeath: 'Overlijden zonder hepatisch recidief',
    crDeathNotEvent: 'Overlijden zonder hepatisch recidief (gecensureerd in hDFS, hier concurrerend)',
    crTotal: 'hDFS-gebeurtenissen',
    crCensored: 'Gecensureerd',
    crCount: 'Aantal',
    crSummary:
      'Cumulatieve incidentie van hepatisch recidief en van overlijden zonder recidief, van 0 tot {max, plural, one {# maand} other {# maanden}}.',
    crTable: 'Cumulatieve incidentie op elk tijdstip van gebeurtenis of censurering',
    crLandmarks: 'Cumulatieve incidentie op vaste tijdstippen',
    crStdErr: 'Standaardfout',
    time: 'Maanden',
    atRisk: 'At risk',
    landmark: 'Tijdstip',
    years: '{n, plural, one {# jaar} other {# jaar}}',
    notEstimable: 'niet te schatten',
    notReached: 'niet bereikt',
    forestTitle: 'Hazard ratio’s per centrum (Cox, verkennend)',
    forestHint:
      'Elk centrum tegenover {reference}, het grootste centrum ({n, plural, one {# deelnemer} other {# deelnemers}}, {events, plural, one {# gebeurtenis} other {# gebeurtenissen}}). Verkennend: de studie is niet opgezet of gepowerd om centra te vergelijken; een interval dat 1 omvat toont geen verschil.',
    forestSummary:
      'Hazard ratio van elk centrum tegenover {reference}, op logaritmische schaal, met 95%-betrouwbaarheidsintervallen.',
    forestTest:
      'Likelihood-ratiotoets: χ² = {chi}, {df, plural, one {# vrijheidsgraad} other {# vrijheidsgraden}}, p = {p}',
    forestNone: 'Niet geschat: minder dan twee centra met deelnemers, of nog geen gebeurtenis.',
    centre: 'Centrum',
    analysed: 'Geanalyseerd',
    events: 'Gebeurtenissen',
    hazardRatio: 'Hazard ratio',
    ci: '95%-BI',
    reference: 'referentie',
    infinite: 'niet te schatten (geen gebeurtenissen)',
    exploratory: 'verkennend',
  },
});
