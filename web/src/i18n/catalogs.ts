import type { Locale } from '../../../common/locale';

/** One catalog's text in one language. */
export type Catalog = Readonly<Record<string, string>>;

/**
 * The interface text in parts, each part a chunk of its own in each language, fetched on first use: the frame's before
 * the first render (`startI18n`), a page's with the page (`PAGE_CATALOGS` in pages/catalogs.ts). A catalog's name is
 * its files' name in camel case (`landEfficiency` → land-efficiency.zh-CN.ts), which bench/web-bundle.ts relies on.
 */
export const CATALOGS = {
  frame: {
    'zh-CN': async () => (await import('./frame.zh-CN')).frameZhCN,
    'en-US': async () => (await import('./frame.en-US')).frameEnUS,
  },
  admin: {
    'zh-CN': async () => (await import('./admin.zh-CN')).adminZhCN,
    'en-US': async () => (await import('./admin.en-US')).adminEnUS,
  },
  labels: {
    'zh-CN': async () => (await import('./labels.zh-CN')).labelsZhCN,
    'en-US': async () => (await import('./labels.en-US')).labelsEnUS,
  },
  annualPlans: {
    'zh-CN': async () => (await import('./annual-plans.zh-CN')).annualPlansZhCN,
    'en-US': async () => (await import('./annual-plans.en-US')).annualPlansEnUS,
  },
  assessment: {
    'zh-CN': async () => (await import('./assessment.zh-CN')).assessmentZhCN,
    'en-US': async () => (await import('./assessment.en-US')).assessmentEnUS,
  },
  attachments: {
    'zh-CN': async () => (await import('./attachments.zh-CN')).attachmentsZhCN,
    'en-US': async () => (await import('./attachments.en-US')).attachmentsEnUS,
  },
  attraction: {
    'zh-CN': async () => (await import('./attraction.zh-CN')).attractionZhCN,
    'en-US': async () => (await import('./attraction.en-US')).attractionEnUS,
  },
  audit: {
    'zh-CN': async () => (await import('./audit.zh-CN')).auditZhCN,
    'en-US': async () => (await import('./audit.en-US')).auditEnUS,
  },
  customFields: {
    'zh-CN': async () => (await import('./custom-fields.zh-CN')).customFieldsZhCN,
    'en-US': async () => (await import('./custom-fields.en-US')).customFieldsEnUS,
  },
  dashboard: {
    'zh-CN': async () => (await import('./dashboard.zh-CN')).dashboardZhCN,
    'en-US': async () => (await import('./dashboard.en-US')).dashboardEnUS,
  },
  enterprises: {
    'zh-CN': async () => (await import('./enterprises.zh-CN')).enterprisesZhCN,
    'en-US': async () => (await import('./enterprises.en-US')).enterprisesEnUS,
  },
  exports: {
    'zh-CN': async () => (await import('./exports.zh-CN')).exportsZhCN,
    'en-US': async () => (await import('./exports.en-US')).exportsEnUS,
  },
  gates: {
    'zh-CN': async () => (await import('./gates.zh-CN')).gatesZhCN,
    'en-US': async () => (await import('./gates.en-US')).gatesEnUS,
  },
  imports: {
    'zh-CN': async () => (await import('./imports.zh-CN')).importsZhCN,
    'en-US': async () => (await import('./imports.en-US')).importsEnUS,
  },
  landEfficiency: {
    'zh-CN': async () => (await import('./land-efficiency.zh-CN')).landEfficiencyZhCN,
    'en-US': async () => (await import('./land-efficiency.en-US')).landEfficiencyEnUS,
  },
  leadLinks: {
    'zh-CN': async () => (await import('./lead-links.zh-CN')).leadLinksZhCN,
    'en-US': async () => (await import('./lead-links.en-US')).leadLinksEnUS,
  },
  leads: {
    'zh-CN': async () => (await import('./leads.zh-CN')).leadsZhCN,
    'en-US': async () => (await import('./leads.en-US')).leadsEnUS,
  },
  map: {
    'zh-CN': async () => (await import('./map.zh-CN')).mapZhCN,
    'en-US': async () => (await import('./map.en-US')).mapEnUS,
  },
  matters: {
    'zh-CN': async () => (await import('./matters.zh-CN')).mattersZhCN,
    'en-US': async () => (await import('./matters.en-US')).mattersEnUS,
  },
  notifications: {
    'zh-CN': async () => (await import('./notifications.zh-CN')).notificationsZhCN,
    'en-US': async () => (await import('./notifications.en-US')).notificationsEnUS,
  },
  opportunities: {
    'zh-CN': async () => (await import('./opportunities.zh-CN')).opportunitiesZhCN,
    'en-US': async () => (await import('./opportunities.en-US')).opportunitiesEnUS,
  },
  planTemplates: {
    'zh-CN': async () => (await import('./plan-templates.zh-CN')).planTemplatesZhCN,
    'en-US': async () => (await import('./plan-templates.en-US')).planTemplatesEnUS,
  },
  projects: {
    'zh-CN': async () => (await import('./projects.zh-CN')).projectsZhCN,
    'en-US': async () => (await import('./projects.en-US')).projectsEnUS,
  },
  reports: {
    'zh-CN': async () => (await import('./reports.zh-CN')).reportsZhCN,
    'en-US': async () => (await import('./reports.en-US')).reportsEnUS,
  },
  targets: {
    'zh-CN': async () => (await import('./targets.zh-CN')).targetsZhCN,
    'en-US': async () => (await import('./targets.en-US')).targetsEnUS,
  },
  twoFactor: {
    'zh-CN': async () => (await import('./two-factor.zh-CN')).twoFactorZhCN,
    'en-US': async () => (await import('./two-factor.en-US')).twoFactorEnUS,
  },
  warnings: {
    'zh-CN': async () => (await import('./warnings.zh-CN')).warningsZhCN,
    'en-US': async () => (await import('./warnings.en-US')).warningsEnUS,
  },
} satisfies Record<string, Record<Locale, () => Promise<Catalog>>>;

export type CatalogName = keyof typeof CATALOGS;
