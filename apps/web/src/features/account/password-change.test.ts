import { MIN_PASSWORD_LENGTH } from '@trialdesk/domain';
import { describe, expect, it } from 'vitest';
import { checkPasswordChange, serverPasswordField } from './password-change';

const ok = 'x'.repeat(MIN_PASSWORD_LENGTH);

describe('checkPasswordChange', () => {
  it('accepts a valid change', () => {
    expect(checkPasswordChange({ currentPassword: 'old', newPassword: ok, repeatPassword: ok })).toEqual({});
  });
  it('names each wrong field', () => {
    expect(checkPasswordChange({ currentPassword: '', newPassword: 'short', repeatPassword: '' })).toEqual({
      currentPassword: 'currentRequired',
      newPassword: 'passwordTooShort',
    });
    expect(checkPasswordChange({ currentPassword: ok, newPassword: ok, repeatPassword: ok })).toEqual({
      newPassword: 'samePassword',
    });
    expect(checkPasswordChange({ currentPassword: 'a', newPassword: ok, repeatPassword: `${ok}y` })).toEqual({
      repeatPassword: 'passwordMismatch',
    });
    expect(
      checkPasswordChange({ currentPassword: 'a', newPassword: 'y'.repeat(201), repeatPassword: '' }),
    ).toEqual({ newPassword: 'passwordTooLong' });
  });
});

describe('serverPasswordField', () => {
  const data = (key: string | null, fields: Record<string, string[]> | null = null) => ({
    code: 'BAD_REQUEST',
    httpStatus: 400,
    key,
    params: null,
    fields,
  });
  it('puts the server refusals on their fields', () => {
    expect(serverPasswordField(data('auth.wrong_current_password'))).toBe('currentPassword');
    expect(serverPasswordField(data('auth.same_password'))).toBe('newPassword');
    expect(serverPasswordField(data('input.invalid', { newPassword: ['Use at least 12 characters'] }))).toBe(
      'newPassword',
    );
    expect(serverPasswordField(data('auth.rate_limited'))).toBeNull();
    expect(serverPasswordField(null)).toBeNull();
  });
});
