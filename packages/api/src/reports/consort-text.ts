// The CONSORT boxes in words (in the reader's language), for the PDF diagram: one step per row, the main
// column and the participants who leave the flow at that step.
import { deliveryCountLabel, type ConsortFlow } from '@trialdesk/domain';
import type { PdfWords } from './pdf/words.js';

export interface ConsortStep {
  main: string[];
  side: string[] | null;
}

const ENDPOINT: Record<string, string> = { hdfs: 'hDFS', dfs: 'DFS', os: 'OS' };

export function consortLines(
  flow: ConsortFlow,
  w: PdfWords,
  criterionText: (id: string) => string,
): ConsortStep[] {
  const { t, lang } = w;
  const s = flow.screening;
  const tr = flow.treatment;
  const f = flow.followUp;
  const excluded = s.notEligible + s.declined + s.other.count;
  return [
    {
      main: [t('assessed', { n: s.screened })],
      side: [
        t('notIncluded', { n: excluded }),
        t('notEligible', { n: s.notEligible }),
        ...s.notEligibleReasons.slice(0, 8).map((r) => `  - ${criterionText(r.criterion)} (${r.count})`),
        t('declined', { n: s.declined }),
        t('otherReasons', { n: s.other.count }),
        ...s.other.reasons.map(
          (r) =>
            `  - ${r.reason === 'included_record_missing' ? t('includedRecordMissing') : r.reason} (${r.count})`,
        ),
      ],
    },
    { main: [t('includedN', { n: s.included })], side: [t('notOperated', { n: tr.notOperated })] },
    {
      main: [t('operated', { n: tr.operated })],
      side: [
        t('withoutPump', { n: tr.operatedWithoutPump }),
        ...tr.withoutPumpReasons.map((r) => `  - ${r.reason} (${r.count})`),
      ],
    },
    { main: [t('pumpPlaced', { n: tr.withPump })], side: [t('notStarted', { n: tr.notStarted })] },
    {
      main: [t('startedHaip', { n: tr.startedHaip })],
      side: [
        `${deliveryCountLabel('notReachedFinalCycle', lang, tr.cycleCount)} (n = ${tr.startedHaip - tr.reachedFinalCycle})`,
        t('stoppedEarly', { n: tr.stopped.count }),
        ...tr.stopped.reasons.map((r) => `  - ${r.reason} (${r.count})`),
        t('endedEarly', { n: tr.endedEarly }),
        t('onTreatment', { n: tr.onTreatment }),
      ],
    },
    {
      main: [
        `${deliveryCountLabel('reachedFinalCycle', lang, tr.cycleCount)} (n = ${tr.reachedFinalCycle})`,
        `${deliveryCountLabel('receivedAllCycles', lang, tr.cycleCount)}: ${tr.receivedAllCycles}`,
      ],
      side: null,
    },
    {
      main: [
        t('followUpAll', { n: f.included }),
        t('inFollowUp', { n: f.inFollowUp }),
        t('completedFollowUp', { n: f.completed }),
        t('followUpNotStarted', { n: f.notStarted }),
      ],
      side: [
        t('offStudyEarly', { n: f.died + f.withdrawn + f.lostToFollowUp }),
        t('died', { n: f.died }),
        t('withdrawn', { n: f.withdrawn }),
        t('lost', { n: f.lostToFollowUp }),
      ],
    },
    {
      main: [
        t('analysedTitle'),
        ...flow.analysis.map((a) =>
          t('analysedLine', {
            endpoint: ENDPOINT[a.kind] ?? a.kind,
            analysed: a.analysed,
            events: a.events,
            censored: a.censored,
          }),
        ),
      ],
      side: [t('notAnalysed', { n: flow.analysis[0]?.excluded ?? 0 })],
    },
  ];
}
