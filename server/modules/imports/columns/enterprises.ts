import type { EnterpriseKind, ListingStage } from '../../../../common/enums';
import { flagColumn, listColumn, listsColumn, textColumn } from '../../../lib/spreadsheets/columns/define';
import type { Column } from '../../../lib/spreadsheets/columns/types';

/**
 * The columns of the enterprise sheet (企业库): the import's, the template's and the register's export. One contact
 * person per row (the register keeps several; the export writes the first).
 */
export const enterpriseColumns = [
  textColumn('name', { 'zh-CN': '企业名称', 'en-US': 'Name' }, { width: 36, required: true, synonyms: ['企业全称', '单位名称'] }),
  textColumn(
    'uscc',
    { 'zh-CN': '统一社会信用代码', 'en-US': 'Unified social credit code' },
    { width: 24, synonyms: ['信用代码', '社会信用代码'] },
  ),
  listColumn<'kind', EnterpriseKind>('kind', { 'zh-CN': '企业类型', 'en-US': 'Kind' }, 'enterprise_kind', {
    width: 12,
    required: true,
    synonyms: ['企业性质', '登记类型', '类型', 'enterprise kind', 'type'],
  }),
  flagColumn('abroad', { 'zh-CN': '境外注册', 'en-US': 'Abroad' }, { width: 10, synonyms: ['是否境外', '境外企业', 'registered abroad'] }),
  listsColumn('tags', { 'zh-CN': '企业标签', 'en-US': 'Tags' }, 'enterprise_tag', { width: 28, synonyms: ['标签', '企业类别', 'tag'] }),
  listColumn<'listingStage', ListingStage>('listingStage', { 'zh-CN': '上市进程', 'en-US': 'Listing stage' }, 'listing_stage', {
    width: 14,
    synonyms: ['上市情况', '上市阶段', '是否上市', 'listing'],
  }),
  listColumn('industryCode', { 'zh-CN': '国民经济行业', 'en-US': 'Industry (GB/T 4754)' }, 'industry', {
    width: 24,
    synonyms: ['所属行业'],
  }),
  textColumn(
    'hqRegionCode',
    { 'zh-CN': '总部所在地代码', 'en-US': 'Headquarters region code' },
    { width: 14, synonyms: ['总部所在地', '总部区划代码', 'headquarters'] },
  ),
  textColumn(
    'contactName',
    { 'zh-CN': '联系人', 'en-US': 'Contact' },
    { width: 12, synonyms: ['联系人姓名', '企业联系人', 'contact name'] },
  ),
  textColumn(
    'contactPhone',
    { 'zh-CN': '联系电话', 'en-US': 'Contact phone' },
    { width: 16, synonyms: ['联系方式', '手机号码', '电话', 'phone'] },
  ),
  textColumn(
    'contactRole',
    { 'zh-CN': '联系人职务', 'en-US': 'Contact role' },
    { width: 14, synonyms: ['职务', '职位', 'title', 'position'] },
  ),
] satisfies Column<string, unknown>[];

export type EnterpriseColumnKey = (typeof enterpriseColumns)[number]['key'];
