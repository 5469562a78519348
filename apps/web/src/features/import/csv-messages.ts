// Words of the CSV mapping step of the import page: the file's columns and first rows, and which column is
// the study ID, which the site, how dates are written, and what each other column feeds.
import { defineMessages } from '../../i18n/catalogue';

export const csvMessages = defineMessages({
  en: {
    csvChosen: '{name}: {size}, {rows, plural, one {# row} other {# rows}}',
    runningRows: 'Checking {rows, plural, one {# row} other {# rows}}…',
    previewTable: 'The first rows of the file',
    previewShown: 'The first {shown} of {rows, plural, one {# row} other {# rows}}, as the file has them.',
    subjectColumn: 'Study-ID column',
    siteColumn: 'Site column',
    noSiteColumn: '(none: the file has no site)',
    dateFormat: 'Dates in the file',
    csvMappingTable: 'Column mapping',
    csvMappingCount: '{mapped, plural, one {# column mapped} other {# columns mapped}} of {total}',
    colColumn: 'Column of the file',
    colExample: 'First value',
    targetOfColumn: 'Field for column {column}',
  },
  nl: {
    csvChosen: '{name}: {size}, {rows, plural, one {# rij} other {# rijen}}',
    runningRows: '{rows, plural, one {# rij} other {# rijen}} worden gecontroleerd…',
    previewTable: 'De eerste rijen van het bestand',
    previewShown: 'De eerste {shown} van {rows, plural, one {# rij} other {# rijen}}, zoals in het bestand.',
    subjectColumn: 'Kolom met studienummer',
    siteColumn: 'Kolom met centrum',
    noSiteColumn: '(geen: het bestand noemt geen centrum)',
    dateFormat: 'Datums in het bestand',
    csvMappingTable: 'Koppeling van kolommen',
    csvMappingCount: '{mapped, plural, one {# kolom gekoppeld} other {# kolommen gekoppeld}} van {total}',
    colColumn: 'Kolom van het bestand',
    colExample: 'Eerste waarde',
    targetOfColumn: 'Veld voor kolom {column}',
  },
});
