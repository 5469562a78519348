// Hand-built participants for the endpoint, CONSORT and safety tests (not exported from the package).
import type {
  DatasetAssessment,
  DatasetCycle,
  DatasetEvent,
  DatasetParticipant,
  DatasetScreening,
} from './endpoints-dataset.js';

let nextId = 1;

export function scan(date: string, imaging: DatasetAssessment['imaging'], month = 3): DatasetAssessment {
  return {
    id: nextId++,
    month,
    status: 'done',
    performedDate: date,
    cea: 2,
    imaging,
    missedReason: null,
    outOfWindow: false,
  };
}

export function event(
  type: DatasetEvent['type'],
  date: string,
  site: DatasetEvent['recurrenceSite'] = null,
): DatasetEvent {
  return {
    id: nextId++,
    type,
    date,
    recurrenceSite: site,
    deathCause: type === 'death' ? 'Other cause' : null,
    complication: null,
    reason: null,
  };
}

export function complication(
  date: string,
  category: 'surgical' | 'pump' | 'toxicity' | 'other',
  scale: 'clavien_dindo' | 'ctcae',
  grade: string,
  term = 'Bile leak',
): DatasetEvent {
  return {
    ...event('complication', date),
    complication: {
      term,
      category,
      scale,
      grade,
      haipRelated: category !== 'surgical',
      resolutionDate: null,
    },
  };
}

export function cycle(
  n: number,
  date: string,
  modification: DatasetCycle['modification'] = 'none',
  reason: string | null = null,
): DatasetCycle {
  const given = modification !== 'skipped' && modification !== 'stopped';
  return {
    id: nextId++,
    cycle: n,
    date,
    emptyDate: null,
    flowRateMlDay: given ? 1.6 : null,
    returnedVolumeMl: null,
    doseMg: given ? 100 : null,
    modification,
    reason,
    outOfWindow: false,
  };
}

export function participant(over: Partial<DatasetParticipant> = {}): DatasetParticipant {
  return {
    id: nextId++,
    studyId: 'PUMP3-EMC-001',
    centre: 'EMC',
    inclusionDate: '2021-12-20',
    consentDate: '2021-12-18',
    ageAtInclusion: 60,
    sex: 'male',
    surgeryDate: '2022-01-01',
    pumpDate: '2022-01-01',
    timeZero: '2022-01-01',
    followUpEnd: '2027-01-01',
    offStudy: null,
    slots: [],
    cycles: [],
    assessments: [],
    events: [],
    ...over,
  };
}

export function screening(
  outcome: DatasetScreening['outcome'],
  studyId: string | null = null,
  failedCriteria: string[] = [],
  reason: string | null = null,
): DatasetScreening {
  const id = nextId++;
  return {
    id,
    centre: 'EMC',
    number: `SCR-EMC-${String(id).padStart(3, '0')}`,
    date: '2021-12-01',
    outcome,
    failedCriteria,
    reason,
    studyId,
  };
}
