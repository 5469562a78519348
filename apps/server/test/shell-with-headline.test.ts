// The headline goes into the shell as text: '$' sequences in a trial's name are not replacement patterns.
import { describe, expect, it } from 'vitest';
import { shellWithHeadline } from '../src/overview-headline.js';

const shell =
  '<!doctype html><html lang="en"><head><script src="/a.js"></script></head><body><div id="root"></div></body></html>';

describe('shellWithHeadline', () => {
  it.each(["Cost $' study", 'Cost $` study', 'Cost $& study', 'Cost $$ study', 'Cost $1 study'])(
    'keeps %s as written and the shell whole',
    (name) => {
      const page = shellWithHeadline(shell, 'nl', `<h1>${name}</h1>`);
      expect(page).toBe(
        `<!doctype html><html lang="nl"><head><script src="/a.js"></script></head><body><div id="root"><h1>${name}</h1></div></body></html>`,
      );
    },
  );
});
