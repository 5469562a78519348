// What is new since the last meeting: two datasets (an earlier cut and a later cut, or live data)
// compared record by record. Records are matched by their database id, so a correction shows as
// "changed" and a record voided since as "removed", never as new.
import { canonicalJson, type DatasetEvent, type TrialDataset } from '@trialdesk/domain';

export const eventTypes: readonly DatasetEvent['type'][] = [
  'recurrence',
  'death',
  'complication',
  'withdrawal',
  'lost_to_follow_up',
];

export interface ChangeCounts {
  screenings: number;
  inclusions: number;
  cycles: number;
  assessments: number;
  events: Record<DatasetEvent['type'], number>;
}

export interface CutComparison {
  from: { asOf: string };
  to: { asOf: string };
  added: { total: ChangeCounts; byCentre: ({ centre: string } & ChangeCounts)[] };
  changed: ChangeCounts;
  removed: ChangeCounts;
}

type Kind = 'screenings' | 'inclusions' | 'cycles' | 'assessments' | DatasetEvent['type'];
interface Row {
  key: string;
  kind: Kind;
  centre: string;
  content: string;
}

function rows(data: TrialDataset): Map<string, Row> {
  const out = new Map<string, Row>();
  const put = (kind: Kind, id: number, centre: string, value: unknown) => {
    const group = eventTypes.includes(kind as DatasetEvent['type']) ? 'event' : kind;
    out.set(`${group}:${id}`, { key: `${group}:${id}`, kind, centre, content: canonicalJson(value) });
  };
  for (const s of data.screenings) put('screenings', s.id, s.centre, s);
  for (const p of data.participants) {
    const { slots: _s, cycles, assessments, events, ...core } = p;
    put('inclusions', p.id, p.centre, core);
    for (const c of cycles) put('cycles', c.id, p.centre, c);
    for (const a of assessments) put('assessments', a.id, p.centre, a);
    for (const e of events) put(e.type, e.id, p.centre, e);
  }
  return out;
}

const empty = (): ChangeCounts => ({
  screenings: 0,
  inclusions: 0,
  cycles: 0,
  assessments: 0,
  events: { recurrence: 0, death: 0, complication: 0, withdrawal: 0, lost_to_follow_up: 0 },
});

function bump(c: ChangeCounts, kind: Kind): void {
  if (kind === 'screenings' || kind === 'inclusions' || kind === 'cycles' || kind === 'assessments')
    c[kind] += 1;
  else c.events[kind] += 1;
}

export function compareDatasets(
  from: TrialDataset,
  to: TrialDataset,
  centres: readonly string[],
): CutComparison {
  const a = rows(from);
  const b = rows(to);
  const total = empty();
  const byCentre = new Map(centres.map((c) => [c, empty()]));
  const changed = empty();
  const removed = empty();
  for (const [key, row] of b) {
    const old = a.get(key);
    if (!old) {
      bump(total, row.kind);
      const c = byCentre.get(row.centre) ?? empty();
      bump(c, row.kind);
      byCentre.set(row.centre, c);
    } else if (old.content !== row.content) bump(changed, row.kind);
  }
  for (const [key, row] of a) if (!b.has(key)) bump(removed, row.kind);
  return {
    from: { asOf: from.asOf },
    to: { asOf: to.asOf },
    added: { total, byCentre: [...byCentre.entries()].map(([centre, c]) => ({ centre, ...c })) },
    changed,
    removed,
  };
}
