import type { RouterOutputs } from '../../lib/trpc';

export type ParticipantDetail = RouterOutputs['participants']['get'];
export type Voided = { at: string; reason: string | null } | null;
