// The overview's headline in words: the trial's code and name, the date of the data, and inclusion against
// target, in English and Dutch. One source for the server, which sends the headline in the page's HTML
// before any script has run (issue 17: the largest paint must not wait for the JavaScript), and for the web
// page, which shows the same words and numbers once it has loaded: the two can never read differently.
import { formatCalendarDateIn, formatMessage, type MessageLang } from './message-format.js';

export const overviewHeadlineMessages = {
  en: {
    title: '{code} overview',
    inclusionTitle: 'Inclusion',
    inclusionValue: '{included} / {target} ({percent}%)',
    asOf: 'Data as of {date}',
    syntheticBanner: 'Synthetic demo data — not real participants',
    syntheticBannerDetail:
      'All participants, dates and results in this trial were generated for demonstration.',
  },
  nl: {
    title: 'Overzicht {code}',
    inclusionTitle: 'Inclusie',
    inclusionValue: '{included} / {target} ({percent}%)',
    asOf: 'Gegevens per {date}',
    syntheticBanner: 'Synthetische demodata — geen echte deelnemers',
    syntheticBannerDetail:
      'Alle deelnemers, datums en resultaten in deze studie zijn voor demonstratie gegenereerd.',
  },
} as const satisfies Record<MessageLang, Record<string, string>>;

const locales: Record<MessageLang, string> = { en: 'en-GB', nl: 'nl-NL' };

/** A number as the web app writes it (formatNumber in apps/web: at most `digits` decimals). */
export function formatNumberIn(value: number, lang: MessageLang, digits = 1): string {
  return new Intl.NumberFormat(locales[lang], { maximumFractionDigits: digits }).format(value);
}

export interface OverviewHeadlineInput {
  code: string;
  name: string;
  asOf: string;
  included: number;
  target: number;
  percent: number;
  synthetic: boolean;
}

export interface OverviewHeadline {
  title: string;
  name: string;
  asOf: string;
  inclusionTitle: string;
  inclusionValue: string;
  /** The banner's two parts, for a trial of synthetic (demo) data only. */
  synthetic: { banner: string; detail: string } | null;
}

/** The headline's texts in one language (not escaped: the caller writes them into HTML or React). */
export function overviewHeadline(input: OverviewHeadlineInput, lang: MessageLang): OverviewHeadline {
  const m = overviewHeadlineMessages[lang];
  return {
    title: formatMessage(m.title, { code: input.code }, lang),
    name: input.name,
    asOf: formatMessage(m.asOf, { date: formatCalendarDateIn(input.asOf, lang) }, lang),
    inclusionTitle: m.inclusionTitle,
    inclusionValue: formatMessage(
      m.inclusionValue,
      {
        included: formatNumberIn(input.included, lang),
        target: formatNumberIn(input.target, lang),
        percent: formatNumberIn(input.percent, lang, 0),
      },
      lang,
    ),
    synthetic: input.synthetic ? { banner: m.syntheticBanner, detail: m.syntheticBannerDetail } : null,
  };
}
