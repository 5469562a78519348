// The inclusion checklist of ARTERY-2 (synthetic), found by labels and roles and typed key by key.
import { expect, type Locator, type Page } from '@playwright/test';
import { addDays } from './dates';
import { answer, named, typeDate, typeInto } from './forms';

export class InclusionPage {
  readonly form: Locator;
  readonly verdict: Locator;
  readonly submit: Locator;
  readonly included: Locator;

  constructor(private readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Include a participant' });
    this.verdict = this.form.locator('[data-eligibility]');
    this.submit = page.getByRole('button', { name: 'Include', exact: true });
    this.included = page.getByText(/^Included as ART2-[A-Z]+-\d{3}$/);
  }

  field(label: string | RegExp): Locator {
    return this.form.getByLabel(typeof label === 'string' ? named(label) : label);
  }

  status(criterionId: string): Locator {
    return this.form.locator(`[data-criterion="${criterionId}"] [data-status]`);
  }

  /** Every answer of an eligible candidate, except the platelet count, which the caller types. */
  async fillEligibleExceptPlatelets(inclusion: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Include a participant' })).toBeVisible();
    await typeDate(this.field('Inclusion date'), inclusion);
    await typeDate(this.field('Informed consent signed on'), addDays(inclusion, -2));
    await typeDate(this.field('Date of the laboratory values'), addDays(inclusion, -6));
    await answer(this.form, 'Sex', 'Male');
    await typeInto(this.field('Age ≥ 18 years'), 67);
    await typeInto(this.field('ECOG performance status 0–2'), 1);
    await typeInto(this.field('ANC ≥ 1.5 ×10⁹/L'), '2.8');
    await typeInto(this.field('eGFR ≥ 45 mL/min'), 81);
    await typeInto(this.field(/^Total bilirubin < 2 × ULN: Upper limit of normal/), 17);
    await typeInto(this.field('Total bilirubin < 2 × ULN'), 9);
    await answer(this.form, 'Written informed consent signed', 'Yes');
    await answer(this.form, 'Pregnant or lactating', 'No');
    await answer(this.form, 'Extrahepatic disease', 'No');
  }

  async platelets(value: number): Promise<void> {
    await typeInto(this.field('Platelets ≥ 75 ×10⁹/L'), value);
  }

  /** Includes and returns the study ID the server gave. */
  async include(): Promise<string> {
    await this.submit.click();
    await expect(this.included).toBeVisible();
    return (await this.included.innerText()).replace('Included as ', '');
  }
}
