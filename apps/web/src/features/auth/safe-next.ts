/** Where to go after login: only a path on this site (never another origin, never back to /login). */
export function safeNext(next: string | null): string {
  return next &&
    next.startsWith('/') &&
    !next.startsWith('//') &&
    !next.startsWith('/\\') &&
    !next.startsWith('/login')
    ? next
    : '/';
}
