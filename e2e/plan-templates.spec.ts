import type { Page } from '@playwright/test';
import { expect, test } from './contract';
import { fitsWidth, openFromMenu, shot, signInAs } from './helpers';

const csrf = async (page: Page) => ((await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string }).csrfToken;

/**
 * A project whose plan's 施工许可 milestone is not bound and says 2026-10-01 while its construction permit was
 * approved on 2026-09-27 — as an installation upgraded from before one fact in one place left it.
 */
async function disagreeingProject(page: Page, name: string) {
  const headers = { 'x-csrf-token': await csrf(page) };
  const units = (await (await page.request.get(`/api/v1/units?q=${encodeURIComponent('北园街道')}`)).json()) as { items: { id: string }[] };
  const created = await page.request.post('/api/v1/projects', { headers, data: { name, leadUnitId: units.items[0]?.id } });
  expect(created.status()).toBe(201);
  const project = (await created.json()) as { id: string; version: number };
  const plan = await page.request.put(`/api/v1/projects/${project.id}/plan`, {
    headers,
    data: {
      version: project.version,
      milestones: [
        {
          id: crypto.randomUUID(),
          name: '施工许可',
          kind: 'other',
          durationDays: 30,
          predecessorIds: [],
          actualStart: '2026-09-01',
          actualFinish: '2026-10-01',
          approvalTypeCode: null,
        },
      ],
    },
  });
  expect(plan.status()).toBe(200);
  const item = await page.request.post(`/api/v1/projects/${project.id}/approval-items`, {
    headers,
    data: { typeCode: 'construct_permit', status: 'done', appliedOn: '2026-09-01', approvedOn: '2026-09-27' },
  });
  expect(item.status()).toBe(201);
  return project.id;
}

test('the project office binds a template’s milestone to an approval item, is refused a type bound twice, and binds a plan milestone left unbound', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, 'office', '/');
  const projectName = '天桥区未绑定节点示范项目';
  const projectId = await disagreeingProject(page, projectName);

  await openFromMenu(page, 'planTemplates');
  await page.getByTestId('template-list-item').filter({ hasText: '科技创新项目计划' }).click();
  const editor = page.getByTestId('template-editor');
  await expect(editor.getByTestId('template-name-2')).toHaveValue('场地落实');
  // 开工 is bound to the project's planned start; 立项备案 to the filing.
  await expect(editor.getByTestId('template-binding-3')).toContainText('计划开工日期');
  await expect(editor.getByTestId('template-binding-1')).toContainText('项目备案');
  await fitsWidth(page);
  // Every column, the binding and the buttons included, fits beside the open menu: no sideways scroll in the table.
  await expect.poll(() => editor.locator('.ant-table-content').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);

  // 场地落实 bound to the title certificate, saved, still there after reloading.
  await editor.getByTestId('template-binding-2').click();
  await page.keyboard.type('不动产权证');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '不动产权证' }).click();
  await page.getByTestId('template-save').click();
  await expect(page.getByText('已保存')).toBeVisible();
  await shot(page, '360-plan-template-bound');
  await page.reload();
  await page.getByTestId('template-list-item').filter({ hasText: '科技创新项目计划' }).click();
  await expect(page.getByTestId('template-binding-2')).toContainText('不动产权证');
  await expect(page.getByTestId('template-list-item').filter({ hasText: '科技创新项目计划' })).toContainText('4 个已绑定');

  // The same certificate on 装修改造完成 too: refused, the error under that milestone's binding, nothing saved.
  await page.getByTestId('template-binding-4').click();
  await page.keyboard.type('不动产权证');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '不动产权证' }).click();
  await page.getByTestId('template-save').click();
  await expect(page.getByTestId('template-refused')).toContainText('科技创新项目计划');
  await expect(page.getByTestId('template-field-error')).toHaveText(
    '“不动产权证”已绑定在第 3 个节点“场地落实”上，同一模板中一类审批事项只能绑定一个节点',
  );
  await shot(page, '361-plan-template-refused');

  // The report of unbound milestones: the project whose permit says another day than its plan.
  await page.getByTestId('unbound-tab').click();
  const report = page.getByTestId('unbound-milestones');
  const row = report.getByRole('row').filter({ hasText: projectName });
  await expect(row).toContainText('建筑工程施工许可证');
  await expect(row).toContainText('2026-10-01');
  await expect(row).toContainText('2026-09-27');
  await expect(row.getByRole('link', { name: projectName })).toHaveAttribute('href', `/projects/${projectId}`);
  await shot(page, '362-unbound-milestones');

  // On a phone: the editor a card per milestone, the report a card per milestone, no sideways scroll.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(report.getByTestId('unbound-card').filter({ hasText: projectName })).toBeVisible();
  await fitsWidth(page);
  await shot(page, '363-unbound-milestones-phone');
  await page.getByRole('tab', { name: '模板' }).click();
  await expect(page.getByTestId('template-card-0')).toBeVisible();
  await fitsWidth(page);
  await shot(page, '364-plan-template-phone');
  await page.setViewportSize({ width: 1440, height: 900 });

  // Bound: the milestone takes the permit's date and leaves the report; the plan says where the date comes from.
  await page.getByTestId('unbound-tab').click();
  await row.getByRole('button', { name: '按审批事项绑定' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '按审批事项绑定' }).click();
  await expect(page.getByText('“施工许可”已绑定，完成日期取自审批事项')).toBeVisible();
  await expect(report.getByRole('row').filter({ hasText: projectName })).toHaveCount(0);
  await page.goto(`/projects/${projectId}?track=construction`);
  const permitRow = page.getByTestId('plan-table').getByRole('row', { name: /^施工许可/ });
  await expect(permitRow).toContainText('2026-09-27');
  await expect(permitRow.getByTestId('milestone-from-approval')).toContainText('建筑工程施工许可证');
  await shot(page, '365-unbound-milestone-bound-plan');
});
