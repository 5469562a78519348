// What a casebook signature is bound to: see packages/db/src/repositories/gcp/casebook-hash.ts (in the data
// layer, so that the demo signs casebooks with the very same hash).
export { casebookContent, casebookHash } from '@trialdesk/db';
