// The one date input of the app: typed day first in the user's language (29-11-2026, 29/11/2026,
// 29 nov 2026) or picked from a calendar in that language with weeks from Monday, shown as the app writes
// dates (29 Nov 2026 / 29 nov 2026), and handed to the form as ISO 'YYYY-MM-DD' ('' when empty) — never the
// browser's own mm/dd/yyyy. Days after `maxDate` (default today in Amsterdam) cannot be picked; a typed one
// is kept so that the server's words say why it is refused.
import { DateInput } from '@mantine/dates';
import '@mantine/dates/styles.css';
import { dateInZone } from '@trialdesk/domain';
import 'dayjs/locale/nl';
import { useState, type FocusEvent } from 'react';
import { dateMessages } from '../i18n/date-messages';
import { formatCalendarDate } from '../i18n/format';
import { useLang, useT } from '../i18n/i18n-context';
import { parseTypedDate } from '../i18n/parse-date';

function todayInAmsterdam(): string {
  return dateInZone(new Date());
}

interface DateFieldProps {
  label: string;
  /** 'YYYY-MM-DD', or '' for none. */
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  description?: string | undefined;
  required?: boolean;
  /** The last day the calendar offers: today unless given; null offers every day (filters). */
  maxDate?: string | null;
  /** Submitted under this name as ISO through a hidden input, for forms and tests that read it. */
  name?: string;
  w?: number | string | { base: string | number; sm: string | number };
}

export function DateField({
  label,
  value,
  onChange,
  error,
  description,
  required,
  maxDate,
  name,
  w = { base: '100%', sm: 220 },
}: DateFieldProps) {
  const { lang } = useLang();
  const t = useT(dateMessages);
  // What was typed and could not be read: shown until a date is entered, so nothing is lost silently.
  const [unreadable, setUnreadable] = useState<string | null>(null);
  const last = maxDate === undefined ? todayInAmsterdam() : maxDate;
  const blur = (e: FocusEvent<HTMLInputElement>) => {
    const typed = e.currentTarget.value.trim();
    if (typed !== '' && typed !== formatCalendarDate(value, lang) && parseTypedDate(typed) === null) {
      setUnreadable(typed);
      onChange('');
    }
  };
  return (
    <DateInput
      label={label}
      description={description}
      placeholder={t('placeholder')}
      value={value || null}
      onChange={(next) => {
        setUnreadable(null);
        onChange(next ?? '');
      }}
      onBlur={blur}
      dateParser={parseTypedDate}
      valueFormat={(iso) => formatCalendarDate(iso, lang)}
      locale={lang}
      firstDayOfWeek={1}
      excludeDate={last === null ? undefined : (day) => day > last}
      allowDeselect
      error={unreadable === null ? error : t('notADate', { typed: unreadable })}
      required={required}
      name={name}
      w={w}
    />
  );
}
