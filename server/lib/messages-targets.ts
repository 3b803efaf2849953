/** Messages of targets (目标考核: indicators, pledges, 民生实事), merged into `messages.ts`. */
export const targetsZh = {
  'target.decimal_format': '请填写数字（最多 14 位整数、4 位小数），如 1200 或 6.5',
  'target.computation_required': '系统计算的指标须选择计算口径',
  'target.computation_not_entered': '单位填报的指标不能选择计算口径',
  'target.wrong_measure': '“{name}”应以“{expected}”为计量单位，不能以“{given}”设定',
  'target.negative_level': '总量目标不能为负数',
  'target.duplicate_name': '{year}年已有名为“{name}”的指标',
  'target.unit_not_found': '单位不存在或不属于本区县',
  'target.no_district': '您的账号不属于某个区县，不能设定指标',
  'target.no_home_region': '您的账号不属于某个区县、市或省，不能设定指标',
  'target.city_unit_not_found': '单位不存在或不是本市市级单位（区县的单位不能承担市级指标）',
  'target.province_unit_not_found': '单位不存在或不是本省省级单位（市、区县的单位不能承担省级指标）',
  'target.district_not_found': '不是本市所辖区县（按区县分解时，每个区县只能出现一次）',
  'target.city_not_found': '不是本省所辖市（按市分解时，每个市只能出现一次）',
  'target.not_home': '“{name}”是{region}的指标，只有{region}的项目办可以修改或分解；下级只能查看分解给本级的任务',
  'target.future_month': '{year}年{month}月尚未到来，不能填报该月实际数',
  'target.computed_no_entry': '“{name}”由系统计算，不能填报实际数',
  'target.not_owner': '只有责任单位（{unit}）或项目办可以填报“{name}”',
  'target.breakdown_sum': '分解到单位的目标合计 {sum}{measure}，与指标目标 {target}{measure} 相差 {difference}{measure}，请调整后保存',
  'target.breakdown_sum_districts': '各区县分解任务合计{sum}{measure}，与市级目标{target}{measure}相差{difference}{measure}，请调整后保存',
  'target.breakdown_sum_cities': '各市分解任务合计{sum}{measure}，与省级目标{target}{measure}相差{difference}{measure}，请调整后保存',
  'target.breakdown_duplicate': '单位重复：每个单位只能分解一次',
  'target.breakdown_growth': '增速指标不能分解到单位',
  'target.not_computable': '系统暂不能计算该指标',
  'target.computation.key_projects_count': '本区县本年度重点项目（省、市、区重点）个数：未退库，且未在本年之前竣工',
  'target.computation.key_projects_total_investment': '同上重点项目的总投资之和（亿元）',
  'target.computation.new_starts': '本年度新开工项目个数：实际开工日期（开工节点完成日）在本年之内且不晚于今天',
  'target.computation.investment_completed': '本年度各月已审核月报的完成投资之和（亿元），截至当月',
  'target.computation.land_supplied': '本年度供地面积（亩）：本区县已供地块（供给项目）的面积之和，供地日期在本年之内且不晚于今天',
  'target.computation.projects_signed': '本年度签约项目个数：签约日期在本年之内且不晚于今天的招商线索，已终止的不计',
  'target.computation.contract_value': '同上签约项目的合同额之和（亿元）',
  'target.computation.out_of_city_funds':
    '本年度到位市外资金（亿元）：到资日期在本年之内且不晚于今天的招商线索，按预计投资额乘市外资金占比计，已终止的不计',
  'target.text_too_long': '文本过长：共 {length} 个字符，一次最多识别 {max} 个字符（约 200 KB），请分段粘贴',
  'target.text_no_numbers': '文本中没有数字，未识别到目标',
  'target.text_no_quantities': '文本中的数字都没有计量单位（如 %、亿元、个），未识别到目标',
  'commitment.not_late': '“{title}”尚未逾期或已完成，不必发起督办事项',
  'commitment.matter_exists': '“{title}”已发起过督办事项',
  'commitment.matter_title': '{kind}“{title}”逾期未完成',
  'commitment.matter_description':
    '{kind}“{title}”（目标 {target}{measure}，期限 {deadline}）已逾期，最新进度 {latest}。请牵头单位说明原因并限期完成。',
  'commitment.no_progress': '尚未填报',
  'commitment.future_month': '{year}年{month}月尚未到来，不能填报该月进度',
} as const;

export const targetsEn: Record<keyof typeof targetsZh, string> = {
  'target.decimal_format': 'Enter a number (up to 14 digits and 4 decimals), e.g. 1200 or 6.5',
  'target.computation_required': 'A computed indicator needs its computation',
  'target.computation_not_entered': 'An entered indicator takes no computation',
  'target.wrong_measure': '"{name}" is measured in "{expected}"; it cannot be set in "{given}"',
  'target.negative_level': 'A level target cannot be negative',
  'target.duplicate_name': 'There is already an indicator named "{name}" in {year}',
  'target.unit_not_found': 'The unit does not exist or is not of this district',
  'target.no_district': 'Your account does not belong to a district, so you cannot set indicators',
  'target.no_home_region': 'Your account does not belong to a district, a city or a province, so you cannot set indicators',
  'target.city_unit_not_found':
    'The unit does not exist or is not one of the city’s own units (a district’s unit cannot own a city indicator)',
  'target.province_unit_not_found':
    'The unit does not exist or is not one of the province’s own units (a city’s or district’s unit cannot own a provincial indicator)',
  'target.district_not_found': 'Not a district of this city',
  'target.city_not_found': 'Not a city of this province',
  'target.not_home':
    '“{name}” is an indicator of {region}: only {region}’s project office may change it or break it down; a district or city below reads its own share',
  'target.future_month': '{month}/{year} has not come yet: no actual can be entered for it',
  'target.computed_no_entry': '"{name}" is computed by Lantu: no actual is entered for it',
  'target.not_owner': 'Only the owner unit ({unit}) or the project office enters "{name}"',
  'target.breakdown_sum':
    "The units' targets add up to {sum} {measure}, {difference} {measure} off the indicator's target of {target} {measure}; adjust them before saving",
  'target.breakdown_sum_districts':
    "The districts' shares add up to {sum} {measure}, {difference} {measure} off the city's target of {target} {measure}; adjust them before saving",
  'target.breakdown_sum_cities':
    "The cities' shares add up to {sum} {measure}, {difference} {measure} off the province's target of {target} {measure}; adjust them before saving",
  'target.breakdown_duplicate': 'Duplicate unit: each unit takes one share',
  'target.breakdown_growth': 'A growth-rate indicator is not broken down to units',
  'target.not_computable': 'Lantu cannot compute this indicator yet',
  'target.computation.key_projects_count':
    "The district's key projects (provincial, city or district) of the year: not withdrawn and not completed before the year",
  'target.computation.key_projects_total_investment': 'The total investment of those key projects (100M yuan)',
  'target.computation.new_starts': 'New starts: projects whose actual start (their 开工 milestone) falls in the year, up to today',
  'target.computation.investment_completed': "Investment completed: the year's approved monthly reports, summed (100M yuan)",
  'target.computation.land_supplied':
    "Land supplied in the year (mu): the area of the district's parcels supplied to a project, supplied in the year and not after today",
  'target.computation.projects_signed':
    'Projects signed in the year: leads whose signing date falls in the year, up to today; dropped ones left out',
  'target.computation.contract_value': 'The contract value of those signed projects (100M yuan)',
  'target.computation.out_of_city_funds':
    'Out-of-city funds received in the year (100M yuan): leads whose funds came in (到资) in the year, up to today, each counted as its estimated investment × its out-of-city share; dropped ones left out',
  'target.text_too_long':
    'The text is too long: {length} characters; at most {max} characters (about 200 KB) are read at once — paste it in parts',
  'target.text_no_numbers': 'The text has no numbers: no targets found',
  'target.text_no_quantities': 'None of the numbers in the text has a unit of measure (%, 亿元, 个…): no targets found',
  'commitment.not_late': '"{title}" is not late or is done: no matter to raise',
  'commitment.matter_exists': 'A matter was already raised for "{title}"',
  'commitment.matter_title': '{kind} "{title}" is late',
  'commitment.matter_description':
    '{kind} "{title}" (target {target} {measure}, due {deadline}) is late; latest progress: {latest}. The unit is asked to explain and finish it.',
  'commitment.no_progress': 'none reported',
  'commitment.future_month': '{month}/{year} has not come yet: no progress can be entered for it',
};
