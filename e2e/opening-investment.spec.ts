import type { Page } from '@playwright/test';
import { expect, test } from './contract';
import { fitsWidth, inputOf, shot, signInAs, signOut } from './helpers';

// 期初累计完成投资: a continuing demo project started before this year carries what it had completed by last December;
// the project page shows 开工以来累计完成 with that amount named inside it, and the form keeps it for the project office.
const NAME = '上药控股山东总部项目';

async function openProject(page: Page) {
  const response = await page.request.get(`/api/v1/projects?q=${encodeURIComponent(NAME)}`);
  const { items } = (await response.json()) as { items: { id: string; name: string }[] };
  const project = items.find((p) => p.name === NAME);
  expect(project, NAME).toBeTruthy();
  await page.goto(`/projects/${project?.id}`);
  // The project page's code loads on first use: slow on a loaded machine.
  await expect(page.getByTestId('project-title')).toHaveText(NAME, { timeout: 60_000 });
}

test('the project page shows since-start completion with the amount before Lantu; the office edits it, a unit sees it read-only', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, 'office', '/');
  await openProject(page);
  const sinceStart = page.getByTestId('project-since-start');
  await expect(sinceStart).toBeVisible();
  const lastDecember = `${Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4)) - 1}年12月底`;
  await expect(page.getByTestId('project-since-start-opening')).toContainText(`（截至 ${lastDecember}）`);
  await expect(page.getByTestId('project-header')).toContainText('开工以来累计完成');
  await fitsWidth(page);
  await shot(page, '500-opening-project-page');

  await page.getByTestId('project-edit').click();
  const opening = page.getByTestId('project-opening-completed');
  await expect(opening).toBeVisible();
  await opening.scrollIntoViewIfNeeded();
  await expect(page.getByTestId('project-form')).toContainText('期初累计完成投资');
  await expect(page.getByTestId('project-form')).toContainText('期初累计截至');
  await expect(inputOf(page, 'project-opening-as-of')).toHaveValue(lastDecember);
  await shot(page, '501-opening-form-office');
  await page.goto('/projects');

  // On a phone: the header's figures stack, nothing scrolls sideways.
  await signOut(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, 'unit', '/');
  await openProject(page);
  await expect(page.getByTestId('project-since-start-opening')).toContainText('含期初累计');
  await fitsWidth(page);
  await shot(page, '502-opening-project-page-phone');
  // The lead unit's clerk edits the project but not the amount before Lantu: it is the project office's.
  await page.getByTestId('project-edit').click();
  await expect(page.getByTestId('project-form')).toBeVisible();
  const lockedInput = page
    .locator('input[data-testid="project-opening-completed"], [data-testid="project-opening-completed"] input')
    .first();
  await lockedInput.scrollIntoViewIfNeeded();
  await expect(lockedInput).toBeDisabled();
  await fitsWidth(page);
  await shot(page, '503-opening-form-unit-phone');
});
