// The system as an actor: the scheduled sweeps and the rules that act inside a user's write (automatic
// queries, automatic deviations) name it the same way, from one place both can import.

/** Who the system's steps are shown as. */
export const SYSTEM_NAME = 'Trialdesk';

/** The scheduled sweep acts for nobody: only a clock. */
export interface SweepDeps {
  clock: () => Date;
}
