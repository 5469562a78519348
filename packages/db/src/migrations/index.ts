import { initial } from './001-initial.js';
import { entry } from './002-entry.js';
import { dataCuts } from './003-data-cuts.js';
import { overviewIndexes } from './004-overview-indexes.js';
import { auditTrialIndex } from './005-audit-trial-index.js';
import { screeningCounters } from './006-screening-counters.js';
import { mustChangePassword } from './007-must-change-password.js';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/** Numbered, forward-only. Never edit a migration that has shipped: add the next one. */
export const migrations: readonly Migration[] = [
  { id: 1, name: '001-initial', sql: initial },
  { id: 2, name: '002-entry', sql: entry },
  { id: 3, name: '003-data-cuts', sql: dataCuts },
  { id: 4, name: '004-overview-indexes', sql: overviewIndexes },
  { id: 5, name: '005-audit-trial-index', sql: auditTrialIndex },
  { id: 6, name: '006-screening-counters', sql: screeningCounters },
  { id: 7, name: '007-must-change-password', sql: mustChangePassword },
];
