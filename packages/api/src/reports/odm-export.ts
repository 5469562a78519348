// CDISC ODM 1.3.2 export of a data cut: the study metadata (study events for inclusion, each treatment
// cycle, each follow-up assessment and clinical events, with their forms, item groups, items and code
// lists), the sites and users (AdminData), the clinical data per subject with its site reference, and the
// trial's audit trail up to the moment the cut was frozen (ClinicalData/AuditRecords). The inclusion form
// holds the participant and the eligibility form the inclusion was decided on (every criterion's answer or
// measured value, its upper limit of normal, the lab date), so that the file imports again (round trip).
import type { TrialAuditRecord } from '@trialdesk/db';
import {
  allCriteria,
  type DatasetParticipant,
  type TrialDataset,
  type TrialDefinition,
} from '@trialdesk/domain';
import {
  assessmentColumns,
  assessmentValues,
  cycleColumns,
  cycleValues,
  eventColumns,
  eventValues,
  participantColumns,
  participantValues,
  type Cell,
  type ColumnDef,
} from './export-tables.js';
import { latestCasebookSignatures, signatureStatement, type ExportedSignature } from './signature-export.js';

type Attrs = Record<string, string | number | null | undefined>;

const esc = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

function el(name: string, attrs: Attrs, children: string | readonly string[] = []): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${esc(String(v))}"`)
    .join('');
  const body = typeof children === 'string' ? esc(children) : children.join('');
  return body === '' ? `<${name}${a}/>` : `<${name}${a}>${body}</${name}>`;
}

const text = (t: string) => el('TranslatedText', { 'xml:lang': 'en' }, t);
const oidOf = (c: ColumnDef) => `IT.${c.name.toUpperCase()}`;
const ODM_TYPE: Record<ColumnDef['type'], string> = {
  text: 'text',
  integer: 'integer',
  float: 'float',
  date: 'date',
  boolean: 'boolean',
};

interface Group {
  event: string;
  eventName: string;
  repeating: boolean;
  type: 'Scheduled' | 'Common';
  form: string;
  group: string;
  name: string;
  columns: readonly ColumnDef[];
}

/** ODM only: what the CSV tables leave out but an import needs to record the surgery again. */
const pumpNotPlacedColumn: ColumnDef = {
  name: 'pump_not_placed_reason',
  type: 'text',
  description: 'Why no pump was placed at surgery',
};

const ELIGIBILITY = { form: 'F.INCLUSION', group: 'IG.ELIGIBILITY', name: 'Eligibility' } as const;
const eligibilityOid = (c: ColumnDef) => `IT.ELIG.${c.name.toUpperCase()}`;

/** The eligibility form's items: the lab date, then every criterion (and its upper limit of normal). */
function eligibilityColumns(def: TrialDefinition): ColumnDef[] {
  return [
    { name: 'lab_date', type: 'date', description: 'Date the screening laboratory values were taken' },
    ...allCriteria(def).flatMap((c): ColumnDef[] =>
      c.kind === 'confirm'
        ? [{ name: c.id, type: 'boolean', description: c.text.en }]
        : [
            { name: c.id, type: c.integer ? 'integer' : 'float', description: `${c.text.en} (${c.unit})` },
            ...(c.relativeToUln
              ? [
                  {
                    name: `${c.id}_uln`,
                    type: 'float' as const,
                    description: `Upper limit of normal of ${c.id}`,
                  },
                ]
              : []),
          ],
    ),
  ];
}

function eligibilityValues(def: TrialDefinition, p: DatasetParticipant): Cell[] {
  const e = p.eligibility;
  if (!e) return [];
  return [
    e.labDate,
    ...allCriteria(def).flatMap((c): Cell[] =>
      c.kind === 'confirm'
        ? [e.answers[c.id] ?? null]
        : [e.measures[c.id]?.value ?? null, ...(c.relativeToUln ? [e.measures[c.id]?.uln ?? null] : [])],
    ),
  ];
}

// study_id is the SubjectKey, so it is not repeated as an item.
const GROUPS: readonly Group[] = [
  {
    event: 'SE.INCLUSION',
    eventName: 'Inclusion',
    repeating: false,
    type: 'Scheduled',
    form: 'F.INCLUSION',
    group: 'IG.PARTICIPANT',
    name: 'Participant',
    columns: [...participantColumns.slice(1), pumpNotPlacedColumn],
  },
  {
    event: 'SE.CYCLE',
    eventName: 'Treatment cycle',
    repeating: true,
    type: 'Scheduled',
    form: 'F.CYCLE',
    group: 'IG.CYCLE',
    name: 'Treatment cycle',
    columns: cycleColumns.slice(1),
  },
  {
    event: 'SE.FOLLOWUP',
    eventName: 'Follow-up assessment',
    repeating: true,
    type: 'Scheduled',
    form: 'F.ASSESSMENT',
    group: 'IG.ASSESSMENT',
    name: 'Assessment',
    columns: assessmentColumns.slice(1),
  },
  {
    event: 'SE.EVENTS',
    eventName: 'Clinical events',
    repeating: true,
    type: 'Common',
    form: 'F.EVENT',
    group: 'IG.EVENT',
    name: 'Clinical event',
    columns: eventColumns.slice(1),
  },
];

function uniqueColumns(): ColumnDef[] {
  const seen = new Map<string, ColumnDef>();
  for (const g of GROUPS) for (const c of g.columns) if (!seen.has(c.name)) seen.set(c.name, c);
  return [...seen.values()];
}

function metaData(def: TrialDefinition): string {
  const items = uniqueColumns();
  const eligibility = eligibilityColumns(def);
  return el('MetaDataVersion', { OID: 'MDV.1', Name: `${def.code} metadata, version 1` }, [
    el(
      'Protocol',
      {},
      GROUPS.map((g, i) =>
        el('StudyEventRef', { StudyEventOID: g.event, OrderNumber: i + 1, Mandatory: 'No' }),
      ),
    ),
    ...GROUPS.map((g) =>
      el(
        'StudyEventDef',
        { OID: g.event, Name: g.eventName, Repeating: g.repeating ? 'Yes' : 'No', Type: g.type },
        [el('FormRef', { FormOID: g.form, Mandatory: 'Yes' })],
      ),
    ),
    ...GROUPS.map((g) =>
      el('FormDef', { OID: g.form, Name: g.name, Repeating: 'No' }, [
        el('ItemGroupRef', { ItemGroupOID: g.group, Mandatory: 'Yes' }),
        ...(g.form === ELIGIBILITY.form
          ? [el('ItemGroupRef', { ItemGroupOID: ELIGIBILITY.group, Mandatory: 'No' })]
          : []),
      ]),
    ),
    ...GROUPS.map((g) =>
      el(
        'ItemGroupDef',
        { OID: g.group, Name: g.name, Repeating: 'No' },
        g.columns.map((c) => el('ItemRef', { ItemOID: oidOf(c), Mandatory: 'No' })),
      ),
    ),
    el(
      'ItemGroupDef',
      { OID: ELIGIBILITY.group, Name: ELIGIBILITY.name, Repeating: 'No' },
      eligibility.map((c) => el('ItemRef', { ItemOID: eligibilityOid(c), Mandatory: 'No' })),
    ),
    ...items.map((c) =>
      el('ItemDef', { OID: oidOf(c), Name: c.name, DataType: ODM_TYPE[c.type] }, [
        el('Description', {}, [text(c.description)]),
        ...(c.values ? [el('CodeListRef', { CodeListOID: `CL.${c.name.toUpperCase()}` })] : []),
      ]),
    ),
    ...eligibility.map((c) =>
      el('ItemDef', { OID: eligibilityOid(c), Name: c.name, DataType: ODM_TYPE[c.type] }, [
        el('Description', {}, [text(c.description)]),
      ]),
    ),
    ...items
      .filter((c) => c.values)
      .map((c) =>
        el(
          'CodeList',
          { OID: `CL.${c.name.toUpperCase()}`, Name: c.name, DataType: 'text' },
          (c.values ?? []).map((v) => el('CodeListItem', { CodedValue: v }, [el('Decode', {}, [text(v)])])),
        ),
      ),
  ]);
}

function value(v: Cell): string | null {
  if (v === null) return null;
  return typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v);
}

function itemGroup(
  group: string,
  columns: readonly ColumnDef[],
  values: readonly Cell[],
  oid: (c: ColumnDef) => string = oidOf,
): string {
  return el(
    'ItemGroupData',
    { ItemGroupOID: group },
    columns.flatMap((c, i) => {
      const v = value(values[i] ?? null);
      return v === null ? [] : [el('ItemData', { ItemOID: oid(c), Value: v })];
    }),
  );
}

function eventData(g: Group, repeatKey: number | null, values: readonly Cell[], more: string[] = []): string {
  return el('StudyEventData', { StudyEventOID: g.event, StudyEventRepeatKey: repeatKey ?? undefined }, [
    el('FormData', { FormOID: g.form }, [itemGroup(g.group, g.columns, values), ...more]),
  ]);
}

export function odmXml(input: {
  def: TrialDefinition;
  data: TrialDataset;
  cut: { id: number; label: string; contentHash: string };
  audit: readonly TrialAuditRecord[];
  /** Casebook and cut signatures with their state at export (signature-export.ts); none: no elements. */
  signatures?: readonly ExportedSignature[];
  createdAt: string;
}): string {
  const { def, data, cut } = input;
  const eligibility = eligibilityColumns(def);
  const studyOid = `ST.${def.code}`;
  const [inc, cyc, fu, ev] = GROUPS as [Group, Group, Group, Group];
  const users = [...new Set(input.audit.map((a) => a.username ?? 'system'))];
  const locations = [
    ...def.centres.map((c) => ({ oid: `LOC.${c.code}`, name: c.name })),
    { oid: 'LOC.SYSTEM', name: 'Trialdesk (central)' },
  ];
  // Signatures: one SignatureDef per meaning shown, one User per signer, the latest casebook signature in
  // its SubjectData and its state (valid or no longer valid at export) in an Annotation beside it.
  const signatures = input.signatures ?? [];
  const meanings = [...new Set(signatures.map((s) => s.meaning))];
  const signers = [...new Set(signatures.map((s) => s.signerName))];
  const sigDef = (s: ExportedSignature) => `SD.${meanings.indexOf(s.meaning) + 1}`;
  const signer = (s: ExportedSignature) => `USR.SIGNER.${signers.indexOf(s.signerName) + 1}`;
  const signatureEl = (s: ExportedSignature, id?: string) =>
    el('Signature', { ID: id }, [
      el('UserRef', { UserOID: signer(s) }),
      el('LocationRef', { LocationOID: s.centre ? `LOC.${s.centre}` : 'LOC.SYSTEM' }),
      el('SignatureRef', { SignatureOID: sigDef(s) }),
      el('DateTimeStamp', {}, s.signedAt),
    ]);
  const note = (s: ExportedSignature, seq: number, id?: string) =>
    el('Annotation', { ID: id, SeqNum: seq }, [
      el('Comment', { SponsorOrSite: 'Sponsor' }, signatureStatement(s)),
    ]);
  const casebookSignature = latestCasebookSignatures(signatures);
  const cutSignatures = signatures.filter((s) => s.kind === 'data_cut');
  const subjects = data.participants.map((p) => {
    const s = casebookSignature.get(p.studyId);
    return el('SubjectData', { SubjectKey: p.studyId, TransactionType: 'Insert' }, [
      ...(s ? [signatureEl(s)] : []),
      el('SiteRef', { LocationOID: `LOC.${p.centre}` }),
      ...(s ? [note(s, 1)] : []),
      eventData(
        inc,
        null,
        [...participantValues(p), p.pumpNotPlacedReason ?? null],
        p.eligibility
          ? [itemGroup(ELIGIBILITY.group, eligibility, eligibilityValues(def, p), eligibilityOid)]
          : [],
      ),
      ...p.cycles.map((c) => eventData(cyc, c.cycle, cycleValues(c))),
      ...p.assessments.map((a) => eventData(fu, a.month, assessmentValues(a))),
      ...p.events.map((e, i) => eventData(ev, i + 1, eventValues(e))),
    ]);
  });
  const auditRecords = input.audit.map((a) =>
    el('AuditRecord', { ID: `AR.${a.seq}`, EditPoint: 'Server', UsedImputationMethod: 'No' }, [
      el('UserRef', { UserOID: `USR.${a.username ?? 'system'}` }),
      el('LocationRef', { LocationOID: a.centre ? `LOC.${a.centre}` : 'LOC.SYSTEM' }),
      el('DateTimeStamp', {}, a.at),
      ...(a.reason ? [el('ReasonForChange', {}, a.reason)] : []),
      el(
        'SourceID',
        {},
        `${a.action} ${a.entityType}${a.entityId ? ` ${a.entityId}` : ''}${a.participant ? ` (${a.participant})` : ''}`,
      ),
    ]),
  );
  const body = [
    el('Study', { OID: studyOid }, [
      el('GlobalVariables', {}, [
        el('StudyName', {}, def.code),
        el('StudyDescription', {}, `${def.title.en}${data.synthetic ? ' (SYNTHETIC DATA)' : ''}`),
        el('ProtocolName', {}, def.code),
      ]),
      metaData(def),
    ]),
    el('AdminData', { StudyOID: studyOid }, [
      ...users.map((u) => el('User', { OID: `USR.${u}` }, [el('LoginName', {}, u)])),
      ...signers.map((name, i) => el('User', { OID: `USR.SIGNER.${i + 1}` }, [el('FullName', {}, name)])),
      ...locations.map((l) =>
        el(
          'Location',
          { OID: l.oid, Name: l.name, LocationType: l.oid === 'LOC.SYSTEM' ? 'Sponsor' : 'Site' },
          [
            el('MetaDataVersionRef', {
              StudyOID: studyOid,
              MetaDataVersionOID: 'MDV.1',
              EffectiveDate: def.recruitment.plannedStart,
            }),
          ],
        ),
      ),
      ...meanings.map((meaning, i) =>
        el('SignatureDef', { OID: `SD.${i + 1}`, Methodology: 'Electronic' }, [
          el('Meaning', {}, meaning),
          el('LegalReason', {}, '21 CFR Part 11 §11.50, §11.200; EU GMP Annex 11'),
        ]),
      ),
    ]),
    el('ClinicalData', { StudyOID: studyOid, MetaDataVersionOID: 'MDV.1' }, [
      ...subjects,
      ...(auditRecords.length ? [el('AuditRecords', {}, auditRecords)] : []),
      ...(cutSignatures.length
        ? [
            el(
              'Signatures',
              {},
              cutSignatures.map((s) => signatureEl(s, `SG.CUT.${s.id}`)),
            ),
          ]
        : []),
      ...(cutSignatures.length
        ? [
            el(
              'Annotations',
              {},
              cutSignatures.map((s, i) => note(s, i + 1, `AN.CUT.${s.id}`)),
            ),
          ]
        : []),
    ]),
  ];
  const root = el(
    'ODM',
    {
      xmlns: 'http://www.cdisc.org/ns/odm/v1.3',
      ODMVersion: '1.3.2',
      FileType: 'Snapshot',
      Granularity: 'All',
      FileOID: `${def.code}.CUT.${cut.id}`,
      CreationDateTime: input.createdAt,
      AsOfDateTime: `${data.asOf}T23:59:59`,
      Originator: 'Trialdesk',
      SourceSystem: 'Trialdesk',
      Description: `Data cut "${cut.label}", as of ${data.asOf}, SHA-256 ${cut.contentHash}${data.synthetic ? '. SYNTHETIC DATA' : ''}`,
    },
    body,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;
}
