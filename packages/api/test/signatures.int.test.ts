// Electronic signatures: the PI re-enters the password (a wrong one is refused, audited and counted by the
// login limit), the signature keeps the meaning, the signer, the moment and a SHA-256 of the exact data;
// a later correction makes it "no longer valid" until signed again; signatures are never changed or deleted.
import { DEMO_PASSWORD } from '@trialdesk/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asDutch } from './entry-helpers.js';
import { createHarness, expectCode, type Harness } from './harness.js';

const trialId = 'artery-2';
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function cycleOf(studyId: string, cycle: number) {
  const row = await h.row<{ id: number }>(
    `SELECT c.id FROM treatment_cycles c JOIN participants p ON p.id = c.participant_id
     WHERE p.study_id = ? AND c.cycle = ? AND c.voided_at IS NULL`,
    studyId,
    cycle,
  );
  return Number(row!.id);
}

describe('signing a casebook', () => {
  it('binds the signature to the data: valid until a correction, then valid again once re-signed', async () => {
    const pi = await h.as('pi');
    const s = await pi.signatures.signCasebook({ trialId, studyId: 'ART2-EMC-022', password: DEMO_PASSWORD });
    expect(s.meaning).toBe('I confirm the data of this casebook are complete and accurate');
    expect(s.dataHash).toMatch(/^[0-9a-f]{64}$/);
    const first = (await pi.signatures.list({ trialId, studyId: 'ART2-EMC-022' })).signatures;
    expect(first).toEqual([
      expect.objectContaining({
        id: s.signatureId,
        valid: true,
        latest: true,
        signerName: 'Demo principal investigator',
      }),
    ]);
    const stateOf = async () =>
      (await pi.signatures.casebooks({ trialId })).casebooks.find((c) => c.studyId === 'ART2-EMC-022')?.state;
    expect(await stateOf()).toBe('signed');

    await (
      await h.as('coord-emc')
    ).entry.corrections.correct({
      trialId,
      target: { record: 'cycle', id: await cycleOf('ART2-EMC-022', 4), changes: { doseMg: 40 } },
      reason: 'Dose copied from the wrong line',
    });
    expect((await pi.signatures.list({ trialId, studyId: 'ART2-EMC-022' })).signatures[0]).toMatchObject({
      valid: false,
    });
    expect(await stateOf()).toBe('invalidated');

    const again = await pi.signatures.signCasebook({
      trialId,
      studyId: 'ART2-EMC-022',
      password: DEMO_PASSWORD,
    });
    expect(again.dataHash).not.toBe(s.dataHash);
    const history = (await pi.signatures.list({ trialId, studyId: 'ART2-EMC-022' })).signatures;
    expect(history.map((x) => [x.id, x.valid, x.latest])).toEqual([
      [again.signatureId, true, true],
      [s.signatureId, false, false],
    ]);
    expect(await stateOf()).toBe('signed');
    const audit = await h.rows<{ action: string; participant: string }>(
      "SELECT action, participant FROM audit_log WHERE entity_type = 'signature' AND participant = 'ART2-EMC-022' ORDER BY seq",
    );
    expect(audit).toEqual([
      { action: 'signature.signed', participant: 'ART2-EMC-022' },
      { action: 'signature.signed', participant: 'ART2-EMC-022' },
    ]);
    expect(await (await h.as('admin')).audit.verify()).toMatchObject({ ok: true });
  });

  it('signs in the signer’s language, and never changes or deletes a signature', async () => {
    const nl = await asDutch(h, 'pi');
    const s = await nl.signatures.signCasebook({ trialId, studyId: 'ART2-EMC-019', password: DEMO_PASSWORD });
    expect(s.meaning).toBe('Ik bevestig dat de gegevens van dit dossier volledig en juist zijn');
    await expect(h.run("UPDATE signatures SET data_hash = 'x'")).rejects.toThrow(/append-only/);
    await expect(h.run('DELETE FROM signatures')).rejects.toThrow(/append-only/);
  });

  it('answers another trial’s or an unknown participant as missing', async () => {
    const pi = await h.as('pi');
    await expectCode(
      pi.signatures.signCasebook({ trialId, studyId: 'PUMP3-EMC-001', password: DEMO_PASSWORD }),
      'BAD_REQUEST',
    );
    await expectCode(
      pi.signatures.signCasebook({
        trialId: 'no-such-trial',
        studyId: 'ART2-EMC-001',
        password: DEMO_PASSWORD,
      }),
      'NOT_FOUND',
    );
  });
});

describe('the password at the moment of signing', () => {
  it('refuses a wrong password, audits it and counts it towards the login limit', async () => {
    // Its own database: the failures it counts must not refuse the other tests' logins.
    const h = await createHarness({ auth: { maxFailuresPerAccount: 3 } });
    try {
      const pi = await h.as('pi');
      const before = await h.row<{ n: number }>('SELECT COUNT(*) AS n FROM signatures');
      const e = await expectCode(
        pi.signatures.signCasebook({ trialId, studyId: 'ART2-EMC-020', password: 'not the password' }),
        'BAD_REQUEST',
      );
      expect((e as { fields?: Record<string, string[]> }).fields?.password?.[0]).toContain(
        'nothing was signed',
      );
      expect(await h.row<{ n: number }>('SELECT COUNT(*) AS n FROM signatures')).toEqual(before);
      const failed = await h.rows<{ after: string }>(
        "SELECT after FROM audit_log WHERE action = 'auth.login_failed' ORDER BY seq DESC LIMIT 1",
      );
      expect(failed[0]?.after).toContain('wrong_signing_password');
      for (let i = 0; i < 2; i++)
        await expectCode(
          pi.signatures.signCasebook({ trialId, studyId: 'ART2-EMC-020', password: 'still wrong' }),
          'BAD_REQUEST',
        );
      // The limit (3 here) is reached: even the right password is refused now, and so is a login.
      await expectCode(
        pi.signatures.signCasebook({ trialId, studyId: 'ART2-EMC-020', password: DEMO_PASSWORD }),
        'TOO_MANY_REQUESTS',
      );
      await expectCode(
        (await h.caller()).auth.login({ username: 'pi', password: DEMO_PASSWORD }),
        'TOO_MANY_REQUESTS',
      );
    } finally {
      await h.close();
    }
  });
});

describe('signing a data cut', () => {
  it('binds to the cut’s content hash and stays valid, the cut being frozen', async () => {
    const pi = await h.as('pi');
    const cut = await pi.committee.dataCuts.create({ trialId, label: 'Before the DSMB', asOf: '2026-11-01' });
    const s = await pi.signatures.signDataCut({ trialId, cutId: cut.id, password: DEMO_PASSWORD });
    expect(s.dataHash).toBe(cut.contentHash);
    expect(s.meaning).toContain('data cut');
    await expectCode(
      pi.signatures.signDataCut({ trialId, cutId: 999_999, password: DEMO_PASSWORD }),
      'NOT_FOUND',
    );
    const all = (await pi.signatures.list({ trialId })).signatures;
    expect(all.find((x) => x.id === s.signatureId)).toMatchObject({ kind: 'data_cut', valid: true });
    // A coordinator sees the cut's signature and their own centre's casebooks only.
    const coord = (await (await h.as('coord-avl')).signatures.list({ trialId })).signatures;
    expect(coord.every((x) => x.centre === null || x.centre === 'AVL')).toBe(true);
    expect(coord.some((x) => x.kind === 'data_cut')).toBe(true);
  });
});
