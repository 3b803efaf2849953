/** The downloads' interface text (list and ledger exports, the Word 项目简介), merged into zh-CN.ts. */
export const exportsZhCN = {
  'export.menu': '导出',
  'export.list': '导出列表',
  'export.listHint': '按当前筛选条件导出，可修改后重新导入',
  'export.ledger': '导出台账',
  'export.ledgerHint': '按当前筛选条件生成年度推进台账（A3 横向）',
  'export.summary': '项目简介(Word)',
  'export.done': '已下载：{name}',
};
