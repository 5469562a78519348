import { SegmentedControl } from '@mantine/core';
import { isLang } from '../../i18n/catalogue';
import { common } from '../../i18n/common-messages';
import { useLang, useT } from '../../i18n/i18n-context';

/** EN | NL, persisted; a radio group for assistive technology. */
export function LanguageSwitch() {
  const { lang, setLang } = useLang();
  const t = useT(common);
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language')}
      value={lang}
      onChange={(value) => {
        if (isLang(value)) setLang(value);
      }}
      data={[
        { value: 'en', label: <span aria-label={t('languageEnglish')}>EN</span> },
        { value: 'nl', label: <span aria-label={t('languageDutch')}>NL</span> },
      ]}
    />
  );
}
