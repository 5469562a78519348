import { describe, expect, it } from 'vitest';
import { formatCalendarDateIn, formatMessage, hasPluralFor, messagePlaceholders } from './message-format.js';

describe('formatMessage', () => {
  const criteria = '{count, plural, =0 {no criteria} one {# criterion} other {# criteria}} not met';

  it('fills named placeholders, repeatedly and with numbers, and leaves unknown ones visible', () => {
    expect(formatMessage('{a} of {b} ({a})', { a: 45, b: 'forty-five' }, 'en')).toBe('45 of forty-five (45)');
    expect(formatMessage('Hello {name}', {}, 'en')).toBe('Hello {name}');
    expect(formatMessage('100% {x}', undefined, 'en')).toBe('100% {x}');
  });

  it('chooses the plural case by the language (an exact case first)', () => {
    expect(formatMessage(criteria, { count: 0 }, 'en')).toBe('no criteria not met');
    expect(formatMessage(criteria, { count: 1 }, 'en')).toBe('1 criterion not met');
    expect(formatMessage(criteria, { count: 2 }, 'en')).toBe('2 criteria not met');
    expect(formatMessage(criteria, { count: 1.5 }, 'en')).toBe('1.5 criteria not met');
    const nl = '{n, plural, one {# deelnemer} other {# deelnemers}} van {total}';
    expect(formatMessage(nl, { n: 1, total: 5 }, 'nl')).toBe('1 deelnemer van 5');
    expect(formatMessage(nl, { n: 7, total: 5 }, 'nl')).toBe('7 deelnemers van 5');
  });

  it('writes numbers and values with the given formatters', () => {
    const grouped = (n: number, lang: 'en' | 'nl') => n.toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL');
    expect(formatMessage(criteria, { count: 1234 }, 'nl', { number: grouped })).toBe(
      '1.234 criteria not met',
    );
    expect(formatMessage('on {date}', { date: '2026-11-29' }, 'nl', { value: (v) => `<${v}>` })).toBe(
      'on <2026-11-29>',
    );
  });

  it('keeps placeholders inside a case, and takes the general case for a number given as text', () => {
    const t = '{n, plural, one {# session of {who}} other {# sessions of {who}}}';
    expect(formatMessage(t, { n: 1, who: 'pi' }, 'en')).toBe('1 session of pi');
    expect(formatMessage(t, { n: '1,5', who: 'pi' }, 'nl')).toBe('1,5 sessions of pi');
  });

  it('names the plural variables and the placeholders inside the cases', () => {
    expect(messagePlaceholders('{n, plural, one {# of {x}} other {# of {x}}} {y}')).toEqual(['n', 'x', 'y']);
    expect(hasPluralFor(criteria, 'count')).toBe(true);
    expect(hasPluralFor('{count} criteria', 'count')).toBe(false);
  });
});

describe('formatCalendarDateIn', () => {
  it('writes a calendar date in the language, whatever the zone', () => {
    expect(formatCalendarDateIn('2026-11-29', 'en')).toBe('29 Nov 2026');
    expect(formatCalendarDateIn('2026-03-01', 'nl')).toBe('1 mrt 2026');
    expect(formatCalendarDateIn('not a date', 'en')).toBe('not a date');
  });
});
