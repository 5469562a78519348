// Reads a CDISC ODM 1.3 file as Castor, REDCap and OpenClinica export it: the metadata (items, their code
// lists, study events) for the starting mapping, the sites, and every subject's item group data. A file with
// a DOCTYPE is refused before parsing (no entity is ever expanded: no billion laughs, no external entities).
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Lang } from '@trialdesk/domain';
import { importFileError } from './import-error.js';

export interface OdmItemDef {
  oid: string;
  name: string;
  dataType: string;
  question: string | null;
  codeList: { code: string; decode: string }[] | null;
}

export interface OdmGroupData {
  studyEvent: string;
  eventRepeat: string | null;
  form: string;
  formRepeat: string | null;
  group: string;
  groupRepeat: string | null;
  items: { oid: string; value: string }[];
  /** Where the values are in a file that is no ODM (a CSV file's line), for the report. */
  where?: string;
}

export interface OdmSubject {
  key: string;
  site: string | null;
  groups: OdmGroupData[];
}

export interface OdmFile {
  studyOid: string;
  studyName: string;
  sourceSystem: string | null;
  items: Map<string, OdmItemDef>;
  /** Study event OID → name, in the order of the metadata. */
  studyEvents: Map<string, string>;
  /** Item group OID → the item OIDs it holds, in order. */
  itemGroups: Map<string, string[]>;
  locations: { oid: string; name: string }[];
  subjects: OdmSubject[];
}

type Node = Record<string, unknown>;

const REPEATED = new Set([
  'Study',
  'MetaDataVersion',
  'StudyEventDef',
  'ItemGroupDef',
  'ItemRef',
  'ItemDef',
  'CodeList',
  'CodeListItem',
  'TranslatedText',
  'Location',
  'ClinicalData',
  'SubjectData',
  'StudyEventData',
  'FormData',
  'ItemGroupData',
  'ItemData',
  'ItemDataString',
  'ItemDataInteger',
  'ItemDataFloat',
  'ItemDataDate',
  'ItemDataBoolean',
]);

const list = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : v ? [v as Node] : []);

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * The parser expands no entity (a DOCTYPE is refused before it runs), so the five that XML predefines and
 * character references are decoded here, in every value: "ALAT &gt; 3 × ULN" is "ALAT > 3 × ULN".
 */
function decodeXml(s: string): string {
  return s.replace(
    /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(lt|gt|amp|quot|apos));/g,
    (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
      if (name) return XML_ENTITIES[name] ?? whole;
      const cp = hex !== undefined ? parseInt(hex, 16) : Number(dec);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    },
  );
}

const str = (v: unknown): string | null =>
  typeof v === 'string' ? decodeXml(v) : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
const attr = (n: Node, name: string): string | null => str(n[name]);

function translated(n: unknown): string | null {
  const t = list((n as Node | undefined)?.TranslatedText)[0];
  if (!t) return null;
  return typeof t === 'object' ? str(t['#text']) : str(t);
}

/**
 * Deeper than any ODM file (ODM > ClinicalData > SubjectData > StudyEventData > FormData > ItemGroupData >
 * ItemData is 7): the parser refuses beyond it, and so a file of a million nested tags costs no stack.
 */
const MAX_NESTING = 100;

/** What the file itself says in a refusal (a tag name, the parser's words), kept short. */
const bounded = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}...` : s);

/** The parser's own refusals (nesting, what the validator let through) in the import's words, never a 500. */
function parseXml(lang: Lang, parser: XMLParser, text: string): Node {
  try {
    return parser.parse(text) as Node;
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    if (/nested/i.test(problem)) throw importFileError(lang, 'import.file.nesting', { max: MAX_NESTING });
    throw importFileError(lang, 'import.file.notXml', { line: '?', problem: bounded(problem) });
  }
}

/** Parses the text of an ODM file; throws a clear error for anything that is not an ODM document. */
export function readOdm(lang: Lang, text: string): OdmFile {
  const head = text.slice(0, 4096);
  const declared = /^\uFEFF?<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1];
  if (declared && !/^utf-?8$/i.test(declared))
    throw importFileError(lang, 'import.file.encoding', { encoding: declared });
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw importFileError(lang, 'import.file.doctype');
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    throw importFileError(lang, 'import.file.notXml', {
      line: valid.err.line,
      problem: bounded(valid.err.msg),
    });
  const parser = new XMLParser({
    maxNestedTags: MAX_NESTING,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    processEntities: false,
    parseAttributeValue: false,
    parseTagValue: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    isArray: (name) => REPEATED.has(name),
  });
  const doc = parseXml(lang, parser, text);
  const rootName = Object.keys(doc).find((k) => !k.startsWith('?') && k !== '#text') ?? '?';
  if (rootName !== 'ODM') throw importFileError(lang, 'import.file.notOdm', { root: bounded(rootName) });
  const odm = doc.ODM as Node;
  const study = list(odm.Study)[0] ?? {};
  const studyOid = attr(study, 'OID') ?? '';
  const globals = (study.GlobalVariables ?? {}) as Node;
  const mdv = list(study.MetaDataVersion)[0] ?? {};
  const codeLists = new Map(
    list(mdv.CodeList).map((cl) => [
      attr(cl, 'OID') ?? '',
      list(cl.CodeListItem).map((i) => ({
        code: attr(i, 'CodedValue') ?? '',
        decode: translated(i.Decode) ?? attr(i, 'CodedValue') ?? '',
      })),
    ]),
  );
  const items = new Map<string, OdmItemDef>();
  for (const d of list(mdv.ItemDef)) {
    const oid = attr(d, 'OID');
    if (!oid) continue;
    const ref = attr((d.CodeListRef ?? {}) as Node, 'CodeListOID');
    items.set(oid, {
      oid,
      name: attr(d, 'Name') ?? oid,
      dataType: attr(d, 'DataType') ?? 'text',
      question: translated(d.Question) ?? translated(d.Description),
      codeList: ref ? (codeLists.get(ref) ?? null) : null,
    });
  }
  const studyEvents = new Map(
    list(mdv.StudyEventDef).map((e) => [attr(e, 'OID') ?? '', attr(e, 'Name') ?? attr(e, 'OID') ?? '']),
  );
  const itemGroups = new Map(
    list(mdv.ItemGroupDef).map((g) => [
      attr(g, 'OID') ?? '',
      list(g.ItemRef).map((r) => attr(r, 'ItemOID') ?? ''),
    ]),
  );
  const locations = list(((odm.AdminData ?? {}) as Node).Location).map((l) => ({
    oid: attr(l, 'OID') ?? '',
    name: attr(l, 'Name') ?? '',
  }));
  const clinical = list(odm.ClinicalData);
  const subjects = clinical.flatMap((cd) => {
    // OpenClinica exports a site's subjects under the site's own study OID.
    const cdStudy = attr(cd, 'StudyOID');
    const siteStudy = cdStudy && cdStudy !== studyOid ? cdStudy : null;
    return list(cd.SubjectData)
      .filter((s) => attr(s, 'TransactionType') !== 'Remove')
      .map((s) => readSubject(s, siteStudy));
  });
  return {
    studyOid,
    studyName: str(globals.StudyName) ?? studyOid,
    sourceSystem: attr(odm, 'SourceSystem'),
    items,
    studyEvents,
    itemGroups,
    locations,
    subjects,
  };
}

function itemValues(g: Node): { oid: string; value: string }[] {
  const out: { oid: string; value: string }[] = [];
  for (const i of list(g.ItemData)) {
    const oid = attr(i, 'ItemOID');
    const value = attr(i, 'Value');
    if (oid && value !== null && attr(i, 'IsNull') !== 'Yes') out.push({ oid, value });
  }
  // ODM 1.3's typed forms (ItemDataString …) carry the value as text.
  for (const tag of ['ItemDataString', 'ItemDataInteger', 'ItemDataFloat', 'ItemDataDate', 'ItemDataBoolean'])
    for (const i of list(g[tag])) {
      const oid = attr(i, 'ItemOID');
      const value = str(i['#text']);
      if (oid && value !== null) out.push({ oid, value });
    }
  return out;
}

function readSubject(s: Node, siteStudy: string | null): OdmSubject {
  const site =
    attr((s.SiteRef ?? {}) as Node, 'LocationOID') ?? attr(s, 'DataAccessGroup') ?? siteStudy ?? null;
  const groups: OdmGroupData[] = [];
  for (const e of list(s.StudyEventData))
    for (const f of list(e.FormData))
      for (const g of list(f.ItemGroupData))
        groups.push({
          studyEvent: attr(e, 'StudyEventOID') ?? '',
          eventRepeat: attr(e, 'StudyEventRepeatKey'),
          form: attr(f, 'FormOID') ?? '',
          formRepeat: attr(f, 'FormRepeatKey') ?? attr(f, 'RepeatInstance'),
          group: attr(g, 'ItemGroupOID') ?? '',
          groupRepeat: attr(g, 'ItemGroupRepeatKey'),
          items: itemValues(g),
        });
  return { key: attr(s, 'SubjectKey') ?? '', site, groups };
}
