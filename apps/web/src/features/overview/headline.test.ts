// The server writes the overview's headline into the page's HTML before the app runs (issue 17); the app
// then draws it itself. The two must read the same, in both languages: same words (one catalogue, in the
// domain) and the same number and date formatting as the page's key figures and header.
import { overviewHeadline } from '@trialdesk/domain';
import { describe, expect, it } from 'vitest';
import { common } from '../../i18n/common-messages';
import { translator, type Lang } from '../../i18n/catalogue';
import { formatCalendarDate, formatNumber } from '../../i18n/format';
import { messages } from './messages';

const cases = [
  { included: 45, target: 45, percent: 100 },
  { included: 1234, target: 100000, percent: 1.234 },
  { included: 98765, target: 100000, percent: 98.765 },
];

describe("the server's headline and the page's", () => {
  for (const lang of ['en', 'nl'] as Lang[])
    it(`read the same in ${lang}`, () => {
      const t = translator(messages, lang);
      const tc = translator(common, lang);
      for (const c of cases) {
        const server = overviewHeadline(
          { code: 'PUMP-III', name: 'A trial', asOf: '2026-11-26', synthetic: true, ...c },
          lang,
        );
        expect(server.inclusionValue).toBe(
          t('inclusionValue', {
            included: formatNumber(c.included, lang),
            target: formatNumber(c.target, lang),
            percent: formatNumber(c.percent, lang, 0),
          }),
        );
        expect(server.title).toBe(t('title', { code: 'PUMP-III' }));
        expect(server.inclusionTitle).toBe(t('inclusionTitle'));
        expect(server.asOf).toBe(tc('asOf', { date: formatCalendarDate('2026-11-26', lang) }));
        expect(server.synthetic).toEqual({
          banner: tc('syntheticBanner'),
          detail: tc('syntheticBannerDetail'),
        });
      }
    });

  it('writes large numbers with the language’s separators', () => {
    const h = (lang: Lang) =>
      overviewHeadline(
        {
          code: 'X',
          name: 'X',
          asOf: '2026-11-26',
          synthetic: false,
          included: 1234,
          target: 100000,
          percent: 1.234,
        },
        lang,
      );
    expect(h('en').inclusionValue).toBe('1,234 / 100,000 (1%)');
    expect(h('nl').inclusionValue).toBe('1.234 / 100.000 (1%)');
    expect(h('en').synthetic).toBeNull();
  });
});
