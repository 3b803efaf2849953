import { areaColumn, moneyColumn, numberColumn, textColumn } from '../../../lib/spreadsheets/columns/define';
import type { Column } from '../../../lib/spreadsheets/columns/types';

/**
 * The columns of the 亩均效益 sheet (a year's land, tax, output and energy per enterprise, as the statistics and tax
 * bureaus send them): the import's, the template's, and the first columns of the district table's export. The
 * enterprise is named by its 统一社会信用代码 (preferred) or its name in the district's register; tax and output are
 * 万元 (stored as whole 元), land 亩 and energy 吨标准煤 with at most two decimals, as the API takes them.
 */
export const landFigureColumns = [
  textColumn(
    'enterprise',
    { 'zh-CN': '企业名称', 'en-US': 'Enterprise' },
    { width: 32, synonyms: ['单位名称', '企业全称', '纳税人名称', 'company', 'enterprise name'] },
  ),
  textColumn(
    'enterpriseUscc',
    { 'zh-CN': '统一社会信用代码', 'en-US': 'Unified social credit code' },
    { width: 24, synonyms: ['信用代码', '社会信用代码', '纳税人识别号', 'USCC', 'credit code'] },
  ),
  numberColumn(
    'year',
    { 'zh-CN': '年度', 'en-US': 'Year' },
    { width: 8, required: true, synonyms: ['评价年度', '统计年度', '年份', 'assessment year'] },
  ),
  areaColumn('landMu', { 'zh-CN': '用地面积（亩）', 'en-US': 'Land used (mu)' }, 'mu', {
    width: 14,
    required: true,
    synonyms: ['用地面积', '占地面积', '实际用地面积', '土地面积', 'land area', 'land'],
  }),
  moneyColumn(
    'taxYuan',
    { 'zh-CN': '税收（万元）', 'en-US': 'Tax (10k yuan)' },
    { width: 14, required: true, synonyms: ['税收', '实缴税金', '税收实际贡献', '实缴税收', '税收总额', 'tax', 'tax paid'] },
  ),
  moneyColumn(
    'outputYuan',
    { 'zh-CN': '营业收入/产值（万元）', 'en-US': 'Revenue / output (10k yuan)' },
    {
      width: 18,
      required: true,
      synonyms: ['营业收入', '主营业务收入', '工业总产值', '产值', '营业收入/产值', 'revenue', 'output', 'output value'],
    },
  ),
  numberColumn(
    'energyTce',
    { 'zh-CN': '综合能耗（吨标准煤）', 'en-US': 'Energy used (tce)' },
    { width: 16, synonyms: ['综合能耗', '能耗', '总能耗', 'energy', 'energy consumption'] },
  ),
] satisfies Column<string, unknown>[];

/**
 * The district table's export: the import's columns, then Lantu's own figures for the year — the class and the
 * per-亩 values. Their headers are read back as computed columns (lib/spreadsheets/header.ts), so the file imports back
 * without asking about them.
 */
export const landTableExportColumns = [
  ...landFigureColumns,
  textColumn('landClass', { 'zh-CN': '评价类别', 'en-US': 'Class' }, { width: 10 }),
  numberColumn('taxWanPerMu', { 'zh-CN': '亩均税收（万元/亩）', 'en-US': 'Tax per mu (10k yuan)' }, { width: 16 }),
  numberColumn('outputWanPerMu', { 'zh-CN': '亩均产值（万元/亩）', 'en-US': 'Output per mu (10k yuan)' }, { width: 16 }),
  numberColumn('outputWanPerTce', { 'zh-CN': '单位能耗产值（万元/吨标准煤）', 'en-US': 'Output per tce (10k yuan)' }, { width: 20 }),
] satisfies Column<string, unknown>[];
