// Words of the import page: the data manager brings a trial's data in from another EDC (ODM export), checks
// the mapping, reads the dry run's report and commits.
import { defineMessages } from '../../i18n/catalogue';

export const messages = defineMessages({
  en: {
    title: 'Import data',
    subtitle:
      'Bring participants and their records in from Castor EDC, REDCap or OpenClinica (CDISC ODM 1.3 export). Nothing is written before you commit.',
    fileTitle: '1. File',
    fileHelp:
      'An ODM 1.3 XML export of clinical data, or a CSV file (a spreadsheet: one row per participant and record), at most 20 MB, UTF-8.',
    fileLabel: 'Export file (ODM XML or CSV)',
    fileChosen: '{name}: {size}, {subjects, plural, one {# subject} other {# subjects}}',
    reading: 'Reading the file…',
    mappingTitle: '2. Mapping',
    mappingHelp:
      'Which item of the file feeds which field of the trial. The starting mapping is generated from the file’s own metadata: check each target.',
    mappingSource: 'Starting mapping from the file',
    mappingUploaded: 'Mapping uploaded from {name}',
    mappingEdited: 'Edited on this page',
    mappingDownload: 'Download mapping',
    mappingUploadLabel: 'Upload an edited mapping (JSON)',
    mappingNotJson: 'The mapping file is not JSON: {problem}',
    mappingCount:
      '{mapped, plural, one {# item mapped} other {# items mapped}} of {total}; {sites, plural, one {# site} other {# sites}}',
    colItem: 'Item of the file',
    colLabel: 'Name and question',
    colTarget: 'Field in Trialdesk',
    targetOf: 'Field for {item}',
    notImported: '(not imported)',
    dryRunTitle: '3. Dry run',
    dryRunHelp: 'Checks every record against the same rules as the forms. Nothing is written.',
    dryRun: 'Run dry run',
    running: 'Checking {subjects, plural, one {# subject} other {# subjects}}…',
    committing: 'Importing {subjects, plural, one {# subject} other {# subjects}}…',
    summary:
      '{subjects, plural, one {# subject} other {# subjects}}; records: {create} to create, {change} to change, {unchanged} unchanged, {refused} refused.',
    summaryDone:
      '{subjects, plural, one {# subject} other {# subjects}}; records: {create} created, {change} changed, {unchanged} unchanged.',
    refusedNote:
      '{refused, plural, one {# record is refused} other {# records are refused}}: nothing can be imported. Fix the file or the mapping and run the dry run again.',
    nothingToDo: 'Nothing to import: everything in the file is in Trialdesk already.',
    readyNote: 'The dry run passed with no refusals: you can commit this file with this mapping.',
    staleNote: 'The file or the mapping changed since the last dry run: run it again before committing.',
    downloadReport: 'Download report (CSV)',
    onlyRefused: 'Show refused records only',
    reportTable: 'Dry-run report, per record and field',
    colSubject: 'Subject',
    colRecord: 'Record',
    colAction: 'Outcome',
    rowsShown:
      'The first {shown} of {total, plural, one {# record} other {# records}} are shown; the CSV holds them all.',
    actionCreate: 'Create',
    actionChange: 'Change',
    actionUnchanged: 'Unchanged',
    actionRefused: 'Refused',
    recordParticipant: 'Participant',
    recordSurgery: 'Surgery',
    recordCycle: 'Cycle',
    recordAssessment: 'Assessment',
    recordEvent: 'Event',
    newStudyId: 'new',
    wasValue: 'was {before}',
    commitTitle: '4. Commit',
    commitHelp:
      'All or nothing, in one transaction; audited as one import with the file’s SHA-256 and the mapping used.',
    commit: 'Commit import',
    commitDisabled: 'Commit is possible after a dry run of this file and mapping with no refusals.',
    confirmTitle: 'Commit this import?',
    confirmText:
      'This writes {create, plural, one {# new record} other {# new records}} and {change, plural, one {# change} other {# changes}} into {trial} from {file} (SHA-256 {sha}), for {subjects, plural, one {# subject} other {# subjects}}. Each record is audited, and the import as one entry.',
    confirm: 'Commit import now',
    cancel: 'Cancel',
    committed:
      'Imported {file}: {create, plural, one {# record} other {# records}} created, {change} changed. Audit entry {seq}.',
    notCommitted: 'Nothing was imported: the data changed since the dry run. Run the dry run again.',
    openParticipants: 'Open the participants',
    openAudit: 'Open the audit trail',
  },
  nl: {
    title: 'Gegevens importeren',
    subtitle:
      'Haal deelnemers en hun gegevens binnen uit Castor EDC, REDCap of OpenClinica (CDISC ODM 1.3-export). Er wordt niets geschreven voordat u vastlegt.',
    fileTitle: '1. Bestand',
    fileHelp:
      'Een ODM 1.3 XML-export van klinische gegevens, of een CSV-bestand (een spreadsheet: één rij per deelnemer en gegeven), hoogstens 20 MB, UTF-8.',
    fileLabel: 'Exportbestand (ODM XML of CSV)',
    fileChosen: '{name}: {size}, {subjects, plural, one {# deelnemer} other {# deelnemers}}',
    reading: 'Het bestand wordt gelezen…',
    mappingTitle: '2. Koppeling',
    mappingHelp:
      'Welk item van het bestand welk veld van de studie vult. De startkoppeling komt uit de eigen metadata van het bestand: controleer elk doel.',
    mappingSource: 'Startkoppeling uit het bestand',
    mappingUploaded: 'Koppeling geüpload uit {name}',
    mappingEdited: 'Aangepast op deze pagina',
    mappingDownload: 'Koppeling downloaden',
    mappingUploadLabel: 'Een aangepaste koppeling uploaden (JSON)',
    mappingNotJson: 'Het koppelingsbestand is geen JSON: {problem}',
    mappingCount:
      '{mapped, plural, one {# item gekoppeld} other {# items gekoppeld}} van {total}; {sites, plural, one {# centrum} other {# centra}}',
    colItem: 'Item van het bestand',
    colLabel: 'Naam en vraag',
    colTarget: 'Veld in Trialdesk',
    targetOf: 'Veld voor {item}',
    notImported: '(niet geïmporteerd)',
    dryRunTitle: '3. Proefimport',
    dryRunHelp: 'Toetst elk gegeven aan dezelfde regels als de formulieren. Er wordt niets geschreven.',
    dryRun: 'Proefimport uitvoeren',
    running: '{subjects, plural, one {# deelnemer} other {# deelnemers}} worden gecontroleerd…',
    committing: '{subjects, plural, one {# deelnemer} other {# deelnemers}} worden geïmporteerd…',
    summary:
      '{subjects, plural, one {# deelnemer} other {# deelnemers}}; gegevens: {create} aan te maken, {change} te wijzigen, {unchanged} ongewijzigd, {refused} geweigerd.',
    summaryDone:
      '{subjects, plural, one {# deelnemer} other {# deelnemers}}; gegevens: {create} aangemaakt, {change} gewijzigd, {unchanged} ongewijzigd.',
    refusedNote:
      '{refused, plural, one {# gegeven is geweigerd} other {# gegevens zijn geweigerd}}: er kan niets worden geïmporteerd. Verbeter het bestand of de koppeling en voer de proefimport opnieuw uit.',
    nothingToDo: 'Niets te importeren: alles in het bestand staat al in Trialdesk.',
    readyNote:
      'De proefimport is zonder weigeringen geslaagd: u kunt dit bestand met deze koppeling vastleggen.',
    staleNote:
      'Het bestand of de koppeling is gewijzigd sinds de laatste proefimport: voer die opnieuw uit voordat u vastlegt.',
    downloadReport: 'Rapport downloaden (CSV)',
    onlyRefused: 'Alleen geweigerde gegevens tonen',
    reportTable: 'Rapport van de proefimport, per gegeven en veld',
    colSubject: 'Deelnemer',
    colRecord: 'Gegeven',
    colAction: 'Uitkomst',
    rowsShown:
      'De eerste {shown} van {total, plural, one {# gegeven} other {# gegevens}} worden getoond; de CSV bevat ze allemaal.',
    actionCreate: 'Aanmaken',
    actionChange: 'Wijzigen',
    actionUnchanged: 'Ongewijzigd',
    actionRefused: 'Geweigerd',
    recordParticipant: 'Deelnemer',
    recordSurgery: 'Operatie',
    recordCycle: 'Cyclus',
    recordAssessment: 'Evaluatie',
    recordEvent: 'Gebeurtenis',
    newStudyId: 'nieuw',
    wasValue: 'was {before}',
    commitTitle: '4. Vastleggen',
    commitHelp:
      'Alles of niets, in één transactie; in de audittrail als één import met de SHA-256 van het bestand en de gebruikte koppeling.',
    commit: 'Import vastleggen',
    commitDisabled: 'Vastleggen kan na een proefimport van dit bestand en deze koppeling zonder weigeringen.',
    confirmTitle: 'Deze import vastleggen?',
    confirmText:
      'Dit schrijft {create, plural, one {# nieuw gegeven} other {# nieuwe gegevens}} en {change, plural, one {# wijziging} other {# wijzigingen}} in {trial} uit {file} (SHA-256 {sha}), voor {subjects, plural, one {# deelnemer} other {# deelnemers}}. Elk gegeven komt in de audittrail, en de import als één regel.',
    confirm: 'Import nu vastleggen',
    cancel: 'Annuleren',
    committed:
      '{file} geïmporteerd: {create, plural, one {# gegeven} other {# gegevens}} aangemaakt, {change} gewijzigd. Auditregel {seq}.',
    notCommitted:
      'Er is niets geïmporteerd: de gegevens zijn gewijzigd sinds de proefimport. Voer de proefimport opnieuw uit.',
    openParticipants: 'Naar de deelnemers',
    openAudit: 'Naar de audittrail',
  },
});
