// The committee's added analyses in the PDF, from the same report object as the page: median follow-up,
// the primary endpoint against its target, the caution on landmarks with few at risk, hazard ratios by
// centre (exploratory) and hepatic recurrence with death as a competing risk. Nothing is computed here;
// words come from committee-words.ts in the reader's language, numbers through words.ts's formatters.
import { meetingRecommendationLabel } from '@trialdesk/domain';
import type { CommitteeReport } from '../build-report.js';
import { committeeWords } from './committee-words.js';
import { COLOR, FONT, PAGE, ensureSpace, paragraph, table, type Doc } from './layout.js';
import type { PdfWords } from './words.js';

type Outcomes = NonNullable<CommitteeReport['closed']>['outcomes'];
type Endpoint = Outcomes['endpoints'][number];

const fixed = (w: PdfWords, x: number | null, digits = 2) => (x === null ? '-' : w.decimal(x, digits));

function subheading(doc: Doc, text: string): void {
  ensureSpace(doc, 80);
  doc.font(FONT.bold).fontSize(9).fillColor(COLOR.text).text(text, PAGE.margin, doc.y);
  doc.moveDown(0.2);
}

export function followUpLine(doc: Doc, w: PdfWords, followUp: CommitteeReport['followUp']['median']): void {
  const t = committeeWords(w.lang);
  const m = followUp?.median;
  paragraph(
    doc,
    followUp && m && m.estimate !== null
      ? t('followUp', {
          estimate: w.decimal(m.estimate, 1),
          lower: fixed(w, m.lower, 1),
          upper: fixed(w, m.upper, 1),
          n: followUp.analysed,
        })
      : t('followUpNone'),
  );
}

export function fewAtRiskNote(
  doc: Doc,
  w: PdfWords,
  landmarks: readonly { fewAtRisk: boolean }[],
  min: number,
): void {
  if (landmarks.some((l) => l.fewAtRisk))
    paragraph(doc, committeeWords(w.lang)('fewAtRisk', { n: min }), { muted: true });
}

export function targetLine(doc: Doc, w: PdfWords, e: Endpoint): void {
  if (!e.target) return;
  const t = committeeWords(w.lang);
  const m = e.median;
  paragraph(
    doc,
    t('target', {
      assumption: e.target.assumption ? t('assumption') : '',
      target: e.target.medianMonths,
      control: e.target.controlMedianMonths,
      source: e.target.source[w.lang],
      observed: m.estimate === null ? t('notReached') : t('months', { n: w.decimal(m.estimate, 1) }),
      lower: fixed(w, m.lower, 1),
      upper: fixed(w, m.upper, 1),
    }),
  );
}

export function centreHazardRatios(doc: Doc, w: PdfWords, e: Endpoint): void {
  const t = committeeWords(w.lang);
  const fit = e.centreHazardRatios;
  subheading(doc, t('hrTitle'));
  if (!fit) {
    paragraph(doc, t('hrNone'), { muted: true });
    return;
  }
  table(
    doc,
    [
      { header: t('centre'), width: 100 },
      { header: t('analysed'), width: 70, align: 'right' },
      { header: t('events'), width: 80, align: 'right' },
      { header: t('hazardRatio'), width: 80, align: 'right' },
      { header: t('ci95'), width: 120, align: 'right' },
    ],
    [
      [
        fit.reference.centre,
        String(fit.reference.analysed),
        String(fit.reference.events),
        t('reference'),
        '-',
      ],
      ...fit.terms.map((r) => [
        r.centre,
        String(r.analysed),
        String(r.events),
        r.mayBeInfinite ? t('notEstimable') : fixed(w, r.hazardRatio),
        r.mayBeInfinite ? '-' : t('range', { lower: fixed(w, r.lower), upper: fixed(w, r.upper) }),
      ]),
    ],
  );
  const lr = fit.likelihoodRatio;
  paragraph(doc, t('hrNote', { chi: w.decimal(lr.chiSquare, 2), df: lr.df, p: w.decimal(lr.pValue, 3) }), {
    muted: true,
  });
}

export function competingRisks(doc: Doc, w: PdfWords, o: Outcomes, deathIsEvent: boolean): void {
  const cr = o.competingRisks;
  if (!cr) return;
  const t = committeeWords(w.lang);
  const pct = (x: number | null) => (x === null ? t('notEstimable') : w.percent(x));
  subheading(doc, t('crTitle'));
  table(
    doc,
    [
      { header: t('eventsByType'), width: 300 },
      { header: t('number'), width: 70, align: 'right' },
    ],
    [
      [t('hepaticRecurrence'), String(cr.hdfsEvents.hepaticRecurrence)],
      [deathIsEvent ? t('deathWithout') : t('deathWithoutCensored'), String(cr.competingDeaths)],
      [t('hdfsEvents'), String(cr.hdfsEvents.total)],
      [t('censored'), String(cr.censored)],
    ],
  );
  doc.moveDown(0.3);
  table(
    doc,
    [
      { header: t('landmark'), width: 100 },
      { header: t('hepaticRecurrence'), width: 120, align: 'right' },
      { header: t('deathWithoutIt'), width: 130, align: 'right' },
      { header: t('atRisk'), width: 80, align: 'right' },
    ],
    cr.landmarks.map((l) => [
      t('years', { n: l.months / 12 }),
      pct(l.recurrence),
      pct(l.death),
      `${l.atRisk}${l.fewAtRisk ? ' *' : ''}`,
    ]),
  );
  paragraph(doc, t('crNote'), { muted: true });
  fewAtRiskNote(doc, w, cr.landmarks, o.minAtRisk);
}

/** The committee's meeting records: what was decided, on which cut (its hash), and who signed. */
export function meetingRecords(doc: Doc, w: PdfWords, meetings: CommitteeReport['meetings']): void {
  const t = committeeWords(w.lang);
  if (meetings.length === 0) {
    paragraph(doc, t('noMeetings'), { muted: true });
    return;
  }
  for (const m of meetings) {
    subheading(doc, `${w.date(m.meetingDate)}: ${meetingRecommendationLabel[m.recommendation][w.lang]}`);
    // What people typed prints as typed: DejaVu Sans (layout.ts) carries the glyphs.
    paragraph(doc, t('attendees', { names: m.attendees.join(', ') }));
    paragraph(doc, t('cut', { id: m.cutId, hash: m.cutHash }), { muted: true });
    paragraph(doc, m.minutes);
    const s = m.signature;
    paragraph(
      doc,
      s
        ? t('signed', {
            name: s.signedBy ?? t('unknown'),
            date: w.date(s.signedAt.slice(0, 10)),
            time: s.signedAt.slice(11, 16),
            hash: s.hash,
          })
        : t('draft'),
      { muted: true },
    );
    doc.moveDown(0.4);
  }
}

/** Electronic signatures (issue 14): casebook counts by state and this cut's own signature, no study IDs. */
export function signatureSection(doc: Doc, w: PdfWords, r: CommitteeReport): void {
  const s = r.signatures;
  if (!s) return;
  const t = committeeWords(w.lang);
  paragraph(doc, t('signaturesCasebooks', s.casebooks));
  if (!r.meta.cut) return;
  const c = s.cut;
  paragraph(
    doc,
    c
      ? t(c.valid ? 'cutSigned' : 'cutSignedInvalid', {
          name: c.signerName,
          date: w.date(c.signedAt.slice(0, 10)),
          time: c.signedAt.slice(11, 16),
        })
      : t('cutUnsigned'),
    { muted: !c || c.valid },
  );
}
