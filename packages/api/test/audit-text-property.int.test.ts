// Arbitrary text (any code point, lone surrogates, controls, bidi overrides) through every audited write
// procedure, with the audit chain verified after each call: a user can send nothing that breaks the chain.
// Text that is not well-formed Unicode is refused with a 400 wherever it is; text that passes the policy is
// stored NFC-normalised, and the audit row's reason is exactly the stored text.
import { isWellFormedText } from '@trialdesk/domain';
import { DEMO_PASSWORD, verifyAuditChain } from '@trialdesk/db';
import { TRPCError } from '@trpc/server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../src/root.js';
import { signIn } from './auth-helpers.js';
import { arteryInclusion } from './entry-helpers.js';
import { createHarness, type Harness } from './harness.js';
import { lastAudit } from './audit-helpers.js';
import { fixture, fixtureJson } from './import-helpers.js';

const NUM_RUNS = 12;
type Caller = Awaited<ReturnType<typeof signIn>>;

let h: Harness;
let admin: Caller;
let coord: Caller;
let pi: Caller;
let monitor: Caller;
/** An account of its own for the password resets and deactivations (not the monitor, who writes queries). */
let spareId: number;
let n = 0;
let openSlots: { studyId: string; month: number }[] = [];
beforeAll(async () => {
  h = await createHarness();
  admin = await signIn(h, 'admin');
  coord = await signIn(h, 'coord-emc');
  pi = await signIn(h, 'pi');
  monitor = await signIn(h, 'monitor');
  spareId = (
    await admin.users.create({
      username: 'spare-account',
      displayName: 'Spare account',
      role: 'monitor',
      password: 'a-long-spare-password',
    })
  ).id;
  const work = await admin.entry.worklist.get({ trialId: 'artery-2' });
  openSlots = work.trials.flatMap((t) =>
    [...t.assessments.overdue, ...t.assessments.dueThisMonth]
      .filter((s) => s.windowStart <= '2026-11-26')
      .map((s) => ({ studyId: s.studyId, month: s.month })),
  );
});
afterAll(() => h.close());

/** A new ARTERY-2 participant at Erasmus MC with surgery and a pump, for writes that need a fresh record. */
async function freshParticipant(): Promise<string> {
  const def = await admin.trials.get({ trialId: 'artery-2' });
  const list = await admin.participants.list({ trialId: 'artery-2', pageSize: 1 });
  if (list.total >= def.definition.target)
    await admin.trials.setTarget({
      trialId: 'artery-2',
      target: list.total + 5,
      reason: 'Room for the test',
    });
  const { studyId } = await coord.entry.inclusion.include(arteryInclusion());
  await coord.entry.surgery.record({
    trialId: 'artery-2',
    studyId,
    surgeryDate: '2026-11-25',
    pump: { placed: true, date: '2026-11-25' },
  });
  return studyId;
}

/** A query on an ARTERY-2 participant at Erasmus MC (the coordinator's centre), with valid text. */
async function aQuery(): Promise<number> {
  const { queryId } = await monitor.queries.open({
    trialId: 'artery-2',
    studyId: 'ART2-EMC-022',
    text: 'Please check the consent form version',
  });
  return queryId;
}

/** A fresh complication at Erasmus MC (ARTERY-2), to be reported as an SAE once. */
async function aComplication(): Promise<{ studyId: string; eventId: number }> {
  const studyId = await freshParticipant();
  const { id } = await coord.entry.events.record({
    trialId: 'artery-2',
    studyId,
    event: {
      type: 'complication',
      date: '2026-11-26',
      term: 'Arterial thrombosis',
      category: 'pump',
      gradeScale: 'ctcae',
      grade: '3',
      haipRelated: true,
    },
  });
  return { studyId, eventId: id };
}

function saeReport(studyId: string, eventId: number, description: string, susar = false) {
  return {
    trialId: 'artery-2',
    studyId,
    eventId,
    criteria: ['hospitalisation' as const],
    assessments: [
      { intervention: 'fudr', causality: 'possible' as const, expected: !susar },
      { intervention: 'pump', causality: 'not_related' as const, expected: null },
    ],
    awareAt: '2026-11-26T09:00',
    description,
  };
}

/** A newly reported SAE (a SUSAR if asked) with valid text. */
async function anSae(susar = false): Promise<number> {
  const { studyId, eventId } = await aComplication();
  return (await coord.safety.reportSae(saeReport(studyId, eventId, 'Admitted for thrombolysis', susar)))
    .saeId;
}

/**
 * The Castor sample named `fileName`; with `fresh`, its subjects renamed so that a commit creates three new
 * PUMP-III participants (after making room under the target), instead of finding them imported already.
 */
async function castorUpload(fileName: string, fresh = false) {
  let xml = fixture('castor-pump3.odm.xml').toString('utf8');
  if (fresh) {
    const k = (n += 1);
    xml = xml.replace(/SubjectKey="(\d+)"/g, (_m, key: string) => `SubjectKey="${key}-${k}"`);
    const def = await admin.trials.get({ trialId: 'pump-iii' });
    const list = await admin.participants.list({ trialId: 'pump-iii', pageSize: 1 });
    if (list.total + 3 > def.definition.target)
      await admin.trials.setTarget({
        trialId: 'pump-iii',
        target: list.total + 3,
        reason: 'Room for the import',
      });
  }
  return {
    trialId: 'pump-iii',
    format: 'odm' as const,
    fileName,
    content: Buffer.from(xml, 'utf8').toString('base64'),
    mapping: fixtureJson('castor-pump3.mapping.json') as never,
  };
}

/** Each audited write with `text` in every text field it takes. `reason`: the audit row keeps the text. */
const writes: Record<string, { reason?: string; call: (text: string) => Promise<unknown> }> = {
  'auth.login': {
    call: async (t) =>
      (await h.caller(undefined, `10.9.${n % 250}.${(n += 1) % 250}`)).auth.login({
        username: t,
        password: t,
      }),
  },
  'auth.changePassword': {
    // A wrong current password is audited (and counted: after five, 429 without checking).
    call: (t) => pi.auth.changePassword({ currentPassword: t, newPassword: `${t}-and-twelve-more` }),
  },
  'users.create': {
    call: (t) =>
      admin.users.create({
        username: `u-${(n += 1)}`,
        displayName: t,
        role: 'monitor',
        password: `${t}-long-password`,
      }),
  },
  'users.update': { call: (t) => admin.users.update({ userId: 2, displayName: t }) },
  // The label of a personal API token is kept in the token and its audit row.
  'tokens.create': { call: (t) => monitor.tokens.create({ label: t }) },
  'users.setEmail': { call: (t) => admin.users.setEmail({ userId: spareId, email: t }) },
  'notifications.saveSettings': {
    call: (t) => pi.notifications.saveSettings({ email: t, lang: 'nl', mailOff: ['query.opened'] }),
  },
  'users.resetPassword': {
    call: (t) => admin.users.resetPassword({ userId: spareId, newPassword: `${t}-long-password` }),
  },
  'users.setMembership': {
    // No free text: the text goes in as the coordinator's centre code.
    call: (t) =>
      admin.users.setMembership({ userId: spareId, trialId: 'artery-2', role: 'coordinator', centre: t }),
  },
  'locks.lock': {
    // Lifted again at once, so that the other writes of the run are not refused by it.
    call: async (t) => {
      const lock = await admin.locks.lock({ trialId: 'artery-2', studyId: 'ART2-AVL-014', reason: t });
      await admin.locks.unlock({ lockId: lock.lockId, reason: 'Lifted by the test' });
      return lock;
    },
  },
  'locks.unlock': {
    call: async (t) => {
      const { lockId } = await admin.locks.lock({
        trialId: 'artery-2',
        studyId: 'ART2-AVL-014',
        reason: 'Locked by the test',
      });
      return admin.locks
        .unlock({ lockId, reason: t })
        .finally(() => admin.locks.unlock({ lockId, reason: 'Lifted by the test' }).catch(() => null));
    },
  },
  'signatures.signCasebook': {
    // The text is the password re-entered to sign (checked, never stored).
    call: (t) => pi.signatures.signCasebook({ trialId: 'artery-2', studyId: 'ART2-EMC-022', password: t }),
  },
  'committee.meetings.record': {
    call: async (t) =>
      pi.committee.meetings.record({
        trialId: 'artery-2',
        meetingDate: '2026-11-20',
        attendees: [t],
        cutId: await aCut(),
        recommendation: 'continue',
        minutes: t,
      }),
  },
  'committee.meetings.sign': {
    // The text is the chair's password (checked, never stored); no such meeting, so always refused.
    call: (t) => pi.committee.meetings.sign({ trialId: 'artery-2', meetingId: 999_999, password: t }),
  },
  'trials.setTarget': {
    reason: 'trial.settings_changed',
    call: async (t) => {
      const def = await admin.trials.get({ trialId: 'pump-iii' });
      return admin.trials.setTarget({ trialId: 'pump-iii', target: def.definition.target + 1, reason: t });
    },
  },
  'trials.setOutcomeVisibility': {
    reason: 'trial.settings_changed',
    call: async (t) => {
      // Flip the monitor in or out, so that every call is a change.
      const def = await admin.trials.get({ trialId: 'artery-2' });
      const roles = def.definition.outcomeVisibility.rolesBeforePrimaryAnalysis;
      return admin.trials.setOutcomeVisibility({
        trialId: 'artery-2',
        rolesBeforePrimaryAnalysis: roles.includes('monitor')
          ? roles.filter((r) => r !== 'monitor')
          : [...roles, 'monitor'],
        primaryAnalysisReleased: null,
        reason: t,
      });
    },
  },
  'queries.open': {
    call: (t) => monitor.queries.open({ trialId: 'artery-2', studyId: 'ART2-EMC-022', text: t }),
  },
  'queries.answer': {
    call: async (t) => coord.queries.answer({ queryId: await aQuery(), text: t }),
  },
  'queries.close': {
    call: async (t) => monitor.queries.close({ queryId: await aQuery(), text: t }),
  },
  'queries.reopen': {
    call: async (t) => {
      const queryId = await aQuery();
      await coord.queries.answer({ queryId, text: 'Version 3 was signed' });
      return monitor.queries.reopen({ queryId, text: t });
    },
  },
  'sdv.verify': {
    // No free text: the text goes in as the field name (refused unless it is one of the record's fields).
    call: (t) =>
      monitor.sdv.verify({
        trialId: 'artery-2',
        studyId: 'ART2-EMC-022',
        recordType: 'participant',
        field: t,
      }),
  },
  'safety.reportSae': {
    call: async (t) => {
      const { studyId, eventId } = await aComplication();
      return coord.safety.reportSae(saeReport(studyId, eventId, t));
    },
  },
  'safety.addFollowUp': {
    call: async (t) => coord.safety.addFollowUp({ trialId: 'artery-2', saeId: await anSae(), text: t }),
  },
  'safety.review': {
    call: async (t) => pi.safety.review({ trialId: 'artery-2', saeId: await anSae(), comment: t }),
  },
  'safety.reportSusar': {
    call: async (t) => pi.safety.reportSusar({ trialId: 'artery-2', saeId: await anSae(true), reference: t }),
  },
  'deviations.record': {
    call: (t) =>
      coord.deviations.record({
        trialId: 'artery-2',
        studyId: 'ART2-EMC-022',
        category: 'procedure',
        severity: 'minor',
        description: t,
        date: '2026-11-20',
        correctiveAction: t,
      }),
  },
  'audit.exportCsv': {
    call: (t) => admin.audit.exportCsv({ participant: t, username: t, trialId: t }),
  },
  'committee.dataCuts.create': {
    call: (t) =>
      admin.committee.dataCuts.create({ trialId: 'artery-2', label: `${t} ${(n += 1)}`, asOf: '2026-11-01' }),
  },
  'entry.screening.record': {
    call: (t) =>
      coord.entry.screening.record({
        trialId: 'artery-2',
        screeningDate: '2026-11-20',
        outcome: 'other',
        reason: t,
      }),
  },
  'entry.inclusion.include': {
    // No free text: the text goes in as a criterion id, a key of the answers.
    call: (t) => {
      const base = arteryInclusion();
      return coord.entry.inclusion.include({ ...base, answers: { ...base.answers, [t]: true } });
    },
  },
  'entry.surgery.record': {
    call: async (t) => {
      const def = await admin.trials.get({ trialId: 'artery-2' });
      const list = await admin.participants.list({ trialId: 'artery-2', pageSize: 1 });
      if (list.total >= def.definition.target)
        await admin.trials.setTarget({
          trialId: 'artery-2',
          target: list.total + 5,
          reason: 'Room for the test',
        });
      const { studyId } = await coord.entry.inclusion.include(arteryInclusion());
      return coord.entry.surgery.record({
        trialId: 'artery-2',
        studyId,
        surgeryDate: '2026-11-25',
        pump: { placed: false, reason: t },
      });
    },
  },
  'entry.cycles.record': {
    call: async (t) =>
      coord.entry.cycles.record({
        trialId: 'artery-2',
        studyId: await freshParticipant(),
        cycle: 1,
        cycleDate: '2026-11-26',
        doseMg: 30,
        modification: 'reduced',
        modificationReason: t,
      }),
  },
  'entry.assessments.record': {
    call: (t) => {
      const slot = openSlots.shift() ?? { studyId: 'ART2-EMC-002', month: 12 };
      return admin.entry.assessments.record({
        trialId: 'artery-2',
        ...slot,
        result: { status: 'missed', reason: t },
      });
    },
  },
  'entry.events.record': {
    call: async (t) => {
      const studyId = await freshParticipant();
      const complication = {
        type: 'complication',
        date: '2026-11-26',
        term: t,
        category: 'other',
        gradeScale: 'ctcae',
        grade: t,
        haipRelated: false,
      } as const;
      await coord.entry.events
        .record({ trialId: 'artery-2', studyId, event: complication })
        .catch(() => null);
      return coord.entry.events.record({
        trialId: 'artery-2',
        studyId,
        event: { type: 'withdrawal', date: '2026-11-26', reason: t },
      });
    },
  },
  'entry.corrections.correct': {
    reason: 'record.corrected',
    call: async (t) => {
      const studyId = await freshParticipant();
      const ev = await coord.entry.events.record({
        trialId: 'artery-2',
        studyId,
        event: {
          type: 'complication',
          date: '2026-11-26',
          term: 'Bile leak',
          category: 'surgical',
          gradeScale: 'ctcae',
          grade: '2',
          haipRelated: false,
        },
      });
      return coord.entry.corrections.correct({
        trialId: 'artery-2',
        target: { record: 'event', id: ev.id, changes: { complicationTerm: t } },
        reason: t,
      });
    },
  },
  // The file name is the text: kept (printable, bounded) in the import's audit entry and reasons.
  'imports.startingMapping': {
    call: async (t) => {
      const { mapping: _m, ...file } = await castorUpload(t);
      return admin.imports.startingMapping(file);
    },
  },
  'imports.csvPreview': {
    call: (t) =>
      admin.imports.csvPreview({
        trialId: 'pump-iii',
        fileName: t,
        content: Buffer.from('Participant Id;Site\nPUMP-001;Erasmus MC\n').toString('base64'),
      }),
  },
  'imports.dryRun': { call: async (t) => admin.imports.dryRun(await castorUpload(t)) },
  'imports.commit': {
    // Accepted text must mean a written import, not a refused one.
    call: async (t) => {
      const done = await admin.imports.commit(await castorUpload(t, true));
      expect(done.report.committed).toBe(true);
      return done;
    },
  },
  'entry.corrections.void': {
    reason: 'record.voided',
    call: async (t) =>
      coord.entry.corrections.void({
        trialId: 'artery-2',
        target: { record: 'participant', studyId: await freshParticipant() },
        reason: t,
      }),
  },
};

/** Audited writes that take no text at all (ids, enums, numbers): called once, with the chain checked. */
const textFree: Record<string, () => Promise<unknown>> = {
  'auth.logout': async () => (await signIn(h, 'steering')).auth.logout(),
  'notifications.markRead': () => pi.notifications.markRead({}),
  'users.deactivate': () => admin.users.deactivate({ userId: spareId }),
  'tokens.revoke': async () =>
    admin.tokens.revoke({ tokenId: (await monitor.tokens.create({ label: 'To be revoked' })).id }),
  'users.reactivate': () => admin.users.reactivate({ userId: spareId }),
  // Signed by the ARTERY-2 PI of another account: the PI's own account is at its failure limit by now.
  'signatures.signDataCut': async () =>
    (await signIn(h, 'pi-steering')).signatures.signDataCut({
      trialId: 'artery-2',
      cutId: await aCut(),
      password: DEMO_PASSWORD,
    }),
  'users.removeMembership': async () => {
    await admin.users.setMembership({ userId: spareId, trialId: 'pump-iii', role: 'monitor' });
    return admin.users.removeMembership({ userId: spareId, trialId: 'pump-iii' });
  },
  'committee.report.pdf': () => pi.committee.report.pdf({ trialId: 'artery-2' }),
  'committee.exports.csv': async () => pi.committee.exports.csv({ trialId: 'artery-2', cutId: await aCut() }),
  'committee.exports.odm': async () => pi.committee.exports.odm({ trialId: 'artery-2', cutId: await aCut() }),
  'committee.exports.fhir': async () =>
    pi.committee.exports.fhir({ trialId: 'artery-2', cutId: await aCut() }),
};

let cutId: number | undefined;
async function aCut(): Promise<number> {
  cutId ??= (
    await pi.committee.dataCuts.create({ trialId: 'artery-2', label: 'Export cut', asOf: '2026-11-01' })
  ).id;
  return cutId;
}

const mutations = Object.entries(
  (appRouter._def as unknown as { procedures: Record<string, { _def: { type: string } }> }).procedures,
)
  .filter(([, p]) => p._def.type === 'mutation')
  .map(([path]) => path);

/** Any code point, lone surrogates of both halves, C0/C1 controls, DEL and bidi overrides, mixed in. */
const hostileUnit = fc.constantFrom(
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u202e',
  '\u2066',
  '\u2028',
  'e\u0301',
  'A',
  ' ',
  '\t',
  '\n',
);
const text = fc.oneof(
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 3, maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 3, maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: hostileUnit, minLength: 1, maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.string({ unit: 'grapheme', maxLength: 10 }), fc.constantFrom('\ud800', '\udfff'))
      .map(([a, b]) => `typo ${a}${b} fixed`),
  },
  { weight: 1, arbitrary: fc.constantFrom('Patiënt verzocht', 'Café', 'Cafe\u0301 met naam', 'Bile leak') },
);

const tally: Record<string, { accepted: number; refused: number }> = {};

async function callAndVerify(path: string, t: string, call: () => Promise<unknown>, reasonAction?: string) {
  const entry = (tally[path] ??= { accepted: 0, refused: 0 });
  let outcome: 'ok' | TRPCError['code'] = 'ok';
  await call().catch((e: unknown) => {
    expect(e, String(e)).toBeInstanceOf(TRPCError);
    outcome = (e as TRPCError).code;
  });
  expect(outcome, `${path} with ${JSON.stringify(t)}`).not.toBe('INTERNAL_SERVER_ERROR');
  if (!isWellFormedText(t)) expect(outcome, `${path} with ${JSON.stringify(t)}`).toBe('BAD_REQUEST');
  if (outcome === 'ok') {
    entry.accepted += 1;
    if (reasonAction) expect((await lastAudit(h, reasonAction)).reason).toBe(t.normalize('NFC').trim());
  } else entry.refused += 1;
  const chain = await verifyAuditChain(h.open.db);
  expect(chain, `${path} with ${JSON.stringify(t)}`).toMatchObject({ ok: true });
}

describe('every audited write keeps the chain verifiable', () => {
  it('covers every mutation of the API', () => {
    // The list is read from the router, so a new mutation fails here until it has a row above.
    expect(mutations.length).toBeGreaterThan(25);
    expect([...Object.keys(writes), ...Object.keys(textFree)].sort()).toEqual(mutations.sort());
  });

  it('after arbitrary text in every text field', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        for (const [path, w] of Object.entries(writes))
          await callAndVerify(path, t, () => w.call(t), w.reason);
      }),
      {
        numRuns: NUM_RUNS,
        // The outside probe's inputs, always tried first.
        examples: [
          ['typo \ud800 fixed'],
          ['\udfff'],
          ['nul\u0000 bel\u0007 esc\u001b[31m c1\u0085'],
          ['Cafe\u0301'],
        ],
      },
    );
    for (const [path, call] of Object.entries(textFree)) await callAndVerify(path, 'x', call);
    // The text-free writes were made, not refused (each is the PI's or the administrator's own to make).
    for (const path of Object.keys(textFree)) expect(tally[path], path).toEqual({ accepted: 1, refused: 0 });
    console.info(JSON.stringify(tally));
    // Valid text reaches the audit trail through each write that keeps text (not only refusals).
    for (const path of [
      'trials.setTarget',
      'entry.corrections.correct',
      'entry.corrections.void',
      'entry.screening.record',
      'users.update',
      'tokens.create',
      'audit.exportCsv',
      'trials.setOutcomeVisibility',
      'queries.open',
      'queries.answer',
      'queries.close',
      'queries.reopen',
      'safety.reportSae',
      'safety.addFollowUp',
      'deviations.record',
      'imports.commit',
    ])
      expect(tally[path]?.accepted, path).toBeGreaterThan(0);
  });
});
