import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

describe('safeNext', () => {
  it('follows a path on this site', () => {
    expect(safeNext('/trials/pump-iii/participants?centre=AVL')).toBe(
      '/trials/pump-iii/participants?centre=AVL',
    );
  });

  it('refuses other origins, protocol-relative and backslash tricks', () => {
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('//evil.example/')).toBe('/');
    expect(safeNext('/\\evil.example/')).toBe('/');
  });

  it('does not loop back to the login page, and defaults to /', () => {
    expect(safeNext('/login?next=/x')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
