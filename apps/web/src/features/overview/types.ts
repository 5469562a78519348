import type { RouterOutputs } from '../../lib/trpc';

export type Overview = RouterOutputs['overview']['get'];
export type CentreName = (code: string) => string;
