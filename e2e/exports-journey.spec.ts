import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { inputOf, shot, signInAs } from './helpers';

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

test('the project office exports a filtered list and the ledger, and downloads a project’s Word summary', async ({ page }) => {
  await signInAs(page, 'office', '/projects');
  await expect(page.getByTestId('project-table')).toBeVisible();

  // Filter to one project by its pinyin initials, then export the list: the file holds exactly that project.
  await inputOf(page, 'project-search').fill('zycf');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/q=zycf/);
  await expect(page.getByTestId('project-table').locator('tbody tr.ant-table-row')).toHaveCount(1);
  await page.getByTestId('project-export').click();
  await expect(page.getByTestId('project-export-list')).toBeVisible();
  await shot(page, '60-export-menu');
  const [listDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('project-export-list').click()]);
  expect(listDownload.suggestedFilename()).toBe(`项目列表-${today()}.xlsx`);
  const listFile = await listDownload.path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(listFile);
  const sheet = workbook.worksheets[0];
  expect(sheet?.rowCount).toBe(2);
  expect(sheet?.getRow(1).getCell(2).value).toBe('项目名称');
  expect(sheet?.getRow(2).getCell(2).value).toBe('中央厨房产业园项目');

  // The ledger of the implementing pool, in the circulated layout.
  await page.goto('/projects?pool=implementing');
  await expect(page.getByTestId('project-table')).toBeVisible();
  await page.getByTestId('project-export').click();
  const [ledgerDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('project-export-ledger').click()]);
  expect(ledgerDownload.suggestedFilename()).toBe(`重点项目台账-${today()}.xlsx`);
  const ledger = new ExcelJS.Workbook();
  await ledger.xlsx.readFile(await ledgerDownload.path());
  const ledgerSheet = ledger.worksheets[0];
  expect(String(ledgerSheet?.getCell('A1').value)).toMatch(/^天桥区\d{4}年重点项目推进台账$/);
  expect(String(ledgerSheet?.getCell('A5').value)).toBe('一、实施库项目');
  await expect(page.locator('.ant-message')).toContainText('重点项目台账');
  await shot(page, '61-ledger-exported');

  // A project's one-page summary in Word.
  await page.getByTestId('project-table').locator('tbody tr.ant-table-row a').first().click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}/);
  const name = (await page.getByTestId('project-title').textContent()) ?? '';
  await expect(page.getByTestId('project-summary-docx')).toBeVisible();
  await shot(page, '62-project-summary-button');
  const [summaryDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('project-summary-docx').click()]);
  expect(summaryDownload.suggestedFilename()).toBe(`项目简介-${name}.docx`);
  // A .docx is a zip of XML parts: the file starts with the zip signature.
  const summary = await readFile(await summaryDownload.path());
  expect(summary.subarray(0, 2).toString('latin1')).toBe('PK');
});
