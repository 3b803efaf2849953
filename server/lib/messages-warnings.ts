/** Messages of the warnings (红黄绿灯), merged into `messages.ts`. */
export const warningsZh = {
  'warningSettings.yellow_above_red': '黄灯阈值不能高于红灯阈值',
  'ledger.col.warning': '预警',
  'warning.turned_red': '您包挂的项目「{name}」亮红灯，请查看原因并督促整改',
  'export.col.warning': '预警（红黄绿灯）',
};

export const warningsEn: Record<keyof typeof warningsZh, string> = {
  'warningSettings.yellow_above_red': 'The yellow threshold cannot be above the red one',
  'ledger.col.warning': 'Warning',
  'warning.turned_red': 'A project you are in charge of, {name}, has turned red: see why on its page',
  'export.col.warning': 'Warning (red/yellow/green)',
};
