// Words of the shared date field (components/date-field.tsx).
import { defineMessages } from './catalogue';

export const dateMessages = defineMessages({
  en: {
    placeholder: 'dd/mm/yyyy',
    notADate: '“{typed}” is not a date: type day, month and year, for example 29/11/2026 or 29 Nov 2026',
  },
  nl: {
    placeholder: 'dd-mm-jjjj',
    notADate: '“{typed}” is geen datum: typ dag, maand en jaar, bijvoorbeeld 29-11-2026 of 29 nov 2026',
  },
});
