/** Messages of the project tracks (approvals, funding, plans, annual plans), merged into `messages.ts`. */
export const plansZh = {
  'plan.placeholder': '计划',
} as const;

export const plansEn: Record<keyof typeof plansZh, string> = {
  'plan.placeholder': 'Plan',
};
