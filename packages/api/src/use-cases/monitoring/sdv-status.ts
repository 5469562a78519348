// SDV progress and a participant's marks, read for the monitor's page and the record page. Which records
// must be verified comes from the trial definition's plan (all of the groups it lists in full, and the
// seeded sample of the rest); a record counts as verified while a whole-record mark stands on it.
import { sdvRequirement, type SdvRequirement, type TrialDefinition } from '@trialdesk/domain';
import { listSdvMarks, sdvRecords, type Db, type SdvMark, type SdvRecord } from '@trialdesk/db';

const recordKey = (r: { recordType: string; recordId: number }) => `${r.recordType}:${r.recordId}`;

interface Counts {
  required: number;
  verified: number;
  /** Required records whose mark a correction ended and that have no new one yet. */
  toReverify: number;
}

function classify(def: TrialDefinition, records: SdvRecord[], marks: SdvMark[]) {
  const current = new Set(marks.filter((m) => !m.invalidatedAt && m.field === null).map(recordKey));
  const ended = new Set(marks.filter((m) => m.invalidatedAt && m.field === null).map(recordKey));
  return records.map((r) => {
    const requirement = sdvRequirement(def.monitoring, r.recordType, r.recordId, r.eventType);
    const key = recordKey(r);
    return { ...r, requirement, verified: current.has(key), reverify: !current.has(key) && ended.has(key) };
  });
}

function count(list: ReturnType<typeof classify>): Counts {
  const required = list.filter((r) => r.requirement !== 'none');
  return {
    required: required.length,
    verified: required.filter((r) => r.verified).length,
    toReverify: required.filter((r) => r.reverify).length,
  };
}

function groupBy<T>(list: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of list) {
    const k = key(item);
    const group = out.get(k);
    if (group) group.push(item);
    else out.set(k, [item]);
  }
  return out;
}

export async function sdvProgress(db: Db, def: TrialDefinition, centre: string | null) {
  const [records, marks] = await Promise.all([
    sdvRecords(db, { trialId: def.id, centre }),
    listSdvMarks(db, { trialId: def.id, centre }),
  ]);
  const all = classify(def, records, marks);
  const byCentre = groupBy(all, (r) => r.centre);
  const byParticipant = groupBy(all, (r) => r.studyId);
  return {
    plan: def.monitoring.sdv,
    total: count(all),
    centres: [...byCentre.keys()].sort().map((c) => ({ centre: c, ...count(byCentre.get(c) ?? []) })),
    participants: [...byParticipant.keys()].sort().map((studyId) => {
      const list = byParticipant.get(studyId) ?? [];
      return { studyId, centre: list[0]?.centre ?? '', ...count(list) };
    }),
  };
}

export interface SdvRecordView {
  recordType: SdvRecord['recordType'];
  recordId: number;
  label: string;
  requirement: SdvRequirement;
  verified: { at: string; byName: string } | null;
  fields: { field: string; at: string; byName: string }[];
  /** Marks a correction or void ended, newest first: shown as "verification removed by a correction". */
  ended: {
    field: string | null;
    verifiedAt: string;
    verifiedByName: string;
    endedAt: string;
    endedByName: string;
    cause: 'corrected' | 'voided';
    changedFields: string[];
  }[];
}

export async function sdvOfParticipant(
  db: Db,
  def: TrialDefinition,
  participantId: number,
): Promise<SdvRecordView[]> {
  const [records, marks] = await Promise.all([
    sdvRecords(db, { trialId: def.id, participantId }),
    listSdvMarks(db, { trialId: def.id, participantId }),
  ]);
  return classify(def, records, marks).map((r) => {
    const own = marks.filter((m) => recordKey(m) === recordKey(r));
    const whole = own.find((m) => !m.invalidatedAt && m.field === null);
    return {
      recordType: r.recordType,
      recordId: r.recordId,
      label: r.label,
      requirement: r.requirement,
      verified: whole ? { at: whole.verifiedAt, byName: whole.verifiedByName } : null,
      fields: own
        .filter((m) => !m.invalidatedAt && m.field !== null)
        .map((m) => ({ field: m.field as string, at: m.verifiedAt, byName: m.verifiedByName })),
      ended: own
        .filter((m) => m.invalidatedAt)
        .reverse()
        .map((m) => ({
          field: m.field,
          verifiedAt: m.verifiedAt,
          verifiedByName: m.verifiedByName,
          endedAt: m.invalidatedAt as string,
          endedByName: m.invalidatedByName ?? '',
          cause: m.invalidatedCause ?? 'corrected',
          changedFields: m.invalidatedFields ?? [],
        })),
    };
  });
}
