import type { warningsZhCN } from './warnings.zh-CN';

/** The warnings' interface text in English. */
export const warningsEnUS: Record<keyof typeof warningsZhCN, string> = {
  'project.warning': 'Warning',
  'warning.title': 'Red/yellow/green warning',
  'warning.asOf': 'As of {date}',
  'warning.allWell': 'All well: no milestone overdue, investment not behind time, reports on time.',
  'warning.notComputed': 'Not computed yet',
  'warning.history': 'Month by month',
  'warning.noHistory': 'No earlier months yet',
  'warning.monthLabel': '{month}/{year}',
  'warning.monthShort': 'M{month}',
  'warning.tab.summary': 'Counts by colour',
  'warning.tab.settings': 'Thresholds',
  'warning.by.unit': 'Responsible unit',
  'warning.by.category': 'Category',
  'warning.by.leader': 'Leader in charge',
  'warning.by.street': 'Street',
  'warning.noGroup.unit': 'No responsible unit',
  'warning.noGroup.category': 'No category',
  'warning.noGroup.leader': 'No leader in charge',
  'warning.noGroup.street': 'No street',
  'warning.summaryHint':
    'The projects you can see (withdrawn ones left out); click a number to open those projects. A project with two leaders counts under each, once in the totals.',
  'warning.notComputedShort': 'Not computed',
  'warning.total': 'Projects',
  'warning.totals': 'Total',
  'warning.settingsIntro':
    "The district's thresholds for the red/yellow/green warnings. A light comes on when the measure is more than its threshold; a yellow threshold may not be above its red one.",
  'warning.settingsDefault': 'Using the default thresholds',
  'warning.settingsRecompute': 'Saving recomputes the colour of every project in the district with the new thresholds.',
  'warning.settingsSaved': 'Thresholds saved; the warnings were recomputed',
  'warning.rule.milestone': 'Plan milestone overdue',
  'warning.rule.behind': 'Annual investment behind time',
  'warning.rule.matter': 'Project problem past its deadline',
  'warning.rule.report': 'Monthly report missing',
  'warning.setting.redMilestoneOverdueDays': 'A plan milestone overdue by more than',
  'warning.setting.yellowMilestoneOverdueDays': 'A plan milestone overdue by more than',
  'warning.setting.redBehindPoints': 'Year-to-date completion behind time by more than',
  'warning.setting.yellowBehindPoints': 'Year-to-date completion behind time by more than',
  'warning.setting.redMatterOverdueDays': 'A project problem past its deadline by more than',
  'warning.setting.yellowReportMissingDays': 'The monthly report still missing after its deadline by more than',
  'warning.settingHint.redMilestoneOverdueDays': 'Red when an unfinished milestone is more than this many days past its latest finish.',
  'warning.settingHint.yellowMilestoneOverdueDays':
    'Yellow when more than this many days past its latest finish; 0: any overdue milestone.',
  'warning.settingHint.redBehindPoints':
    "Red when the year's approved investment against the annual plan is more than this many percentage points behind time.",
  'warning.settingHint.yellowBehindPoints': 'Yellow when more than this many points behind; one decimal allowed.',
  'warning.settingHint.redMatterOverdueDays':
    'Red when an open project problem is more than this many days past its deadline; 0: any problem past its deadline.',
  'warning.settingHint.yellowReportMissingDays':
    'Yellow when the owed report is still missing more than this many days after its deadline; 0: as soon as the deadline passes.',
  'warning.suffixDays': 'days',
  'warning.suffixPoints': 'points',
};
