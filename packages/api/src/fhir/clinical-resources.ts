// A participant's clinical record as FHIR R4 resources: surgery and pump placement (Procedure), each pump
// cycle (MedicationAdministration), each assessment's CEA and liver imaging (Observation), recurrences
// (Condition) and complications with their Clavien–Dindo or CTCAE grade (AdverseEvent). One builder serves
// the FHIR API and the data-cut export, so both hold the same resources. Only what the dataset holds is
// written: non-voided records dated on or before its as-of date.
import type {
  AdverseEvent,
  CodeableConcept,
  Condition,
  MedicationAdministration,
  Observation,
  Patient,
  Procedure,
  Reference,
} from '@medplum/fhirtypes';
import type {
  DatasetAssessment,
  DatasetCycle,
  DatasetEvent,
  DatasetParticipant,
  TrialDataset,
  TrialDefinition,
} from '@trialdesk/domain';
import { EXTENSION, SYSTEM } from './codes.js';
import { ids, metaOf, type RefOf } from './study-resources.js';

export type ClinicalResource = Procedure | MedicationAdministration | Observation | Condition | AdverseEvent;

const local = (system: string, code: string, display: string): CodeableConcept => ({
  coding: [{ system, code, display }],
  text: display,
});

interface Ctx {
  def: TrialDefinition;
  data: TrialDataset;
  p: DatasetParticipant;
  ref: RefOf;
  subject: Reference<Patient>;
  base: string;
}

function procedures(c: Ctx): Procedure[] {
  const { p } = c;
  const out: Procedure[] = [];
  if (p.surgeryDate !== null)
    out.push({
      resourceType: 'Procedure',
      id: `${c.base}.surgery`,
      ...metaOf(c.data),
      status: 'completed',
      code: local(SYSTEM.procedure, 'surgery', 'Surgery (liver resection or ablation, per protocol)'),
      subject: c.subject,
      performedDateTime: p.surgeryDate,
    });
  if (c.def.treatment && p.surgeryDate !== null && (p.pumpDate !== null || p.pumpNotPlacedReason))
    out.push({
      resourceType: 'Procedure',
      id: `${c.base}.pump`,
      ...metaOf(c.data),
      status: p.pumpDate !== null ? 'completed' : 'not-done',
      ...(p.pumpDate === null && p.pumpNotPlacedReason
        ? { statusReason: { text: p.pumpNotPlacedReason } }
        : {}),
      code: local(SYSTEM.procedure, 'pump-placement', 'Hepatic arterial infusion pump placement'),
      subject: c.subject,
      ...(p.pumpDate !== null ? { performedDateTime: p.pumpDate } : {}),
    });
  return out;
}

const cycleStatus = (m: DatasetCycle['modification']): MedicationAdministration['status'] =>
  m === 'skipped' ? 'not-done' : m === 'stopped' ? 'stopped' : 'completed';

function cycle(c: Ctx, x: DatasetCycle): MedicationAdministration {
  const drug = c.def.treatment?.drug ?? 'study treatment';
  const dosage: NonNullable<MedicationAdministration['dosage']> = {
    route: { text: 'Hepatic arterial infusion (pump)' },
    ...(x.doseMg !== null ? { dose: { value: x.doseMg, unit: 'mg', system: SYSTEM.ucum, code: 'mg' } } : {}),
    ...(x.flowRateMlDay !== null
      ? { rateQuantity: { value: x.flowRateMlDay, unit: 'mL/day', system: SYSTEM.ucum, code: 'mL/d' } }
      : {}),
  };
  return {
    resourceType: 'MedicationAdministration',
    id: `${c.base}.cycle-${x.cycle}`,
    ...metaOf(c.data),
    identifier: [{ system: `urn:trialdesk:${c.def.id}:cycle`, value: `${c.p.studyId}-C${x.cycle}` }],
    status: cycleStatus(x.modification),
    ...(x.reason ? { statusReason: [{ text: x.reason }] } : {}),
    medicationCodeableConcept: { text: drug },
    subject: c.subject,
    ...(x.emptyDate !== null
      ? { effectivePeriod: { start: x.date, end: x.emptyDate } }
      : { effectiveDateTime: x.date }),
    // R4 (mad-1): a dosage states a dose or a rate; a skipped cycle has neither, so none.
    ...(x.doseMg !== null || x.flowRateMlDay !== null ? { dosage } : {}),
    note: [
      {
        text: `Cycle ${x.cycle}; modification: ${x.modification}${x.outOfWindow ? '; given outside its window (protocol deviation)' : ''}`,
      },
    ],
  };
}

function observations(c: Ctx, a: DatasetAssessment): Observation[] {
  if (a.status !== 'done' || a.performedDate === null) return [];
  const out: Observation[] = [];
  const common = { ...metaOf(c.data), subject: c.subject, effectiveDateTime: a.performedDate } as const;
  if (a.cea !== null)
    out.push({
      resourceType: 'Observation',
      id: `${c.base}.month-${a.month}.cea`,
      ...common,
      status: 'final',
      category: [{ coding: [{ system: SYSTEM.observationCategory, code: 'laboratory' }] }],
      code: {
        coding: [
          {
            system: SYSTEM.loinc,
            code: '2039-6',
            display: 'Carcinoembryonic Ag [Mass/volume] in Serum or Plasma',
          },
        ],
        text: `CEA (month ${a.month} assessment)`,
      },
      valueQuantity: { value: a.cea, unit: 'µg/L', system: SYSTEM.ucum, code: 'ug/L' },
    });
  if (a.imaging !== null)
    out.push({
      resourceType: 'Observation',
      id: `${c.base}.month-${a.month}.imaging`,
      ...common,
      status: 'final',
      category: [{ coding: [{ system: SYSTEM.observationCategory, code: 'imaging' }] }],
      code: local(
        SYSTEM.observation,
        'liver-imaging',
        `Imaging for recurrence (month ${a.month} assessment)`,
      ),
      valueCodeableConcept: local(SYSTEM.imagingResult, a.imaging, imagingWords[a.imaging]),
    });
  return out;
}

const imagingWords = {
  no_recurrence: 'No recurrence',
  hepatic: 'Hepatic recurrence',
  extrahepatic: 'Extrahepatic recurrence',
  both: 'Hepatic and extrahepatic recurrence',
} as const;

function recurrence(c: Ctx, e: DatasetEvent): Condition {
  const site = e.recurrenceSite ?? 'hepatic';
  return {
    resourceType: 'Condition',
    id: `${c.base}.event-${e.id}`,
    ...metaOf(c.data),
    clinicalStatus: { coding: [{ system: SYSTEM.conditionClinical, code: 'active' }] },
    verificationStatus: { coding: [{ system: SYSTEM.conditionVerification, code: 'confirmed' }] },
    code: local(SYSTEM.event, `recurrence-${site}`, imagingWords[site]),
    bodySite:
      site === 'both'
        ? [{ text: 'Liver' }, { text: 'Outside the liver' }]
        : [{ text: site === 'hepatic' ? 'Liver' : 'Outside the liver' }],
    subject: c.subject,
    onsetDateTime: e.date,
    recordedDate: e.date,
  };
}

/** Clavien–Dindo I → mild, II → moderate, III and above → severe; CTCAE 1, 2, ≥ 3 likewise. */
function severity(scale: 'clavien_dindo' | 'ctcae', grade: string): 'mild' | 'moderate' | 'severe' {
  const g = scale === 'ctcae' ? Number(grade) : grade === 'I' ? 1 : grade === 'II' ? 2 : 3;
  return g <= 1 ? 'mild' : g === 2 ? 'moderate' : 'severe';
}

function complication(c: Ctx, e: DatasetEvent): AdverseEvent | null {
  const x = e.complication;
  if (!x) return null;
  const scaleName = x.scale === 'clavien_dindo' ? 'Clavien–Dindo' : 'CTCAE';
  return {
    resourceType: 'AdverseEvent',
    id: `${c.base}.event-${e.id}`,
    ...metaOf(c.data),
    extension: [
      {
        url: EXTENSION.grade,
        valueCodeableConcept: local(
          x.scale === 'clavien_dindo' ? SYSTEM.clavienDindo : SYSTEM.ctcae,
          x.grade,
          `${scaleName} grade ${x.grade}`,
        ),
      },
      ...(x.haipRelated !== null ? [{ url: EXTENSION.haipRelated, valueBoolean: x.haipRelated }] : []),
    ],
    actuality: 'actual',
    event: {
      coding: [{ system: SYSTEM.complicationCategory, code: x.category }],
      text: x.term,
    },
    subject: c.subject,
    date: e.date,
    severity: {
      coding: [{ system: SYSTEM.aeSeverity, code: severity(x.scale, x.grade) }],
      text: `${scaleName} grade ${x.grade}`,
    },
    outcome: {
      coding: [
        x.resolutionDate !== null
          ? { system: SYSTEM.aeOutcome, code: 'resolved' }
          : { system: SYSTEM.aeOutcome, code: 'ongoing' },
      ],
    },
    study: [{ reference: c.ref('ResearchStudy', ids.study(c.def.id)) }],
  };
}

/** Every clinical resource of one participant. */
export function clinicalResources(
  def: TrialDefinition,
  data: TrialDataset,
  p: DatasetParticipant,
  ref: RefOf,
): ClinicalResource[] {
  const patientId = ids.patient(def.id, p.studyId);
  const c: Ctx = {
    def,
    data,
    p,
    ref,
    subject: { reference: ref('Patient', patientId), display: p.studyId },
    base: patientId,
  };
  return [
    ...procedures(c),
    ...p.cycles.map((x) => cycle(c, x)),
    ...p.assessments.flatMap((a) => observations(c, a)),
    ...p.events.filter((e) => e.type === 'recurrence').map((e) => recurrence(c, e)),
    ...p.events.flatMap((e) => (e.type === 'complication' ? (complication(c, e) ?? []) : [])),
  ];
}
