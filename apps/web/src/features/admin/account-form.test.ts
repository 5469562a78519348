import { describe, expect, it } from 'vitest';
import { checkAccount, serverFieldProblems } from './account-form';

describe('checkAccount', () => {
  const good = {
    username: 'New.Coord',
    displayName: 'New coordinator',
    role: 'coordinator' as const,
    centre: 'EMC',
    password: 'twelve-chars',
    confirm: 'twelve-chars',
  };

  it('accepts a valid coordinator', () => {
    expect(checkAccount(good)).toEqual({});
  });

  it('names each problem by field, with the server rules', () => {
    expect(
      checkAccount({ ...good, username: 'a b', displayName: '  ', centre: null, password: 'eleven-char' }),
    ).toEqual({
      username: 'usernameFormat',
      displayName: 'displayNameRequired',
      centre: 'centreRequired',
      password: 'passwordTooShort',
    });
    expect(checkAccount({ role: 'pi', centre: 'EMC' })).toEqual({ centre: 'centreNotAllowed' });
    expect(checkAccount({ password: 'x'.repeat(201) })).toEqual({ password: 'passwordTooLong' });
    expect(checkAccount({ password: 'twelve-chars', confirm: 'twelve-chars!' })).toEqual({
      confirm: 'passwordMismatch',
    });
    expect(checkAccount({ displayName: 'x'.repeat(101) })).toEqual({ displayName: 'displayNameTooLong' });
  });
});

describe('serverFieldProblems', () => {
  it('maps known keys onto fields and keeps other field messages in the server words', () => {
    const data = {
      code: 'BAD_REQUEST',
      httpStatus: 400,
      key: 'user.username_taken',
      params: null,
      fields: { username: ['This username is taken'], newPassword: ['Use at least 12 characters'] },
    };
    expect(serverFieldProblems(data)).toEqual({
      problems: { username: 'usernameTaken' },
      messages: { password: 'Use at least 12 characters' },
    });
    expect(serverFieldProblems(null)).toEqual({ problems: {}, messages: {} });
  });
});
