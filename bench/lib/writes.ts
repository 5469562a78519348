// Inclusions per second through the real router (eligibility, study ID, participant, screening, the
// scheduled assessment slots and the audit rows, one transaction each), against plain better-sqlite3
// inserts of exactly the rows one such inclusion wrote, plus the two counters it moves (study ID and
// screening number), with the same pragmas (WAL, synchronous=FULL).
import { copyFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createCaller, createContext, LiveBus, VersionedCache, type CookieJar } from '@trialdesk/api';
import { DEMO_PASSWORD, openSqlite } from '@trialdesk/db';
import { dateInZone, addDays } from '@trialdesk/domain';
import { WORK, type BenchDatabase } from './databases.js';
import { round } from './stats.js';

/**
 * CPU time of this process (user and system) since `from`, in µs. Beside the wall clock: on a shared
 * machine the commit's fsync waits on a disk others use too (it decides the wall-clock figures at a load of
 * 15-20), while the CPU time per inclusion is the work each side does itself.
 */
function cpuMicrosSince(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return d.user + d.system;
}

const TABLES = ['participants', 'screenings', 'assessment_slots', 'study_id_counters', 'audit_log'] as const;

export function inclusionInput(i: number, today: string) {
  return {
    trialId: 'artery-2',
    centre: (['EMC', 'IJS', 'AVL'] as const)[i % 3],
    inclusionDate: today,
    consentDate: today,
    labDate: addDays(today, -3),
    sex: i % 2 ? ('female' as const) : ('male' as const),
    answers: { informedConsent: true, pregnantOrLactating: false, extrahepaticDisease: false },
    measures: {
      age: { value: 60, uln: null },
      ecog: { value: 1, uln: null },
      anc: { value: 3.2, uln: null },
      platelets: { value: 210, uln: null },
      bilirubin: { value: 10, uln: 17 },
      egfr: { value: 80, uln: null },
    },
  };
}

async function throughTheApi(file: string, n: number) {
  const open = openSqlite(file);
  const values = new Map<string, string>();
  const jar: CookieJar = {
    get: (k) => values.get(k),
    set: (k, v) => void values.set(k, v),
    clear: (k) => void values.delete(k),
  };
  const live = new LiveBus();
  const cache = new VersionedCache();
  const caller = async () =>
    createCaller(
      await createContext({
        db: open.db,
        clock: () => new Date(),
        live,
        cache,
        cookies: jar,
        ip: '127.0.0.1',
      }),
    );
  await (await caller()).auth.login({ username: 'admin', password: DEMO_PASSWORD });
  await (
    await caller()
  ).trials.setTarget({ trialId: 'artery-2', target: 100_000, reason: 'Benchmark: room for inclusions' });
  const today = dateInZone(new Date());
  for (let i = 0; i < 20; i += 1) await (await caller()).entry.inclusion.include(inclusionInput(i, today));
  // The rows one inclusion writes, as the template for the raw comparison.
  const before = Object.fromEntries(
    await Promise.all(
      TABLES.map(
        async (t) => [t, await open.sqlite.prepare(`SELECT MAX(rowid) AS m FROM ${t}`).get()] as const,
      ),
    ),
  );
  await (await caller()).entry.inclusion.include(inclusionInput(20, today));
  const rows = Object.fromEntries(
    TABLES.map((t) => [
      t,
      open.sqlite
        .prepare(`SELECT * FROM ${t} WHERE rowid > ?`)
        .all((before[t] as { m: number }).m ?? 0) as Record<string, unknown>[],
    ]),
  );
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < n; i += 1) await (await caller()).entry.inclusion.include(inclusionInput(i, today));
  const cpuMicros = cpuMicrosSince(cpu) / n;
  const seconds = (performance.now() - start) / 1000;
  await open.close();
  return { perSecond: n / seconds, cpuMicros, rows };
}

/** The same rows, written with prepared INSERTs in one transaction per inclusion. */
function rawInserts(file: string, n: number, template: Record<string, Record<string, unknown>[]>) {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = FULL');
  const insert = (table: string, row: Record<string, unknown>) => {
    const key = table === 'audit_log' ? 'seq' : 'id';
    const cols = Object.keys(row).filter((c) => c !== key);
    return {
      stmt: sqlite.prepare(
        `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      ),
      cols,
    };
  };
  const participant = template.participants![0]!;
  const pInsert = insert('participants', participant);
  const sInsert = insert('screenings', template.screenings![0]!);
  const slotRows = template.assessment_slots!;
  const slotInsert = slotRows.length ? insert('assessment_slots', slotRows[0]!) : null;
  const auditRows = template.audit_log!;
  const aInsert = insert('audit_log', auditRows[0]!);
  // The two counters an inclusion moves: the centre's study ID and its screening number.
  const counter = sqlite.prepare(
    'UPDATE study_id_counters SET last_seq = last_seq + 1 WHERE trial_id = ? AND centre = ?',
  );
  const screeningCounter = sqlite.prepare(
    'UPDATE screening_counters SET last_seq = last_seq + 1 WHERE trial_id = ? AND centre = ?',
  );
  let k = 0;
  const one = sqlite.transaction(() => {
    k += 1;
    counter.run(participant.trial_id, participant.centre);
    if (screeningCounter.run(participant.trial_id, participant.centre).changes !== 1)
      throw new Error('The raw comparison found no screening counter to move');
    const pid = pInsert.stmt.run(
      ...pInsert.cols.map((c) => (c === 'study_id' ? `RAW-${k}` : c === 'seq' ? 100000 + k : participant[c])),
    ).lastInsertRowid;
    sInsert.stmt.run(
      ...sInsert.cols.map((c) =>
        c === 'screening_number' ? `RAW-S-${k}` : c === 'participant_id' ? pid : template.screenings![0]![c],
      ),
    );
    if (slotInsert)
      for (const s of slotRows)
        slotInsert.stmt.run(...slotInsert.cols.map((c) => (c === 'participant_id' ? pid : s[c])));
    for (const a of auditRows) aInsert.stmt.run(...aInsert.cols.map((c) => a[c]));
  });
  // The raw audit rows carry copied hashes: the triggers only forbid UPDATE and DELETE, so inserts go in.
  for (let i = 0; i < 20; i += 1) one();
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < n; i += 1) one();
  const cpuMicros = cpuMicrosSince(cpu) / n;
  const seconds = (performance.now() - start) / 1000;
  sqlite.close();
  return { perSecond: n / seconds, cpuMicros };
}

export async function inclusionWrites(demo: BenchDatabase, n = 1000) {
  const apiFile = path.join(WORK, 'writes-api.sqlite');
  const rawFile = path.join(WORK, 'writes-raw.sqlite');
  for (const f of [apiFile, rawFile]) for (const s of ['', '-wal', '-shm']) rmSync(f + s, { force: true });
  copyFileSync(demo.file, apiFile);
  copyFileSync(demo.file, rawFile);
  const api = await throughTheApi(apiFile, n);
  const raw = rawInserts(rawFile, n, api.rows);
  const rowsPerInclusion = Object.values(api.rows).reduce((s, r) => s + r.length, 0);
  return {
    inclusionWritesPerSecond: round(api.perSecond),
    rawPerSecond: round(raw.perSecond),
    writeVsRawRatio: round(api.perSecond / raw.perSecond, 3),
    rowsPerInclusion,
    // CPU µs per inclusion of each side, and their ratio (raw / API, as writeVsRawRatio).
    apiCpuMicros: round(api.cpuMicros),
    rawCpuMicros: round(raw.cpuMicros),
    cpuRatio: round(raw.cpuMicros / api.cpuMicros, 3),
  };
}
