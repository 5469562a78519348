// A trial the user is not a member of answers exactly as a trial that does not exist: the same status and
// the same bytes (code, message, key, fields) over HTTP, for every procedure, in both languages, whatever the
// user's role elsewhere. Asked through tRPC's fetch adapter, which formats errors as the server does.
import { findUserByUsername } from '@trialdesk/db';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, SESSION_COOKIE } from '../src/context.js';
import { appRouter } from '../src/root.js';
import type { Meta } from '../src/trpc.js';
import { createHarness, expectCode, type Harness } from './harness.js';

let h: Harness;
/** Session tokens by username. */
const sessions = new Map<string, string>();
beforeAll(async () => {
  h = await createHarness();
  for (const username of ['admin', 'coord-emc', 'pi', 'steering']) {
    const caller = await h.as(username);
    sessions.set(username, caller.jar.get(SESSION_COOKIE) ?? '');
  }
  // Each of these is a member of PUMP-III only.
  const admin = await h.as('admin');
  for (const username of ['coord-emc', 'pi', 'steering']) {
    const user = await findUserByUsername(h.open.db, username);
    await admin.users.removeMembership({ userId: user!.id, trialId: 'artery-2' });
  }
});
afterAll(() => h.close());

interface ProcedureLike {
  _def: { meta?: Meta; type: 'query' | 'mutation' | 'subscription' };
}
const procedures = Object.entries(
  (appRouter._def as unknown as { procedures: Record<string, ProcedureLike> }).procedures,
);
const trialScoped = procedures.filter(
  ([, p]) => p._def.type !== 'subscription' && !['public', 'authenticated'].includes(p._def.meta!.permission),
);

/** One HTTP call as the web app makes it: a query as GET, a mutation as a same-origin JSON POST. */
async function http(
  username: string,
  path: string,
  type: 'query' | 'mutation' | 'subscription',
  input: unknown,
  lang: 'en' | 'nl' = 'en',
): Promise<{ status: number; body: string }> {
  const base = 'http://localhost/trpc/';
  const req =
    type === 'query'
      ? new Request(`${base}${path}?input=${encodeURIComponent(JSON.stringify(input))}`)
      : new Request(`${base}${path}`, {
          method: 'POST',
          body: JSON.stringify(input),
          headers: { 'content-type': 'application/json' },
        });
  const token = sessions.get(username) ?? '';
  const res = await fetchRequestHandler({
    endpoint: '/trpc',
    req,
    router: appRouter,
    createContext: () =>
      createContext({
        db: h.open.db,
        clock: () => h.clock.now,
        live: h.live,
        cookies: { get: (name) => (name === SESSION_COOKIE ? token : undefined), set() {}, clear() {} },
        ip: '127.0.0.1',
        lang,
      }),
  });
  return { status: res.status, body: await res.text() };
}

describe('a trial the user is not a member of', () => {
  for (const username of ['coord-emc', 'pi', 'steering'])
    for (const lang of ['en', 'nl'] as const)
      it.each(trialScoped)(`%s answers ${username} (${lang}) as an unknown trial`, async (path, proc) => {
        const notMember = await http(username, path, proc._def.type, { trialId: 'artery-2' }, lang);
        const unknown = await http(username, path, proc._def.type, { trialId: 'no-such-trial' }, lang);
        expect(notMember.status).toBe(404);
        expect(notMember.body).toBe(unknown.body);
        const parsed = JSON.parse(notMember.body) as { error: { data: { key: string } } };
        expect(parsed.error.data.key).toBe('trial.not_found');
      });

  it('gets byte for byte the answer an administrator gets for a trial that does not exist', async () => {
    for (const path of ['overview.get', 'participants.list', 'trials.get', 'committee.dataCuts.list']) {
      const admin = await http('admin', path, 'query', { trialId: 'no-such-trial' });
      const member = await http('pi', path, 'query', { trialId: 'artery-2' });
      expect(admin.status).toBe(404);
      expect(member).toEqual(admin);
    }
  });

  it('differs from a malformed trial id, which a member and an administrator get refused alike as invalid input', async () => {
    for (const path of ['overview.get', 'committee.outcomes.get']) {
      const admin = await http('admin', path, 'query', { trialId: 'Not A Trial' });
      const member = await http('pi', path, 'query', { trialId: 'Not A Trial' });
      expect(admin.status).toBe(400);
      expect(member).toEqual(admin);
    }
  });

  it('is refused the live stream as an unknown trial', async () => {
    const pi = await h.as('pi');
    const notMember = await expectCode(pi.live.onChange({ trialId: 'artery-2' }), 'NOT_FOUND');
    const unknown = await expectCode(pi.live.onChange({ trialId: 'no-such-trial' }), 'NOT_FOUND');
    expect([notMember.message, notMember.cause]).toEqual([unknown.message, unknown.cause]);
    expect(JSON.stringify(notMember)).toBe(JSON.stringify(unknown));
  });

  it('is left out of the trial list, and the trial it belongs to still answers', async () => {
    const pi = await h.as('pi');
    expect((await pi.trials.list()).map((t) => t.id)).toEqual(['pump-iii']);
    expect((await pi.overview.get({ trialId: 'pump-iii' })).inclusion.included).toBe(45);
  });
});

describe('a query of a trial the user is not a member of (queries.answer/close/reopen carry no trial id)', () => {
  const MISSING = 987654321;
  /** The answer for the query, and for a query id that does not exist (its id written as the query's). */
  async function asked(username: string, path: string, queryId: number, lang: 'en' | 'nl') {
    const text = 'Checked against the source';
    const real = await http(username, path, 'mutation', { queryId, text }, lang);
    const missing = await http(username, path, 'mutation', { queryId: MISSING, text }, lang);
    return { real, missing: { ...missing, body: missing.body.replaceAll(String(MISSING), String(queryId)) } };
  }

  it('answers as a query that does not exist, in the role held elsewhere, and changes nothing', async () => {
    // The monitor is a member of both trials; coord-emc (coordinator at EMC), pi and steering only of PUMP-III.
    const monitor = await h.as('monitor');
    const { queryId } = await monitor.queries.open({
      trialId: 'artery-2',
      studyId: 'ART2-EMC-018',
      text: 'Consent form version?',
    });
    const cases = [
      ['coord-emc', 'queries.answer', 404],
      ['pi', 'queries.close', 404],
      ['pi', 'queries.reopen', 404],
      ['steering', 'queries.answer', 403],
      ['steering', 'queries.close', 403],
    ] as const;
    for (const [username, path, status] of cases)
      for (const lang of ['en', 'nl'] as const) {
        const { real, missing } = await asked(username, path, queryId, lang);
        expect([username, path, real.status]).toEqual([username, path, status]);
        expect(real).toEqual(missing);
      }
    const [query] = await monitor.queries
      .list({ trialId: 'artery-2', studyId: 'ART2-EMC-018' })
      .then((r) => r.queries.filter((q) => q.id === queryId));
    expect(query).toMatchObject({ id: queryId, status: 'open' });
  });

  it("is closed with the role held in the query's trial, not a role held in another trial", async () => {
    // pi-steering is PI of ARTERY-2 (query:open) and on PUMP-III's steering committee (no query:open).
    const monitor = await h.as('monitor');
    const inArtery = await monitor.queries.open({
      trialId: 'artery-2',
      studyId: 'ART2-EMC-018',
      text: 'Visit date?',
    });
    const inPump = await monitor.queries.open({
      trialId: 'pump-iii',
      studyId: 'PUMP3-EMC-001',
      text: 'Dose?',
    });
    const person = await h.as('pi-steering');
    await expectCode(person.queries.close({ queryId: inPump.queryId }), 'FORBIDDEN');
    expect(await person.queries.close({ queryId: inArtery.queryId })).toMatchObject({ status: 'closed' });
  });

  it("is answered by a member of the query's trial with the role held there", async () => {
    const monitor = await h.as('monitor');
    const { queryId } = await monitor.queries.open({
      trialId: 'pump-iii',
      studyId: 'PUMP3-EMC-001',
      text: 'Date of surgery?',
    });
    const coordinator = await h.as('coord-emc');
    expect(await coordinator.queries.answer({ queryId, text: 'As in the operation note' })).toMatchObject({
      queryId,
      status: 'answered',
    });
  });
});
