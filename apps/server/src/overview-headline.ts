// The overview's headline in the shell's HTML (issue 17: first paint). Without it the largest paint of a
// trial's overview waited for the 200+ KB entry script to be fetched, parsed and run, which on a busy
// machine is seconds of CPU. For a signed-in member of the trial the shell now carries the page's
// headline (trial code and name, date of the data, inclusion against target, the synthetic-data banner),
// painted as soon as the HTML and the stylesheet are in; the React page then draws the same words at the
// same size, so no later, larger paint moves the LCP.
//
// The headline comes through the API's own procedures (createCaller: the same session, membership and
// centre checks, and the same cached overview answer: no second computation). Anyone the API would refuse
// (no session, an ended one, a non-member, a missing trial) gets the shell as built, byte for byte. No
// script is added: the CSP is unchanged, and the app fetches its data as before.
import { createCaller, createContext, type CookieJar } from '@trialdesk/api';
import { overviewHeadline, type MessageLang, type OverviewHeadline } from '@trialdesk/domain';
import type { Request } from 'express';
import type { AppDeps } from './app.js';
import { parseCookies } from './cookies.js';
import type { LiveBus, VersionedCache } from '@trialdesk/api';

/** A trial's overview URL: /trials/<id> (the trial's index page). */
const OVERVIEW_PATH = /^\/trials\/([a-z0-9-]{1,64})\/?$/;

/** The language cookie the web app writes when the language is chosen (i18n-context.tsx). */
export const LANG_COOKIE = 'trialdesk_lang';

/** The centre page the web app asks for first (apps/web overview centre-page.ts), so the answers match. */
const FIRST_CENTRE_PAGE = { page: 0, pageSize: 25 };

export function overviewTrialId(urlPath: string): string | null {
  return OVERVIEW_PATH.exec(urlPath)?.[1] ?? null;
}

/** The language the app will show: the one chosen in the app, else the browser's, as the app decides. */
export function shellLang(req: Request): MessageLang {
  const chosen = parseCookies(req.headers.cookie).get(LANG_COOKIE);
  if (chosen === 'en' || chosen === 'nl') return chosen;
  const first = (req.get('accept-language') ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('nl') ? 'nl' : 'en';
}

/** Cookies read from the request; a page load never sets or clears one. */
function readOnlyJar(req: Request): CookieJar {
  const cookies = parseCookies(req.headers.cookie);
  return { get: (name) => cookies.get(name), set: () => undefined, clear: () => undefined };
}

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);
}

type HeadlineDeps = Pick<AppDeps, 'db' | 'clock' | 'auth' | 'mailDelivery'> & {
  live: LiveBus;
  cache: VersionedCache;
};

/** The headline's texts for this request, or null when the API would not show this user the overview. */
export async function headlineFor(
  deps: HeadlineDeps,
  req: Request,
  trialId: string,
): Promise<{ lang: MessageLang; headline: OverviewHeadline } | null> {
  const lang = shellLang(req);
  const ctx = await createContext({
    db: deps.db,
    clock: deps.clock,
    live: deps.live,
    cache: deps.cache,
    auth: deps.auth,
    cookies: readOnlyJar(req),
    ip: req.ip ?? null,
    userAgent: req.get('user-agent') ?? null,
    lang,
    // A session only: an API token is for programs, which do not load pages.
    authorization: null,
    mailDelivery: deps.mailDelivery ?? 'outbox',
  });
  if (!ctx.user) return null;
  const api = createCaller(ctx);
  try {
    const [overview, trials] = await Promise.all([
      api.overview.get({ trialId, centrePage: FIRST_CENTRE_PAGE }),
      api.trials.list(),
    ]);
    const trial = trials.find((t) => t.id === trialId);
    if (!trial) return null;
    const { inclusion } = overview;
    const headline = overviewHeadline(
      {
        code: overview.trial.code,
        name: overview.trial.title[lang],
        asOf: overview.asOf,
        included: inclusion.included,
        target: inclusion.target,
        percent: inclusion.percent,
        synthetic: trial.synthetic,
      },
      lang,
    );
    return { lang, headline };
  } catch (error) {
    // Refused, missing or failed: the plain shell; the app then shows the API's own answer.
    const code = (error as { code?: unknown }).code;
    if (code !== 'UNAUTHORIZED' && code !== 'FORBIDDEN' && code !== 'NOT_FOUND' && code !== 'BAD_REQUEST')
      console.error('[shell] overview headline:', error);
    return null;
  }
}

/**
 * The headline as HTML, laid out like the app's page (header, navigation column, banner, page header and
 * the inclusion figure) with the classes of the app's global stylesheet, so that it stands where the React
 * page will draw the same words. Every text is escaped.
 */
export function headlineHtml({ headline: h }: { headline: OverviewHeadline }): string {
  const banner = h.synthetic
    ? `<div class="td-pre-banner" role="note"><strong>${escapeHtml(h.synthetic.banner)}</strong>` +
      `<span class="td-pre-banner-detail">${escapeHtml(h.synthetic.detail)}</span></div>`
    : '';
  return (
    `<div class="td-pre" data-prepainted="overview">` +
    `<header class="td-pre-header"><span class="td-pre-logo"></span><span class="td-pre-brand">Trialdesk</span></header>` +
    `<nav class="td-pre-nav" aria-hidden="true"></nav>` +
    `<main class="td-pre-main">${banner}<div class="td-pre-page">` +
    `<h1 class="td-pre-title">${escapeHtml(h.title)}</h1>` +
    `<p class="td-pre-subtitle"><span class="td-pre-name">${escapeHtml(h.name)}</span>` +
    `<span class="td-pre-asof">${escapeHtml(h.asOf)}</span></p>` +
    `<section class="td-pre-figure"><h2>${escapeHtml(h.inclusionTitle)}</h2>` +
    `<p class="tabular" data-testid="prepainted-inclusion">${escapeHtml(h.inclusionValue)}</p></section>` +
    `</div></main></div>`
  );
}

/** The shell with the headline inside the app's root element and the page's language on <html>. */
export function shellWithHeadline(shell: string, lang: MessageLang, headline: string): string {
  return (
    shell
      .replace(/<html([^>]*?)\slang="[^"]*"/, (_all, attrs: string) => `<html${attrs} lang="${lang}"`)
      // A function, not a string: a replacement string expands $&, $` and $' (a trial named "Cost $' study"
      // would copy the rest of the shell into the root).
      .replace('<div id="root"></div>', () => `<div id="root">${headline}</div>`)
  );
}
