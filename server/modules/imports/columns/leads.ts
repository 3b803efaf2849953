import type { LeadMethod, LeadStage } from '../../../../common/enums';
import { areaColumn, dateColumn, listColumn, moneyColumn, numberColumn, textColumn } from '../../../lib/spreadsheets/columns/define';
import type { Column } from '../../../lib/spreadsheets/columns/types';

/**
 * The columns of the leads sheet (招商线索): the import's, the template's and the board's export. The enterprise is
 * named by its 统一社会信用代码 or its name in the district's register, the source event and the owner by name; the
 * stage is read only to be checked (a sheet records leads at 线索 and never moves one).
 */
export const leadColumns = [
  textColumn(
    'name',
    { 'zh-CN': '线索名称', 'en-US': 'Lead' },
    { width: 32, required: true, synonyms: ['招商项目', '招商项目名称', '线索标题', 'lead name', 'lead title'] },
  ),
  textColumn(
    'enterprise',
    { 'zh-CN': '意向企业', 'en-US': 'Enterprise' },
    { width: 30, synonyms: ['企业名称', '投资企业', '投资方', '投资主体', 'investor', 'company'] },
  ),
  textColumn(
    'enterpriseUscc',
    { 'zh-CN': '企业统一社会信用代码', 'en-US': 'Enterprise credit code' },
    { width: 24, synonyms: ['统一社会信用代码', '信用代码', '社会信用代码', 'USCC', 'unified social credit code'] },
  ),
  listColumn<'method', LeadMethod>('method', { 'zh-CN': '招商方式', 'en-US': 'Method' }, 'lead_method', {
    width: 12,
    required: true,
    synonyms: ['招引方式', '招商途径', '引进方式', 'attraction method', 'channel'],
  }),
  listColumn<'stage', LeadStage>('stage', { 'zh-CN': '阶段', 'en-US': 'Stage' }, 'lead_stage', {
    width: 10,
    synonyms: ['线索阶段', '当前阶段', '进展阶段', 'lead stage', 'current stage'],
  }),
  textColumn(
    'event',
    { 'zh-CN': '来源活动', 'en-US': 'Source event' },
    { width: 24, synonyms: ['招商活动', '来源展会', '外出招商活动', 'event', 'trip or fair'] },
  ),
  textColumn('referrer', { 'zh-CN': '推荐人', 'en-US': 'Referrer' }, { width: 12, synonyms: ['引荐人', '信息提供人', 'referred by'] }),
  textColumn('owner', { 'zh-CN': '跟进人', 'en-US': 'Owner' }, { width: 12, synonyms: ['跟进责任人', '招商专员', '经办人', 'handled by'] }),
  listColumn('unitId', { 'zh-CN': '责任单位', 'en-US': 'Unit' }, 'unit', {
    width: 24,
    synonyms: ['跟进单位', '承办单位', '招商单位', 'responsible unit', 'unit in charge'],
  }),
  listColumn('leaderId', { 'zh-CN': '包挂领导', 'en-US': 'Leader in charge' }, 'leader', {
    width: 12,
    synonyms: ['联系领导', '包联领导', '分管领导', 'leader'],
  }),
  moneyColumn(
    'estimatedInvestmentYuan',
    { 'zh-CN': '预计投资（万元）', 'en-US': 'Estimated investment (10k yuan)' },
    { width: 16, synonyms: ['预计投资', '拟投资额', '计划投资', '投资规模', 'estimated investment', 'planned investment'] },
  ),
  numberColumn(
    'outOfCityPercent',
    { 'zh-CN': '市外资金占比（%）', 'en-US': 'Out-of-city share (%)' },
    { width: 12, synonyms: ['市外资金占比', '市外资金比例', 'out-of-city share', 'out of city %'] },
  ),
  numberColumn(
    'outOfProvincePercent',
    { 'zh-CN': '省外资金占比（%）', 'en-US': 'Out-of-province share (%)' },
    { width: 12, synonyms: ['省外资金占比', '省外资金比例', 'out-of-province share', 'out of province %'] },
  ),
  numberColumn(
    'foreignPercent',
    { 'zh-CN': '境外资金占比（%）', 'en-US': 'Foreign share (%)' },
    { width: 12, synonyms: ['境外资金占比', '外资占比', '外资比例', 'foreign share', 'foreign %'] },
  ),
  areaColumn('landMu', { 'zh-CN': '用地需求（亩）', 'en-US': 'Land needed (mu)' }, 'mu', {
    width: 12,
    synonyms: ['用地需求', '需用地', '拟用地', 'land need', 'land needed'],
  }),
  areaColumn('spaceM2', { 'zh-CN': '空间需求（平方米）', 'en-US': 'Floor space needed (m²)' }, 'm2', {
    width: 14,
    synonyms: ['空间需求', '载体需求', '厂房需求', 'space need', 'floor space needed'],
  }),
  listColumn('industryCode', { 'zh-CN': '国民经济行业', 'en-US': 'Industry (GB/T 4754)' }, 'industry', {
    width: 24,
    synonyms: ['所属行业', '行业', 'industry'],
  }),
  listColumn('chainCode', { 'zh-CN': '产业链', 'en-US': 'Industry chain' }, 'industry_chain', {
    width: 16,
    synonyms: ['所属产业链', '产业链条', 'chain'],
  }),
  textColumn(
    'chainNode',
    { 'zh-CN': '产业链环节', 'en-US': 'Chain link' },
    { width: 16, synonyms: ['链条环节', '产业链节点', 'chain node'] },
  ),
  dateColumn(
    'receivedOn',
    { 'zh-CN': '接洽日期', 'en-US': 'Received on' },
    {
      width: 12,
      synonyms: ['收到日期', '登记日期', '获取时间', '首次接洽日期', 'date received', 'received'],
    },
  ),
  textColumn('notes', { 'zh-CN': '备注', 'en-US': 'Notes' }, { width: 30, synonyms: ['说明', '情况说明', 'remarks', 'comments'] }),
] satisfies Column<string, unknown>[];

export type LeadColumnKey = (typeof leadColumns)[number]['key'];
