import { describe, expect, it } from 'vitest';
import { type ExtractedTarget, extractTargets, proposeTargetRows } from '.';

/*
 * The extractor on real published passages (short excerpts, as found with the search tool), with the rows a person
 * reading them would write down, written by hand. Each row: [name, value, unit, direction, kind, proposal].
 */
type Row = [string, number, string, ExtractedTarget['direction'], ExtractedTarget['kind'], ExtractedTarget['proposal']];
const rowsOf = (text: string): Row[] => extractTargets(text).rows.map((r) => [r.name, r.value, r.unit, r.direction, r.kind, r.proposal]);

describe('targets from real published passages', () => {
  // Source: 人民报 (Nhân Dân) 中文版, "中国2024年经济增长预期目标设定为5%左右",
  // https://cn.nhandan.vn/中国2024年经济增长预期目标设定为5左右-post121681.html — last year's results, then this year's targets.
  const national2024 =
    '中国国务院总理李强在作政府工作报告时表示，2023年是全面贯彻党的二十大精神的开局之年，是本届政府依法履职的第一年。' +
    '2023年经济社会发展主要目标任务圆满完成，诸如：国内生产总值超过126万亿元，增长5.2%；城镇新增就业1244万人；城镇调查失业率平均为5.2%；' +
    '居民消费价格上涨0.2%；国际收支基本平衡。\n' +
    '今年发展主要预期目标：国内生产总值增长5%左右；新增就业目标1200万；城镇调查失业率5.5%左右；居民消费价格涨幅3%左右；' +
    '国际收支保持基本平衡；粮食产量1.3万亿斤以上；单位国内生产总值能耗降低2.5%左右。';

  it('national report 2024: 2023 results are actuals, the expected targets are targets', () => {
    expect(rowsOf(national2024)).toEqual([
      ['国内生产总值', 126, '万亿元', 'more_than', 'actual', 'indicator'],
      ['国内生产总值增长', 5.2, '%', 'exactly', 'actual', 'indicator'],
      ['城镇新增就业', 1244, '万人', 'exactly', 'actual', 'indicator'],
      ['城镇调查失业率', 5.2, '%', 'exactly', 'actual', 'indicator'],
      ['居民消费价格上涨', 0.2, '%', 'exactly', 'actual', 'indicator'],
      ['国内生产总值增长', 5, '%', 'about', 'target', 'indicator'],
      ['新增就业', 1200, '万', 'exactly', 'target', 'indicator'],
      ['城镇调查失业率', 5.5, '%', 'about', 'target', 'indicator'],
      ['居民消费价格涨幅', 3, '%', 'about', 'target', 'indicator'],
      ['粮食产量', 1.3, '万亿斤', 'at_least', 'target', 'indicator'],
      ['单位国内生产总值能耗降低', 2.5, '%', 'about', 'target', 'indicator'],
    ]);
    const growth = extractTargets(national2024)
      .rows.filter((r) => r.growth)
      .map((r) => r.name);
    expect(growth).toEqual(['国内生产总值增长', '居民消费价格上涨', '国内生产总值增长', '居民消费价格涨幅', '单位国内生产总值能耗降低']);
  });

  // Source: a converted page republishing 新华社 "新華社受權播發《政府工作報告》" (2025-03-12), in traditional characters,
  // http://glaivesports.com/gfbw/qwfb/16374725.html
  const national2025Traditional =
    '報告指出，今年發展主要預期目標是：國內生產總值增長5%左右；城鎮調查失業率5.5%左右，城鎮新增就業1200萬人以上；居民消費價格漲幅2%左右；' +
    '居民收入增長和經濟增長同步；國際收支保持基本平衡；糧食產量1.4萬億斤左右；單位國內生產總值能耗降低3%左右，生態環境質量持續改善。';

  it('national report 2025 in traditional characters reads as the simplified text would', () => {
    expect(rowsOf(national2025Traditional)).toEqual([
      ['国内生产总值增长', 5, '%', 'about', 'target', 'indicator'],
      ['城镇调查失业率', 5.5, '%', 'about', 'target', 'indicator'],
      ['城镇新增就业', 1200, '万人', 'at_least', 'target', 'indicator'],
      ['居民消费价格涨幅', 2, '%', 'about', 'target', 'indicator'],
      ['粮食产量', 1.4, '万亿斤', 'about', 'target', 'indicator'],
      ['单位国内生产总值能耗降低', 3, '%', 'about', 'target', 'indicator'],
    ]);
  });

  // Source: 汉滨区人民政府, "汉滨区2025年政府工作报告", https://www.hanbin.gov.cn/Content-2810991.html — the review of 2024.
  const hanbinReview =
    '一、过去一年工作回顾\n2024年，我们紧扣高质量发展主题，深化拓展“三个年”活动，创新聚力、实干奋进，实现地区生产总值440.5亿元、增长5.4%，' +
    '固定资产投资增长6.5%，规上工业增加值增长11%，社会消费品零售总额增长7.9%，财政一般预算收入增长6.4%，城乡居民人均可支配收入分别增长4.8%、7.2%。';

  it('a district review section gives actuals, growth rates named by their subject', () => {
    expect(rowsOf(hanbinReview)).toEqual([
      ['地区生产总值', 440.5, '亿元', 'exactly', 'actual', 'indicator'],
      ['地区生产总值增长', 5.4, '%', 'exactly', 'actual', 'indicator'],
      ['固定资产投资增长', 6.5, '%', 'exactly', 'actual', 'indicator'],
      ['规上工业增加值增长', 11, '%', 'exactly', 'actual', 'indicator'],
      ['社会消费品零售总额增长', 7.9, '%', 'exactly', 'actual', 'indicator'],
      ['财政一般预算收入增长', 6.4, '%', 'exactly', 'actual', 'indicator'],
      ['城乡居民人均可支配收入增长', 4.8, '%', 'exactly', 'actual', 'indicator'],
      ['城乡居民人均可支配收入增长', 7.2, '%', 'exactly', 'actual', 'indicator'],
    ]);
    expect(proposeTargetRows(extractTargets(hanbinReview).rows)).toEqual({ indicators: [], pledges: [] });
  });

  const hanbinProjects =
    '（一）坚持项目支撑、招商赋能，经济基础更加坚实。深化“四个一批”项目管理，158个重点项目完成投资189.4亿元，垃圾焚烧发电、柏润高端制袜等99个项目建成投用，' +
    '新谋划重点项目630个、总投资1280亿元，项目建设带动投资增长11个百分点。坚持内外并举、上下联动，争取上级转移支付31.8亿元、专项资金25.8亿元，' +
    '新增一般债券2.3亿元、专项债券6.4亿元，苏陕帮扶2.1亿元，建行援助0.3亿元。动态优化招商引资“两图两库”，区级领导带队招商考察32次，' +
    '拜访目标企业150家，签约亿元以上项目27个、投资规模112亿元，实际使用内资30.2亿元、外资381万美元。';

  it('the same review’s projects paragraph: every figure an actual, examples before 等 left out of names', () => {
    const rows = extractTargets(`${hanbinReview}\n${hanbinProjects}`).rows.slice(8);
    expect(rows.map((r) => [r.name, r.value, r.unit, r.direction, r.kind])).toEqual([
      ['重点项目', 158, '个', 'exactly', 'actual'],
      ['重点项目完成投资', 189.4, '亿元', 'exactly', 'actual'],
      ['项目建成投用', 99, '个', 'exactly', 'actual'],
      ['新谋划重点项目', 630, '个', 'exactly', 'actual'],
      ['总投资', 1280, '亿元', 'exactly', 'actual'],
      ['项目建设带动投资增长', 11, '个百分点', 'exactly', 'actual'],
      ['争取上级转移支付', 31.8, '亿元', 'exactly', 'actual'],
      ['专项资金', 25.8, '亿元', 'exactly', 'actual'],
      ['新增一般债券', 2.3, '亿元', 'exactly', 'actual'],
      ['专项债券', 6.4, '亿元', 'exactly', 'actual'],
      ['苏陕帮扶', 2.1, '亿元', 'exactly', 'actual'],
      ['建行援助', 0.3, '亿元', 'exactly', 'actual'],
      ['拜访目标企业', 150, '家', 'exactly', 'actual'],
      ['签约亿元以上项目', 27, '个', 'exactly', 'actual'],
      ['投资规模', 112, '亿元', 'exactly', 'actual'],
      ['实际使用内资', 30.2, '亿元', 'exactly', 'actual'],
      ['外资', 381, '万美元', 'exactly', 'actual'],
    ]);
    expect(rows[5]?.growth).toBe(true);
  });

  // Source: 华龙网 "2025年重庆将接续办好15件重点民生实事" (2025-01-19),
  // https://cqnews.net/1/detail/1330489203470204928/web/content_1330489203470204928.html
  const chongqingLivelihood =
    '今年，重庆将突出“民呼我为”，聚焦“急难愁盼”，接续办好15件重点民生实事。具体包括：\n新开工改造城镇老旧小区3011万平方米。\n' +
    '建设100个口袋公园、10座体育公园。\n启动中心城区交通堵点乱点分类治理60处。\n加装农村公路安全护栏4000公里。\n完成50个农村黑臭水体治理项目。\n' +
    '为200万中小学生开展心理健康测评。\n实施困难重度残疾人家庭无障碍改造2000户。';

  it('a list of 民生实事 gives pledge rows, the number before or after the noun', () => {
    expect(rowsOf(chongqingLivelihood)).toEqual([
      ['接续办好重点民生实事', 15, '件', 'exactly', 'target', 'pledge'],
      ['新开工改造城镇老旧小区', 3011, '万平方米', 'exactly', 'target', 'pledge'],
      ['建设口袋公园', 100, '个', 'exactly', 'target', 'pledge'],
      ['建设体育公园', 10, '座', 'exactly', 'target', 'pledge'],
      ['启动中心城区交通堵点乱点分类治理', 60, '处', 'exactly', 'target', 'pledge'],
      ['加装农村公路安全护栏', 4000, '公里', 'exactly', 'target', 'pledge'],
      ['完成农村黑臭水体治理项目', 50, '个', 'exactly', 'target', 'pledge'],
      ['中小学生开展心理健康测评', 200, '万', 'exactly', 'target', 'pledge'],
      ['实施困难重度残疾人家庭无障碍改造', 2000, '户', 'exactly', 'target', 'pledge'],
    ]);
    const { indicators, pledges } = proposeTargetRows(extractTargets(chongqingLivelihood).rows);
    expect(indicators).toEqual([]);
    expect(pledges[1]).toEqual({
      text: '新开工改造城镇老旧小区',
      quantity: 3011,
      unit: '万平方米',
      direction: 'exactly',
      qualifiers: [],
      sentence: '新开工改造城镇老旧小区3011万平方米。',
    });
  });

  // Source: 学习重庆 · 南川区, "南川区第十八届人民代表大会第一次会议开幕", http://www1.xuexichongbing.com/jwbys/5359.html —
  // as published, with figures missing from the page ("重点项目个", "投资.2亿元"): those must give no row.
  const nanchuan =
    '报告指出，年南川区主要预期目标是：GDP增长7%左右，规上工业增加值增长7%左右，固定资产投资增长9%左右，社会消费品零售总额增长10%左右。' +
    '一般公共预算收入增长4.9%左右，全体居民人均可支配收入增长7.5%左右。\n' +
    '在内需潜能方面，南川区今年将实施建设类重点项目个、助推类重大项目25个，完成年度投资.2亿元。其中，新开工54个，竣工34个；' +
    '力争全年新引进项目60个以上，投资总额亿元以上，其中投资10亿元以上项目不低于5个；精耕细作农村电商，全年实现电商交易额35亿元以上。';

  it('a district’s targets with 力争, 以上, 不低于 and a size threshold kept in the name', () => {
    expect(rowsOf(nanchuan)).toEqual([
      ['GDP增长', 7, '%', 'about', 'target', 'indicator'],
      ['规上工业增加值增长', 7, '%', 'about', 'target', 'indicator'],
      ['固定资产投资增长', 9, '%', 'about', 'target', 'indicator'],
      ['社会消费品零售总额增长', 10, '%', 'about', 'target', 'indicator'],
      ['一般公共预算收入增长', 4.9, '%', 'about', 'target', 'indicator'],
      ['全体居民人均可支配收入增长', 7.5, '%', 'about', 'target', 'indicator'],
      ['助推类重大项目', 25, '个', 'exactly', 'target', 'indicator'],
      ['新开工', 54, '个', 'exactly', 'target', 'indicator'],
      ['竣工', 34, '个', 'exactly', 'target', 'indicator'],
      ['新引进项目', 60, '个', 'at_least', 'target', 'indicator'],
      ['投资10亿元以上项目', 5, '个', 'at_least', 'target', 'indicator'],
      ['电商交易额', 35, '亿元', 'at_least', 'target', 'indicator'],
    ]);
    const rows = extractTargets(nanchuan).rows;
    expect(rows[9]?.qualifiers).toEqual(['以上', '力争']);
    expect(rows[10]?.qualifiers).toEqual(['不低于', '力争']);
  });

  // Source: a converted page of a city news release (traditional characters, pinyin left in brackets),
  // http://m.dingqianjf.com/news/show/446/1536552_0.html
  const cityEducation =
    '堅持用心辦好人民滿意的教育，加快推進教育現(xiàn)代化建設。今年以來，我市新改擴建26所中小學，新建12所幼兒園，一批解決老百姓家門口上學的難題被化解。' +
    '與此同時，我市還開展家庭經濟困難學生資助，發放助學金6622萬元，辦理大學生生源地助學貸款1.7億元。';

  it('a year-to-date news release (今年以来) gives actuals, read through traditional characters and pinyin', () => {
    expect(rowsOf(cityEducation)).toEqual([
      ['新改扩建中小学', 26, '所', 'exactly', 'actual', 'pledge'],
      ['新建幼儿园', 12, '所', 'exactly', 'actual', 'pledge'],
      ['发放助学金', 6622, '万元', 'exactly', 'actual', 'pledge'],
      ['办理大学生生源地助学贷款', 1.7, '亿元', 'exactly', 'actual', 'pledge'],
    ]);
    expect(extractTargets(cityEducation).normalizedText).toContain('加快推进教育现代化建设');
  });
});
