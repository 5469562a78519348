// The tables of a data-cut export and their data dictionary: one definition that the CSV files, the
// dictionary and the ODM metadata (ItemDefs) are all generated from, so they cannot drift apart.
import {
  deriveEndpoints,
  endpointReasonText,
  type DatasetParticipant,
  type TrialDataset,
  type TrialDefinition,
} from '@trialdesk/domain';

export type Cell = string | number | boolean | null;
export type DataType = 'text' | 'integer' | 'float' | 'date' | 'boolean';

export interface ColumnDef {
  name: string;
  type: DataType;
  description: string;
  values?: readonly string[];
}

export interface ExportTable {
  name: string;
  description: string;
  columns: readonly ColumnDef[];
  rows: Cell[][];
}

const col = (name: string, type: DataType, description: string, values?: readonly string[]): ColumnDef =>
  values ? { name, type, description, values } : { name, type, description };

export const participantColumns = [
  col('study_id', 'text', 'Pseudonymous study ID'),
  col('centre', 'text', 'Centre code'),
  col('inclusion_date', 'date', 'Date of inclusion'),
  col('consent_date', 'date', 'Date informed consent was signed'),
  col('age_at_inclusion', 'integer', 'Age in whole years at inclusion'),
  col('sex', 'text', 'Sex', ['female', 'male']),
  col('surgery_date', 'date', 'Date of liver resection/ablation'),
  col('pump_date', 'date', 'Date of pump placement'),
  col('time_zero', 'date', 'Time zero of follow-up and survival times'),
  col('follow_up_end', 'date', 'Planned end of protocol follow-up'),
  col('off_study_date', 'date', 'Date the participant went off study'),
  col('off_study_reason', 'text', 'Why the participant went off study', [
    'died',
    'withdrawn',
    'lost_to_follow_up',
  ]),
] as const;

export const cycleColumns = [
  col('study_id', 'text', 'Pseudonymous study ID'),
  col('cycle', 'integer', 'Cycle number'),
  col('cycle_date', 'date', 'Day 1 of the cycle (pump filled)'),
  col('empty_date', 'date', 'Date the pump was emptied'),
  col('flow_rate_ml_day', 'float', 'Measured pump flow rate (mL/day)'),
  col('returned_volume_ml', 'float', 'Volume returned at emptying (mL)'),
  col('dose_mg', 'float', 'FUDR dose given (mg)'),
  col('modification', 'text', 'Dose modification', ['none', 'reduced', 'delayed', 'skipped', 'stopped']),
  col('modification_reason', 'text', 'Reason for the modification'),
  col('out_of_window', 'boolean', 'Given outside its window (protocol deviation)'),
] as const;

export const assessmentColumns = [
  col('study_id', 'text', 'Pseudonymous study ID'),
  col('month', 'integer', 'Scheduled month of the assessment'),
  col('status', 'text', 'Assessment status', ['done', 'missed']),
  col('performed_date', 'date', 'Date performed'),
  col('cea', 'float', 'CEA (ug/L)'),
  col('imaging_result', 'text', 'CT result', ['no_recurrence', 'hepatic', 'extrahepatic', 'both']),
  col('missed_reason', 'text', 'Why the assessment was missed'),
  col('out_of_window', 'boolean', 'Performed outside its window'),
] as const;

export const eventColumns = [
  col('study_id', 'text', 'Pseudonymous study ID'),
  col('type', 'text', 'Event type', [
    'recurrence',
    'death',
    'complication',
    'withdrawal',
    'lost_to_follow_up',
  ]),
  col('event_date', 'date', 'Date of the event (onset, detection, death)'),
  col('recurrence_site', 'text', 'Site of recurrence', ['hepatic', 'extrahepatic', 'both']),
  col('death_cause', 'text', 'Cause of death'),
  col('complication_term', 'text', 'Complication term'),
  col('complication_category', 'text', 'Complication category', ['surgical', 'pump', 'toxicity', 'other']),
  col('grade_scale', 'text', 'Grading scale', ['clavien_dindo', 'ctcae']),
  col('grade', 'text', 'Grade (Clavien-Dindo I-V, CTCAE 1-5)'),
  col('haip_related', 'boolean', 'Related to HAIP'),
  col('resolution_date', 'date', 'Date resolved'),
  col('reason', 'text', 'Reason (withdrawal, loss to follow-up)'),
] as const;

export const screeningColumns = [
  col('screening_number', 'text', 'Screening log number'),
  col('centre', 'text', 'Centre code'),
  col('screening_date', 'date', 'Date screened'),
  col('outcome', 'text', 'Screening outcome', ['included', 'not_eligible', 'declined', 'other']),
  col('failed_criteria', 'text', 'Criteria not met (ids, separated by ";")'),
  col('reason', 'text', 'Reason (declined, other)'),
  col('study_id', 'text', 'Study ID if included'),
] as const;

export const endpointColumns = [
  col('study_id', 'text', 'Pseudonymous study ID'),
  col('centre', 'text', 'Centre code'),
  col('endpoint', 'text', 'Endpoint', ['hdfs', 'dfs', 'os']),
  col('time_months', 'float', 'Time from time zero in months (days / 30.4375)'),
  col('event', 'boolean', 'Event (true) or censored (false)'),
  col('date', 'date', 'Date of the event or of censoring'),
  col('reason', 'text', 'Why: the event or the censoring rule applied'),
] as const;

/**
 * Every participant-level row names its centre (site) beside the study ID, so a statistician can stratify or
 * filter any table by site without a join. The CSV tables take these columns; the ODM export carries the site
 * once per subject (SiteRef) and uses the per-record columns below as they are.
 */
const siteColumns = [col('study_id', 'text', 'Pseudonymous study ID'), col('centre', 'text', 'Centre code')];
const withSite = (columns: readonly ColumnDef[]): ColumnDef[] => [...siteColumns, ...columns.slice(1)];

type Cycle = DatasetParticipant['cycles'][number];
type Assessment = DatasetParticipant['assessments'][number];
type ClinicalEvent = DatasetParticipant['events'][number];

// The values of each table's columns after study_id, in column order. The CSV tables put the study ID in
// front; the ODM export uses them as they are (there the study ID is the SubjectKey). One definition, so
// the two exports cannot disagree.
export function participantValues(p: DatasetParticipant): Cell[] {
  return [
    p.centre,
    p.inclusionDate,
    p.consentDate,
    p.ageAtInclusion,
    p.sex,
    p.surgeryDate,
    p.pumpDate,
    p.timeZero,
    p.followUpEnd,
    p.offStudy?.date ?? null,
    p.offStudy?.reason ?? null,
  ];
}

export function cycleValues(c: Cycle): Cell[] {
  return [
    c.cycle,
    c.date,
    c.emptyDate,
    c.flowRateMlDay,
    c.returnedVolumeMl,
    c.doseMg,
    c.modification,
    c.reason,
    c.outOfWindow,
  ];
}

export function assessmentValues(a: Assessment): Cell[] {
  return [a.month, a.status, a.performedDate, a.cea, a.imaging, a.missedReason, a.outOfWindow];
}

export function eventValues(e: ClinicalEvent): Cell[] {
  return [
    e.type,
    e.date,
    e.recurrenceSite,
    e.deathCause,
    e.complication?.term ?? null,
    e.complication?.category ?? null,
    e.complication?.scale ?? null,
    e.complication?.grade ?? null,
    e.complication?.haipRelated ?? null,
    e.complication?.resolutionDate ?? null,
    e.reason,
  ];
}

export function exportTables(def: TrialDefinition, data: TrialDataset): ExportTable[] {
  // The centre is coded: its allowed values (the dictionary's, and the R script's factor levels) are the
  // trial's centres, in the definition's order.
  const codes = def.centres.map((c) => c.code);
  return tablesOf(def, data).map((t) => ({
    ...t,
    columns: t.columns.map((c) => (c.name === 'centre' ? { ...c, values: codes } : c)),
  }));
}

function tablesOf(def: TrialDefinition, data: TrialDataset): ExportTable[] {
  const ps = data.participants;
  const d = deriveEndpoints(def, data);
  return [
    {
      name: 'participants',
      description: 'One row per included participant',
      columns: participantColumns,
      rows: ps.map((p) => [p.studyId, ...participantValues(p)]),
    },
    {
      name: 'screenings',
      description: 'The screening log',
      columns: screeningColumns,
      rows: data.screenings.map((s) => [
        s.number,
        s.centre,
        s.date,
        s.outcome,
        s.failedCriteria.join(';'),
        s.reason,
        s.studyId,
      ]),
    },
    {
      name: 'treatment_cycles',
      description: 'One row per recorded treatment cycle (pump visit)',
      columns: withSite(cycleColumns),
      rows: ps.flatMap((p) => p.cycles.map((x) => [p.studyId, p.centre, ...cycleValues(x)])),
    },
    {
      name: 'assessments',
      description: 'One row per recorded follow-up assessment',
      columns: withSite(assessmentColumns),
      rows: ps.flatMap((p) => p.assessments.map((x) => [p.studyId, p.centre, ...assessmentValues(x)])),
    },
    {
      name: 'events',
      description: 'Recurrences, deaths, complications, withdrawals and losses to follow-up',
      columns: withSite(eventColumns),
      rows: ps.flatMap((p) => p.events.map((x) => [p.studyId, p.centre, ...eventValues(x)])),
    },
    {
      name: 'endpoints',
      description: 'Derived time-to-event endpoints per participant (censoring rules of the protocol)',
      columns: endpointColumns,
      rows: d.analysed.flatMap((a) =>
        d.endpoints.flatMap((e) => {
          const v = a.values[e.kind];
          return v
            ? [
                [
                  a.studyId,
                  a.centre,
                  e.kind,
                  Number(v.time.toFixed(6)),
                  v.event,
                  v.reason.date,
                  endpointReasonText(v.reason, 'en'),
                ],
              ]
            : [];
        }),
      ),
    },
  ];
}

/**
 * A table made elsewhere (the signatures) with a study ID but no centre gets the centre column beside the
 * study ID, so every participant-level row of the zip names its site; rows without a participant (a data
 * cut's signature) leave it empty.
 */
export function withCentreColumn(table: ExportTable, centreOf: ReadonlyMap<string, string>): ExportTable {
  const sid = table.columns.findIndex((c) => c.name === 'study_id');
  if (sid < 0 || table.columns.some((c) => c.name === 'centre')) return table;
  return {
    ...table,
    columns: [
      ...table.columns.slice(0, sid + 1),
      col('centre', 'text', 'Centre code', [...new Set(centreOf.values())].sort()),
      ...table.columns.slice(sid + 1),
    ],
    rows: table.rows.map((r) => {
      const id = r[sid];
      return [
        ...r.slice(0, sid + 1),
        typeof id === 'string' ? (centreOf.get(id) ?? null) : null,
        ...r.slice(sid + 1),
      ];
    }),
  };
}
