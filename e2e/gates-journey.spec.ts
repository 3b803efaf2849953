import type { Page } from '@playwright/test';
import { expect, test } from './contract';
import { menuItem, openFromMenu, shot, signInAs, signOut } from './helpers';

const option = (page: Page, move: string, condition: string) => page.getByTestId(`gate-option-${move}-${condition}`);
/** The page has loaded the district's gates (a loaded machine can take longer than one expect's default). */
const gatesShown = (page: Page) => expect(page.getByTestId('gates-form')).toBeVisible();

test('the project office adds the feasibility study to the gate to 推进库; a new project must meet it; others cannot configure gates', async ({
  page,
}) => {
  await signInAs(page, 'office', '/project-gates');
  await expect(page).toHaveURL(/\/project-gates$/);
  await gatesShown(page);

  // The defaults: the five planning conditions, 项目代码 fixed on the way to 实施库, the approval items of 备案.
  await expect(page.getByTestId('gates-default')).toBeVisible();
  for (const condition of ['owner', 'total_investment', 'industry', 'lead_unit', 'leader']) {
    await expect(option(page, 'planning-advancing', condition)).toBeChecked();
  }
  await expect(option(page, 'planning-advancing', 'feasibility_study')).not.toBeChecked();
  await expect(option(page, 'advancing-implementing', 'project_code')).toBeChecked();
  await expect(option(page, 'advancing-implementing', 'project_code')).toBeDisabled();
  await expect(page.getByTestId('gates-form')).toContainText('“取得项目代码”为固定条件');
  await expect(page.getByTestId('required-approvals-filing')).toContainText('项目备案');
  await expect(page.getByTestId('required-approvals-filing')).toContainText('建筑工程施工许可证');

  // 可行性研究 before a project leaves planning.
  await option(page, 'planning-advancing', 'feasibility_study').check();
  await page.getByTestId('gates-save').click();
  await expect(page.getByText('已保存')).toBeVisible();
  await expect(page.getByTestId('gates-default')).toBeHidden();
  await page.reload();
  await gatesShown(page);
  await expect(option(page, 'planning-advancing', 'feasibility_study')).toBeChecked();
  await expect(option(page, 'planning-advancing', 'owner')).toBeChecked();
  await expect(page.getByTestId('gates-default')).toBeHidden();
  await shot(page, '40-gates');

  // A new project's gate to 推进库 now lists the feasibility study, unmet.
  await openFromMenu(page, 'projects');
  await page.getByTestId('project-create').click();
  await page.getByTestId('project-name').fill('天桥区入库条件示范项目');
  await page.getByTestId('project-save').click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}/);
  await page.getByTestId('move-advancing').click();
  await expect(page.getByTestId('gate-checklist')).toBeVisible();
  const feasibility = page.getByTestId('gate-condition-feasibility_study');
  await expect(feasibility).toHaveAttribute('data-met', 'false');
  await expect(feasibility).toContainText('完成可行性研究');
  await expect(page.getByTestId('move-confirm')).toBeDisabled();
  await shot(page, '41-gate-with-feasibility');
  // Closed by its button (an Escape pressed while the dialog took focus was lost once in CI, and the dialog then
  // covered the menu until the journey timed out).
  await page.getByTestId('move-cancel').click();
  await expect(page.getByTestId('gate-checklist')).toBeHidden();

  // Two tabs on the page: the second saves after the first, with the version it read, and is asked to reload.
  await openFromMenu(page, 'gates');
  await gatesShown(page);
  await expect(option(page, 'planning-advancing', 'feasibility_study')).toBeChecked();
  const other = await page.context().newPage();
  await other.goto('/project-gates');
  await gatesShown(other);
  await expect(option(other, 'planning-advancing', 'feasibility_study')).toBeChecked();
  // The defaults back (the other specs of a run share this district).
  await page.getByTestId('gates-restore-defaults').click();
  await expect(option(page, 'planning-advancing', 'feasibility_study')).not.toBeChecked();
  await page.getByTestId('gates-save').click();
  await expect(page.getByText('已保存')).toBeVisible();
  await option(other, 'planning-advancing', 'chain_position').check();
  await other.getByTestId('gates-save').click();
  const conflict = other.locator('.ant-modal-confirm');
  await expect(conflict).toContainText('记录已被他人修改');
  await conflict.getByRole('button', { name: '重新加载' }).click();
  await expect(option(other, 'planning-advancing', 'feasibility_study')).not.toBeChecked();
  await expect(option(other, 'planning-advancing', 'chain_position')).not.toBeChecked();
  await other.close();
  await page.reload();
  await gatesShown(page);
  await expect(option(page, 'planning-advancing', 'feasibility_study')).not.toBeChecked();
  await signOut(page);

  // A unit's clerk reads projects but does not configure gates: no menu entry, and the address answers 403.
  await signInAs(page, 'unit', '/');
  await expect(menuItem(page, 'projects')).toHaveCount(1);
  await expect(menuItem(page, 'gates')).toHaveCount(0);
  await page.goto('/project-gates');
  await expect(page.getByTestId('page-403')).toBeVisible();
});
