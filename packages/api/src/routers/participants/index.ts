// Participant-level reads ('participant:read'): the list and one participant's page, one file each.
import { router } from '../../trpc.js';
import { getParticipantProcedure } from './get.js';
import { listParticipantsProcedure } from './list.js';

export const participantsRouter = router({
  list: listParticipantsProcedure,
  get: getParticipantProcedure,
});
