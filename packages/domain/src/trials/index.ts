import { parseTrialDefinition, type TrialDefinition } from '../trial-definition.js';
import { artery2 } from './artery-2.js';
import { pumpIII } from './pump-iii.js';

/** The trial definitions this build ships with, validated. */
export const builtInTrials: readonly TrialDefinition[] = [
  parseTrialDefinition(pumpIII),
  parseTrialDefinition(artery2),
];

export function builtInTrial(id: string): TrialDefinition {
  const def = builtInTrials.find((t) => t.id === id);
  if (!def) throw new Error(`Unknown built-in trial: ${id}`);
  return def;
}

export { artery2, pumpIII };
