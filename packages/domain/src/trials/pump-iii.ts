// PUMP-III as the public trial page describes it (shared/seed/pump-iii-trial-page.nl.txt), with the
// settings the page does not give marked as assumptions (see PROTOCOL.md).
import type { TrialDefinitionInput } from '../trial-definition.js';

/** A yes/no criterion; `failure` words what was wrong when it fails, where the text alone would not. */
const confirm = (id: string, en: string, nl: string, failure?: { en: string; nl: string }) => ({
  id,
  kind: 'confirm' as const,
  text: { en, nl },
  ...(failure ? { failure } : {}),
});

export const pumpIII: TrialDefinitionInput = {
  id: 'pump-iii',
  code: 'PUMP-III',
  studyIdPrefix: 'PUMP3',
  title: {
    en: 'Adjuvant hepatic arterial infusion pump chemotherapy for resectable recurrent colorectal liver metastases >6 months after the index operation',
    nl: 'Adjuvante hepatic arterial infusion pump (chemotherapie) bij resectabel recidief colorectale levermetastasen >6 maanden na index operatie',
  },
  design: { en: 'Multicentre single-arm phase 2 trial', nl: 'Multicenter single-arm fase 2-studie' },
  phase: '2',
  principalInvestigator: 'Dr. D.J. Grünhagen, Erasmus MC',
  registry: null,
  synthetic: false,
  target: 45,
  recruitment: { plannedStart: '2021-02-01', plannedEnd: '2023-01-31' },
  followUpMonths: 60,
  centres: [
    { code: 'EMC', name: 'Erasmus MC', city: 'Rotterdam', target: 25, activationDate: '2021-02-01' },
    {
      code: 'IJS',
      name: 'IJsselland Ziekenhuis',
      city: 'Capelle aan den IJssel',
      target: 8,
      activationDate: '2021-05-01',
    },
    {
      code: 'AVL',
      name: 'Antoni van Leeuwenhoek',
      city: 'Amsterdam',
      target: 12,
      activationDate: '2021-04-01',
    },
  ],
  eligibility: {
    labWindowDays: 15,
    inclusion: [
      confirm(
        'recurrentResectableCrlm',
        'Recurrent, resectable colorectal liver metastases without extrahepatic disease',
        'Recidief resectabele colorectale levermetastasen zonder extrahepatische ziekte',
        {
          en: 'No recurrent, resectable colorectal liver metastases without extrahepatic disease',
          nl: 'Geen recidief resectabele colorectale levermetastasen zonder extrahepatische ziekte',
        },
      ),
      {
        id: 'age',
        kind: 'measure',
        label: { en: 'Age', nl: 'Leeftijd' },
        text: { en: 'Age > 18 years', nl: 'Leeftijd > 18 jaar' },
        unit: 'years',
        integer: true,
        min: { value: 18, inclusive: false },
        plausible: { min: 0, max: 120 },
      },
      {
        id: 'ecog',
        kind: 'measure',
        label: { en: 'ECOG performance status', nl: 'ECOG performance status' },
        text: { en: 'ECOG performance status 0 or 1', nl: 'ECOG performance status 0 of 1' },
        unit: '',
        integer: true,
        min: { value: 0, inclusive: true },
        max: { value: 1, inclusive: true },
        plausible: { min: 0, max: 5 },
      },
      confirm(
        'histologyProven',
        'Histologically proven colorectal carcinoma',
        'Histologisch bewezen colorectaal carcinoom',
        {
          en: 'Colorectal carcinoma not histologically proven',
          nl: 'Colorectaal carcinoom niet histologisch bewezen',
        },
      ),
      confirm(
        'liverOnlyRecurrence',
        'Liver-only recurrence after earlier resection of the index CRLM',
        'Liver-only recidief na eerdere resectie van de index levermetastasen',
        { en: 'Recurrence not confined to the liver', nl: 'Recidief niet beperkt tot de lever' },
      ),
      confirm(
        'recurrenceConfirmedResectable',
        'Recurrence radiologically confirmed and resectable',
        'Recidief radiologisch bevestigd en resectabel',
        {
          en: 'Recurrence not radiologically confirmed or not resectable',
          nl: 'Recidief niet radiologisch bevestigd of niet resectabel',
        },
      ),
      confirm(
        'catheterFeasible',
        'HAIP catheter placement technically feasible on arterial-phase CT (GDA with a branch to the remnant liver; accessory arteries ligated)',
        'Plaatsing HAIP-catheter technisch mogelijk op arteriële CT (AGD met tak naar restlever; accessoire arterieën geligeerd)',
        {
          en: 'HAIP catheter placement not technically feasible',
          nl: 'Plaatsing HAIP-catheter technisch niet mogelijk',
        },
      ),
      {
        id: 'anc',
        kind: 'measure',
        label: { en: 'ANC', nl: 'ANC' },
        lab: true,
        text: { en: 'ANC ≥ 1.5 ×10⁹/L', nl: 'ANC ≥ 1,5 ×10⁹/L' },
        unit: '×10⁹/L',
        min: { value: 1.5, inclusive: true },
        plausible: { min: 0, max: 100 },
      },
      {
        id: 'platelets',
        kind: 'measure',
        label: { en: 'Platelets', nl: 'Trombocyten' },
        lab: true,
        text: { en: 'Platelets ≥ 100 ×10⁹/L', nl: 'Trombocyten ≥ 100 ×10⁹/L' },
        unit: '×10⁹/L',
        min: { value: 100, inclusive: true },
        plausible: { min: 0, max: 2000 },
      },
      {
        id: 'hb',
        kind: 'measure',
        label: { en: 'Hb', nl: 'Hb' },
        lab: true,
        text: { en: 'Hb ≥ 5.5 mmol/L', nl: 'Hb ≥ 5,5 mmol/L' },
        unit: 'mmol/L',
        min: { value: 5.5, inclusive: true },
        plausible: { min: 0, max: 15 },
      },
      {
        id: 'bilirubin',
        kind: 'measure',
        label: { en: 'Total bilirubin', nl: 'Totaal bilirubine' },
        lab: true,
        relativeToUln: true,
        text: { en: 'Total bilirubin ≤ 1.5 × ULN', nl: 'Totaal bilirubine ≤ 1,5 × ULN' },
        unit: 'µmol/L',
        max: { value: 1.5, inclusive: true },
        plausible: { min: 0, max: 1000 },
      },
      {
        id: 'asat',
        kind: 'measure',
        label: { en: 'ASAT', nl: 'ASAT' },
        lab: true,
        relativeToUln: true,
        text: { en: 'ASAT ≤ 5 × ULN', nl: 'ASAT ≤ 5 × ULN' },
        unit: 'U/L',
        max: { value: 5, inclusive: true },
        plausible: { min: 0, max: 20000 },
      },
      {
        id: 'alat',
        kind: 'measure',
        label: { en: 'ALAT', nl: 'ALAT' },
        lab: true,
        relativeToUln: true,
        text: { en: 'ALAT ≤ 5 × ULN', nl: 'ALAT ≤ 5 × ULN' },
        unit: 'U/L',
        max: { value: 5, inclusive: true },
        plausible: { min: 0, max: 20000 },
      },
      {
        id: 'alp',
        kind: 'measure',
        label: { en: 'Alkaline phosphatase', nl: 'Alkalisch fosfatase' },
        lab: true,
        relativeToUln: true,
        text: { en: 'Alkaline phosphatase ≤ 5 × ULN', nl: 'Alkalisch fosfatase ≤ 5 × ULN' },
        unit: 'U/L',
        max: { value: 5, inclusive: true },
        plausible: { min: 0, max: 20000 },
      },
      {
        id: 'egfr',
        kind: 'measure',
        label: { en: 'eGFR', nl: 'eGFR' },
        lab: true,
        text: { en: 'eGFR > 30 mL/min', nl: 'eGFR > 30 mL/min' },
        unit: 'mL/min',
        min: { value: 30, inclusive: false },
        plausible: { min: 0, max: 250 },
      },
      confirm(
        'informedConsent',
        'Written informed consent signed (ICH-GCP, national and local rules)',
        'Schriftelijke informed consent getekend (ICH-GCP, nationale en lokale voorschriften)',
        { en: 'No written informed consent', nl: 'Geen schriftelijke informed consent' },
      ),
    ],
    exclusion: [
      confirm(
        'extrahepaticDisease',
        'Extrahepatic disease at any time since CRC diagnosis (incl. positive portal nodes; lesions ≤ 1 cm too small to characterise allowed)',
        'Extrahepatische ziekte sinds diagnose CRC (incl. positieve portale klieren; laesies ≤ 1 cm te klein om te karakteriseren toegestaan)',
        { en: 'Extrahepatic disease since CRC diagnosis', nl: 'Extrahepatische ziekte sinds diagnose CRC' },
      ),
      confirm(
        'secondPrimary',
        'Second primary malignancy (except in-situ cervical cancer, treated non-melanoma skin cancer, or another treated ≥ 5 years ago without recurrence)',
        'Tweede primaire maligniteit (behalve cervixcarcinoom in situ, behandelde non-melanoom huidkanker, of andere ≥ 5 jaar geleden behandeld zonder recidief)',
        { en: 'Second primary malignancy', nl: 'Tweede primaire maligniteit' },
      ),
      confirm(
        'twoStageResection',
        'CRLM needing a two-stage liver resection',
        'CRLM die een two-stage leverresectie vereisen',
      ),
      confirm(
        'earlySameSiteRecurrence',
        'Recurrence at the site of the earlier resected/ablated CRLM and < 6 months after the index resection',
        'Recidief op de plaats van de eerder gereseceerde/geableerde CRLM en < 6 maanden na de index resectie',
        {
          en: 'Recurrence at the earlier resection site < 6 months after the index resection',
          nl: 'Recidief op de eerdere resectieplaats < 6 maanden na de index resectie',
        },
      ),
      confirm('dpdDeficiency', 'Known DPD (DPYD) deficiency', 'Bekende DPD (DPYD) deficiëntie'),
      confirm('pregnantOrLactating', 'Pregnant or lactating', 'Zwanger of lacterend'),
      confirm(
        'psychiatricHistory',
        'Clinically significant psychiatric history precluding consent or adherence',
        'Klinisch significante psychiatrische voorgeschiedenis die consent of therapietrouw belemmert',
      ),
      confirm(
        'seriousSystemicDisease',
        'Serious concurrent systemic disease endangering safety or completion',
        'Ernstige gelijktijdige systemische aandoening die veiligheid of voltooiing in gevaar brengt',
      ),
      confirm(
        'organTransplant',
        'Organ transplant needing immunosuppression',
        'Orgaantransplantaat met immunosuppressie',
      ),
      confirm(
        'nonHealingWounds',
        'Serious non-healing wounds, ulcers or bone fractures',
        'Ernstige niet-genezende wonden, ulcera of botbreuken',
      ),
      confirm(
        'chronicCorticosteroids',
        'Chronic corticosteroids ≥ 10 mg/day methylprednisolone equivalent (inhaled excepted)',
        'Chronisch corticosteroïden ≥ 10 mg/dag methylprednisolon-equivalent (inhalatie uitgezonderd)',
        {
          en: 'Chronic corticosteroids ≥ 10 mg/day methylprednisolone equivalent',
          nl: 'Chronisch corticosteroïden ≥ 10 mg/dag methylprednisolon-equivalent',
        },
      ),
      confirm(
        'seriousInfection',
        'Serious infection (uncontrolled or needing treatment)',
        'Ernstige infectie (ongecontroleerd of behandeling vereisend)',
      ),
      confirm(
        'otherSurvivalTrial',
        'Participation in another interventional study with survival as primary outcome',
        'Deelname aan ander interventieonderzoek met overleving als primaire uitkomst',
      ),
      confirm(
        'complianceBarrier',
        'Psychological, familial, sociological or geographical condition hampering compliance',
        'Psychologische, familiale, sociologische of geografische omstandigheid die naleving belemmert',
      ),
    ],
  },
  treatment: {
    name: {
      en: 'Adjuvant floxuridine (FUDR) via the hepatic arterial infusion pump',
      nl: 'Adjuvant floxuridine (FUDR) via de chemopomp',
    },
    drug: 'FUDR',
    cycleCount: 6,
    cycleLengthDays: 28,
    firstCycleAfterDays: [28, 84],
    emptyDay: 15,
    emptyWindowDays: 4,
    doseMgPerKgPerDay: 0.12,
    infusionDays: 14,
  },
  schedule: {
    timeZero: 'surgery',
    timeZeroName: { en: 'Surgery', nl: 'Operatie' },
    surgeryWithinDays: 28,
    assessments: [
      ...[3, 6, 9, 12, 15, 18, 21, 24].map((month) => ({ month, windowDays: 28 })),
      ...[30, 36, 42, 48, 54, 60].map((month) => ({ month, windowDays: 28 })),
    ],
  },
  endpoints: [
    {
      kind: 'hdfs',
      name: { en: 'Hepatic disease-free survival', nl: 'Hepatische ziektevrije overleving' },
      primary: true,
      deathIsEvent: true,
      // The protocol is not public: the rationale's series (Ann Surg Oncol 2021) gave a median hDFS of 46
      // months with the pump against 18 without; taken as the target, an assumption (setting).
      target: {
        medianMonths: 46,
        controlMedianMonths: 18,
        source: {
          en: 'MSKCC and Erasmus MC series, Ann Surg Oncol 2021',
          nl: 'MSKCC- en Erasmus MC-serie, Ann Surg Oncol 2021',
        },
      },
    },
    {
      kind: 'os',
      name: { en: 'Overall survival', nl: 'Algehele overleving' },
      primary: false,
      deathIsEvent: true,
    },
    {
      kind: 'dfs',
      name: { en: 'Disease-free survival', nl: 'Ziektevrije overleving' },
      primary: false,
      deathIsEvent: true,
    },
  ],
  milestones: { primaryAnalysisMonthsAfterLastInclusion: 24, finalAnalysisMonthsAfterLastVisit: 6 },
  // Risk-based monitoring: eligibility, the primary endpoint (hDFS) and safety in full, a fifth of the rest
  // (treatment cycles) by a seeded sample. Expected ranges: an implanted pump runs at 0.5–3 mL/day and holds
  // 30 mL; CEA above 1000 µg/L is seen in extreme disease only; inclusion is from 18 years.
  monitoring: {
    sdv: { full: ['eligibility', 'primary_endpoint', 'safety'], samplePercent: 20, sampleSeed: 20210201 },
    expectedRanges: [
      { recordType: 'participant', field: 'ageAtInclusion', min: 18, max: 90 },
      { recordType: 'cycle', field: 'flowRateMlDay', min: 0.5, max: 3 },
      { recordType: 'cycle', field: 'returnedVolumeMl', min: 0, max: 30 },
      { recordType: 'assessment', field: 'cea', min: 0, max: 1000 },
    ],
  },
  // The study interventions an SAE's causality is assessed against (floxuridine through the pump, the pump
  // itself, the liver surgery with pump placement), each with the reference safety information that decides
  // expectedness. The documents are assumptions: the protocol names the RSI, the public page does not.
  safety: {
    interventions: [
      {
        id: 'floxuridine',
        name: { en: 'Floxuridine (FUDR)', nl: 'Floxuridine (FUDR)' },
        referenceSafetyInformation: {
          en: 'Floxuridine SmPC, section 4.8 (undesirable effects)',
          nl: 'SmPC floxuridine, rubriek 4.8 (bijwerkingen)',
        },
      },
      {
        id: 'pump',
        name: { en: 'Implanted infusion pump', nl: 'Geïmplanteerde infusiepomp' },
        referenceSafetyInformation: {
          en: 'Instructions for use of the pump, adverse events section',
          nl: 'Gebruiksaanwijzing van de pomp, rubriek ongewenste voorvallen',
        },
      },
      {
        id: 'surgery',
        name: { en: 'Surgery with pump placement', nl: 'Operatie met pompplaatsing' },
        referenceSafetyInformation: {
          en: 'Protocol section 9 (expected surgical complications)',
          nl: 'Protocol hoofdstuk 9 (verwachte chirurgische complicaties)',
        },
      },
    ],
  },
  assumptions: [
    'monitoring',
    'safety',
    'centres.target',
    'centres.activationDate',
    'treatment',
    'schedule',
    'endpoints.deathIsEvent',
    'endpoints.target',
    'milestones',
  ],
};
