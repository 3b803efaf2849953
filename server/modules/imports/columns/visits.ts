import { dateColumn, listColumn, namesColumn, textColumn } from '../../../lib/spreadsheets/columns/define';
import type { Column } from '../../../lib/spreadsheets/columns/types';

/**
 * The columns of the visits sheet (走访): the import's, the template's and the visit list's export. The enterprise is
 * named by its 统一社会信用代码 or its name in the district's register; visitors by name (people of the district become
 * platform visitors, other names are kept as written); 企业诉求 holds one demand per line, raised as matters of the
 * loop with the category, lead unit and deadline of the row. The export leaves the demands out: they live on as
 * matters, and a visit already recorded is not recorded again.
 */
export const visitColumns = [
  dateColumn(
    'visitDate',
    { 'zh-CN': '走访日期', 'en-US': 'Visit date' },
    { width: 12, required: true, synonyms: ['走访时间', '日期', '服务日期', 'date', 'date of visit'] },
  ),
  textColumn(
    'enterprise',
    { 'zh-CN': '企业名称', 'en-US': 'Enterprise' },
    { width: 30, synonyms: ['走访企业', '被走访企业', '服务企业', 'company', 'enterprise visited'] },
  ),
  textColumn(
    'enterpriseUscc',
    { 'zh-CN': '企业统一社会信用代码', 'en-US': 'Enterprise credit code' },
    { width: 24, synonyms: ['统一社会信用代码', '信用代码', '社会信用代码', 'USCC', 'unified social credit code'] },
  ),
  listColumn('unitId', { 'zh-CN': '走访单位', 'en-US': 'Visiting unit' }, 'unit', {
    width: 22,
    synonyms: ['走访部门', '服务单位', '责任单位', 'unit', 'visited by unit'],
  }),
  namesColumn(
    'visitors',
    { 'zh-CN': '走访人', 'en-US': 'Visitors' },
    { width: 18, synonyms: ['走访人员', '参加人员', '走访领导', 'visited by'] },
  ),
  textColumn(
    'purpose',
    { 'zh-CN': '走访目的', 'en-US': 'Purpose' },
    { width: 24, required: true, synonyms: ['走访事由', '走访主题', '走访内容', 'purpose of visit', 'subject'] },
  ),
  textColumn(
    'notes',
    { 'zh-CN': '情况记录', 'en-US': 'Notes' },
    { width: 36, synonyms: ['走访情况', '备注', '走访记录', 'remarks', 'record'] },
  ),
  textColumn(
    'demands',
    { 'zh-CN': '企业诉求', 'en-US': 'Demands' },
    { width: 36, synonyms: ['诉求', '企业反映问题', '反映问题', '需协调事项', 'enterprise demands', 'issues raised'] },
  ),
  listColumn('demandCategory', { 'zh-CN': '诉求类别', 'en-US': 'Demand category' }, 'problem_category', {
    width: 14,
    synonyms: ['问题类别', '诉求类型', '问题类型', 'category of demand', 'demand type'],
  }),
  listColumn('demandLeadUnitId', { 'zh-CN': '诉求承办单位', 'en-US': 'Demand lead unit' }, 'unit', {
    width: 22,
    synonyms: ['承办单位', '牵头单位', '诉求办理单位', 'lead unit', 'handled by unit'],
  }),
  dateColumn(
    'demandDeadline',
    { 'zh-CN': '诉求办结时限', 'en-US': 'Demand deadline' },
    { width: 12, synonyms: ['办结时限', '办理时限', '完成时限', 'deadline', 'due date'] },
  ),
] satisfies Column<string, unknown>[];
