// Lives in the data layer so that the demo can sign casebooks exactly as the API does.
// What a casebook signature is bound to: the canonical JSON (keys sorted at every depth) of the participant's
// entered data as they are now (the inclusion record, and every pump visit, assessment and event not voided),
// hashed with SHA-256. Derived values (windows, time zero) are left out: they follow from the entered data,
// so they change only when those do. A correction or void changes the hash; a signature whose hash no
// longer matches is "no longer valid".
import { canonicalJson } from '@trialdesk/domain';
import type { Db } from '../../database.js';
import { contentHash } from '../committee/data-cuts.js';
import { participantRecords } from '../participants/participants.js';
import type { Participant } from '../participants/records.js';

export async function casebookContent(db: Db, p: Participant) {
  const r = await participantRecords(db, p.id);
  const monthOf = new Map(r.slots.map((s) => [s.id, s.month]));
  return {
    studyId: p.studyId,
    centre: p.centre,
    inclusionDate: p.inclusionDate,
    consentDate: p.consentDate,
    ageAtInclusion: p.ageAtInclusion,
    sex: p.sex,
    eligibility: p.eligibility,
    surgeryDate: p.surgeryDate,
    pumpDate: p.pumpDate,
    pumpNotPlacedReason: p.pumpNotPlacedReason,
    offStudy: p.offStudy,
    cycles: r.cycles
      .filter((c) => c.voided === null)
      .map((c) => ({
        cycle: c.cycle,
        cycleDate: c.cycleDate,
        emptyDate: c.emptyDate,
        flowRateMlDay: c.flowRateMlDay,
        returnedVolumeMl: c.returnedVolumeMl,
        doseMg: c.doseMg,
        modification: c.modification,
        modificationReason: c.modificationReason,
      })),
    assessments: r.assessments
      .filter((a) => a.voided === null)
      .map((a) => ({
        month: monthOf.get(a.slotId) ?? null,
        status: a.status,
        performedDate: a.performedDate,
        cea: a.cea,
        imagingResult: a.imagingResult,
        missedReason: a.missedReason,
      })),
    events: r.events
      .filter((e) => e.voided === null)
      .map(({ id: _id, participantId: _p, centre: _c, voided: _v, ...values }) => values),
  };
}

export async function casebookHash(db: Db, p: Participant): Promise<string> {
  return contentHash(canonicalJson(await casebookContent(db, p)));
}
