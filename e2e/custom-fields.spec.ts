import { expect, test } from './contract';
import { E2E_PASSWORD, inputOf, openFromMenu, pick, shot, signIn, signInAs, signOut } from './helpers';

test('an administrator defines a choice field; the project office fills it in a new project and filters the list by it', async ({
  page,
}) => {
  await signIn(page, 'admin', E2E_PASSWORD);
  await openFromMenu(page, 'customFields');
  await expect(page.getByTestId('custom-field-table')).toBeVisible();
  await page.getByTestId('custom-field-create').click();
  await page.getByTestId('custom-field-label').fill('建设期次');
  await page.getByTestId('custom-field-label-en').fill('Construction phase');
  // A key that is no identifier is refused in the form, before anything is sent.
  await page.getByTestId('custom-field-key').fill('Build-Phase');
  await pick(page, page.getByTestId('custom-field-type'), '单选');
  const options = page.getByTestId('custom-field-options');
  await options.click();
  for (const option of ['一期', '二期', '三期']) {
    await page.keyboard.type(option);
    await page.keyboard.press('Enter');
  }
  // Leave the options box by clicking elsewhere in the form (Escape would close the dialog).
  await page.getByTestId('custom-field-label').click();
  await page.getByTestId('custom-field-save').click();
  await expect(page.getByTestId('custom-field-form')).toContainText('键须以小写字母开头');
  await page.getByTestId('custom-field-key').fill('build_phase');
  await shot(page, '60-custom-field-define');
  await page.getByTestId('custom-field-save').click();
  await expect(page.getByTestId('custom-field-form')).toBeHidden();
  const table = page.getByTestId('custom-field-table');
  await expect(table).toContainText('建设期次');
  await expect(table).toContainText('build_phase');
  await expect(table).toContainText('二期');
  await shot(page, '61-custom-fields-page');
  await signOut(page);

  // The project office sees the field in the project form and fills it in.
  await signInAs(page, 'office', '/projects');
  await page.getByTestId('project-create').click();
  await expect(page.getByTestId('project-custom-fields')).toContainText('建设期次');
  await page.getByTestId('project-name').fill('天桥区自定义字段示范项目');
  // Chosen with the keyboard (type to narrow, Enter to take it), as a clerk filling many forms does.
  const phase = page.getByTestId('project-custom-build_phase');
  await phase.scrollIntoViewIfNeeded();
  await phase.click();
  await page.keyboard.type('二期');
  await page.keyboard.press('Enter');
  await expect(phase).toContainText('二期');
  await shot(page, '62-project-form-custom-field');
  await page.getByTestId('project-save').click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}/);
  // The project page shows the value under the field's label.
  await expect(page.getByTestId('project-header')).toContainText('建设期次');
  await expect(page.getByTestId('project-header')).toContainText('二期');

  // The list filtered by the field finds that project only; the field can be shown as a column.
  await openFromMenu(page, 'projects');
  await expect(page.getByTestId('project-table')).toBeVisible();
  await pick(page, page.getByTestId('project-custom-filter-build_phase'), '二期');
  await expect(page).toHaveURL(/custom=/);
  const rows = page.getByTestId('project-table').locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('天桥区自定义字段示范项目');
  await pick(page, page.getByTestId('project-custom-columns'), '建设期次');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('project-table').locator('thead')).toContainText('建设期次');
  await expect(rows.first()).toContainText('二期');
  await shot(page, '63-projects-filtered-by-custom-field');
  // Another phase finds nothing; the filter lives in the address like the others.
  await pick(page, page.getByTestId('project-custom-filter-build_phase'), '三期');
  await expect(page.getByTestId('project-table')).toContainText(/暂无数据|No data/);
  expect(decodeURIComponent(page.url())).toContain('"build_phase":"三期"');
  await expect(inputOf(page, 'project-search')).toBeVisible();
});
