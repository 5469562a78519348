// The CONSORT boxes in words, in the reader's language: one step per row, the main flow and those who
// leave it at that step. The diagram and its text version are both drawn from these steps.
import { deliveryCountLabel } from '@trialdesk/domain';
import type { Translate } from '../../i18n/catalogue';
import type { CommitteeKey } from './messages';
import type { ConsortData } from './types';

interface ConsortStep {
  id: string;
  main: string[];
  side: string[] | null;
}

const SHORT: Record<string, string> = { hdfs: 'hDFS', dfs: 'DFS', os: 'OS' };

export function consortSteps(
  data: Pick<ConsortData, 'flow' | 'criteria'>,
  t: Translate<CommitteeKey>,
  lang: 'en' | 'nl',
): ConsortStep[] {
  const { flow, criteria } = data;
  const s = flow.screening;
  const tr = flow.treatment;
  const f = flow.followUp;
  const criterion = (id: string) => criteria[id]?.[lang] ?? id;
  return [
    {
      id: 'screening',
      main: [t('assessed', { n: s.screened })],
      side: [
        t('notIncluded', { n: s.notEligible + s.declined + s.other.count }),
        t('notEligible', { n: s.notEligible }),
        ...s.notEligibleReasons.map((r) => `• ${criterion(r.criterion)} (${r.count})`),
        t('declined', { n: s.declined }),
        t('otherReasons', { n: s.other.count }),
        ...s.other.reasons.map(
          (r) =>
            `• ${r.reason === 'included_record_missing' ? t('includedRecordMissing') : r.reason} (${r.count})`,
        ),
      ],
    },
    {
      id: 'included',
      main: [t('included', { n: s.included })],
      side: [t('notOperated', { n: tr.notOperated })],
    },
    {
      id: 'operated',
      main: [t('operated', { n: tr.operated })],
      side: [
        t('withoutPump', { n: tr.operatedWithoutPump }),
        ...tr.withoutPumpReasons.map((r) => `• ${r.reason} (${r.count})`),
      ],
    },
    { id: 'pump', main: [t('withPump', { n: tr.withPump })], side: [t('notStarted', { n: tr.notStarted })] },
    {
      id: 'started',
      main: [t('started', { n: tr.startedHaip })],
      side: [
        `${deliveryCountLabel('notReachedFinalCycle', lang, tr.cycleCount)} (n = ${tr.startedHaip - tr.reachedFinalCycle})`,
        t('stopped', { n: tr.stopped.count }),
        ...tr.stopped.reasons.map((r) => `• ${r.reason} (${r.count})`),
        t('endedEarly', { n: tr.endedEarly }),
        t('onTreatment', { n: tr.onTreatment }),
      ],
    },
    {
      id: 'completed',
      main: [
        `${deliveryCountLabel('reachedFinalCycle', lang, tr.cycleCount)} (n = ${tr.reachedFinalCycle})`,
        `${deliveryCountLabel('receivedAllCycles', lang, tr.cycleCount)}: ${tr.receivedAllCycles}`,
      ],
      side: null,
    },
    {
      id: 'follow-up',
      main: [
        t('followUpAll', { n: f.included }),
        t('inFollowUp', { n: f.inFollowUp }),
        t('completedFiveYears', { n: f.completed }),
        t('noTimeZero', { n: f.notStarted }),
      ],
      side: [
        t('offStudy', { n: f.died + f.withdrawn + f.lostToFollowUp }),
        t('died', { n: f.died }),
        t('withdrawn', { n: f.withdrawn }),
        t('lost', { n: f.lostToFollowUp }),
      ],
    },
    {
      id: 'analysis',
      main: [
        t('analysedTitle'),
        ...flow.analysis.map((a) =>
          t('analysedEndpoint', {
            name: SHORT[a.kind] ?? a.kind,
            n: a.analysed,
            events: a.events,
            censored: a.censored,
          }),
        ),
      ],
      side: [t('notAnalysed', { n: flow.analysis[0]?.excluded ?? 0 })],
    },
  ];
}
