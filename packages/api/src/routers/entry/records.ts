// New clinical records: inclusion, surgery and pump, pump visits, assessments and events. Each procedure
// is input, permission, use case, output; the rules live in use-cases/entry/.
import { assessmentInput, cycleInput, eventInput, inclusionInput, surgeryInput } from '@trialdesk/domain';
import { includeParticipant } from '../../use-cases/entry/include-participant.js';
import { recordAssessment } from '../../use-cases/entry/record-assessment.js';
import { recordCycle } from '../../use-cases/entry/record-cycle.js';
import { recordEvent } from '../../use-cases/entry/record-event.js';
import { recordSurgery } from '../../use-cases/entry/record-surgery.js';
import {
  assessmentRecorded,
  cycleRecorded,
  eventRecorded,
  participantIncluded,
  surgeryRecorded,
} from './outputs.js';
import { entryProcedure } from './procedure.js';

export const includeProcedure = entryProcedure('clinical:write')
  .input(inclusionInput)
  .output(participantIncluded)
  .mutation(({ ctx, input }) => includeParticipant(ctx.deps, input));

export const recordSurgeryProcedure = entryProcedure('clinical:write')
  .input(surgeryInput)
  .output(surgeryRecorded)
  .mutation(({ ctx, input }) => recordSurgery(ctx.deps, input));

export const recordCycleProcedure = entryProcedure('clinical:write')
  .input(cycleInput)
  .output(cycleRecorded)
  .mutation(({ ctx, input }) => recordCycle(ctx.deps, input));

export const recordAssessmentProcedure = entryProcedure('clinical:write')
  .input(assessmentInput)
  .output(assessmentRecorded)
  .mutation(({ ctx, input }) => recordAssessment(ctx.deps, input));

export const recordEventProcedure = entryProcedure('clinical:write')
  .input(eventInput)
  .output(eventRecorded)
  .mutation(({ ctx, input }) => recordEvent(ctx.deps, input));
