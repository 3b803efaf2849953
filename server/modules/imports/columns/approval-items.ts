import type { z } from 'zod';
import type { APPROVAL_STATUSES } from '../../../../common/schemas/projects';
import type { approvalItemCreateBody } from '../../../../common/schemas/tracks';
import { dateColumn, listColumn, textColumn } from '../../../lib/spreadsheets/columns/define';
import { projectKeyColumns } from './project-key';
import type { Column } from '../../../lib/spreadsheets/columns/types';

type ApprovalItemInput = z.infer<typeof approvalItemCreateBody>;
type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];
type Field = keyof ApprovalItemInput;

/** A column of the approval items sheet: the project it belongs to, or one field of the item. */
export type ApprovalItemColumn =
  | (typeof projectKeyColumns)[number]
  | { [F in Field]: Column<F, Exclude<ApprovalItemInput[F], undefined> | null> }[Field];

/** The approval items sheet: one row per project and item type; an existing item of that type is updated. */
export const approvalItemColumns: ApprovalItemColumn[] = [
  ...projectKeyColumns,
  listColumn('typeCode', { 'zh-CN': '审批事项', 'en-US': 'Approval item' }, 'approval_item_type', {
    width: 24,
    required: true,
    synonyms: ['审批事项名称', '手续名称', '审批手续', '事项名称', 'approval', 'item'],
  }),
  listColumn<'status', ApprovalStatus>('status', { 'zh-CN': '办理状态', 'en-US': 'Status' }, 'approval_status', {
    blank: undefined,
    synonyms: ['办理情况', '办理进度', '状态', 'approval status'],
  }),
  dateColumn('appliedOn', { 'zh-CN': '申报日期', 'en-US': 'Applied on' }, { synonyms: ['申报时间', '申请日期', '受理日期', 'applied'] }),
  dateColumn('approvedOn', { 'zh-CN': '批复日期', 'en-US': 'Approved on' }, { synonyms: ['批复时间', '办结日期', '办结时间', 'approved'] }),
  textColumn(
    'documentNumber',
    { 'zh-CN': '批复文号', 'en-US': 'Document number' },
    { width: 24, synonyms: ['文号', '批文号', 'document no'] },
  ),
  textColumn('note', { 'zh-CN': '备注', 'en-US': 'Note' }, { width: 32, synonyms: ['说明', 'remarks', 'notes'] }),
];
