// Words of the data import (ODM and CSV) in English and Dutch, merged into the entry catalogue
// (entry/messages.ts) so refusals and the dry-run report word them like every other entry rule.
export const importMessages = {
  'import.file.empty': { en: 'The file is empty.', nl: 'Het bestand is leeg.' },
  'import.file.tooLarge': {
    en: 'The file is {size} MB; an import takes at most {max} MB. Split the export (for example per site) and import the parts.',
    nl: 'Het bestand is {size} MB; een import neemt hoogstens {max} MB. Splits de export (bijvoorbeeld per centrum) en importeer de delen.',
  },
  'import.file.utf16': {
    en: 'The file is UTF-16 encoded; export it (or save it) as UTF-8 and try again.',
    nl: 'Het bestand is in UTF-16 gecodeerd; exporteer (of bewaar) het als UTF-8 en probeer het opnieuw.',
  },
  'import.file.encoding': {
    en: 'The file declares the encoding {encoding}; Trialdesk reads UTF-8 only. Export it as UTF-8.',
    nl: 'Het bestand geeft de codering {encoding} op; Trialdesk leest alleen UTF-8. Exporteer het als UTF-8.',
  },
  'import.file.notUtf8': {
    en: 'The file is not valid UTF-8 (a broken byte sequence near byte {offset}); export it as UTF-8.',
    nl: 'Het bestand is geen geldige UTF-8 (een kapotte bytereeks bij byte {offset}); exporteer het als UTF-8.',
  },
  'import.file.doctype': {
    en: 'The file contains a DOCTYPE or entity declaration; ODM files have none, and Trialdesk does not expand entities.',
    nl: 'Het bestand bevat een DOCTYPE- of entiteitsdeclaratie; ODM-bestanden hebben die niet, en Trialdesk breidt geen entiteiten uit.',
  },
  'import.file.notXml': {
    en: 'The file is not well-formed XML (line {line}: {problem}).',
    nl: 'Het bestand is geen correcte XML (regel {line}: {problem}).',
  },
  'import.file.nesting': {
    en: 'The file is nested more than {max} levels deep; an ODM export is nested fewer than 10. Export it again from the EDC.',
    nl: 'Het bestand is meer dan {max} niveaus diep genest; een ODM-export is minder dan 10 niveaus diep. Exporteer het opnieuw uit het EDC.',
  },
  'import.file.notOdm': {
    en: 'The file is XML but not CDISC ODM (its root element is <{root}>, not <ODM>).',
    nl: 'Het bestand is XML maar geen CDISC ODM (het hoofdelement is <{root}>, niet <ODM>).',
  },
  'import.file.noClinicalData': {
    en: 'The ODM file holds no clinical data (no ClinicalData/SubjectData): export the data, not only the metadata.',
    nl: 'Het ODM-bestand bevat geen klinische gegevens (geen ClinicalData/SubjectData): exporteer de gegevens, niet alleen de metadata.',
  },
  'import.mapping.invalid': {
    en: 'The mapping file is not a valid Trialdesk mapping: {problem}',
    nl: 'Het mappingbestand is geen geldige Trialdesk-mapping: {problem}',
  },
  'import.mapping.otherTrial': {
    en: 'The mapping was made for trial {mapped}, not for {trial}.',
    nl: 'De mapping is gemaakt voor studie {mapped}, niet voor {trial}.',
  },
  'import.mapping.wrong': {
    en: 'The mapping does not fit this trial: {problems}',
    nl: 'De mapping past niet bij deze studie: {problems}',
  },
  'import.mapping.code': {
    en: 'the code for “{value}” is “{code}”, which {target} does not take (allowed: {allowed}).',
    nl: 'de code voor “{value}” is “{code}”, wat {target} niet aanneemt (toegestaan: {allowed}).',
  },
  'import.mapping.site': {
    en: 'The site “{site}” is mapped to “{centre}”, which is no centre of this trial (centres: {centres}).',
    nl: 'Het centrum “{site}” is gekoppeld aan “{centre}”, geen centrum van deze studie (centra: {centres}).',
  },
  'import.mapping.constant': {
    en: 'The constant {target}: {problem}',
    nl: 'De vaste waarde {target}: {problem}',
  },
  'import.mapping.target': {
    en: 'Unknown target field “{target}”.',
    nl: 'Onbekend doelveld “{target}”.',
  },
  'import.value.code': {
    en: 'Unknown code “{value}” (allowed: {allowed}); add it to the mapping’s codes.',
    nl: 'Onbekende code “{value}” (toegestaan: {allowed}); voeg hem toe aan de codes van de mapping.',
  },
  'import.value.number': { en: 'Not a number: “{value}”.', nl: 'Geen getal: “{value}”.' },
  'import.value.integer': { en: 'Not a whole number: “{value}”.', nl: 'Geen geheel getal: “{value}”.' },
  'import.value.boolean': {
    en: 'Not yes/no: “{value}” (map it in the mapping’s codes).',
    nl: 'Geen ja/nee: “{value}” (vertaal het in de codes van de mapping).',
  },
  'import.value.date': {
    en: 'Not a date: “{value}” (YYYY-MM-DD or DD-MM-YYYY).',
    nl: 'Geen datum: “{value}” (JJJJ-MM-DD of DD-MM-JJJJ).',
  },
  'import.value.conflict': {
    en: 'Two different values for this field in one record: “{first}” and “{second}”.',
    nl: 'Twee verschillende waarden voor dit veld in één record: “{first}” en “{second}”.',
  },
  'import.subject.site': {
    en: 'The site “{site}” is not mapped to a centre of this trial (mapping: sites).',
    nl: 'Het centrum “{site}” is niet aan een centrum van deze studie gekoppeld (mapping: sites).',
  },
  'import.subject.noInclusion': {
    en: 'No inclusion data for a participant not yet in Trialdesk (inclusion date, consent date, sex, eligibility).',
    nl: 'Geen inclusiegegevens voor een deelnemer die nog niet in Trialdesk staat (inclusiedatum, toestemmingsdatum, geslacht, geschiktheid).',
  },
  'import.subject.notImported': {
    en: 'Not imported: the participant itself was refused.',
    nl: 'Niet geïmporteerd: de deelnemer zelf is geweigerd.',
  },
  'import.subject.voided': {
    en: 'The participant {studyId} was voided in Trialdesk; an import does not bring it back.',
    nl: 'De deelnemer {studyId} is in Trialdesk vervallen verklaard; een import brengt die niet terug.',
  },
  'import.record.key': {
    en: 'The {key} of this record is unknown: map an item to it, or give its study event a constant in the mapping.',
    nl: 'Het {key} van dit record is onbekend: koppel er een item aan, of geef de studiegebeurtenis een vaste waarde in de mapping.',
  },
  'import.record.differs': {
    en: 'Differs from the saved value, which an import does not change here; correct it in Trialdesk with a reason.',
    nl: 'Wijkt af van de opgeslagen waarde, die een import hier niet wijzigt; corrigeer die in Trialdesk met een reden.',
  },
  'import.refused': {
    en: '{n, plural, one {# record was refused} other {# records were refused}}: nothing was imported. Download the report, fix the file or the mapping, and try again.',
    nl: '{n, plural, one {# record is geweigerd} other {# records zijn geweigerd}}: er is niets geïmporteerd. Download het rapport, verbeter het bestand of de mapping, en probeer het opnieuw.',
  },
  'import.csv.looksXml': {
    en: 'The file is XML, not CSV: import it as CDISC ODM (a .xml file, or --format odm).',
    nl: 'Het bestand is XML, geen CSV: importeer het als CDISC ODM (een .xml-bestand, of --format odm).',
  },
  'import.csv.quote': {
    en: 'The file is not valid CSV: the quoted cell that opens on line {line} is never closed.',
    nl: 'Het bestand is geen geldige CSV: de cel tussen aanhalingstekens die op regel {line} begint, wordt nergens gesloten.',
  },
  'import.csv.ragged': {
    en: 'Line {line} has {found, plural, one {# cell} other {# cells}} where the header has {expected}; every row needs one cell per column (quote a cell that holds the separator).',
    nl: 'Regel {line} heeft {found, plural, one {# cel} other {# cellen}} waar de kopregel er {expected} heeft; elke rij heeft één cel per kolom nodig (zet een cel met het scheidingsteken tussen aanhalingstekens).',
  },
  'import.csv.header': {
    en: 'The header row has an empty column name (column {column}); every column needs a name.',
    nl: 'De kopregel heeft een lege kolomnaam (kolom {column}); elke kolom heeft een naam nodig.',
  },
  'import.csv.duplicate': {
    en: 'The column “{column}” appears twice in the header row; column names must be unique.',
    nl: 'De kolom “{column}” staat twee keer in de kopregel; kolomnamen moeten uniek zijn.',
  },
  'import.csv.noRows': {
    en: 'The CSV file has a header row but no data rows.',
    nl: 'Het CSV-bestand heeft een kopregel maar geen gegevensrijen.',
  },
  'import.csv.unknownColumn': {
    en: 'The mapping names {n, plural, one {a column} other {# columns}} the file does not have: {columns}.',
    nl: 'De mapping noemt {n, plural, one {een kolom} other {# kolommen}} die het bestand niet heeft: {columns}.',
  },
  'import.csv.valueProblem': {
    en: 'Column “{column}”: {problem}',
    nl: 'Kolom “{column}”: {problem}',
  },
  'import.csv.noSubject': {
    en: 'Line {line} has no study ID (column “{column}”); every row must name its participant.',
    nl: 'Regel {line} heeft geen studienummer (kolom “{column}”); elke rij moet haar deelnemer noemen.',
  },
  'import.csv.mappingFormat': {
    en: 'This is a mapping for ODM files; a CSV file needs a CSV mapping (trialdesk-csv-mapping/1, made with --write-mapping).',
    nl: 'Dit is een mapping voor ODM-bestanden; een CSV-bestand heeft een CSV-mapping nodig (trialdesk-csv-mapping/1, te maken met --write-mapping).',
  },
  'import.reason': {
    en: 'Import of {file} (SHA-256 {sha})',
    nl: 'Import van {file} (SHA-256 {sha})',
  },
  'import.upload.tooLarge': {
    en: 'The file is larger than 20 MB, the most an import takes. Split the export (for example per site) and import the parts.',
    nl: 'Het bestand is groter dan 20 MB, het meeste dat een import neemt. Splits de export (bijvoorbeeld per centrum) en importeer de delen.',
  },
  'import.upload.base64': {
    en: 'The file did not arrive whole (its content is not base64); choose the file again.',
    nl: 'Het bestand is niet heel aangekomen (de inhoud is geen base64); kies het bestand opnieuw.',
  },
} as const;
