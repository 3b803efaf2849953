import type { z } from 'zod';
import type { fundingLineCreateBody } from '../../../../common/schemas/tracks';
import { listColumn, moneyColumn, textColumn } from '../../../lib/spreadsheets/columns/define';
import { projectKeyColumns } from './project-key';
import type { Column } from '../../../lib/spreadsheets/columns/types';

type FundingLineInput = z.infer<typeof fundingLineCreateBody>;
type Field = keyof FundingLineInput;

/** A column of the funding sheet: the project it belongs to, or one field of the funding line. */
export type FundingLineColumn =
  | (typeof projectKeyColumns)[number]
  | { [F in Field]: Column<F, Exclude<FundingLineInput[F], undefined> | null> }[Field];

// An empty amount leaves the stored amount as it is (a new line starts at 0).
const amount = { width: 16, blank: undefined };

/** The funding sheet: one row per project and source (融资计划); an existing line of that source is updated. */
export const fundingLineColumns: FundingLineColumn[] = [
  ...projectKeyColumns,
  listColumn('sourceCode', { 'zh-CN': '资金来源', 'en-US': 'Funding source' }, 'funding_source', {
    width: 24,
    required: true,
    synonyms: ['资金渠道', '融资方式', '资金类型', 'source'],
  }),
  moneyColumn(
    'plannedYuan',
    { 'zh-CN': '计划金额（万元）', 'en-US': 'Planned (10k yuan)' },
    { ...amount, synonyms: ['计划金额', '计划融资', 'planned'] },
  ),
  moneyColumn(
    'appliedYuan',
    { 'zh-CN': '申请金额（万元）', 'en-US': 'Applied (10k yuan)' },
    { ...amount, synonyms: ['申请金额', '申报金额', 'applied'] },
  ),
  moneyColumn(
    'approvedYuan',
    { 'zh-CN': '批复金额（万元）', 'en-US': 'Approved (10k yuan)' },
    { ...amount, synonyms: ['批复金额', '获批金额', 'approved'] },
  ),
  moneyColumn(
    'receivedYuan',
    { 'zh-CN': '到位金额（万元）', 'en-US': 'Received (10k yuan)' },
    { ...amount, synonyms: ['到位金额', '到位资金', '已到位', 'received'] },
  ),
  textColumn('note', { 'zh-CN': '备注', 'en-US': 'Note' }, { width: 32, synonyms: ['说明', 'remarks', 'notes'] }),
];
