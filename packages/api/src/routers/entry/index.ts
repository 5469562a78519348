// Data entry by centre coordinators: screening, inclusion, surgery, pump visits, assessments, events,
// corrections and voids, and the worklist. The write procedures call use cases in use-cases/entry/.
import { router } from '../../trpc.js';
import { correctionsRouter } from './corrections.js';
import {
  includeProcedure,
  recordAssessmentProcedure,
  recordCycleProcedure,
  recordEventProcedure,
  recordSurgeryProcedure,
} from './records.js';
import { screeningRouter } from './screening.js';
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
