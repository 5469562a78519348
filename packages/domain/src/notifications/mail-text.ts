// The words of a notification, in the recipient's language: a subject and a plain-text body, the same in
// the in-app list and in the mail. Nothing here names a participant beyond the study ID (no query text, no
// clinical value, no date of birth): a mail leaves the system and lands in inboxes we do not control, so it
// only says that something needs the reader and where to look.
import { formatCalendarDateIn, formatMessage, type MessageLang } from '../message-format.js';
import type { NotificationKind } from './kinds.js';

export interface OverdueVisit {
  studyId: string;
  /** The visit's month in the schedule. */
  month: number;
  /** The calendar date its window ended. */
  due: string;
}

/** What a notification carries; each kind uses its own fields. */
export interface NotificationParams {
  /** The trial's code (PUMP-III). */
  trial: string;
  studyId?: string;
  queryId?: number;
  /** SAE clocks: which report, and when it is due (an ISO instant). */
  report?: 'initial' | 'susar';
  due?: string;
  overdue?: boolean;
  centre?: string;
  visits?: OverdueVisit[];
  /** The demo's own notices (synthetic, from the fixed seed): labelled so wherever they are shown. */
  synthetic?: boolean;
}

export interface NotificationText {
  subject: string;
  body: string;
}

const dueFormat: Record<MessageLang, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }),
  nl: new Intl.DateTimeFormat('nl-NL', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }),
};

/** An instant as people in the trial read it: Amsterdam time, in the language. */
export function formatDueInstant(iso: string, lang: MessageLang): string {
  return `${dueFormat[lang].format(new Date(iso))} (Europe/Amsterdam)`;
}

const words = {
  'sae.new': {
    subject: {
      en: '[{trial}] New serious adverse event: {studyId}',
      nl: '[{trial}] Nieuw ernstig ongewenst voorval: {studyId}',
    },
    body: {
      en: 'A serious adverse event was reported for participant {studyId} in {trial}. The initial report is due by {due}. Review it in Trialdesk.',
      nl: 'Voor deelnemer {studyId} in {trial} is een ernstig ongewenst voorval gemeld. Het eerste rapport moet uiterlijk {due} klaar zijn. Bekijk het in Trialdesk.',
    },
  },
  'sae.due': {
    subject: {
      en: '[{trial}] {report} report for {studyId} {state}',
      nl: '[{trial}] {report}-rapport voor {studyId} {state}',
    },
    body: {
      en: 'The {reportInText} report of the serious adverse event of participant {studyId} in {trial} {dueClause}. Complete it in Trialdesk.',
      nl: 'Het {reportInText}-rapport van het ernstige ongewenste voorval van deelnemer {studyId} in {trial} {dueClause}. Rond het af in Trialdesk.',
    },
  },
  'query.opened': {
    subject: {
      en: '[{trial}] Data query {queryId} about {studyId}',
      nl: '[{trial}] Datavraag {queryId} over {studyId}',
    },
    body: {
      en: 'A data query (number {queryId}) was opened about participant {studyId} in {trial} and waits for your site’s answer. Read and answer it in Trialdesk.',
      nl: 'Er is een datavraag (nummer {queryId}) gesteld over deelnemer {studyId} in {trial}; uw centrum moet antwoorden. Lees en beantwoord hem in Trialdesk.',
    },
  },
  'query.answered': {
    subject: {
      en: '[{trial}] Data query {queryId} about {studyId} was answered',
      nl: '[{trial}] Datavraag {queryId} over {studyId} is beantwoord',
    },
    body: {
      en: 'The site answered data query {queryId} about participant {studyId} in {trial}. Close it or send it back in Trialdesk.',
      nl: 'Het centrum heeft datavraag {queryId} over deelnemer {studyId} in {trial} beantwoord. Sluit hem of stuur hem terug in Trialdesk.',
    },
  },
  'digest.overdue_visits': {
    subject: {
      en: '[{trial}] {n, plural, one {# overdue visit} other {# overdue visits}} at {centre}',
      nl: '[{trial}] {n, plural, one {# achterstallig bezoek} other {# achterstallige bezoeken}} in {centre}',
    },
    body: {
      en: 'Weekly overview of {trial} at {centre}: {n, plural, one {# visit is} other {# visits are}} past the end of their window.',
      nl: 'Wekelijks overzicht van {trial} in {centre}: {n, plural, one {# bezoek is} other {# bezoeken zijn}} over het einde van het venster.',
    },
  },
} as const satisfies Record<
  NotificationKind,
  { subject: Record<MessageLang, string>; body: Record<MessageLang, string> }
>;

const reportWords = {
  initial: { en: 'Initial SAE', nl: 'Eerste SAE' },
  susar: { en: 'SUSAR', nl: 'SUSAR' },
} as const;
const reportInText = {
  initial: { en: 'initial SAE', nl: 'eerste SAE' },
  susar: { en: 'SUSAR', nl: 'SUSAR' },
} as const;
/** An overdue report was due (past tense): the mail must not read as if there were still time. */
const dueClauseWords = {
  due: { en: 'is due by {due}', nl: 'moet uiterlijk {due} klaar zijn' },
  overdue: {
    en: 'was due by {due} and is overdue',
    nl: 'had uiterlijk {due} klaar moeten zijn en is te laat',
  },
} as const;
const stateWords = {
  due: { en: 'is coming due', nl: 'moet binnenkort klaar zijn' },
  overdue: { en: 'is overdue', nl: 'is te laat' },
} as const;

export function renderNotification(
  kind: NotificationKind,
  params: NotificationParams,
  lang: MessageLang,
): NotificationText {
  const visits = params.visits ?? [];
  const due = params.due ? formatDueInstant(params.due, lang) : '';
  const state = params.overdue ? 'overdue' : 'due';
  const values: Record<string, string | number> = {
    trial: params.trial,
    studyId: params.studyId ?? '',
    queryId: params.queryId ?? '',
    centre: params.centre ?? '',
    due,
    report: reportWords[params.report ?? 'initial'][lang],
    reportInText: reportInText[params.report ?? 'initial'][lang],
    dueClause: formatMessage(dueClauseWords[state][lang], { due }, lang),
    state: stateWords[state][lang],
    n: visits.length,
  };
  const w = words[kind];
  const subject = formatMessage(w.subject[lang], values, lang);
  let body = formatMessage(w.body[lang], values, lang);
  if (visits.length > 0) {
    const month = lang === 'nl' ? 'maand' : 'month';
    const until = lang === 'nl' ? 'venster tot' : 'window until';
    const lines = visits.map(
      (v) => `- ${v.studyId}: ${month} ${v.month}, ${until} ${formatCalendarDateIn(v.due, lang)}`,
    );
    body = `${body}\n\n${lines.join('\n')}`;
  }
  if (params.synthetic)
    return {
      subject: `${subject} ${syntheticWords.subject[lang]}`,
      body: `${body}\n\n${syntheticWords.body[lang]}`,
    };
  return { subject, body };
}

const syntheticWords = {
  subject: { en: '(synthetic demo)', nl: '(synthetische demo)' },
  body: {
    en: 'Synthetic demo notice from a fixed seed: no real participant.',
    nl: 'Synthetische demomelding uit een vaste seed: geen echte deelnemer.',
  },
} as const;
