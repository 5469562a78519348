// Before a PostgreSQL test pass: drop the templates and test databases an earlier run left behind (a run
// that was killed cannot drop its own), so templates are always built from this checkout's migrations
// and demo generator. Then builds the two templates most harnesses use (empty, and the demo as of the
// harnesses' date), so no test waits for a build inside its own time limit. One test run per cluster at
// a time.
import pg from 'pg';
import { DEFAULT_TEST_SEED, prepareTestTemplates } from './index.js';

export default async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'td\\_tpl\\_%' OR datname LIKE 'td\\_test\\_%'",
    );
    for (const { datname } of rows)
      await client.query(`DROP DATABASE IF EXISTS "${datname.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
  await prepareTestTemplates([false, DEFAULT_TEST_SEED]);
}
