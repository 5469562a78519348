export { appRouter, createCaller, type AppRouter } from './root.js';
export {
  createContext,
  defaultAuthSettings,
  resolveSession,
  SESSION_COOKIE,
  type AuthSettings,
  type Context,
  type CookieJar,
  type CookieOptions,
  type SessionUser,
} from './context.js';
export { LiveBus, type ChangeNotice } from './live.js';
export { VersionedCache } from './cache.js';
export { AppError } from './errors.js';
export type { Overview } from './reports/build-overview.js';
export type { ParticipantDetail } from './routers/participants/schemas.js';
export { loginInput, newPasswordSchema } from './routers/auth/index.js';
export { sweepAutoQueries } from './use-cases/monitoring/sweep-auto-queries.js';
export { issueApiToken, type IssuedToken } from './use-cases/tokens/issue-token.js';
export { bearerToken, resolveApiToken } from './auth/api-token.js';
export { handleFhir, type FhirDeps, type FhirRequest } from './fhir/handler.js';
export {
  runOdmImport,
  startingMapping,
  parseMapping,
  runCsvImport,
  parseCsvMapping,
  csvColumns,
  startingCsvMapping,
  startingCsvMappingWithProblems,
  csvValueProblems,
  reportCsv,
  MAX_IMPORT_BYTES,
  type CsvPreview,
  type CsvValueProblem,
  type ImportReport,
  type ImportRequest,
} from './import/index.js';
export type { UseCaseDeps, ActingUser } from './use-cases/deps.js';
export { notify, recipientsInTrial, type NotifyRequest } from './use-cases/notifications/notify.js';
export { deliverDueMails, backoffMs, type MailTransport, type DeliveryOptions } from './mail/deliver.js';
export { smtpTransport } from './mail/transport.js';
export { runOverdueDigest, DIGEST_JOB } from './jobs/overdue-digest.js';
export { runSaeDueNotices, SAE_DUE_JOB } from './jobs/sae-due-notices.js';
export { startScheduler, type Scheduler, type SchedulerJob } from './jobs/scheduler.js';
