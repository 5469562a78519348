// A starting mapping from the ODM file's own metadata: every ItemDef is listed (the data manager sees all
// of them), and those whose name or question is recognisably a trial field are mapped, with their code
// lists translated where the decode says it ("Female", "Vrouw", "Yes"). Sites are matched to centres by
// code or name, visits named after a month get that month. Anything unsure stays null for a person to fill.
import {
  allCriteria,
  asksAge,
  importTargets,
  MAPPING_FORMAT,
  type ImportMapping,
  type ItemMapping,
  type TargetType,
  type TrialDefinition,
} from '@trialdesk/domain';
import type { OdmFile, OdmItemDef } from './odm-read.js';

const norm = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '');

/** Names a field goes by in EDC projects (after norm): Trialdesk's own export names first. */
const SYNONYMS: Record<string, readonly string[]> = {
  'participant.inclusionDate': [
    'inclusiondate',
    'incdate',
    'incldate',
    'inclusion',
    'dateofinclusion',
    'incldat',
    'enrolmentdate',
    'enrollmentdate',
  ],
  'participant.consentDate': ['consentdate', 'icdate', 'informedconsentdate', 'dateofconsent', 'icdat'],
  'participant.labDate': ['labdate', 'laboratorydate', 'datelab'],
  'participant.sex': ['sex', 'gender', 'geslacht'],
  'participant.age': ['age', 'ageatinclusion', 'leeftijd'],
  'participant.surgeryDate': ['surgerydate', 'resectiondate', 'dateofsurgery', 'surgdat', 'operationdate'],
  'participant.pumpDate': ['pumpdate', 'pumpplacementdate', 'haipdate', 'pumpimplantdate'],
  'participant.pumpNotPlacedReason': ['pumpnotplacedreason', 'nopumpreason'],
  'cycle.cycle': ['cycle', 'cyclenumber', 'cycleno', 'cyclenr'],
  'cycle.cycleDate': ['cycledate', 'filldate', 'pumpfilldate', 'cycleday1'],
  'cycle.emptyDate': ['emptydate', 'pumpemptydate'],
  'cycle.flowRateMlDay': ['flowratemlday', 'flowrate', 'pumpflow'],
  'cycle.returnedVolumeMl': ['returnedvolumeml', 'returnedvolume', 'residualvolume'],
  'cycle.doseMg': ['dosemg', 'dose', 'fudrdose', 'fudrdosemg'],
  'cycle.modification': ['modification', 'dosemodification', 'dosemod'],
  'cycle.modificationReason': ['modificationreason', 'dosemodreason'],
  'assessment.month': ['month', 'visitmonth', 'fumonth'],
  'assessment.status': ['status', 'assessmentstatus', 'visitstatus'],
  'assessment.performedDate': ['performeddate', 'assessmentdate', 'visitdate', 'fudate', 'ctdate'],
  'assessment.cea': ['cea', 'ceavalue', 'ceaugl'],
  'assessment.imagingResult': ['imagingresult', 'ctresult', 'imaging'],
  'assessment.missedReason': ['missedreason', 'notdonereason'],
  'event.type': ['type', 'eventtype'],
  'event.date': ['eventdate', 'date', 'onsetdate', 'aestartdate'],
  'event.recurrenceSite': ['recurrencesite', 'recsite'],
  'event.deathCause': ['deathcause', 'causeofdeath', 'dthcause'],
  'event.complicationTerm': ['complicationterm', 'aeterm', 'term'],
  'event.complicationCategory': ['complicationcategory', 'aecategory', 'category'],
  'event.gradeScale': ['gradescale', 'scale'],
  'event.grade': ['grade', 'aegrade', 'claviendindo', 'claviendindograde', 'ctcaegrade'],
  'event.haipRelated': ['haiprelated', 'pumprelated', 'related'],
  'event.resolutionDate': ['resolutiondate', 'aeenddate', 'enddate'],
  'event.reason': ['reason', 'withdrawalreason'],
};

/** Columns of Trialdesk's own export that Trialdesk derives again itself (not imported). */
const DERIVED = new Set([
  'timezero',
  'followupend',
  'offstudydate',
  'offstudyreason',
  'outofwindow',
  'centre',
]);

export function guessTarget(
  item: OdmItemDef,
  def: TrialDefinition,
  targets: Map<string, TargetType>,
): string | null {
  const names = [norm(item.name), norm(item.oid.replace(/^(IT|I)[._]/i, ''))];
  if (names.some((n) => DERIVED.has(n))) return null;
  for (const c of allCriteria(def)) {
    const ids = [norm(c.id), ...('label' in c && c.label ? [norm(c.label.en), norm(c.label.nl)] : [])];
    if (names.some((n) => ids.includes(n))) return `eligibility.${c.id}`;
    if (names.some((n) => ids.some((i) => n === `${i}uln`)))
      return targets.has(`eligibility.${c.id}.uln`) ? `eligibility.${c.id}.uln` : null;
  }
  for (const [target, words] of Object.entries(SYNONYMS))
    if (names.some((n) => words.includes(n))) {
      if (target === 'participant.age' && asksAge(def)) return 'eligibility.age';
      return target;
    }
  return null;
}

const BOOL_WORDS: Record<string, string> = {
  yes: 'true',
  ja: 'true',
  true: 'true',
  no: 'false',
  nee: 'false',
  false: 'false',
};
const SEX_WORDS: Record<string, string> = {
  female: 'female',
  vrouw: 'female',
  f: 'female',
  v: 'female',
  male: 'male',
  man: 'male',
  m: 'male',
};

export function guessCodes(
  item: OdmItemDef,
  type: TargetType | undefined,
): Record<string, string> | undefined {
  if (!item.codeList || !type) return undefined;
  const out: Record<string, string> = {};
  for (const { code, decode } of item.codeList) {
    const d = norm(decode);
    const c = norm(code);
    if (type.kind === 'boolean') {
      const v = BOOL_WORDS[d] ?? BOOL_WORDS[c];
      if (v) out[code] = v;
    } else if (type.kind === 'code') {
      const v =
        type.values.find((x) => norm(x) === d || norm(x) === c) ??
        (type.values.includes('female') ? (SEX_WORDS[d] ?? SEX_WORDS[c]) : undefined);
      if (v && v !== code) out[code] = v;
    }
  }
  return Object.keys(out).length ? out : undefined;
}

export function guessCentre(def: TrialDefinition, site: string, name: string): string | null {
  const hay = norm(`${site} ${name}`);
  const byCode = def.centres.find((c) =>
    new RegExp(`(^|[^a-z])${c.code.toLowerCase()}([^a-z]|$)`).test(`${site} ${name}`.toLowerCase()),
  );
  if (byCode) return byCode.code;
  return def.centres.find((c) => hay.includes(norm(c.name)))?.code ?? null;
}

export function generateMapping(def: TrialDefinition, odm: OdmFile): ImportMapping {
  const targets = importTargets(def);
  const items: Record<string, ItemMapping> = {};
  for (const item of odm.items.values()) {
    const target = guessTarget(item, def, targets);
    const codes = guessCodes(item, target ? targets.get(target) : undefined);
    items[item.oid] = {
      target,
      label: [item.name, item.question].filter(Boolean).join(': ').slice(0, 500),
      ...(codes ? { codes } : {}),
    };
  }
  const siteNames = new Map(odm.locations.map((l) => [l.oid, l.name]));
  for (const s of odm.subjects) if (s.site !== null && !siteNames.has(s.site)) siteNames.set(s.site, '');
  const sites: Record<string, string> = {};
  for (const [site, name] of siteNames) {
    const centre = guessCentre(def, site, name);
    if (centre) sites[site] = centre;
  }
  const studyEvents: ImportMapping['studyEvents'] = {};
  for (const [oid, name] of odm.studyEvents) {
    const m = /month[\s_-]*(\d+)|(\d+)[\s_-]*(?:months?|maanden)|(?:^|[^a-z])m(\d+)(?:[^0-9]|$)/i.exec(
      `${name} ${oid}`,
    );
    const month = m?.[1] ?? m?.[2] ?? m?.[3];
    if (month !== undefined) studyEvents[oid] = { 'assessment.month': Number(month) };
  }
  return { format: MAPPING_FORMAT, trialId: def.id, source: odm.studyOid, sites, studyEvents, items };
}
