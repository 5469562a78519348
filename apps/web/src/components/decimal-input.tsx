// A number typed as people write it in the user's language: a decimal comma in Dutch, a point in English.
// No spinner buttons: clinical values are typed, never stepped.
import { NumberInput, type NumberInputProps } from '@mantine/core';
import { useLang } from '../i18n/i18n-context';

export function DecimalInput(props: NumberInputProps) {
  const { lang } = useLang();
  return <NumberInput decimalSeparator={lang === 'nl' ? ',' : '.'} hideControls {...props} />;
}
