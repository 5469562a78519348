// The FHIR R4 read API at /fhir/R4/ (apps/server mounts it): read by id, search by type with `study`,
// `subject`/`patient`, `_id`, `_count` and `_offset` (paging links), and the CapabilityStatement at /metadata.
// Every request but /metadata carries a personal API token, which reads with its user's trials, role and
// centre (auth/api-token.ts): a trial needs `participant:read` for participant-level resources (`trial:read`
// for the study and its sites), and a coordinator sees only their own centre's participants — another
// centre's resource answers exactly as one that does not exist (404).
import type { Bundle } from '@medplum/fhirtypes';
import { can, centreScope, dateInZone, type Lang } from '@trialdesk/domain';
import { dataVersion, listTrials, loadTrialDataset, type Db, type TrialRecord } from '@trialdesk/db';
import { bearerToken, resolveApiToken } from '../auth/api-token.js';
import type { VersionedCache } from '../cache.js';
import { resolveAccess } from '../access/trial-access.js';
import { AppError } from '../errors.js';
import type { SessionUser } from '../context.js';
import { capabilityStatement } from './capability.js';
import { outcome, type FhirAnswer } from './outcome.js';
import { fhirResourceTypes, type FhirResourceType, type ScopedResource } from './resources.js';
import { seqOf, TrialResources, type Seq } from './trial-index.js';

export interface FhirDeps {
  db: Db;
  clock: () => Date;
  cache: VersionedCache;
}

export interface FhirRequest {
  method: string;
  /** The path after /fhir/R4, e.g. "/Patient/pump-iii.PUMP3-EMC-001". */
  path: string;
  query: Record<string, unknown>;
  authorization: string | null;
  ip: string | null;
  /** The absolute URL of /fhir/R4 as the client reached it, for fullUrl and paging links. */
  baseUrl: string;
  lang: Lang;
}

const DEFAULT_COUNT = 50;
const MAX_COUNT = 500;
const KNOWN_PARAMS = new Set(['_id', '_count', '_offset', 'study', 'subject', 'patient', '_format']);
const TRIAL_LEVEL: ReadonlySet<string> = new Set(['ResearchStudy', 'Location']);

const isType = (t: string): t is FhirResourceType => (fhirResourceTypes as readonly string[]).includes(t);
const apiRef = (type: string, id: string) => `${type}/${id}`;

interface Visible {
  trial: TrialRecord;
  participants: boolean;
  centre: string | null;
}

/** The trials the user reads, and how: participant-level (scoped to a centre or not), or the study only. */
async function visibleTrials(db: Db, user: SessionUser, lang: Lang): Promise<Visible[]> {
  const out: Visible[] = [];
  for (const trial of await listTrials(db)) {
    try {
      const access = await resolveAccess({ db, lang }, user, trial.id, 'participant:read');
      if (!access) continue;
      if (can(access.role, 'participant:read'))
        out.push({ trial, participants: true, centre: centreScope(access, 'participant:read') });
      else if (can(access.role, 'trial:read')) out.push({ trial, participants: false, centre: null });
    } catch (error) {
      // Not a member: the trial does not exist for this user.
      if (!(error instanceof AppError)) throw error;
    }
  }
  return out;
}

/** The trial's resources as of today, indexed once per trial, day and data version (built as asked for). */
async function resourcesOf(deps: FhirDeps, trial: TrialRecord): Promise<TrialResources> {
  const asOf = dateInZone(deps.clock());
  return deps.cache.get(`fhir:${trial.id}:${asOf}`, await dataVersion(deps.db, trial.id), async () => {
    return new TrialResources(trial.definition, await loadTrialDataset(deps.db, trial, asOf), apiRef);
  });
}

/** A parameter's value; repeated, the first (Express gives an array). */
function one(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return null;
}

function bareId(value: string, type: string): string {
  return value.startsWith(`${type}/`) ? value.slice(type.length + 1) : value;
}

/**
 * Every answer of the FHIR API is FHIR: a failure inside (a database that does not answer) is an
 * OperationOutcome too, in the caller's language, with the details in the server log only.
 */
export async function handleFhir(deps: FhirDeps, req: FhirRequest): Promise<FhirAnswer> {
  try {
    return await answerFhir(deps, req);
  } catch (error) {
    console.error('[fhir]', req.method, req.path, error);
    return outcome(500, 'exception', 'fhir.internal', req.lang);
  }
}

async function answerFhir(deps: FhirDeps, req: FhirRequest): Promise<FhirAnswer> {
  const { lang } = req;
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return outcome(405, 'not-supported', 'fhir.readOnly', lang);
  const parts = req.path.split('/').filter(Boolean);
  if (parts.length === 1 && parts[0] === 'metadata')
    return { status: 200, body: capabilityStatement(deps.clock().toISOString()) };

  const token = bearerToken(req.authorization);
  const user = token
    ? await resolveApiToken(deps.db, token, deps.clock(), { surface: 'fhir', ip: req.ip })
    : null;
  if (!user) return outcome(401, 'login', 'fhir.unauthorized', lang);
  if (user.mustChangePassword) return outcome(403, 'forbidden', 'fhir.passwordChange', lang);

  const [type, id, ...rest] = parts;
  if (!type || !isType(type) || rest.length > 0)
    return outcome(404, 'not-supported', 'fhir.unknownType', lang, { type: type ?? '' });

  const trials = (await visibleTrials(deps.db, user, lang)).filter(
    (v) => v.participants || TRIAL_LEVEL.has(type),
  );
  if (id !== undefined) {
    const found = await findById(deps, trials, type, id);
    return found
      ? { status: 200, body: found.resource }
      : outcome(404, 'not-found', 'fhir.notFound', lang, { type, id });
  }
  return search(deps, req, type, trials);
}

/** The centre scope admits the resource: trial-level, or the coordinator's own centre's participant. */
const admits = (v: Visible, r: ScopedResource) =>
  r.centre === null || v.centre === null || r.centre === v.centre;

async function findById(
  deps: FhirDeps,
  trials: Visible[],
  type: FhirResourceType,
  id: string,
): Promise<ScopedResource | undefined> {
  for (const v of trials) {
    const index = await resourcesOf(deps, v.trial);
    const p = TRIAL_LEVEL.has(type) ? undefined : index.participantOf(id);
    const candidates = TRIAL_LEVEL.has(type) ? index.trialLevel : p ? index.of(p) : [];
    const found = candidates.find(
      (r) => r.resource.resourceType === type && r.resource.id === id && admits(v, r),
    );
    if (found) return found;
  }
  return undefined;
}

async function search(
  deps: FhirDeps,
  req: FhirRequest,
  type: FhirResourceType,
  visible: Visible[],
): Promise<FhirAnswer> {
  const { lang } = req;
  for (const name of Object.keys(req.query))
    if (!KNOWN_PARAMS.has(name))
      return outcome(400, 'not-supported', 'fhir.unknownParameter', lang, { name });
  const count = numberParam(req.query._count, DEFAULT_COUNT, 1, MAX_COUNT);
  const offset = numberParam(req.query._offset, 0, 0, 10_000_000);
  if (count === null)
    return outcome(400, 'invalid', 'fhir.badNumber', lang, { name: '_count', min: 1, max: MAX_COUNT });
  if (offset === null)
    return outcome(400, 'invalid', 'fhir.badNumber', lang, { name: '_offset', min: 0, max: 10_000_000 });

  const study = one(req.query.study);
  const subject = one(req.query.subject) ?? one(req.query.patient);
  const idParam = one(req.query._id);
  // `study` keeps one trial's resources (its study, its sites, its participants'), or none.
  const trials =
    study === null ? visible : visible.filter((v) => v.trial.id === bareId(study, 'ResearchStudy'));
  const lists: Seq[] = [];
  for (const v of trials) {
    const index = await resourcesOf(deps, v.trial);
    let list: Seq;
    if (subject !== null || idParam !== null) {
      // One participant's resources (or one resource): looked up, never the whole trial scanned.
      const patientId = subject === null ? null : bareId(subject, 'Patient');
      const p = index.participantOf(patientId ?? idParam ?? '');
      const pool = TRIAL_LEVEL.has(type) ? index.trialLevel : p ? index.of(p) : [];
      list = seqOf(
        pool.filter(
          (r) =>
            r.resource.resourceType === type &&
            admits(v, r) &&
            (patientId === null || r.patientId === patientId) &&
            (idParam === null || r.resource.id === idParam),
        ),
      );
    } else list = index.ofTypeIn(type, TRIAL_LEVEL.has(type) ? null : v.centre);
    lists.push(list);
  }
  // Sites are shared by trials: one Location per centre.
  const matches = type === 'Location' ? [seqOf(uniqueLocations(lists))] : lists;
  const total = matches.reduce((n, l) => n + l.length, 0);
  const page = pageOf(matches, offset, count);
  const link = (o: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(req.query))
      if (typeof v === 'string' && k !== '_offset' && k !== '_count') q.set(k, v);
    q.set('_count', String(count));
    q.set('_offset', String(o));
    return `${req.baseUrl}/${type}?${q.toString()}`;
  };
  const bundle: Bundle = {
    resourceType: 'Bundle',
    type: 'searchset',
    total,
    link: [
      { relation: 'self', url: link(offset) },
      ...(offset + count < total ? [{ relation: 'next', url: link(offset + count) }] : []),
      ...(offset > 0 ? [{ relation: 'previous', url: link(Math.max(0, offset - count)) }] : []),
    ],
    entry: page.map(({ resource }) => ({
      fullUrl: `${req.baseUrl}/${resource.resourceType}/${resource.id}`,
      resource: resource,
      search: { mode: 'match' },
    })),
  };
  return { status: 200, body: bundle };
}

function uniqueLocations(lists: Seq[]): ScopedResource[] {
  const seen = new Set<string>();
  const out: ScopedResource[] = [];
  for (const l of lists)
    for (let i = 0; i < l.length; i += 1) {
      const r = l.at(i);
      if (seen.has(r.resource.id)) continue;
      seen.add(r.resource.id);
      out.push(r);
    }
  return out;
}

/** Items offset … offset+count-1 of the lists one after the other, building only those. */
function pageOf(lists: Seq[], offset: number, count: number): ScopedResource[] {
  const out: ScopedResource[] = [];
  let skip = offset;
  for (const l of lists) {
    if (skip >= l.length) {
      skip -= l.length;
      continue;
    }
    for (let i = skip; i < l.length && out.length < count; i += 1) out.push(l.at(i));
    skip = 0;
    if (out.length >= count) break;
  }
  return out;
}

function numberParam(value: unknown, fallback: number, min: number, max: number): number | null {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^\d{1,9}$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}
