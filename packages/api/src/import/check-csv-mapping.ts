// What a CSV mapping says, checked against the trial before any row is read: every column's target is a
// field of the trial, every code of a coded or yes/no column is a value its target takes, every site maps to
// a centre of the trial, every constant is a field with a value it takes. One check for every mapping the
// server is sent (an uploaded file, the import page's edits, the CLI's --mapping), so a mistake in the
// mapping is named once, where it is, instead of refusing every record it touches.
import {
  entryMessage,
  importTargets,
  type CsvMapping,
  type Lang,
  type TargetType,
  type TrialDefinition,
} from '@trialdesk/domain';
import { convertValue } from './convert-value.js';

const allowedOf = (type: TargetType) =>
  type.kind === 'boolean' ? 'true, false' : type.kind === 'code' ? type.values.join(', ') : '';

/** The mapping's mistakes in words (none: it fits the trial). */
export function csvMappingProblems(lang: Lang, def: TrialDefinition, mapping: CsvMapping): string[] {
  const targets = importTargets(def);
  const out: string[] = [];
  const inColumn = (column: string, problem: string) =>
    entryMessage('import.csv.valueProblem', lang, { column, problem });
  for (const [column, m] of Object.entries(mapping.columns)) {
    if (m.target === null) continue;
    const type = targets.get(m.target);
    if (!type) {
      out.push(inColumn(column, entryMessage('import.mapping.target', lang, { target: m.target })));
      continue;
    }
    if (type.kind !== 'boolean' && type.kind !== 'code') continue;
    for (const [value, code] of Object.entries(m.codes ?? {}))
      if (!convertValue(lang, type, code, undefined).ok)
        out.push(
          inColumn(
            column,
            entryMessage('import.mapping.code', lang, {
              value,
              code,
              target: m.target,
              allowed: allowedOf(type),
            }),
          ),
        );
  }
  const centres = def.centres.map((c) => c.code);
  for (const [site, centre] of Object.entries(mapping.sites))
    if (!centres.includes(centre))
      out.push(entryMessage('import.mapping.site', lang, { site, centre, centres: centres.join(', ') }));
  const constants = [
    ...Object.entries(mapping.constants),
    ...Object.values(mapping.groups).flatMap((g) => Object.entries(g)),
  ];
  for (const [target, value] of constants) {
    const type = targets.get(target);
    const read = type ? convertValue(lang, type, String(value), undefined) : null;
    if (read?.ok) continue;
    out.push(
      entryMessage('import.mapping.constant', lang, {
        target,
        problem: read ? read.message : entryMessage('import.mapping.target', lang, { target }),
      }),
    );
  }
  return out;
}
