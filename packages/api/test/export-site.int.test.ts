// The site (centre) in every participant-level export row, as a class over every export: each CSV table
// that holds participants' rows has a centre column matching the participant's centre; each ODM subject has
// its SiteRef; each FHIR ResearchSubject its site. And the R script beside the CSV files reads them with the
// dictionary's types, factor levels and labels (run with Rscript where R is installed; CI installs it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportTables } from '../src/reports/export-tables.js';
import { createHarness, type Harness } from './harness.js';
import { findTrial, loadTrialDataset } from '@trialdesk/db';

let h: Harness;
let cutId: number;
const trialId = 'pump-iii';
beforeAll(async () => {
  h = await createHarness();
  cutId = (
    await (await h.as('pi')).committee.dataCuts.create({ trialId, label: 'Site cut', asOf: '2026-10-31' })
  ).id;
});
afterAll(() => h.close());

const decode = (file: { base64: string }) => Buffer.from(file.base64, 'base64');

describe('the site in every participant-level row', () => {
  it('every CSV table with participants’ rows has a centre column that matches the participant', async () => {
    const trial = (await findTrial(h.open.db, trialId))!;
    const data = await loadTrialDataset(h.open.db, trial, '2026-11-26');
    const centreOf = new Map(data.participants.map((p) => [p.studyId, p.centre]));
    const tables = exportTables(trial.definition, data);
    const participantLevel = tables.filter((t) => t.columns.some((c) => c.name === 'study_id'));
    expect(participantLevel.map((t) => t.name).sort()).toEqual(
      ['assessments', 'endpoints', 'events', 'participants', 'screenings', 'treatment_cycles'].sort(),
    );
    for (const t of participantLevel) {
      const sid = t.columns.findIndex((c) => c.name === 'study_id');
      const centre = t.columns.findIndex((c) => c.name === 'centre');
      expect(centre, `${t.name} has a centre column`).toBeGreaterThanOrEqual(0);
      expect(t.rows.length, t.name).toBeGreaterThan(0);
      for (const row of t.rows) {
        const studyId = row[sid];
        expect(row[centre], t.name).toMatch(/^(EMC|IJS|AVL)$/);
        if (typeof studyId === 'string')
          expect(row[centre], `${t.name} ${studyId}`).toBe(centreOf.get(studyId));
      }
    }
  });

  it('ODM: every subject has its SiteRef; FHIR: every ResearchSubject its site', async () => {
    const pi = await h.as('pi');
    const trial = (await findTrial(h.open.db, trialId))!;
    const centres = new Map(
      (
        await h.rows<{ study_id: string; centre: string }>(
          'SELECT study_id, centre FROM participants WHERE trial_id = ?',
          trialId,
        )
      ).map((r) => [r.study_id, r.centre]),
    );
    const xml = decode(await pi.committee.exports.odm({ trialId, cutId })).toString('utf8');
    const odm = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as {
      ODM: { ClinicalData: { SubjectData: { SubjectKey: string; SiteRef?: { LocationOID: string } }[] } };
    };
    const subjects = odm.ODM.ClinicalData.SubjectData;
    expect(subjects.length).toBe(45);
    for (const s of subjects)
      expect(s.SiteRef?.LocationOID, s.SubjectKey).toBe(`LOC.${centres.get(s.SubjectKey)}`);

    const bundle = JSON.parse(
      decode(await pi.committee.exports.fhir({ trialId, cutId })).toString('utf8'),
    ) as {
      entry: {
        fullUrl: string;
        resource: {
          resourceType: string;
          identifier?: { value: string }[];
          extension?: { url: string; valueReference?: { reference: string } }[];
        };
      }[];
    };
    const byUrl = new Map(bundle.entry.map((e) => [e.fullUrl, e.resource]));
    const rs = bundle.entry.filter((e) => e.resource.resourceType === 'ResearchSubject');
    expect(rs).toHaveLength(45);
    for (const { resource } of rs) {
      const site = resource.extension?.find((x) => x.url.endsWith(':site'))?.valueReference?.reference;
      const location = byUrl.get(site ?? '');
      expect(location?.resourceType).toBe('Location');
      expect(location?.identifier?.[0]?.value).toBe(centres.get(resource.identifier![0]!.value));
    }
    expect(trial.definition.centres.length).toBe(3);
  });
});

describe('the R script beside the CSV files', () => {
  it('is in the zip and, run by Rscript, reads every table with types, levels and labels', async () => {
    const files = unzipSync(decode(await (await h.as('pi')).committee.exports.csv({ trialId, cutId })));
    const script = Buffer.from(files['read_export.R']!).toString('utf8');
    // Every CSV file of the zip with a study ID column (signatures included) has the centre beside it.
    for (const [name, bytes] of Object.entries(files))
      if (name.endsWith('.csv') && name !== 'data_dictionary.csv') {
        const header = Buffer.from(bytes).toString('utf8').split('\r\n')[0]!.split(',');
        if (header.includes('study_id')) expect(header, name).toContain('centre');
      }
    expect(Object.keys(files)).toContain('signatures.csv');
    expect(script).toContain('factor(events$type, levels = c("recurrence", "death", "complication"');
    expect(script).toContain('attr(treatment_cycles$centre, "label") <- "Centre code"');
    const rscript = spawnSync('Rscript', ['--version'], { encoding: 'utf8' });
    if (rscript.error) {
      // No R on this machine (CI installs r-base-core): the script's text is checked above.
      console.info('Rscript not found: the R script was not run');
      return;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trialdesk-r-'));
    try {
      for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), bytes);
      const check = [
        'source("read_export.R")',
        'for (t in c("participants", "screenings", "treatment_cycles", "assessments", "events", "endpoints")) {',
        '  x <- get(t)',
        '  cat(t, nrow(x), paste(vapply(x, function(v) class(v)[1], ""), collapse = ","), sep = "|")',
        '  cat("\\n")',
        '}',
        'cat("levels", paste(levels(events$type), collapse = ","), sep = "|"); cat("\\n")',
        'cat("label", attr(assessments$cea, "label"), sep = "|"); cat("\\n")',
        'cat("centres", paste(sort(unique(as.character(events$centre))), collapse = ","), sep = "|"); cat("\\n")',
      ].join('\n');
      fs.writeFileSync(path.join(dir, 'check.R'), check);
      const run = spawnSync('Rscript', ['check.R'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
      expect(run.status, run.stderr).toBe(0);
      const lines = run.stdout.trim().split('\n');
      const csvRows = (name: string) =>
        Buffer.from(files[`${name}.csv`]!).toString('utf8').split('\r\n').filter(Boolean).length - 1;
      const row = (t: string) => lines.find((l) => l.startsWith(`${t}|`))!.split('|');
      expect(row('participants')[1]).toBe(String(csvRows('participants')));
      expect(row('events')[1]).toBe(String(csvRows('events')));
      expect(row('participants')[2]).toBe(
        'character,factor,Date,Date,integer,factor,Date,Date,Date,Date,Date,factor',
      );
      expect(row('treatment_cycles')[2]).toBe(
        'character,factor,integer,Date,Date,numeric,numeric,numeric,factor,character,logical',
      );
      expect(row('levels')[1]).toBe('recurrence,death,complication,withdrawal,lost_to_follow_up');
      expect(row('label')[1]).toBe('CEA (ug/L)');
      expect(row('centres')[1]).toBe('AVL,EMC,IJS');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
