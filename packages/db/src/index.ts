export * from './database.js';
export { engineOf, lockForWrite } from './engine/locks.js';
export {
  ALL_CENTRES,
  APP_ROLE,
  CENTRE_SETTING,
  NO_CENTRE,
  currentCentreScope,
  runInCentreScope,
  withAllCentres,
} from './engine/centre-scope.js';
export { isStorageFull } from './engine/storage-full.js';
export {
  compiledStatement,
  type CompiledStatement,
  type StatementValue,
} from './engine/compiled-statement.js';
export { inProcessChannel, type ChangeChannel } from './engine/change-channel.js';
export * from './migrate.js';
export * from './schema.js';
export * from './password.js';
export * from './audit/audit-log.js';
export * from './audit/audit-event.js';
export * from './audit/verify-chain.js';
export * from './repositories/trials.js';
export * from './repositories/users.js';
export * from './repositories/memberships.js';
export * from './repositories/sessions.js';
export * from './repositories/api-tokens.js';
export * from './repositories/participants/index.js';
export * from './repositories/overview.js';
export * from './repositories/data-version.js';
export * from './repositories/entry/index.js';
export * from './demo/index.js';
export * from './repositories/committee/index.js';
export * from './backup.js';
export * from './repositories/monitoring/index.js';
export * from './repositories/gcp/index.js';
export * from './repositories/safety/index.js';
export * from './server-lock.js';
export * from './repositories/notifications/index.js';
