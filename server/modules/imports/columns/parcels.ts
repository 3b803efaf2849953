import type { CarrierUse, ParcelStatus } from '../../../../common/enums';
import { areaColumn, listColumn, listsColumn, numberColumn, textColumn } from '../../../lib/spreadsheets/columns/define';
import type { Column } from '../../../lib/spreadsheets/columns/types';

/** The 标准地 standards' columns, named as the API's `standard` fields (万元/亩 as plain numbers, not money in 元). */
export const PARCEL_STANDARD_KEYS = ['investmentIntensityWan', 'outputPerMuWan', 'taxPerMuWan', 'plotRatio', 'energyPerUnit'] as const;

/**
 * The columns of the parcels sheet (地块): the import's, the template's and the parcel list's export. A parcel is named
 * by its number (地块编号) in the district, its park by name; the status is read only to be checked (a sheet adds
 * parcels to the reserve or as available and never moves one); outlines stay on the map.
 */
export const parcelColumns = [
  textColumn(
    'code',
    { 'zh-CN': '地块编号', 'en-US': 'Parcel number' },
    { width: 16, required: true, synonyms: ['宗地编号', '地块代码', '宗地号', 'parcel code', 'plot number'] },
  ),
  textColumn(
    'name',
    { 'zh-CN': '地块名称', 'en-US': 'Parcel name' },
    { width: 30, required: true, synonyms: ['宗地名称', '地块位置', '地块坐落', 'parcel', 'plot name'] },
  ),
  textColumn(
    'park',
    { 'zh-CN': '所在园区', 'en-US': 'Park' },
    { width: 22, synonyms: ['园区', '所属园区', '所属片区', 'industrial park'] },
  ),
  areaColumn('areaMu', { 'zh-CN': '面积（亩）', 'en-US': 'Area (mu)' }, 'mu', {
    width: 12,
    required: true,
    synonyms: ['面积', '用地面积', '出让面积', '地块面积', 'area', 'land area'],
  }),
  listColumn<'plannedUse', CarrierUse>('plannedUse', { 'zh-CN': '规划用途', 'en-US': 'Planned use' }, 'carrier_use', {
    width: 12,
    required: true,
    synonyms: ['土地用途', '用地性质', '用途', 'land use', 'use'],
  }),
  listsColumn('industries', { 'zh-CN': '适宜产业', 'en-US': 'Suited industries' }, 'industry_chain', {
    width: 24,
    synonyms: ['意向产业', '产业方向', '主导产业', 'industries', 'target industries'],
  }),
  listColumn<'status', ParcelStatus>('status', { 'zh-CN': '状态', 'en-US': 'Status' }, 'parcel_status', {
    width: 10,
    synonyms: ['地块状态', '供地状态', '储备状态', 'parcel status', 'supply status'],
  }),
  numberColumn(
    'investmentIntensityWan',
    { 'zh-CN': '投资强度（万元/亩）', 'en-US': 'Investment intensity (10k yuan/mu)' },
    { width: 14, synonyms: ['投资强度', '亩均投资', 'investment intensity', 'investment per mu'] },
  ),
  numberColumn(
    'outputPerMuWan',
    { 'zh-CN': '亩均产出（万元/亩）', 'en-US': 'Output per mu (10k yuan)' },
    { width: 14, synonyms: ['亩均产出', '亩均产值', '产出强度', 'output per mu'] },
  ),
  numberColumn(
    'taxPerMuWan',
    { 'zh-CN': '亩均税收（万元/亩）', 'en-US': 'Tax per mu (10k yuan)' },
    { width: 14, synonyms: ['亩均税收', '税收强度', '亩均税收贡献', 'tax per mu'] },
  ),
  numberColumn(
    'plotRatio',
    { 'zh-CN': '容积率', 'en-US': 'Plot ratio' },
    { width: 10, synonyms: ['容积率下限', '最低容积率', 'FAR', 'floor area ratio'] },
  ),
  numberColumn(
    'energyPerUnit',
    { 'zh-CN': '单位能耗（吨标准煤/万元）', 'en-US': 'Energy per unit (tce/10k yuan)' },
    { width: 16, synonyms: ['单位能耗', '能耗标准', '单位增加值能耗', 'energy per unit', 'energy intensity'] },
  ),
] satisfies Column<string, unknown>[];

/**
 * The parcel list's export: the import's columns, then the project a supplied parcel went to (供地项目). A parcel is
 * supplied on the parcels page, never by a sheet, so the column is read back as Lantu's own (lib/spreadsheets/header.ts)
 * and left out without asking.
 */
export const parcelExportColumns = [
  ...parcelColumns,
  textColumn('projectName', { 'zh-CN': '供地项目', 'en-US': 'Supplied to project' }, { width: 30 }),
] satisfies Column<string, unknown>[];
