// Words of API token refusals in English and Dutch, merged into the entry catalogue (entry/messages.ts).
export const tokenMessages = {
  'token.readOnly': {
    en: 'An API token can only read: this request would change data.',
    nl: 'Een API-token kan alleen lezen: dit verzoek zou gegevens wijzigen.',
  },
  'token.notFound': {
    en: 'There is no API token {id} that you can see.',
    nl: 'Er is geen API-token {id} dat u kunt zien.',
  },
  'token.alreadyRevoked': {
    en: 'API token {id} was already revoked.',
    nl: 'API-token {id} was al ingetrokken.',
  },
  'token.invalid': {
    en: 'The API token is missing, unknown, revoked or expired.',
    nl: 'Het API-token ontbreekt, is onbekend, ingetrokken of verlopen.',
  },
} as const satisfies Record<string, { en: string; nl: string }>;
