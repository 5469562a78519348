// Shared pieces of the reliability checks: a fresh demo database file, HTTP calls as the web app makes
// them, and a valid ARTERY-2 inclusion. Everything talks to 127.0.0.1 only.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqlite, seedDemo } from '@trialdesk/db';
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
      : await fetch(`${url}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`, {
          headers,
        });
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

export function fail(message: string): never {
  console.error(`FAILED: ${message}`);
  process.exit(1);
}
