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
  'fhir.unauthorized': {
    en: 'Send a valid personal API token: Authorization: Bearer <token>. It may be missing, unknown, revoked or expired.',
    nl: 'Stuur een geldig persoonlijk API-token: Authorization: Bearer <token>. Het ontbreekt, is onbekend, ingetrokken of verlopen.',
  },
  'fhir.passwordChange': {
    en: 'The password an administrator set for this account must be changed before its tokens can read.',
    nl: 'Het wachtwoord dat een beheerder voor dit account instelde moet eerst gewijzigd worden voordat de tokens kunnen lezen.',
  },
  'fhir.notFound': {
    en: 'There is no {type} with id {id} that you can see.',
    nl: 'Er is geen {type} met id {id} dat u kunt zien.',
  },
  'fhir.unknownType': {
    en: 'This server serves no resource type {type}: see /fhir/R4/metadata.',
    nl: 'Deze server levert geen resourcetype {type}: zie /fhir/R4/metadata.',
  },
  'fhir.unknownParameter': {
    en: 'Unknown search parameter: {name}. This server knows _id, _count, _offset, study, subject and patient.',
    nl: 'Onbekende zoekparameter: {name}. Deze server kent _id, _count, _offset, study, subject en patient.',
  },
  'fhir.badNumber': {
    en: '{name} must be a whole number from {min} to {max}.',
    nl: '{name} moet een geheel getal zijn van {min} tot {max}.',
  },
  'fhir.internal': {
    en: 'Something went wrong on the server; the request was not answered. Try again later.',
    nl: 'Er ging iets mis op de server; het verzoek is niet beantwoord. Probeer het later opnieuw.',
  },
  'fhir.readOnly': {
    en: 'This FHIR API only reads: use GET.',
    nl: 'Deze FHIR-API leest alleen: gebruik GET.',
  },
} as const satisfies Record<string, { en: string; nl: string }>;
