// `pnpm cli import FILE --trial ID [--mapping FILE] [--commit] [--username NAME] [--report FILE]
//  [--write-mapping FILE] [--format odm|csv]`: an ODM or CSV import from the terminal, through the same use
// cases as the web page. The format is the file's extension (.csv, .tsv, .txt are CSV) unless --format says.
// Without --commit it is a dry run. The import acts as an account (the only active administrator, or
// --username) with that account's role in the trial, and is audited under its name.
import { readFile, writeFile } from 'node:fs/promises';
import {
  AppError,
  LiveBus,
  reportCsv,
  runCsvImport,
  runOdmImport,
  startingCsvMapping,
  startingCsvMappingWithProblems,
  startingMapping,
  type ImportReport,
  type UseCaseDeps,
} from '@trialdesk/api';
import { findMembership, findUserByUsername, listUsers, type Db } from '@trialdesk/db';
import { accessInTrial, type CsvMapping } from '@trialdesk/domain';

export interface ImportArgs {
  file: string | undefined;
  trial: string | undefined;
  mapping: string | undefined;
  commit: boolean;
  username: string | undefined;
  report: string | undefined;
  writeMapping: string | undefined;
  format: string | undefined;
}

const USAGE =
  'Usage: import FILE --trial ID [--mapping FILE] [--commit] [--username NAME] [--report FILE] [--write-mapping FILE] [--format odm|csv]';

/** The file's format: --format, else its extension (a spreadsheet's export is CSV, anything else ODM). */
export function importFormat(file: string, format: string | undefined): 'odm' | 'csv' | null {
  if (format !== undefined) return format === 'csv' || format === 'odm' ? format : null;
  return /\.(csv|tsv|txt)$/i.test(file) ? 'csv' : 'odm';
}

async function actingAccount(db: Db, username: string | undefined) {
  if (username) {
    const u = await findUserByUsername(db, username);
    if (!u?.active) throw new Error(`No active account "${username}".`);
    return u;
  }
  const admins = (await listUsers(db)).filter((u) => u.active && u.role === 'admin');
  if (admins.length !== 1 || !admins[0])
    throw new Error(`${admins.length} active administrators: name the one who imports with --username NAME.`);
  return admins[0];
}

/** A progress bar on a terminal, for files with many subjects; nothing when the output is a file or pipe. */
function progressBar(): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (done, total) => {
    if (total < 20) return;
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} subjects`);
    if (done === total) process.stderr.write('\n');
  };
}

function printReport(r: ImportReport): void {
  const c = r.counts;
  console.log(
    `${r.committed ? 'Imported' : r.dryRun ? 'Dry run of' : c.refused > 0 ? 'Refused:' : 'Checked'} ${r.file.name} (SHA-256 ${r.file.sha256}) into ${r.trialId}: ${r.subjects} subjects; records: ${c.create} to create, ${c.change} to change, ${c.unchanged} unchanged, ${c.refused} refused.`,
  );
  for (const row of r.rows.filter((x) => x.action === 'refused').slice(0, 50)) {
    const why = [
      ...row.fields
        .filter((f) => f.status === 'refused')
        .map((f) => `${f.field} (${f.source} = "${f.value}"): ${f.message ?? ''}`),
      ...row.messages,
    ];
    console.log(`  REFUSED ${row.subject} ${row.record} ${row.key}: ${why.join(' · ')}`);
  }
  if (r.committed) console.log(`Committed as one import (audit entry ${r.auditSeq}).`);
  else if (c.refused > 0) console.log('Nothing was imported: fix the file or the mapping and run again.');
  else if (c.create + c.change === 0)
    console.log('Nothing to import: everything in the file is in Trialdesk already.');
  else console.log('Dry run: nothing was written. Run again with --commit to import.');
}

export async function importCommand(db: Db, clock: () => Date, args: ImportArgs): Promise<number> {
  const format = args.file ? importFormat(args.file, args.format) : null;
  if (!args.file || !args.trial || format === null) {
    console.error(USAGE);
    return 2;
  }
  const account = await actingAccount(db, args.username);
  const membership = await findMembership(db, account.id, args.trial);
  const access = accessInTrial(account, membership ? [membership] : [], args.trial);
  if (!access) throw new Error(`Account "${account.username}" has no role in trial ${args.trial}.`);
  const deps: UseCaseDeps = {
    db,
    clock,
    lang: 'en',
    live: new LiveBus(),
    actor: { ...account, role: access.role, centre: access.centre, ip: null },
  };
  const bytes = await readFile(args.file);
  try {
    if (args.writeMapping) {
      const { mapping, problems } =
        format === 'csv'
          ? await startingCsvMappingWithProblems(deps, args.trial, bytes)
          : { mapping: await startingMapping(deps, args.trial, bytes), problems: [] };
      await writeFile(args.writeMapping, `${JSON.stringify(mapping, null, 2)}\n`);
      console.log(
        `Starting mapping written to ${args.writeMapping}: check every ${format === 'csv' ? 'column' : 'item'}'s target, then import with --mapping.`,
      );
      // Values the starting mapping cannot read: the dry run would refuse them, so say which now.
      for (const p of problems) console.error(p.message);
      return 0;
    }
    const mapping = args.mapping ? (JSON.parse(await readFile(args.mapping, 'utf8')) as unknown) : undefined;
    const request = {
      trialId: args.trial,
      fileName: args.file,
      bytes,
      commit: args.commit,
      onProgress: progressBar(),
    };
    // A CSV file without a mapping runs with its starting mapping, as an ODM file does with its own.
    const report =
      format === 'csv'
        ? await runCsvImport(deps, {
            ...request,
            mapping: (mapping ?? (await startingCsvMapping(deps, args.trial, bytes))) as CsvMapping,
          })
        : await runOdmImport(deps, { ...request, mapping });
    printReport(report);
    if (args.report) await writeFile(args.report, reportCsv(report));
    return report.counts.refused > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}
