/** Messages of the project library (records, codes, pools and gates), merged into `messages.ts`. */
export const projectsZh = {
  'format.yuanInteger': '金额必须是整数（单位：元）',
  'format.yuanNegative': '金额不能为负数',
  'format.yuanTooLarge': '金额过大（不能超过 10 万亿元）',
  'format.streetCode': '街道代码应为 9 位数字',
} as const;

export const projectsEn: Record<keyof typeof projectsZh, string> = {
  'format.yuanInteger': 'An amount must be a whole number of yuan',
  'format.yuanNegative': 'An amount cannot be negative',
  'format.yuanTooLarge': 'The amount is too large (at most 10 trillion yuan)',
  'format.streetCode': 'A street code has 9 digits',
};
