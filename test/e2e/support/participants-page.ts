// The participants list and a participant's page.
import type { Locator, Page } from '@playwright/test';

export class ParticipantsPage {
  readonly table: Locator;
  readonly search: Locator;
  readonly centre: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByRole('table', { name: /^Participants|^Deelnemers/ });
    this.search = page.getByRole('searchbox', { name: /Search by study ID|Zoek op studienummer/ });
    this.centre = page.getByRole('search').getByRole('combobox', { name: /Centre|Centrum/ });
  }

  async goto(trialId: string): Promise<void> {
    await this.page.goto(`/trials/${trialId}/participants`);
  }

  async studyIds(): Promise<string[]> {
    return this.table.locator('tbody').getByRole('rowheader').allInnerTexts();
  }
}

export class ParticipantPage {
  readonly refusal: Locator;
  readonly timeline: Locator;

  constructor(private readonly page: Page) {
    this.refusal = page.getByRole('alert');
    this.timeline = page.getByRole('region', { name: /Timeline|Tijdlijn/ });
  }

  async goto(trialId: string, studyId: string): Promise<void> {
    await this.page.goto(`/trials/${trialId}/participants/${studyId}`);
  }

  heading(studyId: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: new RegExp(studyId) });
  }
}
