// Issue 17 (first paint): a trial's overview URL gets the page's headline in the HTML for a signed-in member
// of the trial, in their language, from the API's own answer; everyone else gets the shell as built, the
// same bytes for a trial that does not exist as for one they may not see.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './serve.js';

const SHELL =
  '<!doctype html><html lang="en"><head><title>Trialdesk</title></head>' +
  '<body><div id="root"></div><script type="module" src="/assets/index-A.js"></script></body></html>';

let s: TestServer;
let webDist: string;
beforeAll(async () => {
  webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'trialdesk-web-'));
  fs.writeFileSync(path.join(webDist, 'index.html'), SHELL);
  s = await startServer({ webDist });
});
afterAll(async () => {
  await s.close();
  fs.rmSync(webDist, { recursive: true, force: true });
});

const page = (url: string, headers: Record<string, string> = {}) => fetch(s.url + url, { headers });

/** The inclusion figures as the API answers them to this user. */
async function inclusionOf(cookie: string, trialId = 'pump-iii') {
  const res = await s.query('overview.get', { trialId }, { cookie });
  const body = (await res.json()) as {
    result: { data: { inclusion: { included: number; target: number; percent: number } } };
  };
  return body.result.data.inclusion;
}

describe("the overview's headline in the page", () => {
  it('is sent to a member, with the API’s figures, the trial’s name and the synthetic label', async () => {
    const cookie = await s.login('pi');
    const { included, target, percent } = await inclusionOf(cookie);
    const res = await page('/trials/pump-iii', { cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    // The CSP of every page: no inline script is added.
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('<h1 class="td-pre-title">PUMP-III overview</h1>');
    expect(html).toContain(`>${included} / ${target} (${Math.round(percent)}%)</p>`);
    expect(html).toContain('Synthetic demo data — not real participants');
    expect(html).toContain('Data as of 26 Nov 2026');
    expect(html).toMatch(/<span class="td-pre-name">[^<]{10,}<\/span>/);
    expect(html.match(/<script/g)).toHaveLength(1);
    // A trailing slash is the same page.
    expect(await (await page('/trials/pump-iii/', { cookie })).text()).toBe(html);
  });

  it('is in Dutch for a user who chose Dutch in the app, or whose browser asks for it', async () => {
    const cookie = await s.login('monitor');
    const { included, target } = await inclusionOf(cookie);
    const variants: Record<string, string>[] = [
      { cookie: `${cookie}; trialdesk_lang=nl` },
      { cookie, 'accept-language': 'nl-NL,nl;q=0.9,en;q=0.8' },
    ];
    for (const headers of variants) {
      const html = await (await page('/trials/pump-iii', headers)).text();
      expect(html).toContain('<html lang="nl">');
      expect(html).toContain('<h1 class="td-pre-title">Overzicht PUMP-III</h1>');
      expect(html).toContain(`>${included} / ${target} (`);
      expect(html).toContain('Synthetische demodata — geen echte deelnemers');
      expect(html).toContain('Gegevens per 26 nov 2026');
    }
    const english = await (await page('/trials/pump-iii', { cookie: `${cookie}; trialdesk_lang=en` })).text();
    expect(english).toContain('<html lang="en">');
  });

  it('shows a coordinator of any centre the same headline: the figures are the whole trial’s', async () => {
    const emc = await s.login('coord-emc');
    const avl = await s.login('coord-avl');
    const pi = await s.login('pi');
    const headline = (html: string) => html.slice(html.indexOf('<div id="root">'));
    const [a, b, c] = await Promise.all(
      [emc, avl, pi].map(async (cookie) =>
        headline(await (await page('/trials/pump-iii', { cookie })).text()),
      ),
    );
    expect(a).toContain('td-pre-title');
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it('is not sent without a session, after logout, to a non-member or for a missing trial: the same plain shell', async () => {
    const plain = async (url: string, headers: Record<string, string> = {}) => {
      const res = await page(url, headers);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      return res.text();
    };
    expect(await plain('/trials/pump-iii')).toBe(SHELL);

    const ended = await s.login('steering');
    expect(await plain('/trials/pump-iii', { cookie: ended })).not.toBe(SHELL);
    expect((await s.post('auth.logout', {}, { cookie: ended })).status).toBe(200);
    expect(await plain('/trials/pump-iii', { cookie: ended })).toBe(SHELL);

    const admin = await s.login('admin');
    const outsider = await s.login('coord-ijsselland');
    const me = (await (await s.query('auth.me', undefined, { cookie: outsider })).json()) as {
      result: { data: { id: number } };
    };
    const removed = await s.post(
      'users.removeMembership',
      { userId: me.result.data.id, trialId: 'artery-2' },
      { cookie: admin },
    );
    expect(removed.status).toBe(200);
    // Still a member of PUMP-III (headline), no longer of ARTERY-2 (plain shell, as for no trial at all).
    expect(await plain('/trials/pump-iii', { cookie: outsider })).toContain('td-pre-title');
    const forbidden = await plain('/trials/artery-2', { cookie: outsider });
    const missing = await plain('/trials/no-such-trial', { cookie: outsider });
    expect(forbidden).toBe(SHELL);
    expect(missing).toBe(forbidden);
    // Other pages of a trial are not the overview: the shell as built, cacheable as before.
    const other = await page('/trials/pump-iii/participants', { cookie: outsider });
    expect(other.headers.get('cache-control')).toBe('no-cache');
    expect(await other.text()).toBe(SHELL);
  });
});

describe('a trial name with markup', () => {
  // A server of its own: the name is changed in the database before any overview of it is computed.
  let own: TestServer;
  beforeAll(async () => {
    own = await startServer({ webDist });
  });
  afterAll(() => own.close());

  it('is written as text, never as HTML', async () => {
    const row = await own.row<{ definition: string }>(
      'SELECT definition FROM trials WHERE id = ?',
      'artery-2',
    );
    const definition = JSON.parse(row!.definition) as { title: { en: string; nl: string } };
    const hostile = `<script>alert("x")</script> & 'Trial' <img src=x onerror=alert(1)>`;
    definition.title = { en: hostile, nl: hostile };
    await own.run('UPDATE trials SET definition = ? WHERE id = ?', JSON.stringify(definition), 'artery-2');
    const cookie = await own.login('pi');
    const html = await (await fetch(`${own.url}/trials/artery-2`, { headers: { cookie } })).text();
    expect(html).toContain(
      '<span class="td-pre-name">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Trial&#39; &lt;img src=x onerror=alert(1)&gt;</span>',
    );
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html.match(/<script/g)).toHaveLength(1);
  });
});
