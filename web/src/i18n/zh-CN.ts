import { frameZhCN } from './frame.zh-CN';
import { adminZhCN } from './admin.zh-CN';
import { labelsZhCN } from './labels.zh-CN';
import { annualPlansZhCN } from './annual-plans.zh-CN';
import { assessmentZhCN } from './assessment.zh-CN';
import { attachmentsZhCN } from './attachments.zh-CN';
import { attractionZhCN } from './attraction.zh-CN';
import { auditZhCN } from './audit.zh-CN';
import { customFieldsZhCN } from './custom-fields.zh-CN';
import { dashboardZhCN } from './dashboard.zh-CN';
import { enterprisesZhCN } from './enterprises.zh-CN';
import { exportsZhCN } from './exports.zh-CN';
import { gatesZhCN } from './gates.zh-CN';
import { importsZhCN } from './imports.zh-CN';
import { landEfficiencyZhCN } from './land-efficiency.zh-CN';
import { leadLinksZhCN } from './lead-links.zh-CN';
import { leadsZhCN } from './leads.zh-CN';
import { mapZhCN } from './map.zh-CN';
import { mattersZhCN } from './matters.zh-CN';
import { notificationsZhCN } from './notifications.zh-CN';
import { opportunitiesZhCN } from './opportunities.zh-CN';
import { planTemplatesZhCN } from './plan-templates.zh-CN';
import { projectsZhCN } from './projects.zh-CN';
import { reportsZhCN } from './reports.zh-CN';
import { targetsZhCN } from './targets.zh-CN';
import { twoFactorZhCN } from './two-factor.zh-CN';
import { warningsZhCN } from './warnings.zh-CN';

/**
 * The whole interface text in Chinese, every catalog together. This object is the list of message keys: en-US.ts must
 * translate every key, and t() accepts only these keys, so a missing or misspelt key is a compile error. Placeholders
 * are written {name}. The page never loads this file: it loads the frame's catalog before the first render and each
 * page's catalogs with the page (catalogs.ts, pages/catalogs.ts); types and tests read it.
 */
export const zhCN = {
  ...frameZhCN,
  ...adminZhCN,
  ...labelsZhCN,
  ...annualPlansZhCN,
  ...assessmentZhCN,
  ...attachmentsZhCN,
  ...attractionZhCN,
  ...auditZhCN,
  ...customFieldsZhCN,
  ...dashboardZhCN,
  ...enterprisesZhCN,
  ...exportsZhCN,
  ...gatesZhCN,
  ...importsZhCN,
  ...landEfficiencyZhCN,
  ...leadLinksZhCN,
  ...leadsZhCN,
  ...mapZhCN,
  ...mattersZhCN,
  ...notificationsZhCN,
  ...opportunitiesZhCN,
  ...planTemplatesZhCN,
  ...projectsZhCN,
  ...reportsZhCN,
  ...targetsZhCN,
  ...twoFactorZhCN,
  ...warningsZhCN,
};
