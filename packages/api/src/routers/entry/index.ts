// Data entry by centre coordinators: screening, inclusion, surgery, pump visits, assessments, events,
// corrections and voids, and the worklist. One file per procedure or small group.
import { router } from '../../trpc.js';
import { recordAssessmentProcedure } from '../../use-cases/entry/record-assessment.js';
import { correctionsRouter } from './corrections.js';
import { recordCycleProcedure } from '../../use-cases/entry/record-cycle.js';
import { recordEventProcedure } from '../../use-cases/entry/record-event.js';
import { includeProcedure } from '../../use-cases/entry/include-participant.js';
import { screeningRouter } from './screening.js';
import { recordSurgeryProcedure } from '../../use-cases/entry/record-surgery.js';
import { worklistProcedure } from './worklist.js';

export const entryRouter = router({
  screening: screeningRouter,
  inclusion: router({ include: includeProcedure }),
  surgery: router({ record: recordSurgeryProcedure }),
  cycles: router({ record: recordCycleProcedure }),
  assessments: router({ record: recordAssessmentProcedure }),
  events: router({ record: recordEventProcedure }),
  corrections: correctionsRouter,
  worklist: router({ get: worklistProcedure }),
});

export { trialSettingsProcedures } from '../trials/set-target.js';
