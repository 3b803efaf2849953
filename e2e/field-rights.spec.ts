import { call } from './api-calls';
import { expect, test } from './contract';
import { E2E_PASSWORD, fitsWidth, openFromMenu, pick, shot, signIn, signInAs } from './helpers';

type ListItem = { id: string; name: string; leadUnitName: string | null; isProvincialKey: boolean };

test('field rights: the street keeps its project’s day-to-day facts and funding, the office its standing; 项目动态 says who changed what', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, 'unit', '/');
  // A project 北园街道 leads, not on the provincial list yet.
  const list = (await (await page.request.get('/api/v1/projects?pageSize=100')).json()) as { items: ListItem[] };
  const project = list.items.find((p) => p.leadUnitName === '北园街道办事处' && !p.isProvincialKey);
  expect(project, 'a project of 北园街道 not on the provincial list').toBeTruthy();
  const projectUrl = `/projects/${project?.id}`;
  await page.goto(projectUrl);

  // The unit's drawer: levels, leaders, investment, nature and lead unit greyed out, each saying who keeps it.
  await page.getByTestId('project-edit').click();
  const note = page.getByTestId('project-locked-note');
  await expect(note).toBeVisible();
  for (const field of ['省级重点', '项目性质', '总投资', '责任单位', '包挂领导']) await expect(note).toContainText(field);
  await expect(
    page.locator('[data-testid="project-provincial-key"] input, input[data-testid="project-provincial-key"]').first(),
  ).toBeDisabled();
  await expect(page.getByTestId('project-level-field')).toContainText('由项目办维护');
  await expect(
    page
      .locator('.ant-select-disabled', { has: page.getByTestId('project-nature') })
      .or(page.locator('.ant-select-disabled[data-testid="project-nature"]')),
  ).toHaveCount(1);
  await expect(
    page.locator('input[data-testid="project-total-investment"], [data-testid="project-total-investment"] input').first(),
  ).toBeDisabled();
  await expect(
    page.locator('.ant-select-disabled[data-testid="project-leaders"], .ant-select-disabled:has([data-testid="project-leaders"])').first(),
  ).toBeVisible();
  await expect(
    page
      .locator('.ant-select-disabled[data-testid="project-lead-unit"], .ant-select-disabled:has([data-testid="project-lead-unit"])')
      .first(),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/screens/460-field-rights-unit-drawer.png' });
  await page.getByTestId('project-total-investment').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('project-form')).toContainText('由项目办维护');
  await page.screenshot({ path: 'test-results/e2e/screens/461-field-rights-unit-locked-investment.png' });

  // What the unit keeps: the contact and the construction content, saved.
  await page.locator('#contactName').fill('王海涛');
  await page.locator('#contactPhone').fill('0531-86001234');
  await page.locator('#constructionContent').fill('新建标准化厂房及配套仓储设施，建筑面积约3.2万平方米。');
  await page.getByTestId('project-save').click();
  await expect(page.getByTestId('project-form')).toBeHidden();

  // And a funding line on its own project.
  await page.getByRole('tab', { name: '融资' }).click();
  await page.getByTestId('funding-add').click();
  const source = page.getByTestId('funding-source');
  await source.click();
  const firstSource = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
  const sourceName = ((await firstSource.textContent()) ?? '').trim();
  await firstSource.click();
  await page.locator('input[data-testid="funding-planned"], [data-testid="funding-planned"] input').first().fill('800');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /保\s*存/ })
    .click();
  await expect(page.getByTestId('funding-table')).toContainText(sourceName);
  await expect(page.getByTestId('funding-table')).toContainText('800.00');
  await shot(page, '462-field-rights-unit-funding');

  const timeline = page.getByTestId('project-timeline');
  await expect(timeline).toContainText('张伟（北园街道）');
  await expect(timeline).toContainText('王海涛');

  // On a phone the same drawer fits the screen, the locked fields still saying why.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('project-edit').click();
  await expect(page.getByTestId('project-locked-note')).toBeVisible();
  await fitsWidth(page);
  await page.screenshot({ path: 'test-results/e2e/screens/463-field-rights-unit-phone.png' });
  await page.keyboard.press('Escape');

  // The project office may put it on the provincial list.
  const office = await (await browser.newContext({ locale: 'zh-CN', reducedMotion: 'reduce' })).newPage();
  await office.setViewportSize({ width: 1440, height: 900 });
  await signInAs(office, 'office', projectUrl);
  await office.getByTestId('project-edit').click();
  await expect(office.getByTestId('project-locked-note')).toHaveCount(0);
  const provincial = office.locator('[data-testid="project-provincial-key"] input, input[data-testid="project-provincial-key"]').first();
  await expect(provincial).toBeEnabled();
  await provincial.check();
  await office.getByTestId('project-save').click();
  await expect(office.getByTestId('project-form')).toBeHidden();
  await expect(office.getByTestId('project-header')).toContainText('省级重点');

  // 项目动态 in words: who changed which field, from what to what.
  const officeTimeline = office.getByTestId('project-timeline');
  await expect(officeTimeline).toContainText('省级重点 否 → 是');
  await expect(officeTimeline).toContainText(`李明（重点项目办）`);
  await expect(officeTimeline).toContainText('联系人');
  await expect(officeTimeline).toContainText('新增资金来源');
  await expect(officeTimeline).toContainText('计划金额 — → 800.00 万元');
  await officeTimeline.scrollIntoViewIfNeeded();
  await shot(office, '464-field-rights-office-timeline');
  await office.setViewportSize({ width: 390, height: 844 });
  await fitsWidth(office);
  await officeTimeline.scrollIntoViewIfNeeded();
  await office.screenshot({ path: 'test-results/e2e/screens/465-field-rights-timeline-phone.png' });
});

test('the industry picker finds 物流 and any level by name or code; a project takes a division, the list filter a section', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, 'office', '/projects');

  // The form: 物流 finds freight, forwarding, warehousing and couriers under their section, which cannot be chosen.
  await page.getByTestId('project-create').click();
  const industry = page.getByTestId('project-industry');
  await industry.scrollIntoViewIfNeeded();
  await industry.click();
  await page.keyboard.type('物流');
  const dropdown = page.locator('.ant-select-dropdown:visible');
  for (const match of ['54 道路运输业', '58 多式联运和运输代理业', '59 装卸搬运和仓储业', '60 邮政业']) {
    await expect(dropdown.getByTitle(match, { exact: true })).toBeVisible();
  }
  await expect(dropdown.getByTitle('53 铁路运输业', { exact: true })).toHaveCount(0);
  const section = dropdown.locator('.ant-select-tree-treenode', { has: page.getByTitle('G 交通运输、仓储和邮政业', { exact: true }) });
  await expect(section).toHaveClass(/ant-select-tree-treenode-disabled/);
  await expect(page.getByTestId('industry-division-hint')).toContainText('门类仅作归类');
  await page.screenshot({ path: 'test-results/e2e/screens/466-industry-picker-logistics.png' });
  await dropdown.getByTitle('59 装卸搬运和仓储业', { exact: true }).click();
  await expect(page.getByTestId('project-form')).toContainText('59 装卸搬运和仓储业');
  // By code too.
  await industry.click();
  await page.keyboard.type('58');
  await dropdown.getByTitle('58 多式联运和运输代理业', { exact: true }).click();
  await expect(page.getByTestId('project-form')).toContainText('58 多式联运和运输代理业');
  await page.keyboard.press('Escape');

  // The list filter may take a whole section: 交通运输、仓储和邮政业 finds the projects filed under its divisions.
  const filter = page.getByTestId('project-industry-filter');
  await filter.click();
  await page.keyboard.type('物流');
  const sectionOption = page.locator('.ant-select-dropdown:visible').getByTitle('G 交通运输、仓储和邮政业', { exact: true });
  await sectionOption.click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/industryCode=G/);
  await shot(page, '467-industry-filter-section');
});

test('phone cards show the chosen custom columns and 排序 offers every sortable column both ways', async ({ page, browser }) => {
  test.setTimeout(240_000);
  // A custom field of the district (the administrator defines it; custom-fields.spec.ts defines 建设期次 on the same
  // server), with a value on the first project of the list.
  const admin = await (await browser.newContext({ locale: 'zh-CN', reducedMotion: 'reduce' })).newPage();
  await signIn(admin, 'admin', E2E_PASSWORD);
  await call(admin, 'post', '/api/v1/custom-fields', {
    key: 'site_manager',
    label: '现场负责人',
    labelEn: 'Site manager',
    type: 'text',
    categoryCode: null,
    options: [],
    required: false,
  });
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, 'office', '/');
  const list = (await (await page.request.get('/api/v1/projects?pageSize=1')).json()) as { items: ListItem[] };
  const first = list.items[0];
  const detail = (await (await page.request.get(`/api/v1/projects/${first?.id}`)).json()) as { version: number };
  await call(page, 'patch', `/api/v1/projects/${first?.id}`, { version: detail.version, customValues: { site_manager: '王建国' } });

  // Chosen on the desktop's picker …
  await openFromMenu(page, 'projects');
  await pick(page, page.getByTestId('project-custom-columns'), '现场负责人');
  await expect(page.getByTestId('project-table')).toContainText('王建国');

  // … shown on each card on a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  const card = page.getByTestId(`project-card-${first?.id}`);
  await expect(card).toContainText('现场负责人');
  await expect(card).toContainText('王建国');
  await fitsWidth(page);

  // 排序: the default, then each sortable column both ways.
  await page.getByTestId('project-card-sort').click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect(options).toHaveCount(13);
  await page.screenshot({ path: 'test-results/e2e/screens/468-phone-sort-options.png' });
  await page.locator('.ant-select-dropdown:visible').getByText('总投资从低到高').click();
  await expect(page).toHaveURL(/sort=totalInvestmentYuan/);
  await shot(page, '469-phone-cards-custom-column');
});
