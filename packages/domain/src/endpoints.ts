// Time-to-event endpoints per participant, with the censoring rules of the protocol (PROTOCOL.md,
// "Follow-up and endpoints"). Times are in months from time zero: days / (365.25 / 12).
//
// - hDFS: event = the first hepatic recurrence (site 'hepatic' or 'both'), or death when the trial's
//   setting deathIsEvent says so (otherwise a death without hepatic recurrence censors at the death date).
//   An extrahepatic-only recurrence is NOT an event. Censoring is at the last imaging that showed the liver
//   free of disease: results 'no_recurrence' AND 'extrahepatic' (extrahepatic disease with a clean liver
//   is still liver imaging without hepatic recurrence); 'hepatic' and 'both' never count.
// - DFS: event = any recurrence or death; censoring at the last disease-free imaging ('no_recurrence' only).
// - OS: event = death from any cause; censoring at the last contact alive (any dated record of the
//   participant: surgery, pump visit, assessment, complication, recurrence, withdrawal).
//
// Records after a participant went off study (withdrawal, loss to follow-up, death) are ignored: data
// collected after consent was withdrawn are not analysed, and nothing follows a death. Participants without
// a time zero (not operated yet) are not analysed and are counted as excluded. Voided records never reach
// this code: the dataset holds non-voided records only.
import { diffDays, type IsoDate } from './dates.js';
import {
  DAYS_PER_MONTH,
  type DatasetParticipant,
  type ImagingResultValue,
  type TrialDataset,
} from './endpoints-dataset.js';
import type { EndpointKind, TrialDefinition } from './trial-definition.js';

export type EndpointCause =
  | 'hepatic_recurrence'
  | 'recurrence'
  | 'death'
  | 'death_not_event'
  | 'last_liver_imaging'
  | 'last_disease_free_imaging'
  | 'last_contact'
  | 'no_imaging';

export interface EndpointReason {
  event: boolean;
  cause: EndpointCause;
  date: IsoDate;
  /** For recurrences: the recorded site. For last contact: what the contact was. */
  detail: string | null;
}

export interface EndpointValue {
  /** Months from time zero. */
  time: number;
  event: boolean;
  reason: EndpointReason;
}

export interface EndpointSettings {
  kind: EndpointKind;
  deathIsEvent: boolean;
}

/** Months between two calendar dates on the 365.25/12-day month. */
export function monthsFrom(timeZero: IsoDate, date: IsoDate): number {
  return diffDays(timeZero, date) / DAYS_PER_MONTH;
}

/** Imaging results that show the liver free of disease (for hDFS censoring). */
const LIVER_CLEAR: ReadonlySet<ImagingResultValue> = new Set(['no_recurrence', 'extrahepatic']);
/** Imaging results that show no disease anywhere (for DFS censoring). */
const DISEASE_FREE: ReadonlySet<ImagingResultValue> = new Set(['no_recurrence']);

interface Dated {
  date: IsoDate;
  detail: string | null;
}

function earliest(items: readonly Dated[]): Dated | null {
  return items.reduce<Dated | null>((m, x) => (m === null || x.date < m.date ? x : m), null);
}

function latest(items: readonly Dated[]): Dated | null {
  return items.reduce<Dated | null>((m, x) => (m === null || x.date > m.date ? x : m), null);
}

interface Usable {
  events: DatasetParticipant['events'];
  visits: { date: IsoDate; imaging: ImagingResultValue | null }[];
  cycles: DatasetParticipant['cycles'];
}

// Each endpoint asks for the same filtered records; they are computed once per participant and time zero.
const usableCache = new WeakMap<DatasetParticipant, { timeZero: IsoDate; value: Usable }>();

/** The participant's records that count: on or after time zero and not after going off study. */
function usable(p: DatasetParticipant, timeZero: IsoDate): Usable {
  const cached = usableCache.get(p);
  if (cached && cached.timeZero === timeZero) return cached.value;
  const until = p.offStudy?.date ?? '9999-12-31';
  const inRange = (d: IsoDate) => d >= timeZero && d <= until;
  const visits: Usable['visits'] = [];
  for (const a of p.assessments)
    if (a.status === 'done' && a.performedDate !== null && inRange(a.performedDate))
      visits.push({ date: a.performedDate, imaging: a.imaging });
  const value = {
    events: p.events.filter((e) => inRange(e.date)),
    visits,
    cycles: p.cycles.filter((c) => inRange(c.date)),
  };
  usableCache.set(p, { timeZero, value });
  return value;
}

function lastImaging(
  p: DatasetParticipant,
  timeZero: IsoDate,
  allowed: ReadonlySet<ImagingResultValue>,
): Dated | null {
  return latest(
    usable(p, timeZero).visits.flatMap((v) =>
      v.imaging !== null && allowed.has(v.imaging) ? [{ date: v.date, detail: v.imaging }] : [],
    ),
  );
}

function value(timeZero: IsoDate, reason: EndpointReason): EndpointValue {
  return { time: monthsFrom(timeZero, reason.date), event: reason.event, reason };
}

function deathOf(p: DatasetParticipant, timeZero: IsoDate): Dated | null {
  return earliest(
    usable(p, timeZero)
      .events.filter((e) => e.type === 'death')
      .map((e) => ({ date: e.date, detail: e.deathCause })),
  );
}

function censorAtImaging(
  timeZero: IsoDate,
  found: Dated | null,
  cause: 'last_liver_imaging' | 'last_disease_free_imaging',
): EndpointValue {
  if (found === null)
    return value(timeZero, { event: false, cause: 'no_imaging', date: timeZero, detail: null });
  return value(timeZero, { event: false, cause, date: found.date, detail: found.detail });
}

export function deriveHdfs(p: DatasetParticipant, timeZero: IsoDate, deathIsEvent: boolean): EndpointValue {
  const hepatic = earliest(
    usable(p, timeZero)
      .events.filter(
        (e) => e.type === 'recurrence' && (e.recurrenceSite === 'hepatic' || e.recurrenceSite === 'both'),
      )
      .map((e) => ({ date: e.date, detail: e.recurrenceSite })),
  );
  const death = deathOf(p, timeZero);
  if (hepatic && (death === null || hepatic.date <= death.date))
    return value(timeZero, { event: true, cause: 'hepatic_recurrence', ...hepatic });
  if (death && deathIsEvent) return value(timeZero, { event: true, cause: 'death', ...death });
  if (death) return value(timeZero, { event: false, cause: 'death_not_event', ...death });
  return censorAtImaging(timeZero, lastImaging(p, timeZero, LIVER_CLEAR), 'last_liver_imaging');
}

export function deriveDfs(p: DatasetParticipant, timeZero: IsoDate): EndpointValue {
  const recurrence = earliest(
    usable(p, timeZero)
      .events.filter((e) => e.type === 'recurrence')
      .map((e) => ({ date: e.date, detail: e.recurrenceSite })),
  );
  const death = deathOf(p, timeZero);
  if (recurrence && (death === null || recurrence.date <= death.date))
    return value(timeZero, { event: true, cause: 'recurrence', ...recurrence });
  if (death) return value(timeZero, { event: true, cause: 'death', ...death });
  return censorAtImaging(timeZero, lastImaging(p, timeZero, DISEASE_FREE), 'last_disease_free_imaging');
}

export function deriveOs(p: DatasetParticipant, timeZero: IsoDate): EndpointValue {
  const death = deathOf(p, timeZero);
  if (death) return value(timeZero, { event: true, cause: 'death', ...death });
  const u = usable(p, timeZero);
  const contacts: Dated[] = [
    { date: timeZero, detail: 'time_zero' },
    ...u.visits.map((v) => ({ date: v.date, detail: 'assessment' })),
    ...u.cycles.map((c) => ({ date: c.date, detail: 'cycle' })),
    // A loss to follow-up is dated when the participant was declared lost: that is no contact.
    ...u.events
      .filter((e) => e.type !== 'lost_to_follow_up' && e.type !== 'death')
      .map((e) => ({ date: e.date, detail: e.type })),
  ];
  // Latest date wins; among records of the same day the first listed is kept.
  const last = contacts.reduce((m, x) => (x.date > m.date ? x : m));
  return value(timeZero, { event: false, cause: 'last_contact', date: last.date, detail: last.detail });
}

export function deriveEndpoint(p: DatasetParticipant, settings: EndpointSettings): EndpointValue | null {
  if (p.timeZero === null) return null;
  switch (settings.kind) {
    case 'hdfs':
      return deriveHdfs(p, p.timeZero, settings.deathIsEvent);
    case 'dfs':
      return deriveDfs(p, p.timeZero);
    case 'os':
      return deriveOs(p, p.timeZero);
  }
}

export interface ParticipantEndpoints {
  studyId: string;
  centre: string;
  values: Partial<Record<EndpointKind, EndpointValue>>;
}

export interface EndpointDerivation {
  endpoints: EndpointSettings[];
  /** Participants with a time zero on or before the as-of date. */
  analysed: ParticipantEndpoints[];
  /** Participants without a time zero (not operated yet, or operated after the as-of date). */
  excluded: { studyId: string; centre: string }[];
}

/** Endpoints for every participant of a dataset, for the endpoints the trial defines. */
export function deriveEndpoints(def: TrialDefinition, data: TrialDataset): EndpointDerivation {
  const endpoints = def.endpoints.map((e) => ({ kind: e.kind, deathIsEvent: e.deathIsEvent }));
  const analysed: ParticipantEndpoints[] = [];
  const excluded: { studyId: string; centre: string }[] = [];
  for (const p of data.participants) {
    if (p.timeZero === null || p.timeZero > data.asOf) {
      excluded.push({ studyId: p.studyId, centre: p.centre });
      continue;
    }
    const values: Partial<Record<EndpointKind, EndpointValue>> = {};
    for (const e of endpoints) {
      const v = deriveEndpoint(p, e);
      if (v) values[e.kind] = v;
    }
    analysed.push({ studyId: p.studyId, centre: p.centre, values });
  }
  return { endpoints, analysed, excluded };
}
