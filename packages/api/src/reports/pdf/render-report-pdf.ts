// The committee report as a PDF: the same report object the web page shows, laid out on A4 pages with
// the data cut's as-of date and content hash in every page's header and footer, in the reader's language
// (words.ts), with categories as labels and dates as that language writes them.
import { deliveryCountLabel, milestoneNames } from '@trialdesk/domain';
import type { CommitteeReport } from '../build-report.js';
import {
  centreHazardRatios,
  competingRisks,
  fewAtRiskNote,
  followUpLine,
  meetingRecords,
  signatureSection,
  targetLine,
} from './committee-analyses-pdf.js';
import { committeeWords } from './committee-words.js';
import { baselineSection } from './baseline-pdf.js';
import { drawProjection, projectionText } from './accrual-projection-pdf.js';
import { swimmerSection } from './swimmer-pdf.js';
import { saeListingSection, safetyReportingSection } from './safety-reporting-pdf.js';
import { drawConsort } from './consort-diagram.js';
import { drawKmPlot } from './km-plot.js';
import {
  COLOR,
  CONTENT_WIDTH,
  PAGE,
  FONT,
  createDoc,
  ensureSpace,
  heading,
  paragraph,
  stampPages,
  table,
  toBuffer,
  type Doc,
} from './layout.js';
import { pdfWords, type PdfLang, type PdfWords } from './words.js';

const KIND: Record<string, string> = { hdfs: 'hDFS', dfs: 'DFS', os: 'OS' };

const months = (w: PdfWords, x: number | null) =>
  x === null ? w.t('notReached') : w.t('months', { n: w.decimal(x, 1) });
const num = (w: PdfWords, x: number | null, digits = 1) =>
  x === null ? w.t('notReached') : w.decimal(x, digits);

export function reportTitle(r: CommitteeReport, w: PdfWords = pdfWords('en')): string {
  return w.t('title', { code: r.meta.code });
}

function titleBlock(doc: Doc, w: PdfWords, r: CommitteeReport): void {
  doc.font(FONT.bold).fontSize(20).fillColor(COLOR.text).text(reportTitle(r, w), PAGE.margin, PAGE.top);
  doc.moveDown(0.2);
  doc
    .font(FONT.body)
    .fontSize(10)
    .fillColor(COLOR.muted)
    .text(r.meta.title[w.lang], { width: CONTENT_WIDTH });
  doc.moveDown(0.6);
  if (r.meta.synthetic) {
    const y = doc.y;
    doc.rect(PAGE.margin, y, CONTENT_WIDTH, 22).fill('#fdebd3');
    doc.font(FONT.bold).fontSize(9).fillColor(COLOR.warn);
    doc.text(w.t('synthetic'), PAGE.margin + 8, y + 7);
    doc.y = y + 30;
  }
  const cut = r.meta.cut;
  const rows: [string, string, boolean][] = [
    [
      w.t('data'),
      cut ? w.t('dataCut', { label: cut.label, date: w.date(cut.createdAt.slice(0, 10)) }) : w.t('liveData'),
      false,
    ],
    [w.t('asOfDate'), w.date(r.meta.asOf), false],
    [w.t('contentHash'), r.meta.contentHash, true],
    [w.t('pi'), r.meta.principalInvestigator, false],
  ];
  for (const [k, v, mono] of rows) {
    const y = doc.y;
    doc.font(FONT.bold).fontSize(9).fillColor(COLOR.text).text(k, PAGE.margin, y, { width: 130 });
    doc.font(mono ? FONT.mono : FONT.body).fontSize(mono ? 7.5 : 9);
    doc.text(v, PAGE.margin + 135, y, { width: CONTENT_WIDTH - 135 });
    doc.moveDown(0.25);
  }
  doc.font(FONT.body).fontSize(9);
}

function accrual(doc: Doc, w: PdfWords, r: CommitteeReport): void {
  heading(doc, w.t('accrual'));
  const a = r.accrual;
  paragraph(
    doc,
    w.t('accrualText', {
      included: a.included,
      target: a.target,
      percent: `${w.decimal(a.percent, Number.isInteger(a.percent) ? 0 : 1)}%`,
      first: w.date(a.firstInclusion),
      last: w.date(a.lastInclusion),
      start: w.date(a.plannedStart),
      end: w.date(a.plannedEnd),
    }),
  );
  doc.moveDown(0.4);
  // Cumulative accrual against the planned line.
  const box = { x: PAGE.margin + 34, y: doc.y + 6, w: CONTENT_WIDTH - 44, h: 120 };
  ensureSpace(doc, box.h + 40);
  box.y = doc.y + 6;
  const pts = a.points;
  const maxY = Math.max(a.target, ...pts.map((p) => p.total ?? 0));
  const sx = (i: number) => box.x + (pts.length <= 1 ? 0 : (i / (pts.length - 1)) * box.w);
  const sy = (v: number) => box.y + box.h - (v / maxY) * box.h;
  doc.lineWidth(0.3).strokeColor(COLOR.rule);
  for (let v = 0; v <= maxY; v += Math.max(5, Math.ceil(maxY / 50) * 10)) {
    doc
      .moveTo(box.x, sy(v))
      .lineTo(box.x + box.w, sy(v))
      .stroke();
    doc
      .font(FONT.body)
      .fontSize(7)
      .fillColor(COLOR.muted)
      .text(String(v), box.x - 26, sy(v) - 3, { width: 22, align: 'right' });
  }
  pts.forEach((p, i) => {
    if (p.month.endsWith('-01') || i === 0)
      doc.text(w.month(p.month), sx(i) - 20, box.y + box.h + 4, {
        width: 40,
        align: 'center',
        lineBreak: false,
      });
  });
  doc.lineWidth(0.7).strokeColor(COLOR.text);
  doc
    .moveTo(box.x, box.y)
    .lineTo(box.x, box.y + box.h)
    .lineTo(box.x + box.w, box.y + box.h)
    .stroke();
  doc.dash(3, { space: 2 });
  pts.forEach((p, i) => (i === 0 ? doc.moveTo(sx(i), sy(p.planned)) : doc.lineTo(sx(i), sy(p.planned))));
  doc.lineWidth(1).strokeColor(COLOR.muted).stroke();
  doc.undash();
  let started = false;
  pts.forEach((p, i) => {
    if (p.total === null) return;
    if (!started) doc.moveTo(sx(i), sy(p.total));
    else doc.lineTo(sx(i), sy(p.total));
    started = true;
  });
  doc.lineWidth(1.5).strokeColor(COLOR.accent).stroke();
  doc
    .fontSize(7)
    .fillColor(COLOR.accent)
    .text(w.t('includedCumulative'), box.x + 8, box.y + 4, { lineBreak: false });
  doc.fillColor(COLOR.muted).text(`- - ${w.t('planned')}`, box.x + 8, box.y + 14, { lineBreak: false });
  drawProjection(doc, w, a, sx, sy, { x: box.x + 8, y: box.y + 24 });
  doc.y = box.y + box.h + 20;
  doc.x = PAGE.margin;
  projectionText(doc, w, a);

  heading(doc, w.t('enrolment'));
  table(
    doc,
    [
      { header: w.t('centre'), width: 200 },
      { header: w.t('target'), width: 60, align: 'right' },
      { header: w.t('included'), width: 60, align: 'right' },
      { header: w.t('firstInclusion'), width: 90, align: 'right' },
      { header: w.t('lastInclusion'), width: 89, align: 'right' },
    ],
    r.centres.map((c) => [
      `${c.name} (${c.city})`,
      String(c.target),
      String(c.included),
      w.date(c.firstInclusion),
      w.date(c.lastInclusion),
    ]),
  );
}

function milestonesAndFollowUp(doc: Doc, w: PdfWords, r: CommitteeReport): void {
  heading(doc, w.t('milestones'));
  table(
    doc,
    [
      { header: w.t('milestone'), width: 170 },
      { header: w.t('planned'), width: 90, align: 'right' },
      { header: w.t('date'), width: 90, align: 'right' },
      { header: w.t('status'), width: 149 },
    ],
    // Only what the data show as done reads "done"; an analysis whose date has passed is due, never done.
    r.milestones.map((m) => [
      milestoneNames[m.key][w.lang],
      w.date(m.planned),
      w.date(m.date),
      w.label('s_', m.basis),
    ]),
  );
  heading(doc, w.t('followUp'));
  paragraph(doc, w.t('followUpText'), { muted: true });
  doc.moveDown(0.3);
  const row = (label: string, c: CommitteeReport['followUp']['total']) => [
    label,
    String(c.states.done),
    String(c.states.done_late),
    String(c.states.missed),
    String(c.states.overdue),
    String(c.states.due),
    String(c.expected),
    c.percent === null ? '-' : `${w.decimal(c.percent, 1)}%`,
  ];
  table(
    doc,
    [
      { header: w.t('centre'), width: 120 },
      { header: w.t('done'), width: 50, align: 'right' },
      { header: w.t('late'), width: 50, align: 'right' },
      { header: w.t('missed'), width: 55, align: 'right' },
      { header: w.t('overdue'), width: 55, align: 'right' },
      { header: w.t('dueNow'), width: 55, align: 'right' },
      { header: w.t('expected'), width: 55, align: 'right' },
      { header: w.t('complete'), width: 59, align: 'right' },
    ],
    [...r.followUp.byCentre.map((c) => row(c.centre, c)), row(w.t('allCentres'), r.followUp.total)],
  );
  followUpLine(doc, w, r.followUp.median);
}

function safety(doc: Doc, w: PdfWords, r: CommitteeReport): void {
  const s = r.safety;
  heading(doc, w.t('safety'));
  const h = s.headline;
  const interval = (p: { estimate: number | null; lower: number | null; upper: number | null }) => ({
    estimate: w.percent(p.estimate),
    lower: w.percent(p.lower),
    upper: w.percent(p.upper),
  });
  paragraph(
    doc,
    w.t('headline', { days: h.windowDays, count: h.count, total: h.total, ...interval(h) }) +
      (h.deathsAsGradeV > 0 ? w.t('deathsAsGradeV', { n: h.deathsAsGradeV, days: h.windowDays }) : '') +
      (h.incompleteWindow > 0 ? w.t('incompleteWindow', { n: h.incompleteWindow, days: h.windowDays }) : ''),
  );
  doc.moveDown(0.3);
  const m = s.mortality;
  paragraph(doc, w.t('mortality', { days: m.windowDays, count: m.count, total: m.total, ...interval(m) }));
  doc.moveDown(0.3);
  paragraph(
    doc,
    w.t('complicationsText', {
      total: s.complications.total,
      withAny: s.complications.participantsWithAny,
      participants: s.participants,
    }),
  );
  doc.moveDown(0.3);
  table(
    doc,
    [
      { header: w.t('category'), width: 120 },
      { header: w.t('scale'), width: 110 },
      { header: w.t('grade'), width: 80 },
      { header: w.t('complications'), width: 95, align: 'right' },
      { header: w.t('participants'), width: 94, align: 'right' },
    ],
    s.complications.cells.map((c) => [
      w.label('c_', c.category),
      c.scale === 'ctcae' ? w.t('ctcae') : w.t('clavienDindo'),
      c.grade,
      String(c.complications),
      String(c.participants),
    ]),
  );
  const d = s.delivery;
  ensureSpace(doc, 120);
  doc.font(FONT.bold).fontSize(10).fillColor(COLOR.text).text(w.t('delivery'), PAGE.margin, doc.y);
  doc.moveDown(0.3);
  table(
    doc,
    [
      { header: w.t('withPump'), width: 200 },
      { header: String(d.withPump), width: 60, align: 'right' },
    ],
    (['reachedFinalCycle', 'receivedAllCycles'] as const).map((key) => [
      deliveryCountLabel(key, w.lang, d.cycleCount),
      String(d[key]),
    ]),
  );
  table(
    doc,
    [
      { header: w.t('cyclesGiven'), width: 140 },
      ...d.cyclesGiven.map((c) => ({ header: String(c.cycles), width: 40, align: 'right' as const })),
    ],
    [[w.t('withPump'), ...d.cyclesGiven.map((c) => String(c.participants))]],
  );
  table(
    doc,
    [
      { header: w.t('modification'), width: 120 },
      { header: w.t('cycles'), width: 80, align: 'right' },
      { header: w.t('participants'), width: 80, align: 'right' },
    ],
    d.modifications.map((x) => [w.label('mod_', x.modification), String(x.cycles), String(x.participants)]),
  );
  if (d.reasons.length > 0)
    table(
      doc,
      [
        { header: w.t('modification'), width: 100 },
        { header: w.t('reason'), width: 300 },
        { header: w.t('cycles'), width: 60, align: 'right' },
      ],
      d.reasons.map((x) => [w.label('mod_', x.modification), x.reason, String(x.count)]),
    );
}

function survival(doc: Doc, w: PdfWords, o: NonNullable<CommitteeReport['closed']>['outcomes']): void {
  o.endpoints.forEach((e, i) => {
    doc.addPage();
    heading(
      doc,
      `${7 + i}. ${e.name[w.lang]} (${KIND[e.kind] ?? e.kind})${e.primary ? w.t('primaryEndpoint') : ''}`,
    );
    paragraph(
      doc,
      w.t('survivalText', {
        analysed: e.analysed,
        events: e.events,
        censored: e.censored,
        excluded: o.excluded,
        daysPerMonth: w.decimal(o.daysPerMonth, 4),
      }) + (e.kind === 'hdfs' ? w.t(e.deathIsEvent ? 'deathIsEvent' : 'deathCensored') : ''),
      { muted: true },
    );
    const box = { x: PAGE.margin + 46, y: doc.y + 12, w: CONTENT_WIDTH - 56, h: 220 };
    doc.y = drawKmPlot(doc, w, e, o.maxMonths, box) + 6;
    doc.x = PAGE.margin;
    const m = e.median;
    paragraph(
      doc,
      w.t('median', { estimate: months(w, m.estimate), lower: num(w, m.lower), upper: num(w, m.upper) }),
    );
    doc.moveDown(0.3);
    table(
      doc,
      [
        { header: w.t('landmark'), width: 100 },
        { header: w.t('survival'), width: 90, align: 'right' },
        { header: w.t('ci95'), width: 150, align: 'right' },
        { header: w.t('atRisk'), width: 80, align: 'right' },
      ],
      e.landmarks.map((l) => [
        w.t('years', { n: l.months / 12 }),
        l.survival === null ? w.t('notEstimable') : w.percent(l.survival),
        l.lower === null || l.upper === null
          ? '-'
          : w.t('range', { lower: w.percent(l.lower), upper: w.percent(l.upper) }),
        `${l.atRisk}${l.fewAtRisk ? ' *' : ''}`,
      ]),
    );
    fewAtRiskNote(doc, w, e.landmarks, o.minAtRisk);
    targetLine(doc, w, e);
    const t = e.byCentre.test;
    ensureSpace(doc, 80);
    doc.font(FONT.bold).fontSize(9).fillColor(COLOR.text).text(w.t('byCentre'), PAGE.margin, doc.y);
    doc.moveDown(0.2);
    table(
      doc,
      [
        { header: w.t('centre'), width: 100 },
        { header: w.t('analysed'), width: 70, align: 'right' },
        { header: w.t('events'), width: 70, align: 'right' },
        { header: w.t('expected'), width: 80, align: 'right' },
        { header: w.t('medianMonths'), width: 100, align: 'right' },
      ],
      e.byCentre.groups.map((g) => [
        g.centre,
        String(g.analysed),
        String(g.events),
        g.expected === null ? '-' : w.decimal(g.expected, 2),
        num(w, g.median),
      ]),
    );
    paragraph(
      doc,
      t
        ? w.t('logRank', { chi: w.decimal(t.chiSquare, 2), df: t.df, p: w.decimal(t.pValue, 3) })
        : w.t('noLogRank'),
      { muted: true },
    );
    centreHazardRatios(doc, w, e);
    if (e.kind === 'hdfs') competingRisks(doc, w, o, e.deathIsEvent);
  });
}

/** The open report says that a closed part exists and why this reader does not get it. */
function closedWithheld(doc: Doc, w: PdfWords): void {
  doc.addPage();
  heading(doc, w.t('closedTitle'));
  paragraph(doc, w.t('closedText'), { muted: true });
}

/** The report as a PDF in `lang` (the language the user chose). */
export async function renderReportPdf(r: CommitteeReport, lang: PdfLang = 'en'): Promise<Buffer> {
  const w = pdfWords(lang);
  const doc = createDoc(
    reportTitle(r, w),
    w.t('subject', { date: w.date(r.meta.asOf), hash: r.meta.contentHash }),
  );
  titleBlock(doc, w, r);
  accrual(doc, w, r);
  milestonesAndFollowUp(doc, w, r);
  doc.addPage();
  baselineSection(doc, w, r.baseline);
  doc.addPage();
  heading(doc, w.t('consort'));
  drawConsort(doc, w, r.consort, (id) => r.criteria[id]?.[lang] ?? id);
  doc.addPage();
  safety(doc, w, r);
  safetyReportingSection(doc, w, r);
  if (r.closed) {
    survival(doc, w, r.closed.outcomes);
    swimmerSection(doc, w, r.closed.outcomes.swimmers);
    saeListingSection(doc, w, r.closed.saeListing, r.saes !== null);
  } else closedWithheld(doc, w);
  doc.addPage();
  heading(doc, committeeWords(lang)('meetings'));
  meetingRecords(doc, w, r.meetings);
  if (r.signatures) {
    heading(doc, committeeWords(lang)('signaturesTitle'));
    signatureSection(doc, w, r);
  }
  const cut = r.meta.cut;
  stampPages(doc, w, {
    left: `${r.meta.code} - ${cut ? w.t('stampCut', { label: cut.label }) : w.t('stampLive')}`,
    right: w.t('asOf', { date: w.date(r.meta.asOf) }),
    footer: `SHA-256 ${r.meta.contentHash}${r.meta.synthetic ? ` - ${w.t('syntheticFooter')}` : ''}`,
    synthetic: r.meta.synthetic,
  });
  return toBuffer(doc);
}
