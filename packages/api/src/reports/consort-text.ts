// The CONSORT boxes in words (English), for the PDF diagram: one step per row, the main column and the
// participants who leave the flow at that step.
import { deliveryCountLabel, type ConsortFlow } from '@trialdesk/domain';

export interface ConsortStep {
  main: string[];
  side: string[] | null;
}

const ENDPOINT: Record<string, string> = { hdfs: 'hDFS', dfs: 'DFS', os: 'OS' };

export function consortLines(flow: ConsortFlow, criterionText: (id: string) => string): ConsortStep[] {
  const s = flow.screening;
  const t = flow.treatment;
  const f = flow.followUp;
  const excluded = s.notEligible + s.declined + s.other.count;
  return [
    {
      main: [`Assessed for eligibility (n = ${s.screened})`],
      side: [
        `Not included (n = ${excluded})`,
        `Not eligible (n = ${s.notEligible})`,
        ...s.notEligibleReasons.slice(0, 8).map((r) => `  - ${criterionText(r.criterion)} (${r.count})`),
        `Declined (n = ${s.declined})`,
        `Other reasons (n = ${s.other.count})`,
        ...s.other.reasons.map(
          (r) =>
            `  - ${r.reason === 'included_record_missing' ? 'Included record missing' : r.reason} (${r.count})`,
        ),
      ],
    },
    { main: [`Included (n = ${s.included})`], side: [`Not operated yet (n = ${t.notOperated})`] },
    {
      main: [`Operated (n = ${t.operated})`],
      side: [
        `Operated without pump (n = ${t.operatedWithoutPump})`,
        ...t.withoutPumpReasons.map((r) => `  - ${r.reason} (${r.count})`),
      ],
    },
    { main: [`Pump placed (n = ${t.withPump})`], side: [`HAIP not started (n = ${t.notStarted})`] },
    {
      main: [`Started HAIP (n = ${t.startedHaip})`],
      side: [
        `${deliveryCountLabel('notReachedFinalCycle', 'en', t.cycleCount)} (n = ${t.startedHaip - t.reachedFinalCycle})`,
        `Stopped early (n = ${t.stopped.count})`,
        ...t.stopped.reasons.map((r) => `  - ${r.reason} (${r.count})`),
        `Ended without a stop record (n = ${t.endedEarly})`,
        `Still on treatment (n = ${t.onTreatment})`,
      ],
    },
    {
      main: [
        `${deliveryCountLabel('reachedFinalCycle', 'en', t.cycleCount)} (n = ${t.reachedFinalCycle})`,
        `${deliveryCountLabel('receivedAllCycles', 'en', t.cycleCount)}: ${t.receivedAllCycles}`,
      ],
      side: null,
    },
    {
      main: [
        `Follow-up of all included (n = ${f.included})`,
        `In follow-up: ${f.inFollowUp}`,
        `Completed follow-up: ${f.completed}`,
        `Not started (no time zero): ${f.notStarted}`,
      ],
      side: [
        `Off study early (n = ${f.died + f.withdrawn + f.lostToFollowUp})`,
        `Died: ${f.died}`,
        `Withdrawn: ${f.withdrawn}`,
        `Lost to follow-up: ${f.lostToFollowUp}`,
      ],
    },
    {
      main: [
        'Analysed',
        ...flow.analysis.map(
          (a) => `${ENDPOINT[a.kind] ?? a.kind}: ${a.analysed} (${a.events} events, ${a.censored} censored)`,
        ),
      ],
      side: [`Not analysed: no time zero (n = ${flow.analysis[0]?.excluded ?? 0})`],
    },
  ];
}
