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
    colCodes: 'Codes (value in the file → value in Trialdesk)',
    codeFor: 'Code for “{value}” in column {column}',
    guessed: 'guessed: check',
    guessedCount:
      '{n, plural, one {# column guessed from its name and values} other {# columns guessed from their names and values}}: check them',
    problemsTitle:
      '{n, plural, one {# value the mapping cannot read yet} other {# values the mapping cannot read yet}}: map them, or the dry run refuses their records',
    sitesTitle: 'Sites (column {column})',
    centresAre: 'The trial’s centres: {centres}. Type the centre code for each site of the file.',
    centreFor: 'Centre for “{site}”',
    constantsTitle: 'Constants of every record',
    constantsHelp:
      'A value every record of the file gets, such as the grade scale or, for a file of complications only, the event type.',
    constantValue: 'Value of {field}',
    newConstantField: 'New constant: field',
    newConstantValue: 'New constant: value',
    addConstant: 'Add constant',
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
    colCodes: 'Codes (waarde in het bestand → waarde in Trialdesk)',
    codeFor: 'Code voor “{value}” in kolom {column}',
    guessed: 'geraden: controleer',
    guessedCount:
      '{n, plural, one {# kolom geraden uit naam en waarden} other {# kolommen geraden uit naam en waarden}}: controleer ze',
    problemsTitle:
      '{n, plural, one {# waarde die de mapping nog niet kan lezen} other {# waarden die de mapping nog niet kan lezen}}: koppel ze, anders weigert de proefimport hun records',
    sitesTitle: 'Centra (kolom {column})',
    centresAre: 'De centra van de studie: {centres}. Typ voor elk centrum in het bestand de centrumcode.',
    centreFor: 'Centrum voor “{site}”',
    constantsTitle: 'Vaste waarden van elk record',
    constantsHelp:
      'Een waarde die elk record van het bestand krijgt, zoals de graderingsschaal of, voor een bestand met alleen complicaties, het soort gebeurtenis.',
    constantValue: 'Waarde van {field}',
    newConstantField: 'Nieuwe vaste waarde: veld',
    newConstantValue: 'Nieuwe vaste waarde: waarde',
    addConstant: 'Vaste waarde toevoegen',
  },
});
