import { initial } from './001-initial.js';
import { dataCuts } from './003-data-cuts.js';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/** Numbered, forward-only. Never edit a migration that has shipped: add the next one. */
export const migrations: readonly Migration[] = [
  { id: 1, name: '001-initial', sql: initial },
  { id: 3, name: '003-data-cuts', sql: dataCuts },
];
