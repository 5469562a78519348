// A trial's FHIR resources as the read API looks them up, built per participant when first asked for rather
// than all at once: at 100 000 participants the whole trial is millions of resources (seconds and gigabytes
// on every first request after a write), while a read, a per-patient search or a page of Patients needs a
// handful. The study and its sites are built at once (few); a search of a clinical type across the whole
// trial still builds every participant's resources, once per data version. Order and content are those
// of trialResources (resources.ts), which the data-cut export uses.
import type { DatasetParticipant, TrialDataset, TrialDefinition } from '@trialdesk/domain';
import { clinicalResources } from './clinical-resources.js';
import type { ScopedResource } from './resources.js';
import { ids, locations, patient, researchStudy, researchSubject, type RefOf } from './study-resources.js';

/** A list read by position, so that a page of a long list is built without the rest. */
export interface Seq {
  length: number;
  at(i: number): ScopedResource;
}

export const seqOf = (items: readonly ScopedResource[]): Seq => ({
  length: items.length,
  at: (i) => items[i]!,
});

/** One resource per participant (its Patient or its ResearchSubject), in the dataset's order. */
const PER_PARTICIPANT: Record<string, number> = { Patient: 0, ResearchSubject: 1 };

export class TrialResources {
  readonly trialLevel: ScopedResource[];
  private readonly byStudyId: Map<string, DatasetParticipant>;
  private readonly built = new Map<DatasetParticipant, ScopedResource[]>();
  private readonly ofCentre = new Map<string | null, DatasetParticipant[]>();
  private readonly ofType = new Map<string, ScopedResource[]>();

  constructor(
    private readonly def: TrialDefinition,
    private readonly data: TrialDataset,
    private readonly ref: RefOf,
  ) {
    this.trialLevel = [researchStudy(def, data, ref), ...locations(def, data)].map((resource) => ({
      resource: resource as ScopedResource['resource'],
      centre: null,
      patientId: null,
    }));
    this.byStudyId = new Map(data.participants.map((p) => [p.studyId, p]));
  }

  /** The participant's resources: Patient, ResearchSubject, then its clinical resources. */
  of(p: DatasetParticipant): ScopedResource[] {
    let out = this.built.get(p);
    if (out) return out;
    const patientId = ids.patient(this.def.id, p.studyId);
    const scoped = (resource: unknown) => ({
      resource: resource as ScopedResource['resource'],
      centre: p.centre,
      patientId,
    });
    out = [
      scoped(patient(this.def, this.data, p)),
      scoped(researchSubject(this.def, this.data, p, this.ref)),
      ...clinicalResources(this.def, this.data, p, this.ref).map(scoped),
    ];
    this.built.set(p, out);
    return out;
  }

  /** The participant a Patient id (or the id of one of its resources, `….cycle-3`) belongs to. */
  participantOf(id: string): DatasetParticipant | undefined {
    const prefix = `${this.def.id}.`;
    if (!id.startsWith(prefix)) return undefined;
    const rest = id.slice(prefix.length);
    // A study ID is the text up to one of the dots (or all of it); try each, shortest first.
    for (let at = rest.indexOf('.'); at !== -1; at = rest.indexOf('.', at + 1)) {
      const p = this.byStudyId.get(rest.slice(0, at));
      if (p) return p;
    }
    return this.byStudyId.get(rest);
  }

  /** The participants a centre scope sees (null: all), in the dataset's order. */
  participants(centre: string | null): DatasetParticipant[] {
    let out = this.ofCentre.get(centre);
    if (!out) {
      out =
        centre === null ? this.data.participants : this.data.participants.filter((p) => p.centre === centre);
      this.ofCentre.set(centre, out);
    }
    return out;
  }

  /** Every resource of a type that the centre scope sees, in trialResources order. */
  ofTypeIn(type: string, centre: string | null): Seq {
    if (this.trialLevel.some((r) => r.resource.resourceType === type))
      return seqOf(this.trialLevel.filter((r) => r.resource.resourceType === type));
    const people = this.participants(centre);
    const slot = PER_PARTICIPANT[type];
    if (slot !== undefined) return { length: people.length, at: (i) => this.of(people[i]!)[slot]! };
    const key = `${type}\u0000${centre ?? ''}`;
    let out = this.ofType.get(key);
    if (!out) {
      out = people.flatMap((p) => this.of(p).filter((r) => r.resource.resourceType === type));
      this.ofType.set(key, out);
    }
    return seqOf(out);
  }
}
