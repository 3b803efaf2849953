import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { Project } from '../api/projects-api';
import { type ProjectFormValues, toFormValues, toRequestBody, toUpdateBody } from './project-form';

const project: Project = {
  id: 'p1',
  regionCode: '370105',
  name: '中央厨房产业园',
  code: '2401-370105-04-01-123456',
  codeRegionCode: '370105',
  codeRegionName: '天桥区',
  ownerName: '济南某食品有限公司',
  constructionContent: null,
  categoryCode: 'industrial',
  industryCode: '14',
  leadingIndustryCode: null,
  isProvincialKey: false,
  isCityKey: true,
  isDistrictKey: true,
  namedLists: [],
  nature: 'new_start',
  approvalType: 'filing',
  streetCode: '370105001',
  streetName: '无影山街道',
  clusterCode: null,
  parkCode: null,
  longitude: null,
  latitude: null,
  outline: null,
  totalInvestmentYuan: 1_234_567_800,
  fixedAssetInvestmentYuan: null,
  openingCompletedYuan: null,
  openingCompletedAsOf: null,
  needsLand: true,
  landSecured: false,
  landAreaMu: 120.5,
  floorAreaM2: null,
  demolitionM2: null,
  resettlementUnits: null,
  plannedStart: '2025-03-01',
  plannedCompletion: '2026-12-31',
  actualStart: null,
  actualCompletion: null,
  leadUnitId: 'u1',
  leadUnitName: '区发改局',
  coUnits: [{ id: 'u2', name: '区住建局' }],
  leaders: [{ id: 'l1', name: '刘志强' }],
  contactName: null,
  contactPhone: null,
  taskForce: null,
  proposal: '依托中央厨房集中加工，服务主城区团餐配送',
  feasibilityStatus: 'approved',
  feasibilityApprovedOn: '2025-02-10',
  chainCode: 'med_devices',
  chainSegment: 'midstream',
  chainNode: null,
  expectedOutputYuan: 500_000_000,
  expectedTaxYuan: 25_000_000,
  pool: 'advancing',
  poolChangedAt: '2025-01-01T00:00:00Z',
  withdrawnReason: null,
  customValues: {},
  version: 7,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  abilities: {},
  lockedFields: [],
  datesFromPlan: [],
  warning: null,
};

describe('the project form', () => {
  it('shows money in 万元 and dates as dates, and sends them back unchanged', () => {
    const values = toFormValues(project) as ProjectFormValues;
    expect(values.totalInvestmentYuan).toBe('123456.78');
    expect(values.plannedStart?.format('YYYY-MM-DD')).toBe('2025-03-01');
    const body = toRequestBody(values);
    expect(body.totalInvestmentYuan).toBe(1_234_567_800);
    expect(body.plannedStart).toBe('2025-03-01');
    expect(body.leaderIds).toEqual(['l1']);
    expect(body.coUnitIds).toEqual(['u2']);
  });

  it('carries the planning track through the form: status, approval date, chain, and 万元 of output and tax', () => {
    const values = toFormValues(project) as ProjectFormValues;
    expect(values.expectedOutputYuan).toBe('50000');
    expect(values.feasibilityApprovedOn?.format('YYYY-MM-DD')).toBe('2025-02-10');
    const body = toRequestBody({ ...values, chainNode: '  ', expectedTaxYuan: '2500.5' });
    expect(body).toMatchObject({
      proposal: project.proposal,
      feasibilityStatus: 'approved',
      feasibilityApprovedOn: '2025-02-10',
      chainCode: 'med_devices',
      chainSegment: 'midstream',
      chainNode: null,
      expectedOutputYuan: 500_000_000,
      expectedTaxYuan: 25_005_000,
    });
  });

  it('normalises a pasted code, trims text, and sends no leaders when none are picked', () => {
    const values = {
      ...(toFormValues(null, { leadUnitId: 'u1' }) as ProjectFormValues),
      name: '  新项目 ',
      code: '２４０１－370105－04－01－123456',
      ownerName: '   ',
      totalInvestmentYuan: '0.5',
      plannedCompletion: dayjs('2027-06-30'),
    };
    const body = toRequestBody(values);
    expect(body.name).toBe('新项目');
    expect(body.code).toBe('2401-370105-04-01-123456');
    expect(body.ownerName).toBeNull();
    expect(body.totalInvestmentYuan).toBe(5_000);
    expect(body.plannedCompletion).toBe('2027-06-30');
    expect(body.leaderIds).toEqual([]);
  });

  it('starts a new project with 需要新增用地 not stated (未填), and keeps 是, 否 and 未填 apart on the way out', () => {
    const fresh = toFormValues(null, { leadUnitId: 'u1' }) as ProjectFormValues;
    expect(fresh.needsLand).toBeNull();
    expect(toRequestBody({ ...fresh, name: '新项目' }).needsLand).toBeNull();
    const values = toFormValues(project) as ProjectFormValues;
    expect(values.needsLand).toBe(true);
    expect(toRequestBody({ ...values, needsLand: false }).needsLand).toBe(false);
    expect(toRequestBody({ ...values, needsLand: null }).needsLand).toBeNull();
    expect(toFormValues({ ...project, needsLand: null })?.needsLand).toBeNull();
  });

  it('sends the version, and the code change reason only when the code changed', () => {
    const values = { ...(toFormValues(project) as ProjectFormValues), codeChangeReason: '重新赋码' };
    expect(toUpdateBody(values, project)).not.toHaveProperty('codeChangeReason');
    const changed = toUpdateBody({ ...values, code: '2501-370105-04-01-000001' }, project);
    expect(changed.version).toBe(7);
    expect(changed.codeChangeReason).toBe('重新赋码');
  });
});
