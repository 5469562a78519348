// Administrative commands, run beside (or instead of) the server on the same database (the SQLite file, or
// the PostgreSQL database of DATABASE_URL):
//   create-admin --username NAME     the first administrator outside demo mode (password from
//                                    TRIALDESK_ADMIN_PASSWORD, else asked on the terminal)
//   create-token --username NAME [--expires-days N]
//                                    a read-only personal API token for that user, printed once
//   verify-audit                     walks the audit chain and names every broken link (20 listed)
//   backup FILE                      online copy of the database, safe while the server runs
//   restore FILE                     checks a backup (integrity, migrations, audit chain) and puts it in
//                                    place of DATABASE_FILE; refused while a server runs on it
//   import FILE --trial ID [--mapping FILE] [--commit] [--format odm|csv]
//                                    ODM or CSV import, a dry run without --commit (cli-import.ts)
import { createInterface } from 'node:readline/promises';
import { issueApiToken } from '@trialdesk/api';
import {
  appendAuditEvent,
  backupDatabase,
  checkDatabase,
  describeVerification,
  findUserByUsername,
  hashPassword,
  insertUser,
  openDatabase,
  restoreDatabase,
  verifyAuditChain,
} from '@trialdesk/db';
import {
  API_TOKEN_DEFAULT_DAYS,
  API_TOKEN_MAX_DAYS,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  normaliseUsernameInput,
  USERNAME_PATTERN,
} from '@trialdesk/domain';
import { importCommand } from './cli-import.js';
import { loadConfig } from './config.js';

/** Broken links listed by name in the CLI's output; all are counted. */
const LISTED_BREAKS = 20;

async function readPassword(): Promise<string> {
  const fromEnv = process.env.TRIALDESK_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question('Password for the new administrator (at least 12 characters): ');
  rl.close();
  return answer;
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Backup and restore work on files and must not open (and so migrate or lock) the database first. */
async function fileCommand(
  command: 'backup' | 'restore',
  file: string | undefined,
  databaseFile: string,
): Promise<number> {
  if (!file) {
    console.error(`Usage: ${command} FILE`);
    return 2;
  }
  if (command === 'backup') {
    const started = Date.now();
    const result = await backupDatabase(databaseFile, file);
    const check = await checkDatabase(file);
    const summary = `Backup written to ${file}: ${result.pages} pages in ${Date.now() - started} ms; integrity ${check.integrity}, audit chain ${check.audit.ok ? `intact (${check.audit.rows} rows)` : `BROKEN at row ${check.audit.brokenAt}`}, ${check.participants} participants.`;
    if (check.ok) console.log(summary);
    else console.error(`${summary}\n${describeVerification(check.audit, LISTED_BREAKS)}`);
    return check.ok ? 0 : 1;
  }
  const check = await restoreDatabase(file, databaseFile);
  console.log(
    `Restored ${file} to ${databaseFile}: integrity ${check.integrity}, audit chain intact (${check.audit.rows} rows), ${check.participants} participants.`,
  );
  return 0;
}

async function main(): Promise<number> {
  const command = process.argv[2] ?? '';
  const config = loadConfig();
  if (command === 'backup' || command === 'restore') {
    if (config.database.engine === 'postgres') {
      console.error(
        `On PostgreSQL, ${command} with pg_dump / pg_restore and then run verify-audit (README, "Running on PostgreSQL").`,
      );
      return 2;
    }
    return fileCommand(command, process.argv[3], config.database.file);
  }
  const database = await openDatabase(config.database);
  const { db } = database;
  try {
    switch (command) {
      case 'create-admin': {
        // The same account rules as the Users page and the API (packages/domain/src/roles.ts).
        const username = normaliseUsernameInput(argument('username') ?? '');
        if (!USERNAME_PATTERN.test(username)) {
          console.error(
            'Usage: create-admin --username NAME   (3–50 letters, digits, dot, dash, underscore)',
          );
          return 2;
        }
        if (await findUserByUsername(db, username)) {
          console.error(`A user "${username}" exists already.`);
          return 1;
        }
        const password = await readPassword();
        if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
          console.error(`The password needs ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters.`);
          return 2;
        }
        const hash = await hashPassword(password);
        const now = new Date().toISOString();
        await db.transaction().execute(async (trx) => {
          const id = await insertUser(
            trx,
            { username, displayName: username, passwordHash: hash, role: 'admin', centre: null },
            now,
          );
          await appendAuditEvent(trx, { userId: null, username: 'cli', role: null, ip: null }, now, {
            action: 'user.created',
            entityType: 'user',
            entityId: String(id),
            trialId: null,
            centre: null,
            participant: null,
            before: null,
            after: { username, displayName: username, role: 'admin', centre: null, active: true },
            reason: null,
          });
        });
        console.log(`Administrator "${username}" created.`);
        return 0;
      }
      case 'create-token': {
        const username = normaliseUsernameInput(argument('username') ?? '');
        const daysText = argument('expires-days') ?? String(API_TOKEN_DEFAULT_DAYS);
        const days = /^\d{1,4}$/.test(daysText) ? Number(daysText) : Number.NaN;
        if (!USERNAME_PATTERN.test(username) || !(days >= 1 && days <= API_TOKEN_MAX_DAYS)) {
          console.error(
            `Usage: create-token --username NAME [--expires-days N]   (N from 1 to ${API_TOKEN_MAX_DAYS}, default ${API_TOKEN_DEFAULT_DAYS})`,
          );
          return 2;
        }
        const user = await findUserByUsername(db, username);
        if (!user?.active) {
          console.error(`There is no active user "${username}".`);
          return 1;
        }
        const issued = await issueApiToken(
          db,
          { id: user.id, username: user.username },
          { label: 'Created with pnpm cli create-token', expiresInDays: days },
          new Date(),
          { userId: null, username: 'cli', role: null, ip: null },
        );
        // The token on stdout alone, so a script can capture it; the rest on stderr.
        console.error(
          `Read-only API token ${issued.prefix} for "${username}", valid until ${issued.expiresAt}. It is shown only now:`,
        );
        console.log(issued.token);
        return 0;
      }
      case 'verify-audit': {
        const result = await verifyAuditChain(db);
        const words = describeVerification(result, LISTED_BREAKS);
        if (result.ok) console.log(words);
        else console.error(words);
        return result.ok ? 0 : 1;
      }
      case 'import': {
        const fixed = config.FIXED_NOW ? new Date(config.FIXED_NOW) : null;
        return await importCommand(db, () => fixed ?? new Date(), {
          file: process.argv[3],
          trial: argument('trial'),
          mapping: argument('mapping'),
          commit: process.argv.includes('--commit'),
          username: argument('username'),
          report: argument('report'),
          writeMapping: argument('write-mapping'),
          format: argument('format'),
        });
      }
      default:
        console.error(
          'Commands: create-admin --username NAME | create-token --username NAME [--expires-days N] | verify-audit | backup FILE | restore FILE | import FILE --trial ID [--mapping FILE] [--commit] [--format odm|csv]',
        );
        return 2;
    }
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
