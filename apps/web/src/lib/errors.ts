// Turns what the API throws into words. The server's error shape (packages/api/src/trpc.ts) carries a
// stable key, parameters and per-field messages; the key is translated here when we know it.
import { translator, type Lang, type MessageParams } from '../i18n/catalogue';
import { errorMessages } from '../i18n/error-messages';

export interface ApiErrorData {
  code: string;
  httpStatus: number;
  key: string | null;
  params: MessageParams | null;
  fields: Record<string, string[]> | null;
}

type ErrorKey = keyof typeof errorMessages.en;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The server's error data, when the error came from the API (a TRPCClientError or its JSON shape). */
export function apiErrorData(error: unknown): ApiErrorData | null {
  if (!isRecord(error) || !isRecord(error.data)) return null;
  const d = error.data;
  if (typeof d.code !== 'string') return null;
  return {
    code: d.code,
    httpStatus: typeof d.httpStatus === 'number' ? d.httpStatus : 0,
    key: typeof d.key === 'string' ? d.key : null,
    params: isRecord(d.params) ? (d.params as MessageParams) : null,
    fields: isRecord(d.fields) ? (d.fields as Record<string, string[]>) : null,
  };
}

export function errorCode(error: unknown): string | null {
  return apiErrorData(error)?.code ?? null;
}

function isKnownKey(key: string): key is ErrorKey {
  return Object.hasOwn(errorMessages.en, key);
}

/** One sentence for the user: translated key, else the server's message, else the code's wording. */
export function describeError(error: unknown, lang: Lang): string {
  const t = translator(errorMessages, lang);
  const data = apiErrorData(error);
  if (!data) return t('code.network');
  if (data.key && isKnownKey(data.key)) return t(data.key, data.params ?? undefined);
  const message = isRecord(error) && typeof error.message === 'string' ? error.message : '';
  if (message) return message;
  const byCode = `code.${data.code}`;
  return isKnownKey(byCode) ? t(byCode) : t('code.unknown');
}
