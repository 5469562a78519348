// The small, typed set of errors procedures throw. Each carries a tRPC code (and so an HTTP status), a
// stable machine key the web app can translate, and, for bad input, messages per field.
import { TRPCError } from '@trpc/server';

export type AppErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'PRECONDITION_FAILED'
  | 'SERVICE_UNAVAILABLE';

export class AppError extends TRPCError {
  readonly key: string;
  readonly fields: Record<string, string[]> | undefined;
  readonly params: Record<string, string | number> | undefined;

  constructor(
    code: AppErrorCode,
    key: string,
    message: string,
    extra: { fields?: Record<string, string[]>; params?: Record<string, string | number> } = {},
  ) {
    super({ code, message });
    this.key = key;
    this.fields = extra.fields;
    this.params = extra.params;
  }
}

export const notLoggedIn = () =>
  new AppError('UNAUTHORIZED', 'auth.required', 'You are not logged in, or your session has ended.');
export const forbidden = () =>
  new AppError('FORBIDDEN', 'auth.forbidden', 'Your role or centre does not allow this.');
/** Stable key: the web app sends the user to /account on it. */
export const passwordChangeRequired = () =>
  new AppError(
    'FORBIDDEN',
    'auth.password_change_required',
    'Change the password an administrator set for you before anything else.',
  );

/** Invalid input found by a rule after zod parsing (e.g. a date before inclusion), for one or more fields. */
export function invalidInput(fields: Record<string, string[]>, key = 'input.invalid'): AppError {
  return new AppError(
    'BAD_REQUEST',
    key,
    'Some values are not valid: ' +
      Object.entries(fields)
        .map(([f, m]) => `${f}: ${m.join('; ')}`)
        .join(' · '),
    { fields },
  );
}
