// Issue 10 §1, the monitor's visit: everything a monitor may read (the overview, participants and their
// pages, the worklist and screening log, every committee page), and nothing else — no control that
// writes clinical data on any page, the writing pages answering as not available, and the server refusing
// the writes the screen does not offer. What a monitor does write since issue 14 (data queries and SDV
// marks) is the monitor's day in journey-monitoring.spec.ts.
import { expect, test, type Page } from '@playwright/test';
import { demoUsers } from './demo-accounts';
import { ApiSession } from './support/api';
import { AppShell } from './support/app-shell';
import { LoginPage } from './support/login-page';
import { ParticipantsPage } from './support/participants-page';
import { saveScreenshot } from './support/screenshots';

/** Every control of the app that writes, in both languages. */
const WRITES =
  /^(Save|Opslaan|Correct|Corrigeren|Void|Vervallen verklaren|Include|Includeren|Log screening|Screening loggen|Freeze data cut|Datasnede bevriezen|Surgery and pump|Operatie en pomp|Pump visit|Pompbezoek|Assessment|Evaluatie|Event|Gebeurtenis|Correct inclusion data|Inclusiegegevens corrigeren|Raise the target|Doel verhogen|Create user|Gebruiker aanmaken|CSV|CDISC|FHIR|Lock|Vergrendel|Unlock|Ontgrendel|Sign|Onderteken|Report as SAE|Melden als SAE|Add follow-up|Vervolgrapport toevoegen|Review|Beoordelen|SUSAR reported|SUSAR gemeld|Log deviation|Afwijking vastleggen)\b/;

async function expectNoWrites(page: Page, where: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^(Loading|Laden)/ })).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('button', { name: WRITES }), where).toHaveCount(0);
  await expect(
    page.getByRole('link', { name: /^(Record|Gegevens registreren|Operatie en follow-up)/ }),
    where,
  ).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('form'), where).toHaveCount(0);
}

test('monitor: reads every page a monitor may, and finds nothing that writes', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const shell = new AppShell(page);

  await test.step('log in: the menu offers reading pages only', async () => {
    await new LoginPage(page).logInAs(demoUsers.monitor);
    await shell.openTrial('PUMP-III');
    await expect(shell.navigation.getByRole('link')).toHaveText([
      'Overview',
      'Participants',
      'Worklist',
      'Screening',
      'Data queries',
      'Source data verification',
      // Both read-only for a monitor: the PI signs, the data manager locks.
      'Casebook signatures',
      'Locks',
      'Serious adverse events',
      'Protocol deviations',
      // No Outcomes: PUMP-III's outcome visibility closes them to monitors until the primary analysis.
      'Safety',
      'CONSORT',
      'Data cuts',
      'Report',
      'Your account',
    ]);
    await expectNoWrites(page, 'overview');
  });

  await test.step('participants of every centre, and one participant’s page', async () => {
    await shell.navLink('Participants').click();
    const list = new ParticipantsPage(page);
    await expect(list.table).toBeVisible();
    const ids = await list.studyIds();
    expect(new Set(ids.map((id) => id.split('-')[1]))).toEqual(new Set(['EMC', 'IJS', 'AVL']));
    await expectNoWrites(page, 'participants');
    await list.table.getByRole('link', { name: 'PUMP3-EMC-001' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /PUMP3-EMC-001/ })).toBeVisible();
    await expect(page.getByRole('region', { name: /Timeline/ })).toBeVisible();
    await expectNoWrites(page, 'participant');
    await saveScreenshot(page, 'journey-monitor-participant-1440-en');
  });

  for (const [link, heading] of [
    ['Worklist', 'Worklist'],
    ['Screening', 'Screening log'],
    ['Safety', 'Safety'],
    ['CONSORT', 'CONSORT flow'],
    ['Data cuts', 'Data cuts'],
    ['Report', 'PUMP-III steering committee report'],
    ['Casebook signatures', 'Casebook signatures'],
    ['Locks', 'Locks'],
    ['Serious adverse events', 'Serious adverse events'],
    ['Protocol deviations', 'Protocol deviations'],
  ] as const)
    await test.step(`${link}: read, nothing that writes`, async () => {
      await shell.navLink(link).click();
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expectNoWrites(page, link);
    });

  await test.step('the outcomes address says they are closed to this role', async () => {
    await page.goto('/trials/pump-iii/outcomes');
    await expect(page.getByRole('main').getByRole('alert')).toContainText('closed to your role');
  });

  await test.step('a worklist row opens the participant’s page, not the data-entry page', async () => {
    await shell.navLink('Worklist').click();
    const first = page.getByRole('link', { name: /^Participant page of PUMP3-/ }).first();
    const studyId = (await first.innerText()).trim();
    await first.click();
    await expect(page).toHaveURL(new RegExp(`/participants/${studyId}$`));
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(studyId) })).toBeVisible();
    await expectNoWrites(page, 'participant from the worklist');
  });

  await test.step('in Dutch too, on the screening log', async () => {
    await shell.switchLanguage('Nederlands');
    await shell.navLink('Screening').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Screeninglog' })).toBeVisible();
    await expectNoWrites(page, 'screening nl');
    // The funnel's total row is named as such, and the most-failed criteria wrap inside its box at
    // 1440 px rather than running out of it behind a scroll bar.
    const funnel = page.getByRole('table', { name: 'Screeningtrechter per centrum' });
    await expect(funnel.getByRole('rowheader', { name: 'Alle centra' })).toBeVisible();
    await expect(
      funnel.getByRole('cell', { name: /Recidief op de eerdere resectieplaats/ }).first(),
    ).toBeVisible();
    const overflow = await funnel.evaluate((table) => {
      const box = table.closest('.mantine-ScrollArea-root');
      return box ? table.getBoundingClientRect().width - box.getBoundingClientRect().width : Infinity;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'journey-monitor-screening-1440-nl');
    await shell.switchLanguage('English');
  });

  await test.step('the writing pages answer as not available', async () => {
    for (const path of [
      '/trials/pump-iii/include',
      '/trials/pump-iii/participants/PUMP3-EMC-001/record',
      '/admin/users',
      '/admin/audit',
    ]) {
      await page.goto(path);
      await expect(
        page.getByRole('heading', { level: 1, name: 'Not available for your role' }),
        path,
      ).toBeVisible();
      await expect(page.getByRole('alert')).toContainText('Your role (Monitor)');
    }
  });

  await test.step('and the server refuses the writes the screen does not offer', async () => {
    const monitor = await ApiSession.logIn(baseURL ?? '', demoUsers.monitor);
    for (const [procedure, input] of [
      ['committee.dataCuts.create', { trialId: 'pump-iii', label: 'Monitor cut', asOf: '2026-10-31' }],
      [
        'entry.screening.record',
        {
          trialId: 'pump-iii',
          centre: 'EMC',
          screeningDate: '2026-11-02',
          outcome: 'declined',
          failedCriteria: [],
          reason: 'x',
        },
      ],
      [
        'users.create',
        {
          username: 'monitor-made',
          displayName: 'x',
          role: 'admin',
          centre: null,
          password: 'long-enough-password',
        },
      ],
    ] as const) {
      const answer = await monitor.call(procedure, input);
      expect(answer.status, `${procedure}: ${answer.body}`).toBe(403);
    }
    await monitor.dispose();
  });
});
