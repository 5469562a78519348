// The committee report as a PDF: the same report object the web page shows, laid out on A4 pages with
// the data cut's as-of date and content hash in every page's header and footer.
import { deliveryCountLabel } from '@trialdesk/domain';
import type { CommitteeReport } from '../build-report.js';
import { drawConsort } from './consort-diagram.js';
import { drawKmPlot } from './km-plot.js';
import {
  COLOR,
  CONTENT_WIDTH,
  PAGE,
  createDoc,
  ensureSpace,
  pdfSafe,
  heading,
  paragraph,
  stampPages,
  table,
  toBuffer,
  type Doc,
} from './layout.js';

const pct = (x: number | null, digits = 1) => (x === null ? '-' : `${(100 * x).toFixed(digits)}%`);
const num = (x: number | null, digits = 1) => (x === null ? 'not reached' : x.toFixed(digits));
const months = (x: number | null) => (x === null ? 'not reached' : `${x.toFixed(1)} months`);
const KIND: Record<string, string> = { hdfs: 'hDFS', dfs: 'DFS', os: 'OS' };
const MILESTONE: Record<string, string> = {
  firstPatientIn: 'First patient in',
  lastPatientIn: 'Last patient in',
  lastPatientLastVisit: "Last patient's last visit",
  primaryAnalysis: 'Primary analysis',
  finalAnalysis: 'Final analysis',
};

/** Only what the data show as done reads "done"; an analysis whose date has passed is due, never done. */
const STATUS: Record<CommitteeReport['milestones'][number]['basis'], string> = {
  actual: 'done',
  due: 'due, not recorded as done',
  projected: 'projected',
  unknown: 'not yet known',
};

export function reportTitle(r: CommitteeReport): string {
  return `${r.meta.code} steering committee report`;
}

function titleBlock(doc: Doc, r: CommitteeReport): void {
  doc.font('Helvetica-Bold').fontSize(20).fillColor(COLOR.text).text(reportTitle(r), PAGE.margin, PAGE.top);
  doc.moveDown(0.2);
  doc.font('Helvetica').fontSize(10).fillColor(COLOR.muted).text(r.meta.title.en, { width: CONTENT_WIDTH });
  doc.moveDown(0.6);
  if (r.meta.synthetic) {
    const y = doc.y;
    doc.rect(PAGE.margin, y, CONTENT_WIDTH, 22).fill('#fdebd3');
    doc.font('Helvetica-Bold').fontSize(9).fillColor(COLOR.warn);
    doc.text(
      'SYNTHETIC DATA: every participant in this report is generated, none is real.',
      PAGE.margin + 8,
      y + 7,
    );
    doc.y = y + 30;
  }
  const cut = r.meta.cut;
  const rows: [string, string][] = [
    [
      'Data',
      cut ? `Data cut "${cut.label}" (frozen ${cut.createdAt.slice(0, 10)})` : 'Live data (not a frozen cut)',
    ],
    ['As-of date', r.meta.asOf],
    ['Content hash (SHA-256)', r.meta.contentHash],
    ['Principal investigator', r.meta.principalInvestigator],
  ];
  for (const [k, v] of rows) {
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(9).fillColor(COLOR.text).text(k, PAGE.margin, y, { width: 130 });
    doc.font(k.startsWith('Content') ? 'Courier' : 'Helvetica').fontSize(k.startsWith('Content') ? 8 : 9);
    doc.text(pdfSafe(v), PAGE.margin + 135, y, { width: CONTENT_WIDTH - 135 });
    doc.moveDown(0.25);
  }
  doc.font('Helvetica').fontSize(9);
}

function accrual(doc: Doc, r: CommitteeReport): void {
  heading(doc, '1. Accrual');
  const a = r.accrual;
  paragraph(
    doc,
    `${a.included} of ${a.target} participants included (${a.percent}%). First inclusion ${a.firstInclusion ?? '-'}, last ${a.lastInclusion ?? '-'}; planned recruitment ${a.plannedStart} to ${a.plannedEnd}.`,
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
      .font('Helvetica')
      .fontSize(7)
      .fillColor(COLOR.muted)
      .text(String(v), box.x - 26, sy(v) - 3, { width: 22, align: 'right' });
  }
  pts.forEach((p, i) => {
    if (p.month.endsWith('-01') || i === 0)
      doc.text(p.month, sx(i) - 16, box.y + box.h + 4, { width: 32, align: 'center', lineBreak: false });
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
    .text('Included (cumulative)', box.x + 8, box.y + 4, { lineBreak: false });
  doc.fillColor(COLOR.muted).text('- - Planned', box.x + 8, box.y + 14, { lineBreak: false });
  doc.y = box.y + box.h + 20;
  doc.x = PAGE.margin;

  heading(doc, '2. Enrolment per centre');
  table(
    doc,
    [
      { header: 'Centre', width: 200 },
      { header: 'Target', width: 60, align: 'right' },
      { header: 'Included', width: 60, align: 'right' },
      { header: 'First inclusion', width: 90, align: 'right' },
      { header: 'Last inclusion', width: 89, align: 'right' },
    ],
    r.centres.map((c) => [
      `${c.name} (${c.city})`,
      String(c.target),
      String(c.included),
      c.firstInclusion ?? '-',
      c.lastInclusion ?? '-',
    ]),
  );
}

function milestonesAndFollowUp(doc: Doc, r: CommitteeReport): void {
  heading(doc, '3. Milestones');
  table(
    doc,
    [
      { header: 'Milestone', width: 170 },
      { header: 'Planned', width: 90, align: 'right' },
      { header: 'Date', width: 90, align: 'right' },
      { header: 'Status', width: 149 },
    ],
    r.milestones.map((m) => [MILESTONE[m.key] ?? m.key, m.planned, m.date ?? '-', STATUS[m.basis]]),
  );
  heading(doc, '4. Follow-up completeness');
  paragraph(
    doc,
    'Assessments expected by the as-of date (done, done late, missed or overdue); completeness is the share done.',
    { muted: true },
  );
  doc.moveDown(0.3);
  const row = (label: string, c: CommitteeReport['followUp']['total']) => [
    label,
    String(c.states.done),
    String(c.states.done_late),
    String(c.states.missed),
    String(c.states.overdue),
    String(c.states.due),
    String(c.expected),
    c.percent === null ? '-' : `${c.percent.toFixed(1)}%`,
  ];
  table(
    doc,
    [
      { header: 'Centre', width: 120 },
      { header: 'Done', width: 50, align: 'right' },
      { header: 'Late', width: 50, align: 'right' },
      { header: 'Missed', width: 55, align: 'right' },
      { header: 'Overdue', width: 55, align: 'right' },
      { header: 'Due now', width: 55, align: 'right' },
      { header: 'Expected', width: 55, align: 'right' },
      { header: 'Complete', width: 59, align: 'right' },
    ],
    [...r.followUp.byCentre.map((c) => row(c.centre, c)), row('All centres', r.followUp.total)],
  );
}

function safety(doc: Doc, r: CommitteeReport): void {
  const s = r.safety;
  heading(doc, '6. Safety');
  const h = s.headline;
  paragraph(
    doc,
    `Clavien-Dindo grade III or higher within ${h.windowDays} days of pump placement: ${h.count} of ${h.total} participants (${pct(h.estimate)}; exact 95% CI ${pct(h.lower)} to ${pct(h.upper)}, Clopper-Pearson).` +
      (h.deathsAsGradeV > 0
        ? ` Includes ${h.deathsAsGradeV} death(s) within ${h.windowDays} days without a recorded complication, counted as grade V.`
        : '') +
      (h.incompleteWindow > 0
        ? ` ${h.incompleteWindow} pump(s) placed less than ${h.windowDays} days before the as-of date are not yet counted.`
        : ''),
  );
  doc.moveDown(0.3);
  const m = s.mortality;
  paragraph(
    doc,
    `Mortality within ${m.windowDays} days of surgery: ${m.count} of ${m.total} operated participants (${pct(m.estimate)}; exact 95% CI ${pct(m.lower)} to ${pct(m.upper)}, Clopper-Pearson).`,
  );
  doc.moveDown(0.3);
  paragraph(
    doc,
    `${s.complications.total} complications in ${s.complications.participantsWithAny} of ${s.participants} participants.`,
  );
  doc.moveDown(0.3);
  table(
    doc,
    [
      { header: 'Category', width: 120 },
      { header: 'Scale', width: 110 },
      { header: 'Grade', width: 80 },
      { header: 'Complications', width: 95, align: 'right' },
      { header: 'Participants', width: 94, align: 'right' },
    ],
    s.complications.cells.map((c) => [
      c.category,
      c.scale === 'ctcae' ? 'CTCAE' : 'Clavien-Dindo',
      c.grade,
      String(c.complications),
      String(c.participants),
    ]),
  );
  const d = s.delivery;
  ensureSpace(doc, 120);
  doc
    .font('Helvetica-Bold')
    .fontSize(10)
    .fillColor(COLOR.text)
    .text('Treatment delivery', PAGE.margin, doc.y);
  doc.moveDown(0.3);
  table(
    doc,
    [
      { header: 'Participants with a pump', width: 200 },
      { header: String(d.withPump), width: 60, align: 'right' },
    ],
    (['reachedFinalCycle', 'receivedAllCycles'] as const).map((key) => [
      deliveryCountLabel(key, 'en', d.cycleCount),
      String(d[key]),
    ]),
  );
  table(
    doc,
    [
      { header: 'Cycles given', width: 100 },
      ...d.cyclesGiven.map((c) => ({ header: String(c.cycles), width: 40, align: 'right' as const })),
    ],
    [['Participants with a pump', ...d.cyclesGiven.map((c) => String(c.participants))]],
  );
  table(
    doc,
    [
      { header: 'Modification', width: 120 },
      { header: 'Cycles', width: 80, align: 'right' },
      { header: 'Participants', width: 80, align: 'right' },
    ],
    d.modifications.map((m) => [m.modification, String(m.cycles), String(m.participants)]),
  );
  if (d.reasons.length > 0)
    table(
      doc,
      [
        { header: 'Modification', width: 100 },
        { header: 'Reason', width: 300 },
        { header: 'Cycles', width: 60, align: 'right' },
      ],
      d.reasons.map((x) => [x.modification, x.reason, String(x.count)]),
    );
}

function survival(doc: Doc, o: NonNullable<CommitteeReport['closed']>['outcomes']): void {
  o.endpoints.forEach((e, i) => {
    doc.addPage();
    heading(
      doc,
      `${7 + i}. ${e.name.en} (${KIND[e.kind] ?? e.kind})${e.primary ? ', primary endpoint' : ''}`,
    );
    paragraph(
      doc,
      `${e.analysed} analysed, ${e.events} events, ${e.censored} censored; ${o.excluded} without a time zero not analysed. ` +
        `Time in months (days / ${o.daysPerMonth.toFixed(4)}). Kaplan-Meier with Greenwood variance and log-transformed 95% limits (R survival conventions).` +
        (e.kind === 'hdfs'
          ? ` Setting: death without hepatic recurrence is ${e.deathIsEvent ? 'an event' : 'censored'}.`
          : ''),
      { muted: true },
    );
    const box = { x: PAGE.margin + 46, y: doc.y + 12, w: CONTENT_WIDTH - 56, h: 220 };
    doc.y = drawKmPlot(doc, e, o.maxMonths, box) + 6;
    doc.x = PAGE.margin;
    const m = e.median;
    paragraph(doc, `Median: ${months(m.estimate)} (95% CI ${num(m.lower)} to ${num(m.upper)}).`);
    doc.moveDown(0.3);
    table(
      doc,
      [
        { header: 'Landmark', width: 100 },
        { header: 'Survival', width: 90, align: 'right' },
        { header: '95% CI', width: 150, align: 'right' },
        { header: 'At risk', width: 80, align: 'right' },
      ],
      e.landmarks.map((l) => [
        `${l.months / 12} year${l.months === 12 ? '' : 's'}`,
        l.survival === null ? 'not estimable' : pct(l.survival),
        l.lower === null || l.upper === null ? '-' : `${pct(l.lower)} to ${pct(l.upper)}`,
        String(l.atRisk),
      ]),
    );
    const t = e.byCentre.test;
    ensureSpace(doc, 80);
    doc
      .font('Helvetica-Bold')
      .fontSize(9)
      .fillColor(COLOR.text)
      .text('Exploratory comparison by centre (log-rank)', PAGE.margin, doc.y);
    doc.moveDown(0.2);
    table(
      doc,
      [
        { header: 'Centre', width: 100 },
        { header: 'Analysed', width: 70, align: 'right' },
        { header: 'Events', width: 70, align: 'right' },
        { header: 'Expected', width: 80, align: 'right' },
        { header: 'Median (months)', width: 100, align: 'right' },
      ],
      e.byCentre.groups.map((g) => [
        g.centre,
        String(g.analysed),
        String(g.events),
        g.expected === null ? '-' : g.expected.toFixed(2),
        num(g.median),
      ]),
    );
    paragraph(
      doc,
      t
        ? `Log-rank chi-square ${t.chiSquare.toFixed(2)} on ${t.df} df, p = ${t.pValue.toFixed(3)}. Exploratory: the trial is not powered to compare centres.`
        : 'No log-rank test: fewer than two centres with data, or no events.',
      { muted: true },
    );
  });
}

/** The open report says that a closed part exists and why this reader does not get it. */
function closedWithheld(doc: Doc): void {
  doc.addPage();
  heading(doc, 'Closed report');
  paragraph(
    doc,
    'Efficacy outcomes, comparisons by centre and listings form the closed part of this report. Before the primary analysis they are shown only to the roles the trial setting names (by default the steering committee and the principal investigator); this copy holds the open part only.',
    { muted: true },
  );
}

export async function renderReportPdf(r: CommitteeReport): Promise<Buffer> {
  const doc = createDoc(reportTitle(r), `Data as of ${r.meta.asOf}; SHA-256 ${r.meta.contentHash}`);
  titleBlock(doc, r);
  accrual(doc, r);
  milestonesAndFollowUp(doc, r);
  doc.addPage();
  heading(doc, '5. CONSORT flow');
  drawConsort(doc, r.consort, (id) => r.criteria[id]?.en ?? id);
  doc.addPage();
  safety(doc, r);
  if (r.closed) survival(doc, r.closed.outcomes);
  else closedWithheld(doc);
  const cut = r.meta.cut;
  stampPages(doc, {
    left: `${r.meta.code} - ${cut ? `data cut "${cut.label}"` : 'live data'}`,
    right: `As of ${r.meta.asOf}`,
    footer: `SHA-256 ${r.meta.contentHash}${r.meta.synthetic ? ' - synthetic data' : ''}`,
    synthetic: r.meta.synthetic,
  });
  return toBuffer(doc);
}
