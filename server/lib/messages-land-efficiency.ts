/** Messages of 亩均效益 (an enterprise's yearly land, tax, output and energy; the district's class thresholds), merged into `messages.ts`. */
export const landEfficiencyZh = {
  'landEfficiency.two_decimals': '最多保留两位小数',
  'landEfficiency.year': '年度应为 2000–2100 之间的整数',
  'landEfficiency.land_positive': '用地面积应大于 0 亩',
  'landEfficiency.not_local': '“{name}”不是本地企业（是目标企业），不参与亩均效益评价',
  'landEfficiency.not_industrial': '“{name}”不是工业企业（所属行业不属于采矿业、制造业或电力热力燃气及水生产和供应业），不参与亩均效益评价',
  'landEfficiency.version_required': '该年度已填报，请刷新后在最新数据上修改',
  'landEfficiency.below_lower_class': '{grade} 类标准不能低于 {lower} 类',
  'landEfficiency.no_district': '您的账号不属于某个区县：请选择区县',
  'landEfficiency.import_same_year_twice': '该企业 {year} 年度的数据在第 {row} 行已填写，同一企业同一年度只能填一行',
  'landEfficiency.export.sheet': '亩均效益',
  'landEfficiency.export.file': '亩均效益评价',
};

export const landEfficiencyEn: Record<keyof typeof landEfficiencyZh, string> = {
  'landEfficiency.two_decimals': 'At most two decimals',
  'landEfficiency.year': 'The year must be a whole number from 2000 to 2100',
  'landEfficiency.land_positive': 'The land used must be more than 0 mu',
  'landEfficiency.not_local':
    '“{name}” is not a local enterprise (it is a target): land-efficiency figures are kept only for local enterprises',
  'landEfficiency.not_industrial':
    '“{name}” is not an industrial enterprise (its industry is not mining, manufacturing or electricity, heat, gas and water supply): land-efficiency figures are kept only for industrial enterprises',
  'landEfficiency.version_required': 'This year has been entered already: reload and correct the latest figures',
  'landEfficiency.below_lower_class': 'Class {grade} must not ask less than class {lower}',
  'landEfficiency.no_district': 'Your account belongs to no district: choose a district',
  'landEfficiency.import_same_year_twice': 'This enterprise’s figures for {year} are already in row {row}: one row per enterprise and year',
  'landEfficiency.export.sheet': 'Land efficiency',
  'landEfficiency.export.file': 'land-efficiency',
};
