// Administrative commands, run beside (or instead of) the server on the same database file:
//   create-admin --username NAME     the first administrator outside demo mode (password from
//                                    TRIALDESK_ADMIN_PASSWORD, else asked on the terminal)
//   verify-audit                     walks the audit chain and names the first broken link
import { createInterface } from 'node:readline/promises';
import {
  appendAudit,
  findUserByUsername,
  hashPassword,
  insertUser,
  openDatabase,
  verifyAuditChain,
} from '@trialdesk/db';
import {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  normaliseUsernameInput,
  USERNAME_PATTERN,
} from '@trialdesk/domain';
import { loadConfig } from './config.js';

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

async function main(): Promise<number> {
  const command = process.argv[2] ?? '';
  const config = loadConfig();
  const database = openDatabase(config.DATABASE_FILE);
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
          await appendAudit(trx, { userId: null, username: 'cli', role: null, ip: null }, now, {
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
      case 'verify-audit': {
        const result = await verifyAuditChain(db);
        if (result.ok) {
          console.log(`Audit chain intact: ${result.rows} rows, last hash ${result.lastHash}.`);
          return 0;
        }
        console.error(
          `Audit chain BROKEN at row ${result.brokenAt} (${result.problem.replace('_', ' ')}); ${result.rows} rows before it verify.`,
        );
        return 1;
      }
      default:
        console.error('Commands: create-admin --username NAME | verify-audit');
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
