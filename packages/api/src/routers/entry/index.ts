// Data entry by centre coordinators: screening, inclusion, surgery, pump visits, assessments, events,
// corrections and voids, and the worklist. One file per procedure or small group.
import { router } from '../../trpc.js';
import { recordAssessmentProcedure } from './assessments.js';
import { correctionsRouter } from './corrections.js';
import { recordCycleProcedure } from './cycles.js';
import { recordEventProcedure } from './events.js';
import { includeProcedure } from './inclusion.js';
import { screeningRouter } from './screening.js';
import { recordSurgeryProcedure } from './surgery.js';
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

export { trialSettingsProcedures } from './trial-settings.js';
