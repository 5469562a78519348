import { describe, expect, it } from 'vitest';
import { apiErrorData, describeError, errorCode } from './errors';

// The shape the server's errorFormatter gives a TRPCClientError (packages/api/src/trpc.ts).
const apiError = (data: Record<string, unknown>, message = 'Server message.') => ({ message, data });

describe('describeError', () => {
  it('translates a known key, with its parameters', () => {
    const error = apiError({
      code: 'TOO_MANY_REQUESTS',
      httpStatus: 429,
      key: 'auth.rate_limited',
      params: { minutes: 15 },
      fields: null,
    });
    expect(describeError(error, 'en')).toBe('Too many failed logins. Wait 15 minutes and try again.');
    expect(describeError(error, 'nl')).toBe(
      'Te veel mislukte inlogpogingen. Wacht 15 minuten en probeer het opnieuw.',
    );
  });

  it('says "wrong username or password" without telling which', () => {
    const error = apiError({ code: 'UNAUTHORIZED', httpStatus: 401, key: 'auth.invalid_credentials' });
    expect(describeError(error, 'en')).toBe('Wrong username or password.');
  });

  it("uses the server's message for a key it does not know", () => {
    const error = apiError(
      { code: 'BAD_REQUEST', httpStatus: 400, key: 'entry.something_new' },
      'A new rule.',
    );
    expect(describeError(error, 'en')).toBe('A new rule.');
  });

  it("falls back to the code's wording when there is neither key nor message", () => {
    const error = apiError({ code: 'FORBIDDEN', httpStatus: 403, key: null }, '');
    expect(describeError(error, 'nl')).toBe('U heeft hier geen toegang toe.');
  });

  it('calls an error without API data a connection problem', () => {
    expect(describeError(new TypeError('Failed to fetch'), 'en')).toBe(
      'The server cannot be reached. Check the connection and try again.',
    );
  });
});

describe('apiErrorData', () => {
  it('reads code, key, params and fields', () => {
    const data = apiErrorData(
      apiError({
        code: 'BAD_REQUEST',
        httpStatus: 400,
        key: 'input.invalid',
        params: null,
        fields: { date: ['Too early'] },
      }),
    );
    expect(data).toEqual({
      code: 'BAD_REQUEST',
      httpStatus: 400,
      key: 'input.invalid',
      params: null,
      fields: { date: ['Too early'] },
    });
  });

  it('is null for anything that is not an API error', () => {
    expect(apiErrorData(null)).toBeNull();
    expect(apiErrorData('boom')).toBeNull();
    expect(errorCode({ data: { httpStatus: 500 } })).toBeNull();
  });
});
