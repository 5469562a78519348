// Why a participant has the time and status they have, in words (English and Dutch), for the committee's
// per-participant endpoint table: "event: hepatic recurrence on 2023-05-14".
import type { EndpointReason } from './endpoints.js';

export type Lang = 'en' | 'nl';

const SITE: Record<Lang, Record<string, string>> = {
  en: { hepatic: 'hepatic', extrahepatic: 'extrahepatic', both: 'hepatic and extrahepatic' },
  nl: { hepatic: 'hepatisch', extrahepatic: 'extrahepatisch', both: 'hepatisch en extrahepatisch' },
};

const CONTACT: Record<Lang, Record<string, string>> = {
  en: {
    time_zero: 'time zero',
    assessment: 'follow-up assessment',
    cycle: 'pump visit',
    recurrence: 'recurrence recorded',
    complication: 'complication recorded',
    withdrawal: 'withdrawal',
  },
  nl: {
    time_zero: 'tijdstip nul',
    assessment: 'controlebezoek',
    cycle: 'pompbezoek',
    recurrence: 'recidief vastgelegd',
    complication: 'complicatie vastgelegd',
    withdrawal: 'terugtrekking',
  },
};

export function endpointReasonText(r: EndpointReason, lang: Lang): string {
  const d = r.date;
  const site = r.detail ? (SITE[lang][r.detail] ?? r.detail) : '';
  const contact = r.detail ? (CONTACT[lang][r.detail] ?? r.detail) : '';
  if (lang === 'nl') {
    switch (r.cause) {
      case 'hepatic_recurrence':
        return r.detail === 'both'
          ? `gebeurtenis: hepatisch (en extrahepatisch) recidief op ${d}`
          : `gebeurtenis: hepatisch recidief op ${d}`;
      case 'recurrence':
        return `gebeurtenis: recidief (${site}) op ${d}`;
      case 'death':
        return `gebeurtenis: overlijden op ${d}`;
      case 'death_not_event':
        return `gecensureerd: overleden zonder hepatisch recidief op ${d} (overlijden telt in dit protocol niet als gebeurtenis)`;
      case 'last_liver_imaging':
        return r.detail === 'extrahepatic'
          ? `gecensureerd: laatste leverbeeldvorming zonder hepatisch recidief (wel extrahepatische ziekte) op ${d}`
          : `gecensureerd: laatste leverbeeldvorming zonder recidief op ${d}`;
      case 'last_disease_free_imaging':
        return `gecensureerd: laatste ziektevrije beeldvorming op ${d}`;
      case 'last_contact':
        return `gecensureerd: laatste contact in leven op ${d} (${contact})`;
      case 'no_imaging':
        return `gecensureerd: nog geen beeldvorming na tijdstip nul; gecensureerd op tijdstip nul ${d}`;
    }
  }
  switch (r.cause) {
    case 'hepatic_recurrence':
      return r.detail === 'both'
        ? `event: hepatic (and extrahepatic) recurrence on ${d}`
        : `event: hepatic recurrence on ${d}`;
    case 'recurrence':
      return `event: recurrence (${site}) on ${d}`;
    case 'death':
      return `event: death on ${d}`;
    case 'death_not_event':
      return `censored: died without hepatic recurrence on ${d} (death is not an event under this protocol setting)`;
    case 'last_liver_imaging':
      return r.detail === 'extrahepatic'
        ? `censored: last liver imaging without hepatic recurrence (extrahepatic disease) on ${d}`
        : `censored: last liver imaging without recurrence on ${d}`;
    case 'last_disease_free_imaging':
      return `censored: last disease-free imaging on ${d}`;
    case 'last_contact':
      return `censored: last contact alive on ${d} (${contact})`;
    case 'no_imaging':
      return `censored: no imaging after time zero yet; censored at time zero ${d}`;
  }
}
