import type { frameZhCN } from './frame.zh-CN';

/** English for every key of frame.zh-CN.ts; a missing or extra key is a compile error. */
export const frameEnUS: Record<keyof typeof frameZhCN, string> = {
  'app.name': 'Lantu 蓝图',
  'app.tagline': 'Key projects · Investment attraction · Targets',

  'nav.group.projectWork': 'Projects',
  'nav.group.monthly': 'Monthly cycle',
  'nav.group.attraction': 'Investment attraction',
  'nav.group.service': 'Enterprise service',
  'nav.group.assessment': 'Targets and assessment',
  'nav.group.system': 'System',
  'nav.home': 'Home',
  'nav.units': 'Units',
  'nav.users': 'Users',
  'nav.roles': 'Roles',
  'nav.regions': 'Regions',
  'nav.dictionaries': 'Dictionaries',
  'nav.audit': 'Audit log',
  'nav.settings': 'Settings',
  'nav.tokens': 'API tokens',

  'action.create': 'New',
  'action.edit': 'Edit',
  'action.save': 'Save',
  'action.cancel': 'Cancel',
  'action.confirm': 'OK',
  'action.delete': 'Delete',
  'action.enable': 'Enable',
  'action.disable': 'Disable',
  'action.reload': 'Reload',
  'action.retry': 'Retry',

  'common.actions': 'Actions',
  'common.total': '{total} in total',
  'common.totalMoreThan': 'More than {total}; narrow the list with the filters',
  'common.saved': 'Saved',
  'common.deleted': 'Deleted',

  'validation.required': 'Required',

  'error.unexpected': 'Something unexpected went wrong; please reload the page and try again',
  'error.network': 'Cannot reach the server; check the network and try again',
  'error.http': 'The request failed (HTTP {status})',
  'error.requestId': 'Request id',
  'error.conflictTitle': 'Changed by someone else',
  'error.conflict': 'Someone else changed this record; reload it before saving',

  'session.loadFailed': 'Could not check whether you are signed in',

  'status.forbiddenTitle': 'No permission',
  'status.forbiddenText': 'You do not have permission to open this page. Ask the administrator if you need it.',
  'status.notFoundTitle': 'Page not found',
  'status.notFoundText': 'The page you asked for does not exist or has been removed.',
  'status.backHome': 'Back to home',

  'language.switch': 'Change language',
  'language.zh-CN': '简体中文',
  'language.en-US': 'English',

  'auth.username': 'Username',
  'auth.password': 'Password',
  'auth.signIn': 'Sign in',
  'auth.signOut': 'Sign out',
  'auth.signOutEverywhere': 'Sign out everywhere',
  'auth.signOutEverywhereConfirmTitle': 'Sign out on every device?',
  'auth.signOutEverywhereConfirmText': 'Every session on your computers and phones ends; you will need to sign in again.',
  'auth.changePassword': 'Change password',

  'password.title': 'Change password',
  'password.mustChange': 'You are using an initial password set by the administrator. Choose your own password before using the system.',
  'password.policy':
    'At least {min} characters, not a common password, and not containing your username. A short sentence is easy to remember.',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.confirm': 'Confirm new password',
  'password.mismatch': 'The two new passwords differ',
  'password.tooShort': 'The password needs at least {min} characters',
  'password.submit': 'Change password',
  'password.changed': 'Password changed; your other sessions have been signed out',

  'home.welcome': 'Welcome, {name}',
  'home.intro': 'This is Lantu, the key investment projects platform. The menu on the left lists what you can use.',
  'home.username': 'Username',
  'home.role': 'Role',
  'home.unit': 'Unit',
  'home.region': 'Region',
  'home.dataScope': 'Data scope',

  'role.admin': 'Administrator',
  'role.project_office': 'Project office',
  'role.unit_staff': 'Unit staff',
  'role.leader': 'District leader',
  'role.investment_staff': 'Investment staff',
  'role.supervisor': 'Supervisor',

  'dataScope.region': 'My region and below',
  'dataScope.unit_tree': 'My unit and its sub-units',
  'dataScope.unit': 'My unit only',
  'dataScope.own': 'Only my own records',
  'dataScope.custom': 'Chosen units',
  'dataScopeExplain.region': 'You see all data in {region} and the regions below it.',
  'dataScopeExplain.unit_tree': 'You see the data of {unit} and of the units below it.',
  'dataScopeExplain.unit': 'You see only the data of {unit}.',
  'dataScopeExplain.own': 'You see only what you created or what is assigned to you (including projects you are in charge of).',
  'dataScopeExplain.custom': 'You see the data of the units the administrator chose for you.',
  'common.yes': 'Yes',
  'common.no': 'No',

  // each module's item in the menu, and the notification bell's words
  // annual-plans
  'nav.annualPlan': 'Annual plan',
  // assessment
  'nav.scores': 'Rankings',
  // attraction
  'nav.chains': 'Industry chains',
  'nav.parks': 'Parks and buildings',
  'nav.parcels': 'Land parcels',
  'nav.carrierMatch': 'Site matching',
  // custom-fields
  'nav.customFields': 'Custom fields',
  // enterprises
  'nav.enterprises': 'Enterprises',
  'nav.visits': 'Enterprise visits',
  'nav.policies': 'Policies',
  // gates
  'nav.gates': 'Pool gates',
  // land-efficiency
  'nav.landEfficiency': 'Land efficiency',
  // leads
  'nav.leads': 'Leads',
  'nav.leadEvents': 'Trips and fairs',
  // map
  'nav.map': 'Map',
  // matters
  'nav.matters': 'Matters',
  // notifications
  'notifications.title': 'Notifications',
  'notifications.empty': 'No notifications',
  'notifications.markAllRead': 'Mark all read',
  'notifications.channels': 'Notification channels',
  // opportunities
  'nav.opportunities': 'Opportunities',
  // plan-templates
  'nav.planTemplates': 'Plan templates',
  // projects
  'nav.projects': 'Projects',
  // reports
  'nav.reportPeriods': 'Monthly reports',
  'nav.myReports': 'My reports',
  'nav.reportReview': 'Review reports',
  'report.fill': 'Fill in',
  // targets
  'nav.targets': 'Indicators',
  'nav.pledges': 'Pledges',
  'nav.livelihood': 'Livelihood works',
  // two-factor
  'nav.twoFactor': 'Two-step verification',
  // warnings
  'nav.warnings': 'Warnings',
};
