// One subject of an import, written through the entry use cases inside the import's transaction: the same
// eligibility, range, date, study-ID, target, lock and audit rules as a form. Each record runs in its own
// savepoint, so a refused record leaves nothing behind and the others are still checked (for the report);
// the caller commits only when nothing was refused.
import {
  allCriteria,
  asksAge,
  entryMessage,
  entryStudyId,
  inclusionInput,
  surgeryInput,
  type Lang,
} from '@trialdesk/domain';
import {
  currentAssessments,
  currentCycles,
  currentEvents,
  findParticipant,
  findParticipantBySourceKey,
  setParticipantSourceKey,
  withSavepoint,
  type Participant,
} from '@trialdesk/db';
import { includeParticipant } from '../use-cases/entry/include-participant.js';
import { recordSurgery } from '../use-cases/entry/record-surgery.js';
import { fieldLines, parseInput, refuse, show, type SubjectContext } from './import-helpers.js';
import {
  correctParticipantInImport,
  recordCycleInImport,
  recordAssessmentInImport,
  recordEventInImport,
} from './apply-records.js';
import type { PlannedSubject } from './plan-records.js';
import type { ImportRow } from './report.js';

async function findExisting(ctx: SubjectContext, key: string): Promise<Participant | undefined> {
  const bySource = await findParticipantBySourceKey(ctx.trx, ctx.def.id, key);
  if (bySource) return bySource;
  // A Trialdesk export (or an EDC that already uses Trialdesk's study IDs) is matched by study ID.
  return entryStudyId.safeParse(key).success ? findParticipant(ctx.trx, ctx.def.id, key) : undefined;
}

function inclusionOf(ctx: SubjectContext, s: PlannedSubject) {
  const p = (f: string) => s.participant.get(f)?.value;
  const e = (f: string) => s.eligibility.get(f)?.value;
  const answers: Record<string, boolean> = {};
  const measures: Record<string, { value: number; uln: number | null }> = {};
  for (const c of allCriteria(ctx.def)) {
    const v = e(c.id);
    if (c.kind === 'measure' && typeof v === 'number') {
      const uln = e(`${c.id}.uln`);
      measures[c.id] = { value: v, uln: typeof uln === 'number' ? uln : null };
    } else if (c.kind !== 'measure' && typeof v === 'boolean') answers[c.id] = v;
  }
  return {
    trialId: ctx.def.id,
    centre: s.centre ?? undefined,
    inclusionDate: p('inclusionDate'),
    consentDate: p('consentDate'),
    labDate: p('labDate') ?? null,
    sex: p('sex'),
    answers,
    measures,
    ...(asksAge(ctx.def) ? {} : { age: p('age') }),
  };
}

/** Writes (or, in a dry run, tries) one subject; returns its report rows. */
export async function applySubject(ctx: SubjectContext, s: PlannedSubject): Promise<ImportRow[]> {
  const lang = ctx.deps.lang;
  const row: ImportRow = {
    subject: s.key,
    studyId: null,
    record: 'participant',
    key: s.key,
    where: s.site ?? '',
    action: 'unchanged',
    fields: [
      ...fieldLines(new Map([...s.participant].filter(([f]) => !isSurgeryField(f))), 'participant.'),
      ...fieldLines(s.eligibility, 'eligibility.'),
    ],
    messages: [],
  };
  for (const p of s.problems) {
    row.action = 'refused';
    row.fields.push({
      field: p.target ?? '',
      source: p.source,
      value: p.raw,
      status: 'refused',
      message: p.message,
    });
  }
  const rows = [row];
  const existing = await findExisting(ctx, s.key);
  if (existing?.voided) {
    row.action = 'refused';
    row.messages.push(entryMessage('import.subject.voided', lang, { studyId: existing.studyId }));
  }
  if (row.action === 'refused') return [...rows, ...refusedRest(lang, s)];
  let participant = existing;
  if (!participant) {
    if (s.site !== null && s.centre === null) {
      row.action = 'refused';
      row.messages.push(entryMessage('import.subject.site', lang, { site: s.site }));
      return [...rows, ...refusedRest(lang, s)];
    }
    if (!s.participant.has('inclusionDate')) {
      row.action = 'refused';
      row.messages.push(entryMessage('import.subject.noInclusion', lang));
      return [...rows, ...refusedRest(lang, s)];
    }
    try {
      const created = await withSavepoint(ctx.trx, async () => {
        const input = parseInput(lang, inclusionInput, inclusionOf(ctx, s));
        const inc = await includeParticipant(ctx.deps, input);
        const p = await findParticipant(ctx.trx, ctx.def.id, inc.studyId);
        if (!p) throw new Error(`included ${inc.studyId} not found`);
        await setParticipantSourceKey(ctx.trx, p.id, s.key);
        return p;
      });
      participant = created;
      row.action = 'create';
      row.studyId = created.studyId;
    } catch (error) {
      refuse(row, error, { age: 'participant.age', value: 'eligibility' });
      return [...rows, ...refusedRest(lang, s)];
    }
  } else {
    row.studyId = participant.studyId;
    row.fields.forEach((f) => (f.status = 'unchanged'));
    const changed = await correctParticipantInImport(ctx, participant, s, row);
    if (changed)
      participant = (await findParticipant(ctx.trx, ctx.def.id, participant.studyId)) ?? participant;
  }
  rows.push(...(await surgeryRows(ctx, participant, s)));
  const cycles = await currentCycles(ctx.trx, participant.id);
  const assessments = await currentAssessments(ctx.trx, participant.id);
  const events = await currentEvents(ctx.trx, participant.id);
  const ordered = [...s.records].sort((a, b) => order(a) - order(b));
  for (const r of ordered) {
    const base: ImportRow = {
      subject: s.key,
      studyId: participant.studyId,
      record: r.kind,
      key: '',
      where: r.where,
      action: 'create',
      fields: fieldLines(r.fields),
      messages: [],
    };
    for (const p of r.problems) {
      base.action = 'refused';
      base.fields.push({
        field: p.target ?? '',
        source: p.source,
        value: p.raw,
        status: 'refused',
        message: p.message,
      });
    }
    if (base.action !== 'refused') {
      if (r.kind === 'cycle') await recordCycleInImport(ctx, participant, r, base, cycles);
      else if (r.kind === 'assessment')
        await recordAssessmentInImport(ctx, participant, r, base, assessments);
      else await recordEventInImport(ctx, participant, r, base, events);
    }
    rows.push(base);
  }
  return rows;
}

/** Cycles in order, then assessments, then events by date (a death last on its day): the order of care. */
function order(r: PlannedSubject['records'][number]): number {
  const n = (f: string) => (typeof r.fields.get(f)?.value === 'number' ? Number(r.fields.get(f)?.value) : 0);
  if (r.kind === 'cycle') return 1e9 + n('cycle');
  if (r.kind === 'assessment') return 2e9 + n('month');
  const d = r.fields.get('date')?.value;
  const day = typeof d === 'string' ? Date.parse(d) / 864e5 : 0;
  return 3e9 + day * 2 + (r.fields.get('type')?.value === 'death' ? 1 : 0);
}

const SURGERY = new Set(['surgeryDate', 'pumpDate', 'pumpNotPlacedReason']);
const isSurgeryField = (f: string) => SURGERY.has(f);

function refusedRest(lang: Lang, s: PlannedSubject): ImportRow[] {
  const message = entryMessage('import.subject.notImported', lang);
  const surgery = [...s.participant].filter(([f]) => isSurgeryField(f));
  return [
    ...(surgery.length
      ? [
          {
            record: 'surgery' as const,
            where: s.site ?? '',
            fields: fieldLines(new Map(surgery), 'participant.'),
          },
        ]
      : []),
    ...s.records.map((r) => ({ record: r.kind, where: r.where, fields: fieldLines(r.fields) })),
  ].map((r) => ({
    subject: s.key,
    studyId: null,
    key: '',
    action: 'refused' as const,
    messages: [message],
    ...r,
  }));
}

async function surgeryRows(ctx: SubjectContext, p: Participant, s: PlannedSubject): Promise<ImportRow[]> {
  const surgeryDate = s.participant.get('surgeryDate');
  if (!surgeryDate) return [];
  const pumpDate = s.participant.get('pumpDate');
  const reason = s.participant.get('pumpNotPlacedReason');
  const row: ImportRow = {
    subject: s.key,
    studyId: p.studyId,
    record: 'surgery',
    key: show(surgeryDate.value),
    where: s.site ?? '',
    action: 'create',
    fields: fieldLines(new Map([...s.participant].filter(([f]) => isSurgeryField(f))), 'participant.'),
    messages: [],
  };
  if (p.surgeryDate !== null) {
    // Saved already: compared (and corrected) with the participant's other values.
    row.action = row.fields.some((f) => f.status === 'change') ? 'change' : 'unchanged';
    for (const f of row.fields) {
      const saved =
        f.field === 'participant.surgeryDate'
          ? p.surgeryDate
          : f.field === 'participant.pumpDate'
            ? p.pumpDate
            : p.pumpNotPlacedReason;
      f.before = show(saved);
      f.status = show(saved) === f.value ? 'unchanged' : 'change';
    }
    row.action = row.fields.some((f) => f.status === 'change') ? 'change' : 'unchanged';
    return [row];
  }
  try {
    await withSavepoint(ctx.trx, async () => {
      const input = parseInput(ctx.deps.lang, surgeryInput, {
        trialId: ctx.def.id,
        studyId: p.studyId,
        surgeryDate: surgeryDate.value,
        pump: pumpDate
          ? { placed: true, date: pumpDate.value }
          : { placed: false, reason: reason?.value ?? '' },
      });
      await recordSurgery(ctx.deps, input);
    });
  } catch (error) {
    refuse(row, error, {
      date: 'participant.pumpDate',
      reason: 'participant.pumpNotPlacedReason',
      surgeryDate: 'participant.surgeryDate',
    });
  }
  return [row];
}
