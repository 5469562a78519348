import type { CsvMapping } from '@trialdesk/domain';
import { describe, expect, it } from 'vitest';
import {
  isCsvName,
  setColumnCode,
  setColumnTarget,
  setConstant,
  setSite,
  setDateFormat,
  setSiteColumn,
  setSubjectColumn,
} from './csv-mapping-state';

const start = (): CsvMapping => ({
  format: 'trialdesk-csv-mapping/1',
  trialId: 'pump-iii',
  subjectColumn: 'Participant Id',
  siteColumn: 'Site',
  sites: { 'Erasmus MC': 'EMC' },
  dateFormat: 'DD-MM-YYYY',
  constants: {},
  groups: {},
  columns: {
    'Inclusion date': { target: 'participant.inclusionDate', label: 'Inclusion date' },
    Sex: { target: 'participant.sex', label: 'Sex', codes: { F: 'female', M: 'male' }, guessed: true },
    Notes: { target: null, label: 'Notes' },
  },
});

describe('the CSV column mapping', () => {
  it('changes one column’s target and back, leaving the rest', () => {
    const off = setColumnTarget(start(), 'Inclusion date', null);
    expect(off.columns['Inclusion date']).toEqual({ target: null, label: 'Inclusion date' });
    expect(off.columns.Sex).toEqual(start().columns.Sex);
    expect(setColumnTarget(off, 'Inclusion date', 'participant.inclusionDate')).toEqual(start());
  });

  it('drops the codes of the old target, keeps them when the target stays', () => {
    expect(setColumnTarget(start(), 'Sex', 'participant.sex')).toEqual(start());
    // A target the data manager chose is no longer the starting mapping's guess.
    expect(setColumnTarget(start(), 'Sex', null).columns.Sex).toEqual({ target: null, label: 'Sex' });
    expect(setColumnTarget(start(), 'No such column', null)).toEqual(start());
  });

  it('a new study-ID column leaves the mapped columns; the old one comes back, not imported', () => {
    const m = setSubjectColumn(start(), 'Notes');
    expect(m.subjectColumn).toBe('Notes');
    expect(Object.keys(m.columns).sort()).toEqual(['Inclusion date', 'Participant Id', 'Sex']);
    expect(m.columns['Participant Id']).toEqual({ target: null, label: 'Participant Id' });
  });

  it('the site column as study-ID column leaves no site column', () => {
    const m = setSubjectColumn(start(), 'Site');
    expect(m).toMatchObject({ subjectColumn: 'Site', siteColumn: null, sites: {} });
    expect(m.columns['Participant Id']?.target).toBeNull();
    expect(m.columns.Site).toBeUndefined();
  });

  it('no site column, then another one; never the study-ID column', () => {
    const none = setSiteColumn(start(), null);
    expect(none).toMatchObject({ siteColumn: null, sites: {} });
    expect(none.columns.Site).toEqual({ target: null, label: 'Site' });
    const notes = setSiteColumn(none, 'Notes');
    expect(notes.siteColumn).toBe('Notes');
    expect(notes.columns.Notes).toBeUndefined();
    expect(setSiteColumn(start(), 'Participant Id')).toEqual(start());
  });

  it('the date format, and which files are CSV', () => {
    expect(setDateFormat(start(), 'MM/DD/YYYY').dateFormat).toBe('MM/DD/YYYY');
    expect(['a.csv', 'b.TSV', 'c.txt', 'd.xml', 'e.odm.xml'].map(isCsvName)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it("edits one value's code, adds one, and an empty code takes it out; the column is no longer a guess", () => {
    const v = setColumnCode(start(), 'Sex', 'F', 'male');
    expect(v.columns.Sex).toEqual({
      target: 'participant.sex',
      label: 'Sex',
      codes: { F: 'male', M: 'male' },
    });
    const added = setColumnCode(v, 'Sex', 'Vrouw', 'female');
    expect(added.columns.Sex?.codes).toEqual({ F: 'male', M: 'male', Vrouw: 'female' });
    const gone = setColumnCode(setColumnCode(added, 'Sex', 'F', ''), 'Sex', 'M', '');
    expect(gone.columns.Sex?.codes).toEqual({ Vrouw: 'female' });
    expect(setColumnCode(gone, 'Sex', 'Vrouw', '').columns.Sex).toEqual({
      target: 'participant.sex',
      label: 'Sex',
    });
    expect(setColumnCode(start(), 'No such column', 'F', 'x')).toEqual(start());
    expect(added.columns['Inclusion date']).toEqual(start().columns['Inclusion date']);
  });

  it('maps a site to a centre and back, and sets and clears a constant', () => {
    const ijs = setSite(start(), 'IJsselland', 'IJS');
    expect(ijs.sites).toEqual({ 'Erasmus MC': 'EMC', IJsselland: 'IJS' });
    expect(setSite(ijs, 'Erasmus MC', '').sites).toEqual({ IJsselland: 'IJS' });
    const c = setConstant(start(), 'event.gradeScale', 'ctcae');
    expect(c.constants).toEqual({ 'event.gradeScale': 'ctcae' });
    expect(setConstant(c, 'event.gradeScale', '')).toEqual(start());
  });
});
