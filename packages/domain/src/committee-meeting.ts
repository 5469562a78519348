// A committee meeting's record: when it met, who attended, the frozen data cut (and its hash) it looked at,
// its recommendation and minutes. Written as a draft, then signed by the chair re-entering their password;
// a signed record binds to the SHA-256 of what was signed and never changes again.
import { z } from 'zod';
import { calendarDate, entryText, entryTrialId, recordId } from './entry/common.js';

export const meetingRecommendations = ['continue', 'modify', 'pause', 'stop'] as const;
export type MeetingRecommendation = (typeof meetingRecommendations)[number];

export const meetingRecommendationLabel: Record<MeetingRecommendation, { en: string; nl: string }> = {
  continue: { en: 'Continue the trial unchanged', nl: 'De studie ongewijzigd voortzetten' },
  modify: { en: 'Continue with modifications', nl: 'Voortzetten met aanpassingen' },
  pause: { en: 'Pause recruitment', nl: 'Inclusie onderbreken' },
  stop: { en: 'Stop the trial', nl: 'De studie stoppen' },
};

export const recordMeetingInput = z.strictObject({
  trialId: entryTrialId,
  meetingDate: calendarDate,
  attendees: z
    .array(entryText(120))
    .min(1, 'meeting.attendees.required')
    .max(40)
    .refine((a) => new Set(a.map((x) => x.toLowerCase())).size === a.length, 'meeting.attendees.duplicate'),
  cutId: recordId,
  recommendation: z.enum(meetingRecommendations, { error: 'meeting.recommendation.invalid' }),
  minutes: entryText(20_000),
});
export type RecordMeetingInput = z.input<typeof recordMeetingInput>;

export const signMeetingInput = z.strictObject({
  trialId: entryTrialId,
  meetingId: recordId,
  /** The chair's own password, re-entered: the signature's proof of who signed. */
  password: z.string().min(1, 'entry.required').max(200),
});

/** What a signature covers (hashed as canonical JSON on the server): every field of the record as the committee agreed it, and the cut's hash. */
export interface SignedMeetingContent {
  trialId: string;
  meetingDate: string;
  attendees: readonly string[];
  cutId: number;
  cutHash: string;
  recommendation: MeetingRecommendation;
  minutes: string;
  signedBy: string;
  signedAt: string;
}
