/** The frame's text, loaded before the first render: the menu (every module's item), the header, sign-in, the password change, the home page's greeting, common words and errors. tests: frame-catalog.test.ts checks that every key the frame's files use is here. */
export const frameZhCN = {
  'app.name': '蓝图 Lantu',
  'app.tagline': '重点项目 · 招商引资 · 目标考核',

  'nav.group.projectWork': '项目管理',
  'nav.group.monthly': '月度调度',
  'nav.group.attraction': '招商引资',
  'nav.group.service': '企业服务',
  'nav.group.assessment': '目标考核',
  'nav.group.system': '系统管理',
  'nav.home': '首页',
  'nav.units': '单位管理',
  'nav.users': '用户管理',
  'nav.roles': '角色权限',
  'nav.regions': '行政区划',
  'nav.dictionaries': '数据字典',
  'nav.audit': '审计日志',
  'nav.settings': '系统设置',
  'nav.tokens': 'API 令牌',

  'action.create': '新建',
  'action.edit': '编辑',
  'action.save': '保存',
  'action.cancel': '取消',
  'action.confirm': '确定',
  'action.delete': '删除',
  'action.enable': '启用',
  'action.disable': '停用',
  'action.reload': '重新加载',
  'action.retry': '重试',

  'common.actions': '操作',
  'common.total': '共 {total} 条',
  'common.totalMoreThan': '超过 {total} 条，请用筛选缩小范围',
  'common.saved': '已保存',
  'common.deleted': '已删除',

  'validation.required': '此项必填',

  'error.unexpected': '出现意外错误，请刷新页面后重试',
  'error.network': '无法连接服务器，请检查网络后重试',
  'error.http': '请求失败（HTTP {status}）',
  'error.requestId': '请求编号',
  'error.conflictTitle': '记录已被他人修改',
  'error.conflict': '该记录已被他人修改，请重新加载后再保存',

  'session.loadFailed': '无法获取登录状态',

  'status.forbiddenTitle': '没有权限',
  'status.forbiddenText': '您没有访问此页面的权限，如需开通请联系管理员。',
  'status.notFoundTitle': '页面不存在',
  'status.notFoundText': '您访问的页面不存在或已被移除。',
  'status.backHome': '返回首页',

  'language.switch': '切换语言',
  'language.zh-CN': '简体中文',
  'language.en-US': 'English',

  'auth.username': '用户名',
  'auth.password': '密码',
  'auth.signIn': '登录',
  'auth.signOut': '退出登录',
  'auth.signOutEverywhere': '退出所有设备',
  'auth.signOutEverywhereConfirmTitle': '退出所有设备上的登录？',
  'auth.signOutEverywhereConfirmText': '您在所有电脑和手机上的登录都将失效，需要重新登录。',
  'auth.changePassword': '修改密码',

  'password.title': '修改密码',
  'password.mustChange': '这是管理员为您设置的初始密码，请先设置自己的新密码，然后才能使用系统。',
  'password.policy': '新密码至少 {min} 个字符，且不能是常见密码、不能包含用户名。建议使用一句好记的话。',
  'password.current': '当前密码',
  'password.new': '新密码',
  'password.confirm': '确认新密码',
  'password.mismatch': '两次输入的新密码不一致',
  'password.tooShort': '密码至少需要 {min} 个字符',
  'password.submit': '修改密码',
  'password.changed': '密码已修改，其他设备上的登录已退出',

  'home.welcome': '{name}，您好',
  'home.intro': '欢迎使用蓝图重点项目管理平台。左侧菜单列出了您可以使用的功能。',
  'home.username': '用户名',
  'home.role': '角色',
  'home.unit': '所属单位',
  'home.region': '行政区划',
  'home.dataScope': '数据范围',

  'role.admin': '系统管理员',
  'role.project_office': '重点项目办',
  'role.unit_staff': '责任单位人员',
  'role.leader': '区领导',
  'role.investment_staff': '招商人员',
  'role.supervisor': '督查人员',

  'dataScope.region': '本区划及下级',
  'dataScope.unit_tree': '本单位及下级单位',
  'dataScope.unit': '仅本单位',
  'dataScope.own': '仅本人',
  'dataScope.custom': '自定义单位',
  'dataScopeExplain.region': '您可以看到{region}及其下级区划内的全部数据。',
  'dataScopeExplain.unit_tree': '您可以看到{unit}及其下级单位的数据。',
  'dataScopeExplain.unit': '您只能看到{unit}本单位的数据。',
  'dataScopeExplain.own': '您只能看到自己创建或分配给您（包括您包挂）的数据。',
  'dataScopeExplain.custom': '您可以看到管理员为您指定的若干单位的数据。',
  'common.yes': '是',
  'common.no': '否',

  // each module's item in the menu, and the notification bell's words
  // annual-plans
  'nav.annualPlan': '年度计划',
  // assessment
  'nav.scores': '考核排名',
  // attraction
  'nav.chains': '产业链图谱',
  'nav.parks': '园区楼宇',
  'nav.parcels': '土地地块',
  'nav.carrierMatch': '载体匹配',
  // custom-fields
  'nav.customFields': '自定义字段',
  // enterprises
  'nav.enterprises': '企业库',
  'nav.visits': '走访服务',
  'nav.policies': '惠企政策',
  // gates
  'nav.gates': '入库条件',
  // land-efficiency
  'nav.landEfficiency': '亩均效益',
  // leads
  'nav.leads': '招商线索',
  'nav.leadEvents': '招商活动',
  // map
  'nav.map': '一张图',
  // matters
  'nav.matters': '问题协调',
  // notifications
  'notifications.title': '消息',
  'notifications.empty': '暂无消息',
  'notifications.markAllRead': '全部已读',
  'notifications.channels': '消息渠道',
  // opportunities
  'nav.opportunities': '机会清单',
  // plan-templates
  'nav.planTemplates': '计划模板',
  // projects
  'nav.projects': '项目库',
  // reports
  'nav.reportPeriods': '月度填报',
  'nav.myReports': '我的填报',
  'nav.reportReview': '填报审核',
  'report.fill': '填报',
  // targets
  'nav.targets': '目标指标',
  'nav.pledges': '军令状',
  'nav.livelihood': '民生实事',
  // two-factor
  'nav.twoFactor': '两步验证',
  // warnings
  'nav.warnings': '预警统计',
} as const;
