import type { Page } from '@playwright/test';
import { expect } from './contract';

// Setting a journey's stage through the API as the people signed in on its pages, so the journey spends its browser
// steps on what it tests.

const csrfOf = async (page: Page) => ((await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string }).csrfToken;

/** A JSON call as the page's signed-in user, expected to succeed. */
export async function call(page: Page, method: 'post' | 'patch' | 'put', url: string, data: Record<string, unknown>) {
  const response = await page.request[method](url, { headers: { 'x-csrf-token': await csrfOf(page) }, data });
  expect(response.ok(), `${method} ${url}: ${await response.text()}`).toBe(true);
  return (await response.json()) as { id: string; version: number };
}

/** The id of 北园街道办事处, the demo street whose clerk is `unit`. */
export async function beiyuanUnitId(page: Page): Promise<string> {
  const units = (await (await page.request.get(`/api/v1/units?q=${encodeURIComponent('北园街道')}`)).json()) as { items: { id: string }[] };
  const id = units.items[0]?.id;
  expect(id).toBeTruthy();
  return id as string;
}

/** The open reporting period the demo has (its year and month name the report in sentences). */
export async function openPeriod(page: Page): Promise<{ id: string; year: number; month: number }> {
  const periods = (await (await page.request.get('/api/v1/reporting-periods?status=open')).json()) as {
    items: { id: string; year: number; month: number }[];
  };
  const period = periods.items[0];
  expect(period).toBeTruthy();
  return period as { id: string; year: number; month: number };
}

/**
 * A project problem raised by the office (`office`), led by the street, taken round the loop by its clerk (`unit`)
 * — 签收, 办理, 反馈 — and closed (销号) by the office.
 */
export async function closedProblem(office: Page, unit: Page, fields: { projectId: string; leadUnitId: string; title: string }) {
  let matter = await call(office, 'post', '/api/v1/matters', {
    source: 'project_problem',
    projectId: fields.projectId,
    title: fields.title,
    description: '施工红线内 10kV 线路需迁改',
    category: 'utilities',
    leadUnitId: fields.leadUnitId,
    deadline: '2099-12-31',
  });
  const step = async (on: Page, path: string, text?: string) => {
    matter = await call(on, 'post', `/api/v1/matters/${matter.id}/${path}`, { version: matter.version, ...(text ? { text } : {}) });
  };
  await step(unit, 'accept');
  await step(unit, 'start');
  await step(unit, 'feedback', '线路已迁改完毕');
  await step(unit, 'submit-review');
  await step(office, 'close');
  return matter;
}

/** The project put on the period's list by the office and its report filled by the street (12,000,000 元, 40%). */
export async function filledReport(office: Page, unit: Page, periodId: string, projectId: string) {
  const report = await call(office, 'post', `/api/v1/reporting-periods/${periodId}/projects`, { projectId });
  const url = `/api/v1/progress-reports/${report.id}`;
  const filled = await call(unit, 'patch', url, {
    version: report.version,
    investmentYuan: 12_000_000,
    progressText: '主体结构施工，完成第三层楼板浇筑',
    progressPercent: 40,
  });
  return { report: filled, url };
}
