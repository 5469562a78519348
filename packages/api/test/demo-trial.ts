// The set-up the safety and worklist tests share: a harness of their own (a fresh database with the demo
// seed, so no file sees another's data), callers of the demo users a test names, and Erasmus MC participants
// still on study handed out one per test, so no two tests write to one participant and none depends on
// another's order. A complication to hang an SAE on is the one record these tests all start from.
import { createHarness, type Harness } from './harness.js';

export type Caller = Awaited<ReturnType<Harness['as']>>;

export const trialId = 'pump-iii';

/** The demo accounts: one per role, a coordinator per centre (README "Demo accounts"). */
export type DemoUser =
  'admin' | 'pi' | 'coord-emc' | 'coord-ijsselland' | 'coord-avl' | 'steering' | 'monitor' | 'pi-steering';

export interface DemoTrial {
  h: Harness;
  /** The demo user's caller, logged in once. */
  as(username: DemoUser): Promise<Caller>;
  /** A participant of the centre still on study (no death, withdrawal or loss), never handed out twice. */
  aParticipant(): string;
}

export async function demoTrial(centre = 'EMC'): Promise<DemoTrial> {
  const h = await createHarness();
  const rows = await h.rows<{ study_id: string }>(
    `SELECT p.study_id FROM participants p WHERE p.trial_id = ? AND p.centre = ? AND p.voided_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM events e WHERE e.participant_id = p.id AND e.voided_at IS NULL
                       AND e.type IN ('death', 'withdrawal', 'lost_to_follow_up'))
     ORDER BY p.study_id`,
    trialId,
    centre,
  );
  const free = rows.map((r) => r.study_id);
  const callers = new Map<DemoUser, Promise<Caller>>();
  return {
    h,
    as(username) {
      let caller = callers.get(username);
      if (!caller) callers.set(username, (caller = h.as(username)));
      return caller;
    },
    aParticipant() {
      const studyId = free.shift();
      if (!studyId) throw new Error(`No ${centre} participant left on study`);
      return studyId;
    },
  };
}

/** A Clavien–Dindo IIIb pump complication recorded by `coord` (an SAE's event); its id. */
export async function recordComplication(
  coord: Caller,
  studyId: string,
  date = '2026-11-20',
): Promise<number> {
  const { id } = await coord.entry.events.record({
    trialId,
    studyId,
    event: {
      type: 'complication',
      date,
      term: 'Pump pocket infection',
      category: 'pump',
      gradeScale: 'clavien_dindo',
      grade: 'IIIb',
      haipRelated: true,
    },
  });
  return id;
}

/**
 * A 15-day SUSAR on `studyId`: a chemical hepatitis (toxicity, Clavien–Dindo IIIb) on 20 Nov, entered and
 * reported at 12:00Z that day with awareness at 09:00 Amsterdam, hospitalisation, floxuridine probably
 * related and unexpected. The clock is left at the report's instant.
 */
export async function reportHepatitisSusar(h: Harness, coord: Caller, studyId: string) {
  h.clock.now = new Date('2026-11-20T12:00:00.000Z');
  const { id: eventId } = await coord.entry.events.record({
    trialId,
    studyId,
    event: {
      type: 'complication',
      date: '2026-11-20',
      term: 'Chemical hepatitis',
      category: 'toxicity',
      gradeScale: 'clavien_dindo',
      grade: 'IIIb',
      haipRelated: true,
    },
  });
  const { saeId, susar } = await coord.safety.reportSae({
    trialId,
    studyId,
    eventId,
    criteria: ['hospitalisation'],
    assessments: [
      { intervention: 'floxuridine', causality: 'probable', expected: false },
      { intervention: 'pump', causality: 'not_related', expected: null },
      { intervention: 'surgery', causality: 'not_related', expected: null },
    ],
    awareAt: '2026-11-20T09:00',
    description: 'Admitted with jaundice',
  });
  return { eventId, saeId, susar };
}
