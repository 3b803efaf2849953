import sharp from 'sharp';
import { expect, test } from './contract';
import { fitsWidth, inputOf, menuItem, openFromMenu, pick, shot, signInAs, signOut } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

/** Next month as YYYY-MM, in China Standard Time (the periods' calendar). */
function nextMonth(): string {
  const [year, month] = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7).split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

test('a unit fills its monthly report on a phone; the office returns it, the unit corrects it, the office approves it', async ({
  page,
}) => {
  // Four sign-ins and three roles' pages: twice the other journeys' limit on this shared machine.
  test.setTimeout(240_000);
  const month = nextMonth();

  // The project office opens next month: every implementing project now owes a report from its lead unit.
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'office', '/reporting-periods');
  await expect(page).toHaveURL(/\/reporting-periods$/);
  await expect(page.getByTestId('period-table')).toBeVisible();
  await page.getByTestId('period-open').click();
  await expect(page.getByTestId('period-open-form')).toBeVisible();
  await expect(inputOf(page, 'period-open-month')).toHaveValue(month);
  await expect(inputOf(page, 'period-open-deadline')).toHaveValue(`${month}-25`);
  await shot(page, '60-period-open');
  await page.getByTestId('period-open-confirm').click();
  await expect(page.getByTestId(`period-${month}`)).toBeVisible();
  await shot(page, '61-periods');
  await signOut(page);

  // A clerk of 北园街道, on his phone, finds the report his unit owes for that month.
  await page.setViewportSize(PHONE);
  await signInAs(page, 'unit', '/');
  await page.getByTestId('menu-toggle').click();
  await expect(menuItem(page, 'reportPeriods')).toHaveCount(0);
  await openFromMenu(page, 'myReports');
  const card = page.locator(`[data-testid="my-report"][data-period="${month}"]`).first();
  await expect(card).toBeVisible();
  const projectName = (await card.getAttribute('data-project')) ?? '';
  const projectId = (await card.getAttribute('data-project-id')) ?? '';
  expect(projectName).not.toBe('');
  await fitsWidth(page);
  await shot(page, '62-phone-my-reports');
  await card.click();
  await expect(page.getByTestId('report-form')).toBeVisible();
  await expect(page.getByTestId('report-project')).toHaveText(projectName);

  // A site photo attached from the phone: it shows with its thumbnail; an executable named like a photo is refused in words.
  const attach = page.getByTestId('attachments-report').locator('input[type="file"]');
  const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#7a9e7e' } })
    .composite([
      { input: Buffer.from('<svg width="1200" height="900"><rect x="200" y="250" width="800" height="400" fill="#c8b273"/></svg>') },
    ])
    .jpeg()
    .toBuffer();
  await attach.setInputFiles({ name: '现场照片-主体结构.jpg', mimeType: 'image/jpeg', buffer: photo });
  await expect(page.getByTestId('attachment-item')).toHaveCount(1);
  await expect(page.getByTestId('attachment-name')).toHaveText('现场照片-主体结构.jpg');
  await expect
    .poll(() =>
      page
        .getByTestId('attachment-thumbnail')
        .locator('img')
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    )
    .toBeGreaterThan(0);
  await attach.setInputFiles({
    name: '照片.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('MZ\x90\x00 this is a program, not a photo'),
  });
  await expect(page.getByText('该文件的内容不是这些格式').first()).toBeVisible();
  await expect(page.getByTestId('attachment-item')).toHaveCount(1);
  await page.getByTestId('attachments-report').scrollIntoViewIfNeeded();
  await fitsWidth(page);
  await shot(page, '230-phone-report-photo');

  // Submitted empty, the server names each missing field: the page shows it under that field.
  await page.getByTestId('report-submit').click();
  const errors = page.locator('.ant-form-item-explain-error');
  await expect(errors.filter({ hasText: '报送前须填写此项' })).toHaveCount(3);
  await fitsWidth(page);
  await shot(page, '63-phone-report-required');

  // An amount far above what the project has left to invest is asked about, not refused with a raw error.
  await inputOf(page, 'report-investment-input').fill('9999999');
  await page.getByTestId('report-progress-text').fill('二次结构砌筑及机电安装');
  await inputOf(page, 'report-progress-percent').fill('68');
  // The plan's milestones are offered with today's date; none is reached this month, so the row goes again.
  if ((await page.getByTestId('report-milestone-add').count()) > 0) {
    await page.getByTestId('report-milestone-add').click();
    await page.getByTestId('report-milestone-select').first().click();
    await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option').first()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('report-milestone-row')).toHaveCount(1);
    await page.getByTestId('report-milestone-row').getByRole('button', { name: '删除' }).click();
    await expect(page.getByTestId('report-milestone-row')).toHaveCount(0);
  }
  await page.getByTestId('report-problems').fill('施工用电增容手续办理较慢，请区发改局协调。');
  await page.getByTestId('report-submit').click();
  const large = page.locator('.ant-modal-confirm');
  await expect(large).toContainText('本月完成投资超过项目剩余投资');
  await expect(large).toContainText('9,999,999.00 万元');
  await shot(page, '64-phone-large-amount');
  await large.locator('.ant-modal-confirm-btns .ant-btn').first().click();
  await expect(large).toHaveCount(0);

  // Corrected to this month's real amount, it goes for review.
  await inputOf(page, 'report-investment-input').fill('6800');
  await page.getByTestId('report-submit').click();
  // A project almost fully invested may still find 6,800 万元 above what it has left: then the clerk confirms.
  const submitted = page.getByTestId('report-details');
  await expect(submitted.or(large).first()).toBeVisible();
  if (await large.isVisible()) await page.getByTestId('report-confirm-large').click();
  await expect(submitted).toBeVisible();
  await expect(page.getByTestId('report-status').first()).toHaveAttribute('data-status', 'submitted');
  await expect(page.getByTestId('report-investment')).toHaveText('6,800.00 万元');
  await fitsWidth(page);
  await shot(page, '65-phone-submitted');
  await signOut(page);

  // The project office returns it with a reason (a return without one is refused at the reason field).
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'office', '/report-review');
  const row = page.locator(`[data-testid="review-open"][data-project="${projectName}"]`);
  await expect(row).toBeVisible();
  await shot(page, '66-review-queue');
  await row.click();
  await expect(page.getByTestId('report-drawer').getByTestId('report-details')).toContainText('二次结构砌筑及机电安装');
  // The office sees the clerk's photo at review, with its thumbnail and who took it.
  const drawerPhoto = page.getByTestId('report-drawer').getByTestId('attachment-item');
  await expect(drawerPhoto).toHaveCount(1);
  await expect(drawerPhoto.getByTestId('attachment-name')).toHaveText('现场照片-主体结构.jpg');
  await expect
    .poll(() =>
      drawerPhoto
        .getByTestId('attachment-thumbnail')
        .locator('img')
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    )
    .toBeGreaterThan(0);
  await drawerPhoto.scrollIntoViewIfNeeded();
  await shot(page, '231-review-photo');
  // A tap on the thumbnail opens the photo itself in the viewer, over the drawer; Escape closes it.
  await drawerPhoto.getByTestId('attachment-thumbnail').click();
  const viewer = page.locator('.ant-image-preview-img');
  await expect(viewer).toBeVisible();
  await expect(viewer).toHaveAttribute('src', /\/api\/v1\/attachments\/[^/]+\/file/);
  await expect.poll(() => viewer.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await shot(page, '627-review-photo-viewer');
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();
  await page.getByTestId('report-return').click();
  await page.getByTestId('report-return-confirm').click();
  await expect(page.getByTestId('report-return-form')).toContainText('退回时须填写退回原因');
  const reason = '形象进度描述过于简单，请补充主要施工内容和工程量。';
  await page.getByTestId('report-return-reason-input').fill(reason);
  await shot(page, '67-return-reason');
  await page.getByTestId('report-return-confirm').click();
  await expect(page.getByText('已退回').first()).toBeVisible();
  await expect(row).toHaveCount(0);
  await signOut(page);

  // The clerk reads the reason on his phone, adds what was asked and submits again.
  await page.setViewportSize(PHONE);
  await signInAs(page, 'unit', '/my-reports');
  const returned = page.locator(`[data-testid="my-report"][data-period="${month}"][data-project="${projectName}"]`);
  await expect(returned.getByTestId('report-status')).toHaveAttribute('data-status', 'returned');
  await returned.click();
  await expect(page.getByTestId('report-return-reason')).toContainText(reason);
  await expect(inputOf(page, 'report-investment-input')).toHaveValue('6800');
  await page.getByTestId('report-progress-text').fill('二次结构砌筑完成五至八层，机电安装进场，完成主要管线预埋约1,200米');
  await fitsWidth(page);
  await shot(page, '68-phone-returned');
  await page.getByTestId('report-submit').click();
  await expect(submitted.or(large).first()).toBeVisible();
  if (await large.isVisible()) await page.getByTestId('report-confirm-large').click();
  await expect(page.getByTestId('report-status').first()).toHaveAttribute('data-status', 'submitted');
  await signOut(page);

  // The office approves it; 未报送 no longer lists the project, and the project's reports show it approved.
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'office', '/report-review');
  await row.click();
  await expect(page.getByTestId('report-drawer').getByTestId('report-details')).toContainText('机电安装进场');
  // The report's new problem becomes a matter (问题协调), its title and description taken from the report.
  await page.getByTestId('report-raise-matter').click();
  await expect(page.getByTestId('matter-raise-title')).toHaveValue('施工用电增容手续办理较慢，请区发改局协调。');
  await expect(page.getByTestId('matter-raise-description')).toHaveValue('施工用电增容手续办理较慢，请区发改局协调。');
  await pick(page, page.getByTestId('matter-raise-category'), '水电气暖');
  await pick(page, page.getByTestId('matter-raise-lead-unit'), '区发展和改革局');
  await shot(page, '69b-report-problem-to-matter');
  await page.getByTestId('matter-raise-ok').click();
  await expect(page.getByTestId('matter-title')).toContainText('施工用电增容手续办理较慢');
  await expect(page.getByTestId('matter-facts')).toContainText(projectName);
  // The matter names the report it came from, and links to it.
  const sourceReport = page.getByTestId('matter-source-report');
  await expect(sourceReport).toHaveText(`${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月月度填报`);
  await shot(page, '380-matter-from-report');
  await sourceReport.click();
  await expect(page.getByTestId('report-project')).toHaveText(projectName);
  // The report lists the matter raised from it; its button says so (another may still be raised).
  await expect(page.getByTestId('report-raised-matter')).toContainText('施工用电增容手续办理较慢');
  await page.setViewportSize(PHONE);
  await page.getByTestId('report-raised-matters').scrollIntoViewIfNeeded();
  await fitsWidth(page);
  await shot(page, '382-phone-report-raised-matters');
  await page.setViewportSize(DESKTOP);
  // The board, filtered to the matters raised from this report.
  await page.getByTestId('report-raised-on-board').click();
  await expect(page.getByTestId('matter-filter-report')).toBeVisible();
  await expect(page.getByTestId('matter-row')).toHaveCount(1);
  await expect(page.getByTestId('matter-row')).toContainText('施工用电增容手续办理较慢');
  await openFromMenu(page, 'reportReview');
  await row.click();
  const drawer = page.getByTestId('report-drawer');
  await expect(drawer.getByTestId('report-details')).toContainText('机电安装进场');
  await expect(drawer.getByTestId('report-raised-matter')).toHaveCount(1);
  await expect(drawer.getByTestId('report-raised-matter').getByTestId('matter-status')).toHaveAttribute('data-status', 'assigned');
  await expect(drawer.getByTestId('report-raise-matter')).toHaveText('已转为问题协调');
  await drawer.getByTestId('report-raised-matters').scrollIntoViewIfNeeded();
  await shot(page, '381-report-raised-matters');
  await page.getByTestId('report-approve').click();
  await expect(row).toHaveCount(0);

  await openFromMenu(page, 'reportPeriods');
  await page.getByTestId('period-year').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(month.slice(0, 4), { exact: true }).click();
  await page.getByTestId(`period-missing-${month}`).click();
  await expect(page.getByTestId('missing-summary')).toBeVisible();
  await expect(page.getByTestId('missing-unit').first()).toBeVisible();
  // The journey's project, approved, is not in its lead unit's list (when the unit still owes others).
  const beiyuanMissing = page.locator('[data-testid="missing-unit"][data-unit="北园街道办事处"]');
  if ((await beiyuanMissing.count()) > 0) {
    await beiyuanMissing.click();
    await expect(page.getByTestId('missing-report').first()).toBeVisible();
  }
  await expect(page.locator(`[data-testid="missing-report"][data-project="${projectName}"]`)).toHaveCount(0);
  await shot(page, '69-missing');
  // One click reminds every unit still listed.
  await page.getByTestId('missing-remind-all').click();
  await page.getByTestId('missing-remind-confirm').click();
  await expect(page.getByText(/已提醒 \d+ 个单位/)).toBeVisible();

  await page.goto(`/projects/${projectId}`);
  const reportRow = page.locator(`[data-testid="project-report"][data-period="${month}"]`);
  await expect(reportRow.getByTestId('report-status')).toHaveAttribute('data-status', 'approved');
  await reportRow.scrollIntoViewIfNeeded();
  await shot(page, '70-project-reports');

  // The office's pages fit a phone too: tables scroll inside their cards.
  await page.setViewportSize(PHONE);
  await fitsWidth(page);
  await page.goto('/reporting-periods');
  await expect(page.getByTestId('period-table')).toBeVisible();
  await fitsWidth(page);
  await shot(page, '71-phone-periods');
  if (month.slice(0, 4) !== String(new Date(Date.now() + 8 * 3600_000).getUTCFullYear())) {
    await page.getByTestId('period-year').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle(month.slice(0, 4), { exact: true }).click();
  }
  await page.getByTestId(`period-${month}`).click();
  await expect(page.getByTestId('period-reports')).toContainText(projectName);
  await fitsWidth(page);
  await shot(page, '73-phone-period');
  await page.getByTestId('period-missing-link').click();
  await expect(page.getByTestId('missing-summary')).toBeVisible();
  await fitsWidth(page);
  await shot(page, '74-phone-missing');
  await page.goto('/report-review');
  await expect(page.getByTestId('review-queue')).toBeVisible();
  await fitsWidth(page);
  // The demo may leave other reports awaiting review (depending on the day); one opens full width on a phone.
  if ((await page.getByTestId('review-open').count()) > 0) {
    await page.getByTestId('review-open').first().click();
    await expect(page.getByTestId('report-drawer').getByTestId('report-details')).toBeVisible();
    // The drawer has slid all the way in: it covers the phone's whole width.
    await expect.poll(async () => (await page.locator('.ant-drawer-content-wrapper').boundingBox())?.x).toBe(0);
    await expect.poll(async () => (await page.locator('.ant-drawer-content-wrapper').boundingBox())?.width).toBe(PHONE.width);
    await fitsWidth(page);
    await shot(page, '75-phone-review-drawer');
    await page.locator('.ant-drawer-close').click();
    await expect(page.getByTestId('report-drawer')).toBeHidden();
  }

  // In English every label is in words too (and the office's language is set back for the other specs).
  await page.getByTestId('language-switch').click();
  await page.getByTestId('language-en-US').click();
  await page.goto('/reporting-periods');
  await expect(page.getByTestId('period-table')).toContainText('Awaiting review');
  await expect(page.getByTestId('period-table')).toContainText('Open');
  await fitsWidth(page);
  await shot(page, '72-phone-periods-english');
  await page.getByTestId('language-switch').click();
  await page.getByTestId('language-zh-CN').click();
  await expect(page.getByTestId('period-table')).toContainText('待审核');
});
