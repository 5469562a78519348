// The trial overview: key figures, the centre table and the follow-up matrix.
import type { Locator, Page } from '@playwright/test';

export class OverviewPage {
  readonly inclusion: Locator;
  readonly status: Locator;
  readonly centresTable: Locator;
  readonly matrix: Locator;
  readonly matrixCentre: Locator;
  readonly matrixHidden: Locator;
  readonly live: Locator;

  constructor(private readonly page: Page) {
    this.inclusion = page.getByTestId('inclusion-progress');
    this.status = page.getByTestId('trial-status');
    this.centresTable = page.getByRole('table', { name: /Inclusions per centre|Inclusies per centrum/ });
    this.matrix = page.getByRole('table', { name: /Follow-up matrix|Follow-upmatrix/ });
    this.matrixCentre = page
      .getByRole('region', { name: /Follow-up milestone matrix|Follow-upmatrix/ })
      .getByRole('combobox', { name: /Centre|Centrum/ });
    this.matrixHidden = page.getByTestId('matrix-hidden');
    this.live = page.getByRole('status').filter({ hasText: /Live/ });
  }

  heading(code: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: new RegExp(code) });
  }

  /** Study IDs in the matrix's row headers. */
  async matrixStudyIds(): Promise<string[]> {
    return this.matrix.locator('tbody').getByRole('rowheader').allInnerTexts();
  }
}
