// The mapping of an import: which item of the source file (an ODM ItemOID, or a CSV column) feeds which
// field of the trial definition, how the source's codes translate, which site is which centre. It is a JSON
// file the data manager reads and edits; Trialdesk writes a starting one from the file's own metadata.
import { z } from 'zod';
import { allCriteria } from '../criteria.js';
import type { TrialDefinition } from '../trial-definition.js';

export const MAPPING_FORMAT = 'trialdesk-import-mapping/1';

/** What kind of value a target takes, so the import can read the source's text into it. */
export type TargetType =
  | { kind: 'date' }
  | { kind: 'number'; integer: boolean }
  | { kind: 'boolean' }
  | { kind: 'text' }
  | { kind: 'code'; values: readonly string[] };

const date = { kind: 'date' } as const;
const text = { kind: 'text' } as const;
const int = { kind: 'number', integer: true } as const;
const num = { kind: 'number', integer: false } as const;
const code = (values: readonly string[]) => ({ kind: 'code', values }) as const;

/** The fields of the records an import writes, by record: the same fields the entry forms have. */
export const recordTargets = {
  participant: {
    inclusionDate: date,
    consentDate: date,
    labDate: date,
    sex: code(['female', 'male']),
    age: int,
    surgeryDate: date,
    pumpDate: date,
    pumpNotPlacedReason: text,
  },
  cycle: {
    cycle: int,
    cycleDate: date,
    emptyDate: date,
    flowRateMlDay: num,
    returnedVolumeMl: num,
    doseMg: num,
    modification: code(['none', 'reduced', 'delayed', 'skipped', 'stopped']),
    modificationReason: text,
  },
  assessment: {
    month: int,
    status: code(['done', 'missed']),
    performedDate: date,
    cea: num,
    imagingResult: code(['no_recurrence', 'hepatic', 'extrahepatic', 'both']),
    missedReason: text,
  },
  event: {
    type: code(['recurrence', 'death', 'complication', 'withdrawal', 'lost_to_follow_up']),
    date,
    recurrenceSite: code(['hepatic', 'extrahepatic', 'both']),
    deathCause: text,
    complicationTerm: text,
    complicationCategory: code(['surgical', 'pump', 'toxicity', 'other']),
    gradeScale: code(['clavien_dindo', 'ctcae']),
    grade: text,
    haipRelated: { kind: 'boolean' },
    resolutionDate: date,
    reason: text,
  },
} as const satisfies Record<string, Record<string, TargetType>>;

export type RecordKind = keyof typeof recordTargets | 'eligibility';

/**
 * Every target of a trial: `participant.sex`, `cycle.doseMg`, … and one per eligibility criterion
 * (`eligibility.ecog`; `eligibility.bilirubin.uln` for a threshold relative to the upper limit of normal).
 */
export function importTargets(def: Pick<TrialDefinition, 'eligibility'>): Map<string, TargetType> {
  const out = new Map<string, TargetType>();
  for (const [record, fields] of Object.entries(recordTargets))
    for (const [field, type] of Object.entries(fields as Record<string, TargetType>))
      out.set(`${record}.${field}`, type);
  for (const c of allCriteria(def)) {
    if (c.kind === 'measure') {
      out.set(`eligibility.${c.id}`, { kind: 'number', integer: c.integer === true });
      if (c.relativeToUln) out.set(`eligibility.${c.id}.uln`, num);
    } else out.set(`eligibility.${c.id}`, { kind: 'boolean' });
  }
  return out;
}

export function recordOf(target: string): RecordKind {
  return target.split('.')[0] as RecordKind;
}

const key = z.string().min(1).max(200);

export const itemMappingSchema = z.strictObject({
  /** `record.field`, or null: the item is read but not imported (derived by Trialdesk, or not needed). */
  target: z.string().max(100).nullable(),
  /** What the source calls it (its Name and question), for the data manager reading the file. */
  label: z.string().max(500).optional(),
  /** Source code → Trialdesk value (`"1": "female"`, `"Y": "true"`). */
  codes: z.record(key, z.string().max(200)).optional(),
});

export const importMappingSchema = z.strictObject({
  format: z.literal(MAPPING_FORMAT),
  trialId: z.string().min(1).max(64),
  /** The source file's study (ODM Study OID), for the reader; not checked. */
  source: z.string().max(200).optional(),
  /** Site key of the source (ODM LocationOID, REDCap data access group, OpenClinica site OID) → centre code. */
  sites: z.record(key, z.string().max(16)),
  /** Study event OID → constants of every record in it (a REDCap "month_6_arm_1" is assessment.month 6). */
  studyEvents: z.record(key, z.record(z.string().max(100), z.union([z.string(), z.number()]))).default({}),
  /** Item OID (or CSV column) → target. */
  items: z.record(key, itemMappingSchema),
});
export type ImportMapping = z.infer<typeof importMappingSchema>;
export type ItemMapping = z.infer<typeof itemMappingSchema>;
