// A calendar date typed or picked as YYYY-MM-DD (the browser's date input); dates after today are not
// offered, and the server refuses them anyway.
import { TextInput } from '@mantine/core';
import { dateInZone } from '@trialdesk/domain';

export function todayInAmsterdam(): string {
  return dateInZone(new Date());
}

export function DateField({
  label,
  value,
  onChange,
  error,
  description,
  required,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  description?: string | undefined;
  required?: boolean;
}) {
  return (
    <TextInput
      type="date"
      label={label}
      description={description}
      value={value}
      max={todayInAmsterdam()}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      required={required}
      w={{ base: '100%', sm: 220 }}
    />
  );
}
