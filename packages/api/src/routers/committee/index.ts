// The steering committee's area: outcomes, safety, CONSORT, data cuts, meeting records, the report and exports.
import { router } from '../../trpc.js';
import { dataCutsRouter } from './data-cuts.js';
import { exportsRouter } from './exports.js';
import { meetingsRouter } from './meetings.js';
import { reportRouter } from './report.js';
import { consortRouter, outcomesRouter, safetyRouter } from './views.js';

export const committeeRouter = router({
  outcomes: outcomesRouter,
  safety: safetyRouter,
  consort: consortRouter,
  dataCuts: dataCutsRouter,
  meetings: meetingsRouter,
  report: reportRouter,
  exports: exportsRouter,
});
