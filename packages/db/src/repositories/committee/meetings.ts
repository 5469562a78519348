// Committee meeting records (migration 012): inserted as drafts, signed once, never changed after signing
// nor deleted (the database's triggers refuse). Attendees are stored as a JSON array of names.
import { createHash } from 'node:crypto';
import { canonicalJson, type MeetingRecommendation, type SignedMeetingContent } from '@trialdesk/domain';
import type { Generated, Selectable } from 'kysely';
import type { Db } from '../../database.js';

export interface CommitteeMeetingsTable {
  id: Generated<number>;
  trial_id: string;
  meeting_date: string;
  attendees: string;
  data_cut_id: number;
  cut_hash: string;
  recommendation: MeetingRecommendation;
  minutes: string;
  created_at: string;
  created_by: number | null;
  created_by_name: string | null;
  signed_at: string | null;
  signed_by: number | null;
  signed_by_name: string | null;
  signature_hash: string | null;
}

const withMeetings = (db: Db) => db.withTables<{ committee_meetings: CommitteeMeetingsTable }>();

export interface MeetingRecord {
  id: number;
  trialId: string;
  meetingDate: string;
  attendees: string[];
  cutId: number;
  cutHash: string;
  recommendation: MeetingRecommendation;
  minutes: string;
  createdAt: string;
  createdBy: string | null;
  signature: { signedAt: string; signedBy: string | null; signedById: number | null; hash: string } | null;
}

function toRecord(r: Selectable<CommitteeMeetingsTable>): MeetingRecord {
  return {
    id: Number(r.id),
    trialId: r.trial_id,
    meetingDate: r.meeting_date,
    attendees: JSON.parse(r.attendees) as string[],
    cutId: Number(r.data_cut_id),
    cutHash: r.cut_hash,
    recommendation: r.recommendation,
    minutes: r.minutes,
    createdAt: r.created_at,
    createdBy: r.created_by_name,
    signature:
      r.signed_at !== null && r.signature_hash !== null
        ? {
            signedAt: r.signed_at,
            signedBy: r.signed_by_name,
            signedById: r.signed_by === null ? null : Number(r.signed_by),
            hash: r.signature_hash,
          }
        : null,
  };
}

export async function insertMeeting(
  db: Db,
  m: {
    trialId: string;
    meetingDate: string;
    attendees: readonly string[];
    cutId: number;
    cutHash: string;
    recommendation: MeetingRecommendation;
    minutes: string;
    createdAt: string;
    createdBy: { id: number; name: string } | null;
  },
): Promise<MeetingRecord> {
  const row = await withMeetings(db)
    .insertInto('committee_meetings')
    .values({
      trial_id: m.trialId,
      meeting_date: m.meetingDate,
      attendees: JSON.stringify(m.attendees),
      data_cut_id: m.cutId,
      cut_hash: m.cutHash,
      recommendation: m.recommendation,
      minutes: m.minutes,
      created_at: m.createdAt,
      created_by: m.createdBy?.id ?? null,
      created_by_name: m.createdBy?.name ?? null,
      signed_at: null,
      signed_by: null,
      signed_by_name: null,
      signature_hash: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRecord(row);
}

export async function listMeetings(db: Db, trialId: string): Promise<MeetingRecord[]> {
  const rows = await withMeetings(db)
    .selectFrom('committee_meetings')
    .selectAll()
    .where('trial_id', '=', trialId)
    .orderBy('meeting_date', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toRecord);
}

export async function findMeeting(db: Db, trialId: string, id: number): Promise<MeetingRecord | undefined> {
  const row = await withMeetings(db)
    .selectFrom('committee_meetings')
    .selectAll()
    .where('trial_id', '=', trialId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** Signs a draft; false when it was signed meanwhile (the update touches unsigned rows only). */
export async function signMeeting(
  db: Db,
  s: { trialId: string; id: number; signedAt: string; signedBy: { id: number; name: string }; hash: string },
): Promise<boolean> {
  const result = await withMeetings(db)
    .updateTable('committee_meetings')
    .set({
      signed_at: s.signedAt,
      signed_by: s.signedBy.id,
      signed_by_name: s.signedBy.name,
      signature_hash: s.hash,
    })
    .where('trial_id', '=', s.trialId)
    .where('id', '=', s.id)
    .where('signed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The SHA-256 a signature binds to: the canonical JSON of everything the record says, and who signed when. */
export function meetingSignatureHash(content: SignedMeetingContent): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

/** What a record's signature covers, from the stored record and its signature. */
export function signedMeetingContent(
  m: MeetingRecord,
  signedBy: string,
  signedAt: string,
): SignedMeetingContent {
  return {
    trialId: m.trialId,
    meetingDate: m.meetingDate,
    attendees: m.attendees,
    cutId: m.cutId,
    cutHash: m.cutHash,
    recommendation: m.recommendation,
    minutes: m.minutes,
    signedBy,
    signedAt,
  };
}
