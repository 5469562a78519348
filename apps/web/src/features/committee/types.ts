import type { RouterOutputs } from '../../lib/trpc';

export type Outcomes = RouterOutputs['committee']['outcomes']['get']['outcomes'];
export type EndpointOutcome = Outcomes['endpoints'][number];
export type Source = RouterOutputs['committee']['outcomes']['get']['source'];
export type Safety = RouterOutputs['committee']['safety']['get']['safety'];
export type ConsortData = RouterOutputs['committee']['consort']['get'];
export type Report = RouterOutputs['committee']['report']['get'];
export type CutList = RouterOutputs['committee']['dataCuts']['list']['cuts'];
export type Comparison = RouterOutputs['committee']['dataCuts']['compare']['comparison'];
export type Download = RouterOutputs['committee']['report']['pdf'];
