// Shared pieces of the reliability checks: a fresh demo database file, HTTP calls as the web app makes
// them, and a valid ARTERY-2 inclusion. Everything talks to 127.0.0.1 only.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqlite, seedDemo, verifyAuditChain, type Db } from '@trialdesk/db';
import { integrityCheck, queryRows } from '@trialdesk/db/testing';
import { addDays, dateInZone } from '@trialdesk/domain';

export const AS_OF = '2026-11-26';

export async function freshDemoFile(prefix: string): Promise<{ dir: string; file: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `trialdesk-${prefix}-`));
  const file = path.join(dir, 'trialdesk.sqlite');
  const open = openSqlite(file);
  await seedDemo(open.db, { asOf: AS_OF, now: new Date().toISOString() });
  await open.close();
  return { dir, file };
}

export async function call(
  url: string,
  procedure: string,
  input: unknown,
  cookie?: string,
  method: 'GET' | 'POST' = 'POST',
) {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...(cookie ? { cookie } : {}),
  };
  const res =
    method === 'POST'
      ? await fetch(`${url}/trpc/${procedure}`, { method, headers, body: JSON.stringify(input) })
      : await fetch(
          `${url}/trpc/${procedure}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`,
          { headers },
        );
  const body = (await res.json()) as {
    result?: { data: unknown };
    error?: { message: string; data?: { code: string } };
  };
  return { status: res.status, data: body.result?.data, error: body.error };
}

export function inclusion(i: number, centre: string) {
  const today = dateInZone(new Date());
  return {
    trialId: 'artery-2',
    centre,
    inclusionDate: today,
    consentDate: today,
    labDate: addDays(today, -2),
    sex: i % 2 ? 'female' : 'male',
    answers: { informedConsent: true, pregnantOrLactating: false, extrahepaticDisease: false },
    measures: {
      age: { value: 40 + (i % 40), uln: null },
      ecog: { value: i % 3, uln: null },
      anc: { value: 3.2, uln: null },
      platelets: { value: 210, uln: null },
      bilirubin: { value: 10, uln: 17 },
      egfr: { value: 80, uln: null },
    },
  };
}

/** Undone before a failing check exits (servers it started, a cluster, a mount): synchronous only. */
const cleanups: (() => void)[] = [];
export function atFailure(cleanup: () => void): void {
  cleanups.push(cleanup);
}

export function fail(message: string): never {
  console.error(`FAILED: ${message}`);
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      cleanup();
    } catch (error) {
      console.error('cleanup after the failure failed too:', error);
    }
  }
  process.exit(1);
}

/**
 * What the crash checks prove about the ARTERY-2 inclusions they acknowledged, on either engine: each is
 * stored, study IDs are unique and gap-free per centre, each inclusion made over HTTP has its audit row
 * (seeded participants are audited as one demo.seeded entry), the database's own check passes and the
 * audit chain verifies.
 */
export async function checkAcknowledgedInclusions(db: Db, acknowledged: ReadonlySet<string>) {
  const rows = await queryRows<{ study_id: string; centre: string; seq: number; created_by: number | null }>(
    db,
    "SELECT study_id, centre, seq, created_by FROM participants WHERE trial_id = 'artery-2' ORDER BY centre, seq",
  );
  const audited = new Set(
    (
      await queryRows<{ participant: string }>(
        db,
        "SELECT participant FROM audit_log WHERE action = 'participant.included'",
      )
    ).map((r) => r.participant),
  );
  const integrity = await integrityCheck(db);
  const chain = await verifyAuditChain(db);
  const stored = new Set(rows.map((r) => r.study_id));
  const missing = [...acknowledged].filter((id) => !stored.has(id));
  const duplicates = rows.length - stored.size;
  const gaps: string[] = [];
  for (const centre of new Set(rows.map((r) => r.centre))) {
    const seqs = rows.filter((r) => r.centre === centre).map((r) => Number(r.seq));
    seqs.forEach((s, i) => s !== i + 1 && gaps.push(`${centre}:${i + 1}`));
  }
  const unaudited = rows.filter((r) => r.created_by !== null && !audited.has(r.study_id)).length;
  const ok = !missing.length && !duplicates && !gaps.length && !unaudited && integrity === 'ok' && chain.ok;
  const summary = `missing acknowledged: ${missing.length}; duplicate study IDs: ${duplicates}; sequence gaps: ${gaps.length}; integrity: ${integrity}; audit chain: ${chain.ok ? `ok (${chain.rows} rows)` : `BROKEN at ${chain.brokenAt}`}; participants without an inclusion audit row: ${unaudited}`;
  return { ok, stored: rows.length, summary };
}
