import { frameEnUS } from './frame.en-US';
import { adminEnUS } from './admin.en-US';
import { labelsEnUS } from './labels.en-US';
import { annualPlansEnUS } from './annual-plans.en-US';
import { assessmentEnUS } from './assessment.en-US';
import { attachmentsEnUS } from './attachments.en-US';
import { attractionEnUS } from './attraction.en-US';
import { auditEnUS } from './audit.en-US';
import { customFieldsEnUS } from './custom-fields.en-US';
import { dashboardEnUS } from './dashboard.en-US';
import { enterprisesEnUS } from './enterprises.en-US';
import { exportsEnUS } from './exports.en-US';
import { gatesEnUS } from './gates.en-US';
import { importsEnUS } from './imports.en-US';
import { landEfficiencyEnUS } from './land-efficiency.en-US';
import { leadLinksEnUS } from './lead-links.en-US';
import { leadsEnUS } from './leads.en-US';
import { mapEnUS } from './map.en-US';
import { mattersEnUS } from './matters.en-US';
import { notificationsEnUS } from './notifications.en-US';
import { opportunitiesEnUS } from './opportunities.en-US';
import { planTemplatesEnUS } from './plan-templates.en-US';
import { projectsEnUS } from './projects.en-US';
import { reportsEnUS } from './reports.en-US';
import { targetsEnUS } from './targets.en-US';
import { twoFactorEnUS } from './two-factor.en-US';
import { warningsEnUS } from './warnings.en-US';
import type { zhCN } from './zh-CN';

/** English for every key of zh-CN.ts, every catalog together (types and tests); a missing or extra key is a compile error. */
export const enUS: Record<keyof typeof zhCN, string> = {
  ...frameEnUS,
  ...adminEnUS,
  ...labelsEnUS,
  ...annualPlansEnUS,
  ...assessmentEnUS,
  ...attachmentsEnUS,
  ...attractionEnUS,
  ...auditEnUS,
  ...customFieldsEnUS,
  ...dashboardEnUS,
  ...enterprisesEnUS,
  ...exportsEnUS,
  ...gatesEnUS,
  ...importsEnUS,
  ...landEfficiencyEnUS,
  ...leadLinksEnUS,
  ...leadsEnUS,
  ...mapEnUS,
  ...mattersEnUS,
  ...notificationsEnUS,
  ...opportunitiesEnUS,
  ...planTemplatesEnUS,
  ...projectsEnUS,
  ...reportsEnUS,
  ...targetsEnUS,
  ...twoFactorEnUS,
  ...warningsEnUS,
};
