/**
 * The demo district's key projects (济南市天桥区), generated to the published shape of its year's list: 133 key
 * projects worth 1,200亿元, 10 provincial green low-carbon projects (82亿), 29 city key projects (410亿), 80
 * continuing, 50 new starts, 24 started urban-renewal projects (289亿) and annual plans of 250亿.
 * Every project, owner and figure below is illustrative. The data is deterministic: a seeded PRNG, and dates
 * relative to the year and day passed in, so every machine and test run gets the same rows for the same day.
 */
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { pinyinInitials as initials } from '../../lib/pinyin';
import { addDays, compareDates, daysBetween, maxDate, minDate } from '../../../common/domain/dates';
import { DEFAULT_GATE_CONFIG } from '../../../common/domain/gates';
import type { Executor } from '../client';
import {
  annualPlans,
  approvalItems,
  fundingLines,
  milestones,
  poolMoves,
  projectCodeHistory,
  projectCoUnits,
  projectLeaders,
  projects,
} from '../schema';
import { DEMO_DISTRICT_CODE, DEMO_UNITS, type DemoUnit } from './demo-units';
import { DICTIONARY_SEEDS } from './dictionaries';
import { INDUSTRY_ITEMS } from './industries';
import { setOpeningAmounts } from './demo-opening';
import { planningTrackFor } from './demo-planning-track';
import { PLAN_TEMPLATES, type TemplateItem } from './plan-templates';
import { type Rng, between, chance, intBetween, pickDate, pickOne, rngFor, seededUuid } from './seeded-random';

/** The district leaders added to the demo `leader` user; each leads the projects of some categories (分管). */
export const DEMO_LEADERS = [
  { username: 'leader_sun', displayName: '孙立新（区委副书记、区长）' },
  { username: 'leader_zhou', displayName: '周建军（常务副区长）' },
  { username: 'leader_wu', displayName: '吴晓燕（副区长）' },
  { username: 'leader_zheng', displayName: '郑国庆（副区长）' },
  { username: 'leader_ma', displayName: '马骏（区委常委、副区长）' },
] as const;

/** The named list of the provincial green low-carbon projects. */
export const GREEN_LIST = '省级绿色低碳高质量发展重点项目';
export const POOL_MOVE_ACTOR = '重点项目办';

export type DemoProjectInput = {
  year: number;
  /** China Standard Time calendar date (YYYY-MM-DD): what has happened by now, and what is still ahead. */
  today: string;
  /** Demo unit ids by DEMO_UNITS key. */
  unitIds: Map<string, string>;
  /** The demo `leader` user first, then the DEMO_LEADERS in their order. */
  leaderIds: string[];
  officeUserId: string;
};

export type DemoProjectRows = {
  projects: (typeof projects.$inferInsert)[];
  leaders: (typeof projectLeaders.$inferInsert)[];
  coUnits: (typeof projectCoUnits.$inferInsert)[];
  milestones: (typeof milestones.$inferInsert)[];
  approvalItems: (typeof approvalItems.$inferInsert)[];
  fundingLines: (typeof fundingLines.$inferInsert)[];
  annualPlans: (typeof annualPlans.$inferInsert)[];
  poolMoves: (typeof poolMoves.$inferInsert)[];
  codeHistory: (typeof projectCodeHistory.$inferInsert)[];
};

// ---------------------------------------------------------------------------------------------------------------
// The list. Columns: name | owner (- = the category's usual government owner) | category | GB/T 4754 division |
// leading industry | park | street | status | level | size | construction content.
// Status: C continuing (implementing), D continuing and completed this year, S new start already started,
// A new start still advancing, P new start still in planning, R reserve. Level: prov (and the green list), city, -.
// Size: a relative weight within its group, or `=N` for a fixed N亿元.
// ---------------------------------------------------------------------------------------------------------------
const PROJECT_TABLE = `
上药控股山东总部项目|上药控股山东有限公司|modern_service|51|med_devices|-|beiyuan|C|prov|1.2|建设上药控股山东区域总部、现代医药物流中心及智慧仓储分拨系统，按绿色建筑二星级标准建设屋面光伏
高性能碳纤维复合材料产业化项目|山东天桥新材料科技有限公司|industrial|28|new_materials|materials|sangzidian|C|prov|1.3|建设高性能碳纤维原丝及复合材料生产线、研发中心和配套设施
氢燃料电池膜电极及电堆生产基地项目|济南氢能动力科技有限公司|industrial|38|new_materials|materials|sangzidian|S|prov|1|建设氢燃料电池膜电极、双极板及电堆智能化生产线和检测中心
分布式光伏与储能一体化示范项目|济南天桥绿色能源发展有限公司|eco_env|44|-|-|daqiao|C|prov|0.7|在园区厂房屋顶及公共建筑建设分布式光伏电站，配套建设电化学储能电站和智慧能源管理平台
绿色建材产业园项目|山东鲁北绿色建材有限公司|industrial|30|new_materials|materials|sangzidian|C|prov|0.9|建设装配式建筑构件、绿色环保墙材生产线及固废综合利用车间
智能制造装备绿色工厂建设项目|济南重工智能装备有限公司|industrial|34|smart_equip|smart_equip|daqiao|C|prov|1|建设智能制造装备总装车间、数字化生产线和绿色工厂能源管控中心
新能源汽车零部件轻量化生产基地项目|济南汇博汽车零部件有限公司|industrial|36|smart_equip|smart_equip|daqiao|S|prov|0.9|建设铝合金轻量化车身结构件、电池托盘生产线及配套仓储设施
零碳智慧物流园项目|济南泺口物流发展有限公司|modern_service|59|logistics_trade|-|luokou|C|prov|0.8|建设零碳智慧仓储中心、新能源物流车充换电站及智慧物流信息平台
医用高分子材料绿色生产基地项目|山东康瑞医用材料有限公司|industrial|29|med_devices|medical|yaoshan|S|prov|0.7|建设医用高分子材料及一次性医疗耗材洁净生产车间和研发检测中心
再生资源循环利用产业园项目|济南天桥循环经济产业发展有限公司|eco_env|42|new_materials|-|sangzidian|A|prov|0.8|建设废旧金属、废塑料分拣加工中心和再生资源交易平台
白金广场城市更新项目|济南天桥城市更新发展有限公司|urban_renewal|70|-|-|beiyuan|C|city|1.3|对白金广场及周边区域实施拆除重建，建设商业综合体、商务办公及配套公共设施
元首针织地块城市更新项目|-|urban_renewal|70|-|-|guanzhaying|C|city|1.1|对元首针织老厂区实施收储改造，建设住宅、商业及文化创意街区
王炉北辛片区城市更新项目|济南天桥城市更新发展有限公司|urban_renewal|70|-|-|beiyuan|C|city|2|实施王炉、北辛片区征收拆迁、土地整理和安置住房建设，同步完善道路及市政配套
标山二期城市更新项目|-|urban_renewal|70|-|-|beiyuan|C|city|1.2|建设标山片区二期安置住房、社区服务中心及配套道路管网
泺口片区城市更新项目|济南天桥城市更新发展有限公司|urban_renewal|70|logistics_trade|-|luokou|S|city|1.4|推进泺口服装商圈片区征收改造，建设商贸综合体、人才公寓及滨河公共空间
无影山片区城市更新项目|济南天桥城市更新发展有限公司|urban_renewal|70|-|-|wuyingshan|C|city|1|对无影山片区老旧住宅和低效厂区实施更新改造，建设住宅、商业及公共服务设施
堤口路片区城市更新项目|-|urban_renewal|70|-|-|dikoulu|S|city|0.9|实施堤口路片区旧村旧厂改造，建设安置住房、幼儿园及社区综合服务用房
中央厨房产业园项目|济南天桥中央厨房产业发展有限公司|industrial|14|logistics_trade|-|sangzidian|C|city|1|建设中央厨房加工中心、冷链仓储配送中心和食品检测中心，服务城市餐饮供应链
济南北部医疗器械产业园二期项目|济南医疗器械产业园发展有限公司|industrial|35|med_devices|medical|yaoshan|C|city|1.2|建设医疗器械标准化厂房、GMP洁净车间、公共检测平台及人才公寓
天桥区新材料产业园智能制造基地项目|济南天桥新材料产业园发展有限公司|industrial|34|new_materials|materials|sangzidian|S|city|1.3|建设新材料智能制造厂房、中试基地及园区公共服务中心
北园大街数字经济总部项目|山东北园数字科技有限公司|modern_service|65|digital_economy|-|beiyuan|C|city|1.1|建设数字经济企业总部办公楼、数据中心及产业孵化空间
济南国际医学检验检测中心项目|山东国检医学检测有限公司|sci_innovation|74|testing|testing|beiyuan|C|city|0.8|建设医学检验、食品药品检测实验室和检验检测公共服务平台
黄河北智能制造产业园项目|济南天桥产业发展集团有限公司|industrial|34|smart_equip|smart_equip|daqiao|C|city|1.4|建设智能制造标准厂房、研发楼及园区道路、供电等配套设施
农业装备产业园整机制造基地项目|山东丰沃农业装备有限公司|industrial|35|agri_machinery|agri_equip|sangzidian|C|city|1|建设拖拉机、收获机械整机装配线及关键零部件加工车间
小清河北岸片区综合开发项目|-|infrastructure|48|-|-|luokou|C|city|1.5|实施小清河北岸片区土地整理、道路桥梁和综合管廊建设，配套建设滨河绿地
济泺路北延道路工程|-|infrastructure|48|-|-|daqiao|C|city|1.1|新建济泺路北延城市主干路，同步建设雨污水管网、照明及绿化工程
黄河北岸生态廊道建设项目|-|eco_env|78|culture_tourism|-|daqiao|C|city|0.9|建设黄河北岸生态防护林、滨河绿道、湿地公园及配套服务设施
天桥区人民医院新院区项目|济南市天桥区卫生健康局|livelihood|84|-|-|beiyuan|C|city|0.8|新建门急诊楼、医技楼、住院楼及后勤保障用房，设置床位600张
技术转移转化产业园科创中心项目|济南天桥科技发展有限公司|sci_innovation|75|tech_transfer|tech_transfer|luokou|C|city|0.9|建设科创中心、中试车间、技术交易服务大厅及专家公寓
数字经济产业园（一期）项目|济南天桥数字经济产业园运营有限公司|modern_service|65|digital_economy|-|wuyingshan|C|city|0.9|建设数字经济产业载体、展示中心和企业服务平台
济南国际商贸物流港项目|山东泺北国际物流有限公司|modern_service|59|logistics_trade|-|sangzidian|C|city|1.2|建设多式联运物流中心、智能仓储、城市配送中心及商贸交易区
智能网联汽车测试基地项目|山东智行网联科技有限公司|industrial|36|smart_equip|smart_equip|daqiao|S|city|0.8|建设智能网联汽车封闭测试场、仿真实验室和车路协同示范道路
生物医药创新园项目|济南天桥生物医药产业发展有限公司|industrial|27|med_devices|medical|yaoshan|S|city|1|建设生物医药研发中试平台、GMP标准厂房及公共技术服务中心
高端数控机床生产基地项目|山东精工数控机床有限公司|industrial|34|smart_equip|smart_equip|daqiao|S|city|0.9|建设五轴联动数控机床及功能部件生产线、精密加工车间和装配测试中心
药山片区安置房建设项目|-|livelihood|47|-|-|yaoshan|C|city|1|建设药山片区回迁安置住房及社区服务、商业配套用房
桑梓店片区集中供热工程|济南天桥热力有限公司|infrastructure|44|-|-|sangzidian|A|city|0.6|新建清洁能源供热站及一级供热管网，覆盖桑梓店片区居住和产业用户
天桥金融商务中心项目|济南天桥金融控股有限公司|modern_service|72|-|-|tianqiaodongjie|A|city|1|建设金融商务办公楼、金融服务中心及地下停车场
高端锂电正极材料生产基地项目|山东锂源新能源材料有限公司|industrial|38|new_materials|materials|sangzidian|A|city|1.3|建设高镍三元正极材料及磷酸锰铁锂生产线、研发中心和配套仓储
黄河滩区农业综合开发项目|济南天桥农业发展有限公司|agri_rural|01|-|-|daqiao|A|city|0.6|实施黄河滩区土地整治、高效节水灌溉和现代农业示范园建设
天桥区老旧小区改造提升项目|济南市天桥区住房和城乡建设局|urban_renewal|47|-|-|beicun|S|-|=10|对160万平方米老旧小区实施外墙保温、管网更新、加装电梯和环境整治，惠及居民约2万户
北村片区城中村改造项目|-|urban_renewal|70|-|-|beicun|C|-|1.2|实施北村片区城中村征收改造，建设安置住房、商业及社区配套设施
南村片区城市更新项目|-|urban_renewal|70|-|-|nancun|C|-|1|对南村片区老旧住宅实施拆改结合更新，建设住宅及公共服务设施
制锦市历史文化街区保护更新项目|-|urban_renewal|70|culture_tourism|-|zhijinshi|C|-|0.7|保护修缮历史建筑，改造提升街巷风貌，植入文化商业和旅游服务功能
北坦片区棚户区改造项目|-|urban_renewal|70|-|-|beitan|C|-|1.1|实施北坦片区棚户区征收拆迁，建设安置住房及配套学校、社区用房
纬北路片区城市更新项目|-|urban_renewal|70|-|-|weibeilu|C|-|0.9|对纬北路片区低效用地实施更新改造，建设住宅、商业及社区服务中心
官扎营片区城市更新项目|-|urban_renewal|70|-|-|guanzhaying|C|-|1|实施官扎营片区旧村改造，建设安置住房、商业和配套道路
宝华片区城市更新项目|-|urban_renewal|70|-|-|baohua|C|-|0.8|对宝华片区老旧厂区和住宅实施更新，建设住宅、商务办公及绿地广场
天桥东街片区老旧街区提升项目|-|urban_renewal|47|-|-|tianqiaodongjie|S|-|0.5|实施老旧街区立面整治、管网改造和公共空间提升
药山片区城市更新项目|-|urban_renewal|70|-|-|yaoshan|C|-|1.2|实施药山片区征收改造，建设住宅、商业综合体和公共服务设施
北园大街沿线城市更新项目|-|urban_renewal|70|-|-|beiyuan|C|-|1.1|对北园大街沿线低效楼宇和地块实施更新，建设商务办公和商业配套
工人新村北村城市更新项目|-|urban_renewal|70|-|-|beicun|C|-|0.9|对工人新村北村老旧住宅实施拆除重建，建设回迁安置住房和社区配套
济南机车厂片区城市更新项目|-|urban_renewal|70|culture_tourism|-|dikoulu|C|-|1.3|对机车厂老工业片区实施更新，保留工业遗存，建设文创街区、住宅及商业配套
成丰桥片区城市更新项目|-|urban_renewal|70|-|-|beitan|S|-|0.8|实施成丰桥片区旧房改造，建设安置住房及社区公共服务设施
泺口服装城片区提升改造项目|-|urban_renewal|70|logistics_trade|-|luokou|C|-|1|对泺口服装城市场实施提升改造，建设时尚商贸综合体和直播电商基地
火车站北广场片区城市更新项目|-|urban_renewal|70|-|-|weibeilu|C|-|1.2|实施济南站北广场周边片区更新，建设商务酒店、商业及交通配套设施
蓝翔路片区城市更新项目|-|urban_renewal|70|-|-|wuyingshan|S|-|0.7|实施蓝翔路片区老旧住宅和厂区更新，建设住宅及社区配套
御林医药生产基地项目|山东御林医药有限公司|industrial|27|med_devices|medical|yaoshan|C|-|0.8|建设中成药、化学制剂生产车间及质检研发中心
新材料产业园标准化厂房（三期）项目|济南天桥新材料产业园发展有限公司|industrial|47|new_materials|materials|sangzidian|C|-|1|建设标准化厂房、研发办公楼及园区配套设施
高性能特种陶瓷材料项目|山东中瓷新材料有限公司|industrial|30|new_materials|materials|sangzidian|C|-|0.7|建设特种陶瓷粉体、结构陶瓷部件生产线及研发中心
电子级化学品生产项目|济南华睿电子材料有限公司|industrial|26|new_materials|materials|sangzidian|S|-|0.8|建设电子级湿化学品提纯生产线、危化品仓储及检测中心
高端纺织新材料项目|山东锦程纺织新材料有限公司|industrial|28|new_materials|materials|sangzidian|C|-|0.6|建设功能性纤维及产业用纺织品生产线
特种涂料研发生产基地项目|济南万邦涂料科技有限公司|industrial|26|new_materials|materials|sangzidian|A|-|0.5|建设水性工业涂料、功能涂料生产车间及研发中心
工业机器人及核心零部件项目|山东天智机器人有限公司|industrial|34|smart_equip|smart_equip|daqiao|C|-|1|建设工业机器人本体、伺服电机及控制器生产线和系统集成中心
智能仓储装备生产基地项目|济南易达智能装备有限公司|industrial|34|smart_equip|smart_equip|daqiao|C|-|0.6|建设智能立体库、输送分拣设备生产车间和测试中心
激光智能装备产业化项目|济南光锐激光科技有限公司|industrial|35|smart_equip|smart_equip|daqiao|S|-|0.8|建设激光切割、焊接装备生产线及应用研发中心
精密减速器生产项目|山东恒动传动科技有限公司|industrial|34|smart_equip|smart_equip|daqiao|A|-|0.5|建设谐波减速器、RV减速器精密加工及装配生产线
智能制造产业园标准厂房（二期）项目|济南天桥产业发展集团有限公司|industrial|47|smart_equip|smart_equip|daqiao|C|-|0.9|建设智能制造标准厂房、孵化中心及配套设施
新能源商用车改装基地项目|济南天骏专用汽车有限公司|industrial|36|smart_equip|smart_equip|daqiao|D|-|0.6|建设新能源专用车改装、涂装车间及整车检测线
医用影像设备生产基地项目|山东明视医疗科技有限公司|industrial|35|med_devices|medical|yaoshan|C|-|0.8|建设医用影像设备总装车间、洁净车间及研发中心
体外诊断试剂及设备产业化项目|济南博诊生物技术有限公司|industrial|27|med_devices|medical|yaoshan|S|-|0.6|建设体外诊断试剂生产车间、仪器装配线及质量检测中心
康复辅具产业园项目|山东康福辅具科技有限公司|industrial|35|med_devices|medical|yaoshan|A|-|0.5|建设康复辅具研发生产基地及适配体验中心
医用防护用品智能工厂项目|济南安康医用防护用品有限公司|industrial|35|med_devices|medical|yaoshan|D|-|0.4|建设医用防护用品智能生产线及仓储物流中心
第三方医学检验实验室项目|济南康检医学检验实验室有限公司|sci_innovation|74|testing|testing|beiyuan|C|-|0.4|建设第三方医学检验实验室、病理诊断中心及冷链物流系统
食品药品检验检测中心项目|济南市天桥区市场监督管理局|sci_innovation|74|testing|testing|beiyuan|C|-|0.5|建设食品、药品、化妆品检验检测实验室及样品库
计量检测认证综合服务平台项目|山东天衡检测认证有限公司|sci_innovation|74|testing|testing|beiyuan|A|-|0.4|建设计量校准、产品检测和认证综合服务平台
科技成果转化中试基地项目|济南天桥科技发展有限公司|sci_innovation|75|tech_transfer|tech_transfer|luokou|S|-|0.6|建设中试车间、共享实验室和成果转化服务中心
高校院所技术转移中心项目|济南天桥科技发展有限公司|sci_innovation|75|tech_transfer|tech_transfer|luokou|C|-|0.5|建设高校院所技术转移机构集聚区和知识产权运营服务中心
智能农机装备生产基地项目|山东金穗农业机械有限公司|industrial|35|agri_machinery|agri_equip|sangzidian|C|-|0.8|建设智能播种机、植保机械生产线及农机试验场
植保无人机研发制造项目|济南翼农智能科技有限公司|industrial|35|agri_machinery|agri_equip|sangzidian|S|-|0.5|建设植保无人机研发中心、总装车间及飞行测试场
农机零部件精密铸造项目|山东鑫源精密铸造有限公司|industrial|33|agri_machinery|agri_equip|sangzidian|A|-|0.5|建设农机关键零部件精密铸造、机加工生产线
农业装备产业园配套服务中心项目|济南天桥产业发展集团有限公司|industrial|72|agri_machinery|agri_equip|sangzidian|P|-|0.4|建设农业装备展示交易、检测认证和职工服务中心
天桥区大数据产业中心项目|济南天桥数字经济产业园运营有限公司|modern_service|65|digital_economy|-|wuyingshan|C|-|0.7|建设数据中心机房、大数据交易服务平台及企业办公用房
工业互联网创新中心项目|山东云智工业互联网有限公司|modern_service|65|digital_economy|-|beiyuan|S|-|0.5|建设工业互联网标识解析节点、创新体验中心和企业服务平台
北园商务楼宇提升项目|-|modern_service|72|-|-|beiyuan|P|-|0.5|对北园大街沿线闲置商务楼宇实施改造提升，完善智能化和停车配套
泺口商贸物流园改造提升项目|济南泺口物流发展有限公司|modern_service|51|logistics_trade|-|luokou|C|-|0.8|改造提升商贸物流园区交易大厅、仓储设施和智慧管理系统
冷链物流中心项目|山东鲜通冷链物流有限公司|modern_service|59|logistics_trade|-|sangzidian|C|-|0.7|建设低温冷库、分拣加工中心及冷链配送调度平台
二手车交易市场项目|济南天桥汽车商贸有限公司|modern_service|52|logistics_trade|-|daqiao|D|-|0.4|建设二手车交易大厅、检测评估中心及展示场地
汽车商贸城项目|济南北城汽车商贸城有限公司|modern_service|52|logistics_trade|-|yaoshan|C|-|0.7|建设汽车品牌展厅、售后服务中心及商业配套
电商直播基地项目|济南泺口时尚电子商务有限公司|modern_service|64|digital_economy|-|tianqiaodongjie|S|-|0.4|建设直播电商基地、供应链选品中心和人才实训中心
星级酒店及商业综合体项目|济南天桥文旅发展有限公司|modern_service|61|culture_tourism|-|tianqiaodongjie|C|-|1|建设五星级酒店、购物中心及地下停车场
黄河文化旅游带（天桥段）项目|济南天桥文旅发展有限公司|modern_service|90|culture_tourism|-|daqiao|A|-|0.8|建设黄河文化展示馆、滨河游览步道及旅游服务驿站
人力资源服务产业园项目|-|modern_service|72|-|-|beiyuan|P|-|0.3|建设人力资源服务机构集聚区、公共就业服务平台及培训中心
总部经济集聚区项目|济南天桥控股集团有限公司|modern_service|72|digital_economy|-|baohua|A|-|1|建设企业总部办公楼群、会议中心及配套商业
二环北路快速路改造工程|-|infrastructure|48|-|-|yaoshan|C|-|1.2|对二环北路实施快速化改造，建设高架主线、地面辅道及配套管线
北园大街综合整治工程|-|infrastructure|48|-|-|beiyuan|C|-|0.6|实施北园大街道路改造、立面整治、管线入地及景观提升
小清河沿线道路配套工程|-|infrastructure|48|-|-|luokou|C|-|0.7|新建小清河沿线城市次干路及支路，配套建设雨污水管网和照明工程
桑梓店片区道路管网配套工程|-|infrastructure|48|-|-|sangzidian|S|-|0.6|新建桑梓店片区道路及给排水、燃气、电力管网
大桥片区供水管网改造工程|济南天桥水务发展有限公司|infrastructure|46|-|-|daqiao|A|-|0.4|改造大桥片区老旧供水管网，新建加压泵站和智慧水务监测系统
天桥区公共停车场建设项目|-|infrastructure|48|-|-|baohua|S|-|0.3|新建立体停车楼和地下停车场，配建充电桩和智慧停车管理系统
5G基站及数字基础设施建设项目|中国铁塔股份有限公司济南市分公司|infrastructure|63|digital_economy|-|beiyuan|C|-|0.4|建设5G基站、室内分布系统及城市物联感知设施
雨污分流改造工程|-|infrastructure|48|-|-|zhijinshi|D|-|0.5|实施老城片区雨污分流管网改造和排水设施提升
黄河北片区市政配套工程（二期）|-|infrastructure|48|-|-|daqiao|P|-|0.8|建设黄河北片区市政道路、桥梁及综合管线
天桥区实验中学新建项目|济南市天桥区教育和体育局|livelihood|83|-|-|beiyuan|C|-|0.4|新建教学楼、实验楼、体育馆及运动场，设置初中班级48个
药山片区九年一贯制学校项目|济南市天桥区教育和体育局|livelihood|83|-|-|yaoshan|S|-|0.4|新建九年一贯制学校教学综合楼、风雨操场及配套设施
桑梓店中心幼儿园项目|济南市天桥区教育和体育局|livelihood|83|-|-|sangzidian|D|-|0.2|新建12班幼儿园教学楼及室外活动场地
天桥区社区卫生服务中心提升工程|济南市天桥区卫生健康局|livelihood|84|-|-|nancun|C|-|0.2|新建和改造社区卫生服务中心，完善医疗设备和信息化系统
养老服务综合体项目|济南天桥康养服务有限公司|livelihood|85|-|-|guanzhaying|C|-|0.4|建设养老服务中心、护理院及社区居家养老服务站点
泺口片区安置房项目|-|livelihood|47|-|-|luokou|C|-|1|建设泺口片区回迁安置住房、幼儿园及社区配套用房
北园片区保障性租赁住房项目|济南天桥安居住房发展有限公司|livelihood|70|-|-|beiyuan|C|-|0.6|建设保障性租赁住房及社区服务配套设施
全民健身中心项目|济南市天桥区教育和体育局|livelihood|89|-|-|dikoulu|C|-|0.3|建设全民健身馆、游泳馆及室外健身场地
天桥区妇幼保健院项目|济南市天桥区卫生健康局|livelihood|84|-|-|guanzhaying|P|-|0.4|新建妇幼保健院门诊、住院及保健服务用房
大桥片区安置房（二期）项目|-|livelihood|47|-|-|daqiao|A|-|0.8|建设大桥片区二期回迁安置住房及社区配套设施
小清河（天桥段）生态修复工程|-|eco_env|77|-|-|luokou|C|-|0.6|实施小清河天桥段河道清淤、生态护岸和滨河景观建设
污水处理厂扩建工程|济南天桥水务发展有限公司|eco_env|46|-|-|sangzidian|C|-|0.5|扩建污水处理厂二期工程，新增处理规模每日5万吨并提标改造
城市绿道建设项目|-|eco_env|78|-|-|wuyingshan|S|-|0.2|建设城市绿道、口袋公园及配套休憩设施
垃圾分类处理中心项目|-|eco_env|77|-|-|daqiao|A|-|0.4|建设生活垃圾分类转运站、厨余垃圾处理设施及再生资源分拣中心
鹊山片区生态修复项目|-|eco_env|77|culture_tourism|-|daqiao|P|-|0.5|实施鹊山片区山体修复、水系连通和生态景观建设
现代农业产业园项目|济南天桥农业发展有限公司|agri_rural|01|agri_machinery|-|sangzidian|C|-|0.5|建设智能温室、农产品加工车间及农业科技示范中心
黄河大米种植示范基地项目|济南天桥农业发展有限公司|agri_rural|01|-|-|sangzidian|C|-|0.3|建设优质水稻种植示范基地、烘干仓储中心和品牌展销中心
高标准农田建设项目|济南市天桥区农业农村局|agri_rural|05|-|-|daqiao|S|-|0.2|实施土地平整、灌排设施、田间道路和农田防护林建设
乡村振兴示范片区项目|济南天桥农业发展有限公司|agri_rural|05|culture_tourism|-|daqiao|C|-|0.4|实施村庄环境整治、特色民宿和田园综合体建设
设施蔬菜产业园项目|济南鲁丰农业科技有限公司|agri_rural|01|-|-|sangzidian|A|-|0.3|建设连栋温室、日光温室及蔬菜分拣包装中心
天桥科创中心项目|济南天桥科技发展有限公司|sci_innovation|75|tech_transfer|-|wuyingshan|C|-|0.8|建设科技企业孵化器、加速器及科技金融服务中心
新型功能材料研究院项目|山东新型功能材料研究院有限公司|sci_innovation|73|new_materials|materials|sangzidian|C|-|0.5|建设新材料研发实验楼、中试车间及分析测试中心
智能装备创新中心项目|济南天桥产业发展集团有限公司|sci_innovation|73|smart_equip|smart_equip|daqiao|A|-|0.5|建设智能装备共性技术研发平台、检测验证中心及人才公寓
产业技术研究院孵化器项目|-|sci_innovation|75|tech_transfer|tech_transfer|luokou|R|-|0.4|建设产业技术研究院、孵化器及共享实验平台
医疗器械创新服务平台项目|济南医疗器械产业园发展有限公司|sci_innovation|75|med_devices|medical|yaoshan|C|-|0.4|建设医疗器械注册检验、临床评价和创新服务平台
北坦片区城市更新（二期）项目|-|urban_renewal|70|-|-|beitan|P|-|1|实施北坦片区二期征收改造，建设住宅及公共服务设施
堤口路片区老旧厂区改造项目|-|urban_renewal|70|-|-|dikoulu|A|-|0.8|对堤口路片区老旧厂区实施收储改造，建设产业载体和配套住宅
高端铝合金新材料项目|山东鲁铝新材料有限公司|industrial|32|new_materials|materials|sangzidian|C|-|0.9|建设高端铝合金板带材、型材生产线及研发中心
智能电网装备生产项目|山东泉能电气有限公司|industrial|38|smart_equip|smart_equip|daqiao|C|-|0.6|建设智能变压器、开关柜及配电自动化设备生产线
医药冷链配送中心项目|-|modern_service|59|logistics_trade|-|sangzidian|R|-|0.4|建设医药冷链仓储、分拣配送中心及温控追溯平台
数字文创产业园项目|-|modern_service|65|digital_economy|-|wuyingshan|R|-|0.4|改造闲置厂房建设数字文创产业园和文化消费街区
`;

type Status = 'C' | 'D' | 'S' | 'A' | 'P' | 'R';
type Level = 'prov' | 'city' | '-';
type Spec = {
  index: number;
  name: string;
  owner: string | null;
  category: string;
  industry: string;
  leading: string | null;
  park: string | null;
  streetKey: string;
  status: Status;
  level: Level;
  weight: number;
  fixedYi: number | null;
  content: string;
};

const codesOf = (type: keyof typeof DICTIONARY_SEEDS) => new Set(DICTIONARY_SEEDS[type].map((i) => i.code));
const CATEGORIES = codesOf('project_category');
const LEADING = codesOf('leading_industry');
const PARKS = codesOf('park');
const DIVISIONS = new Set(INDUSTRY_ITEMS.filter((i) => i.parentCode !== null).map((i) => i.code));
const dash = (value: string) => (value === '-' ? null : value);

function parseTable(table: string, units: readonly DemoUnit[]): Spec[] {
  const unitKeys = new Set(units.map((u) => u.key));
  return table
    .trim()
    .split('\n')
    .map((line, index) => {
      const cells = line.split('|').map((c) => c.trim());
      const [
        name = '',
        owner = '',
        category = '',
        industry = '',
        leading = '',
        park = '',
        street = '',
        status = '',
        level = '',
        size = '',
        content = '',
      ] = cells;
      const problem = (what: string) => new Error(`demo project ${name || index}: ${what}`);
      if (cells.length !== 11) throw problem('needs 11 columns');
      if (!CATEGORIES.has(category)) throw problem(`unknown category ${category}`);
      if (!DIVISIONS.has(industry)) throw problem(`unknown industry division ${industry}`);
      if (leading !== '-' && !LEADING.has(leading)) throw problem(`unknown leading industry ${leading}`);
      if (park !== '-' && !PARKS.has(park)) throw problem(`unknown park ${park}`);
      if (!unitKeys.has(`street_${street}`)) throw problem(`unknown street ${street}`);
      if (!/^[CDSAPR]$/.test(status)) throw problem(`unknown status ${status}`);
      if (level !== 'prov' && level !== 'city' && level !== '-') throw problem(`unknown level ${level}`);
      const fixedYi = size.startsWith('=') ? Number(size.slice(1)) : null;
      const weight = fixedYi === null ? Number(size) : 0;
      if (!Number.isFinite(weight) || (fixedYi !== null && !(fixedYi > 0))) throw problem(`bad size ${size}`);
      return {
        index,
        name,
        owner: dash(owner),
        category,
        industry,
        leading: dash(leading),
        park: dash(park),
        streetKey: `street_${street}`,
        status: status as Status,
        level: level as Level,
        weight,
        fixedYi,
        content,
      };
    });
}

type Group = 'prov' | 'cityRenewal' | 'city' | 'districtRenewal' | 'district';

// ---------------------------------------------------------------------------------------------------------------
// Published targets, in 元.
// ---------------------------------------------------------------------------------------------------------------
export const YI = 100_000_000;
const WAN = 10_000;
/** Total investment per group: the groups are disjoint, and their sums are the published figures. */
const GROUP_TOTALS_YI: Record<Group, number> = {
  prov: 82, // 10 provincial green low-carbon projects
  cityRenewal: 120, // city key ∩ started urban renewal
  city: 290, // city key otherwise: 120 + 290 = 410
  districtRenewal: 169, // started urban renewal of district level: 120 + 169 = 289
  district: 539, // the rest: 82 + 410 + 169 + 539 = 1,200
};
/** The year's annual plans together: the target is investment completed above 240亿. */
const ANNUAL_PLAN_TOTAL_YUAN = 250 * YI;

const clampDate = (date: string, low: string, high: string) => (compareDates(high, low) < 0 ? high : maxDate(low, minDate(date, high)));
const iso = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
/** A China Standard Time instant on a calendar date, during office hours. */
const at = (date: string, r: Rng) =>
  new Date(`${date}T${String(intBetween(r, 8, 17)).padStart(2, '0')}:${String(intBetween(r, 0, 59)).padStart(2, '0')}:00+08:00`);
const roundTo = (value: number, step: number) => Math.max(step, Math.round(value / step) * step);

// ---------------------------------------------------------------------------------------------------------------
// Places.
// ---------------------------------------------------------------------------------------------------------------
/** Where a street's projects are placed: a centre and half-widths (degrees), checked to lie inside 天桥区. */
/** A centre and half-widths, in degrees. */
export type DemoArea = [number, number, number, number];
const STREET_AREAS: Record<string, DemoArea> = {
  street_wuyingshan: [116.985, 36.692, 0.006, 0.004],
  street_tianqiaodongjie: [117.002, 36.68, 0.004, 0.003],
  street_beicun: [116.99, 36.686, 0.004, 0.003],
  street_nancun: [116.975, 36.684, 0.004, 0.003],
  street_dikoulu: [116.968, 36.694, 0.004, 0.003],
  street_beitan: [116.985, 36.679, 0.004, 0.003],
  street_zhijinshi: [116.995, 36.675, 0.004, 0.002],
  street_baohua: [117.012, 36.686, 0.004, 0.003],
  street_guanzhaying: [117.005, 36.695, 0.004, 0.003],
  street_weibeilu: [116.977, 36.677, 0.004, 0.002],
  street_yaoshan: [116.962, 36.708, 0.006, 0.005],
  street_beiyuan: [117.022, 36.7, 0.006, 0.004],
  street_luokou: [117.0, 36.722, 0.008, 0.006],
  street_sangzidian: [116.93, 36.805, 0.025, 0.015],
  street_daqiao: [117.01, 36.79, 0.025, 0.015],
};
/** Parks sit in one place each, so their projects cluster. */
const PARK_AREAS: Record<string, DemoArea> = {
  materials: [116.912, 36.812, 0.012, 0.007],
  smart_equip: [117.03, 36.785, 0.012, 0.008],
  agri_equip: [116.945, 36.795, 0.01, 0.006],
  medical: [116.965, 36.712, 0.005, 0.004],
  testing: [117.025, 36.703, 0.004, 0.003],
  tech_transfer: [117.005, 36.725, 0.005, 0.004],
};
const PARK_UNITS: Record<string, string> = {
  materials: 'park_materials',
  smart_equip: 'park_smart_mfg',
  medical: 'park_medical',
  testing: 'park_testing',
  tech_transfer: 'park_tech_transfer',
  agri_equip: 'park_agri_equip',
};
const PARK_CLUSTER = new Map(DICTIONARY_SEEDS.park.map((p) => [p.code, p.parentCode]));
const LEADING_CLUSTER: Record<string, string> = {
  new_materials: 'smart_mfg',
  smart_equip: 'smart_mfg',
  med_devices: 'innovation',
  testing: 'innovation',
  tech_transfer: 'innovation',
  logistics_trade: 'trade',
  culture_tourism: 'trade',
  digital_economy: 'services',
  agri_machinery: 'agriculture',
};
const CATEGORY_CLUSTER: Record<string, string> = {
  industrial: 'smart_mfg',
  modern_service: 'services',
  sci_innovation: 'innovation',
  agri_rural: 'agriculture',
};

/** The usual government owner (项目业主) of a category's projects when the list names none. */
const DEFAULT_OWNERS: Record<string, string> = {
  urban_renewal: '济南天桥城市建设投资集团有限公司',
  infrastructure: '济南天桥城市建设投资集团有限公司',
  livelihood: '济南天桥城市建设投资集团有限公司',
  eco_env: '济南天桥生态环境建设有限公司',
  modern_service: '济南天桥控股集团有限公司',
  sci_innovation: '济南天桥科技发展有限公司',
  industrial: '济南天桥产业发展集团有限公司',
  agri_rural: '济南天桥农业发展有限公司',
};

/** What differs from one demo district to another: its units, its list, its published totals and its places. */
export type DemoDistrictProfile = {
  code: string;
  /** The district's abbreviation in document numbers (济天审批投资〔2026〕12号). */
  abbreviation: string;
  units: readonly DemoUnit[];
  /** The list, in the columns described above PROJECT_TABLE. */
  table: string;
  /** Total investment per group (亿元); the groups are disjoint and together make the district's total. */
  groupTotalsYi: Record<Group, number>;
  /** The year's annual plans together, in 元. */
  annualPlanTotalYuan: number;
  streetAreas: Record<string, DemoArea>;
  parkAreas: Record<string, DemoArea>;
  parkUnits: Record<string, string>;
  defaultOwners: Record<string, string>;
  fallbackOwner: string;
  /** Projects whose code was re-issued once (代码变更), to show the history. */
  recoded: ReadonlySet<string>;
};

/**
 * The extra seed parts of a district's shared streams (annual plans, periods): none for 天桥区, whose rows were
 * generated before there were other districts and stay as they were; the code for any other.
 */
export const districtSeed = (code: string): string[] => (code === DEMO_DISTRICT_CODE ? [] : [code]);

/** The demo district 济南市天桥区. */
export const TIANQIAO: DemoDistrictProfile = {
  code: DEMO_DISTRICT_CODE,
  abbreviation: '济天',
  units: DEMO_UNITS,
  table: PROJECT_TABLE,
  groupTotalsYi: GROUP_TOTALS_YI,
  annualPlanTotalYuan: ANNUAL_PLAN_TOTAL_YUAN,
  streetAreas: STREET_AREAS,
  parkAreas: PARK_AREAS,
  parkUnits: PARK_UNITS,
  defaultOwners: DEFAULT_OWNERS,
  fallbackOwner: '济南天桥控股集团有限公司',
  recoded: new Set(['济南北部医疗器械产业园二期项目', '北村片区城中村改造项目', '智能装备创新中心项目']),
};

const parsedSpecs = new Map<string, readonly Spec[]>();
/** A district's list, parsed and checked once. */
const specsOf = (district: DemoDistrictProfile): readonly Spec[] => {
  let specs = parsedSpecs.get(district.code);
  if (!specs) {
    specs = parseTable(district.table, district.units);
    parsedSpecs.set(district.code, specs);
  }
  return specs;
};

/** Which leader (index into leaderIds) is in charge of each category: the portfolios (分管) of the district. */
const LEADER_BY_CATEGORY: Record<string, number> = {
  industrial: 0, // the demo `leader` user, 分管工业和科技
  sci_innovation: 0,
  infrastructure: 2, // 常务副区长
  eco_env: 2,
  livelihood: 3,
  agri_rural: 3,
  urban_renewal: 4,
  modern_service: 5,
};
const PRINCIPAL_LEADER = 1; // 区长: also in charge of the provincial and the largest city key projects

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = [
  '伟',
  '强',
  '磊',
  '军',
  '勇',
  '杰',
  '涛',
  '斌',
  '超',
  '明',
  '静',
  '敏',
  '丽',
  '燕',
  '娟',
  '霞',
  '刚',
  '平',
  '辉',
  '鹏',
  '华',
  '飞',
  '鑫',
  '波',
  '宁',
];

// ---------------------------------------------------------------------------------------------------------------
// Amounts.
// ---------------------------------------------------------------------------------------------------------------

function groupOf(spec: Spec): Group {
  const startedRenewal = spec.category === 'urban_renewal' && isStarted(spec.status);
  if (spec.level === 'prov') return 'prov';
  if (spec.level === 'city') return startedRenewal ? 'cityRenewal' : 'city';
  return startedRenewal ? 'districtRenewal' : 'district';
}

const isStarted = (status: Status) => status === 'C' || status === 'D' || status === 'S';
const isPlanning = (status: Status) => status === 'P' || status === 'R';

/** Splits each group's published total over its projects by seeded weights, in whole 100万元, summing exactly. */
function totalInvestments(specs: readonly Spec[], groupTotalsYi: Record<Group, number>): Map<number, number> {
  const result = new Map<number, number>();
  const step = 100 * WAN;
  for (const group of Object.keys(groupTotalsYi) as Group[]) {
    const members = specs.filter((s) => groupOf(s) === group);
    let remaining = groupTotalsYi[group] * YI;
    const free = members.filter((s) => s.fixedYi === null);
    for (const s of members) {
      if (s.fixedYi === null) continue;
      result.set(s.index, s.fixedYi * YI);
      remaining -= s.fixedYi * YI;
    }
    // Log-normal spread around the listed weight: most projects near the mean, a few two or three times it.
    const weights = free.map((s) => s.weight * Math.exp(0.35 * normal(rngFor(s.name, 'size'))));
    const sum = weights.reduce((a, b) => a + b, 0);
    let allotted = 0;
    free.forEach((s, i) => {
      const amount = roundTo(((weights[i] ?? 0) / sum) * remaining, step);
      result.set(s.index, amount);
      allotted += amount;
    });
    // The rounding remainder goes to the group's largest project, so the group total is exact.
    const largest = free.reduce<Spec | undefined>(
      (best, s) => ((result.get(s.index) ?? 0) > (result.get(best?.index ?? -1) ?? -1) ? s : best),
      undefined,
    );
    if (largest) result.set(largest.index, (result.get(largest.index) ?? 0) + remaining - allotted);
  }
  return result;
}

function normal(r: Rng): number {
  const u = Math.max(r(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}

/** Splits `total` (元, whole 万元) over months by weight in whole 万元; the last weighted month takes the remainder. */
function spreadMonthly(total: number, weights: number[]): number[] {
  const units = Math.round(total / WAN);
  const sum = weights.reduce((a, b) => a + b, 0);
  const months = weights.map((w) => Math.floor((w / sum) * units));
  const last = weights.reduce((acc, w, i) => (w > 0 ? i : acc), 11);
  months[last] = (months[last] ?? 0) + units - months.reduce((a, b) => a + b, 0);
  return months.map((m) => m * WAN);
}

// Spring Festival slows January and February; the autumn push and the year-end rush lift the last months.
const SEASON = [0.45, 0.55, 0.85, 0.95, 1, 1, 0.95, 0.95, 1.05, 1.1, 1.15, 1.2];

// ---------------------------------------------------------------------------------------------------------------
// Plans (一项目一方案) and approvals.
// ---------------------------------------------------------------------------------------------------------------
type PlannedMilestone = {
  row: typeof milestones.$inferInsert;
  name: string;
  kind: TemplateItem['kind'];
  reached: boolean;
};

/** A plan template with what every plan built from it needs: where 开工 and 竣工 are, and what lies around them. */
type TemplateShape = {
  items: TemplateItem[];
  startIndex: number;
  completionIndex: number;
  beforeStart: Set<number>;
  afterStart: Set<number>;
  beforeCompletion: Set<number>;
  successors: number[][];
};

const shapes = new Map<string, TemplateShape>();

// Predecessors are indexes of earlier items (plan-templates.ts), so index order is a topological order.
function templateFor(category: string): TemplateShape {
  const template = PLAN_TEMPLATES.find((t) => t.categoryCode === category) ?? PLAN_TEMPLATES.find((t) => t.categoryCode === 'industrial');
  if (!template) throw new Error('the industrial plan template is missing');
  const cached = shapes.get(template.name);
  if (cached) return cached;
  const items = template.items;
  const startIndex = items.findIndex((i) => i.kind === 'start');
  const completionIndex = items.findIndex((i) => i.kind === 'completion');
  if (startIndex < 0 || completionIndex < 0) throw new Error(`plan template ${template.name} needs start and completion milestones`);
  const shape: TemplateShape = {
    items,
    startIndex,
    completionIndex,
    beforeStart: ancestorsOf(items, startIndex),
    afterStart: new Set(items.map((_, i) => i).filter((i) => ancestorsOf(items, i).has(startIndex))),
    beforeCompletion: ancestorsOf(items, completionIndex),
    successors: items.map((_, i) => items.map((it, j) => (it.predecessors.includes(i) ? j : -1)).filter((j) => j >= 0)),
  };
  shapes.set(template.name, shape);
  return shape;
}

function ancestorsOf(items: TemplateItem[], index: number): Set<number> {
  const seen = new Set<number>();
  const stack = [...(items[index]?.predecessors ?? [])];
  while (stack.length > 0) {
    const i = stack.pop() as number;
    if (seen.has(i)) continue;
    seen.add(i);
    stack.push(...(items[i]?.predecessors ?? []));
  }
  return seen;
}

type PlanFacts = {
  projectId: string;
  plannedStart: string;
  plannedCompletion: string;
  actualStart: string | null;
  actualCompletion: string | null;
  /** Behind schedule: one milestone due in the last four months is not reached (an overdue milestone). */
  behind: boolean;
  today: string;
};

/**
 * The project's plan from its category's template: durations fitted so that 开工 falls on the actual start (the
 * planned one while not started) and the last milestone on the planned completion (the backward pass from it gives
 * each milestone's due date), and actual dates for what has been reached by today.
 */
function buildPlan(shape: TemplateShape, facts: PlanFacts, r: Rng, ids: Rng): PlannedMilestone[] {
  const { items, startIndex, completionIndex, beforeStart, afterStart, beforeCompletion, successors } = shape;

  // Durations: before the start as the template says, give or take; after it, stretched to the construction period
  // from the actual start (a late start is caught up by a tighter schedule, 倒排工期) to the planned completion.
  const durations = items.map((item, i) => (beforeStart.has(i) ? Math.round(item.durationDays * between(r, 0.8, 1.3)) : item.durationDays));
  const constructionFrom = facts.actualStart ?? facts.plannedStart;
  const window = daysBetween(constructionFrom, facts.plannedCompletion);
  const pathFromStart = (d: number[]) => longestFrom(items, d, startIndex);
  const natural = Math.max(1, pathFromStart(durations).length);
  for (const i of afterStart) durations[i] = Math.round((durations[i] ?? 0) * (window / natural));
  const fitted = pathFromStart(durations);
  const lastSink = fitted.sink;
  durations[lastSink] = Math.max(0, (durations[lastSink] ?? 0) + window - fitted.length);

  // Backward pass from the planned completion: the latest finish of each milestone is when it is due.
  const due: string[] = new Array(items.length).fill(facts.plannedCompletion);
  for (let i = items.length - 1; i >= 0; i -= 1) {
    const limits = (successors[i] ?? []).map((s) => addDays(due[s] ?? facts.plannedCompletion, -(durations[s] ?? 0)));
    due[i] = minDate(facts.plannedCompletion, ...limits);
  }

  const milestoneIds = items.map(() => seededUuid(ids));
  const started = facts.actualStart !== null;
  const yesterday = addDays(facts.today, -1);
  // A completed project's milestones lead up to its actual completion; others keep to the fitted plan, give or take.
  const laterShift =
    facts.actualCompletion !== null ? daysBetween(due[completionIndex] ?? facts.plannedCompletion, facts.actualCompletion) : 0;
  const stall = facts.behind
    ? items.findIndex(
        (item, i) =>
          item.kind !== 'start' &&
          (started ? afterStart.has(i) : beforeStart.has(i)) &&
          daysBetween(due[i] ?? facts.today, facts.today) >= 1 &&
          daysBetween(due[i] ?? facts.today, facts.today) <= 120,
      )
    : -1;
  const blocked = new Set<number>();

  const actualStartOf: (string | null)[] = [];
  const actualFinishOf: (string | null)[] = [];
  items.forEach((item, i) => {
    const preds = item.predecessors;
    const predsDone = preds.every((p) => actualFinishOf[p] != null);
    const predFinish = preds.length > 0 && predsDone ? maxDate(...(preds.map((p) => actualFinishOf[p]) as [string, ...string[]])) : null;
    if (i === stall || preds.some((p) => blocked.has(p))) blocked.add(i);
    let finish: string | null = null;
    if (item.kind === 'start') {
      finish = facts.actualStart;
    } else if (beforeStart.has(i) && started && facts.actualStart) {
      // Everything before the start was done by the start.
      const target = addDays(due[i] ?? facts.today, -intBetween(r, 0, 12));
      finish = clampDate(target, predFinish ?? '0001-01-01', facts.actualStart);
    } else if (facts.actualCompletion && (i === completionIndex || beforeCompletion.has(i))) {
      const target = addDays(due[i] ?? facts.today, laterShift + intBetween(r, -8, 8));
      finish = i === completionIndex ? facts.actualCompletion : clampDate(target, predFinish ?? '0001-01-01', facts.actualCompletion);
    } else if (predsDone && !blocked.has(i)) {
      // On time or a little early: a late milestone shows as a stall (overdue) rather than as drift.
      const shift = laterShift - intBetween(r, 0, 12);
      const target = maxDate(addDays(due[i] ?? facts.today, shift), predFinish ?? '0001-01-01');
      finish = compareDates(target, yesterday) <= 0 ? target : null;
    }
    // 竣工 reached is the project's actual completion (one fact in one place): only a completed project has it.
    if (i === completionIndex && facts.actualCompletion === null) finish = null;
    actualFinishOf[i] = finish;
    const duration = durations[i] ?? 0;
    if (finish !== null) actualStartOf[i] = duration === 0 ? finish : (predFinish ?? addDays(finish, -duration));
    else actualStartOf[i] = duration > 0 && predFinish !== null && compareDates(predFinish, facts.today) <= 0 ? predFinish : null;
  });

  return items.map((item, i) => ({
    name: item.name,
    kind: item.kind,
    reached: actualFinishOf[i] != null,
    row: {
      id: milestoneIds[i],
      projectId: facts.projectId,
      name: item.name,
      kind: item.kind,
      durationDays: durations[i] ?? 0,
      predecessorIds: item.predecessors.map((p) => milestoneIds[p] ?? ''),
      actualStart: actualStartOf[i] ?? null,
      actualFinish: actualFinishOf[i] ?? null,
      // One fact in one place: the 开工/竣工 milestones plan the header's dates; others bind to approvals.
      plannedFinish: item.kind === 'start' ? facts.plannedStart : item.kind === 'completion' ? facts.plannedCompletion : null,
      approvalTypeCode: item.approvalTypeCode ?? null,
      sortOrder: i,
    },
  }));
}

/** The longest path (in days) from `from` to any milestone after it, and the milestone where it ends. */
function longestFrom(items: TemplateItem[], durations: number[], from: number): { length: number; sink: number } {
  const finish = new Map<number, number>([[from, durations[from] ?? 0]]);
  let best = { length: durations[from] ?? 0, sink: from };
  items.forEach((item, i) => {
    const reachable = item.predecessors.filter((p) => finish.has(p));
    if (i === from || reachable.length === 0) return;
    const f = Math.max(...reachable.map((p) => finish.get(p) ?? 0)) + (durations[i] ?? 0);
    finish.set(i, f);
    if (f >= best.length) best = { length: f, sink: i };
  });
  return { length: best.length - (durations[from] ?? 0), sink: best.sink };
}

/** The milestone each approval item is obtained by (the first name found in the plan), or the start. */
const APPROVAL_ANCHORS: Record<string, string[]> = {
  approval: ['立项审批', '立项', '立项备案'],
  ratification: ['立项审批', '立项', '立项备案'],
  filing: ['立项备案', '立项', '立项审批'],
  land_presite: ['立项审批', '立项', '立项备案'],
  land_plan_permit: ['供地', '土地出让'],
  land_contract: ['供地', '土地出让'],
  proj_plan_permit: ['规划许可', '初步设计批复'],
  eia: ['规划许可', '可行性研究批复'],
  energy_review: ['规划许可', '可行性研究批复'],
  drawing_review: ['施工许可'],
  construct_permit: ['施工许可'],
  completion: ['竣工'],
};

function documentNumber(district: DemoDistrictProfile, type: string, code: string, approvedOn: string, r: Rng): string | null {
  const { code: region, abbreviation: ab } = district;
  const y = approvedOn.slice(0, 4);
  const n = intBetween(r, 1, 300);
  const serial = `${y}${String(intBetween(r, 1, 9999)).padStart(4, '0')}`;
  switch (type) {
    case 'approval':
      return `${ab}审批投资〔${y}〕${n}号`;
    case 'ratification':
      return `${ab}审批核准〔${y}〕${n}号`;
    case 'filing':
      return code; // a filing's receipt carries the project code
    case 'land_presite':
      return `用字第${region}${serial}号`;
    case 'land_plan_permit':
      return `地字第${region}${serial}号`;
    case 'land_contract':
      return `${region}${y}B${String(n).padStart(4, '0')}`;
    case 'proj_plan_permit':
      return `建字第${region}${serial}号`;
    case 'eia':
      return `济环报告表〔${y}〕${n}号`;
    case 'energy_review':
      return `${ab}审批节能〔${y}〕${n}号`;
    case 'construct_permit':
      return `${region}${y}${approvedOn.slice(5, 7)}${approvedOn.slice(8, 10)}${String(n).padStart(2, '0').slice(-2)}01`;
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The builder.
// ---------------------------------------------------------------------------------------------------------------

/** The 项目代码's project-type segment by approval type (审批 / 核准 / 备案). */
const CODE_TYPE: Record<'approval' | 'ratification' | 'filing', string> = { approval: '01', ratification: '02', filing: '03' };
const GOVERNMENT_CATEGORIES = new Set(['urban_renewal', 'infrastructure', 'livelihood', 'eco_env']);

function approvalTypeOf(spec: Spec, owner: string): 'approval' | 'ratification' | 'filing' {
  // 政府投资 → 审批; heat and power plants are in the catalogue → 核准; other enterprise projects → 备案.
  if (spec.industry === '44') return 'ratification';
  if (GOVERNMENT_CATEGORIES.has(spec.category) || owner.endsWith('局')) return 'approval';
  return 'filing';
}

/** Builds every row of a demo district's project library (天桥区 unless another is named), without touching a database. */
export function buildDemoProjects(input: DemoProjectInput, district: DemoDistrictProfile = TIANQIAO): DemoProjectRows {
  const { year, today, unitIds, leaderIds, officeUserId } = input;
  const specs = specsOf(district);
  const unitByKey = new Map(district.units.map((u) => [u.key, u]));
  const unitId = (key: string) => {
    const id = unitIds.get(key);
    if (!id) throw new Error(`demo unit ${key} missing`);
    return id;
  };
  const leaderId = (i: number) => leaderIds[i] ?? leaderIds[0] ?? '';
  if (leaderIds.length === 0) throw new Error('the demo projects need at least one leader');

  const rows: DemoProjectRows = {
    projects: [],
    leaders: [],
    coUnits: [],
    milestones: [],
    approvalItems: [],
    fundingLines: [],
    annualPlans: [],
    poolMoves: [],
    codeHistory: [],
  };
  const totals = totalInvestments(specs, district.groupTotalsYi);
  const usedCodes = new Set<string>();
  const jan1 = iso(year, 1, 1);
  const dec31 = iso(year, 12, 31);
  const yesterday = addDays(today, -1);
  const annualRaw: { projectId: string; raw: number; cap: number; weights: number[] }[] = [];
  // The share of construction each project started before this year had done by 1 January (its opening amount).
  const doneBefore = new Map<string, number>();

  for (const spec of specs) {
    // Separate streams: what a project is (place, scale, people, funding) stays the same whatever the day;
    // what has happened by today (dates, milestones, approvals) follows the day.
    const r = rngFor(spec.name, 'dates');
    const rp = rngFor(spec.name, 'place');
    const rf = rngFor(spec.name, 'funding');
    const ids = rngFor(spec.name, 'ids');
    const projectId = seededUuid(ids);
    const total = totals.get(spec.index) ?? 0;
    const owner = spec.owner ?? district.defaultOwners[spec.category] ?? district.fallbackOwner;
    const approvalType = approvalTypeOf(spec, owner);
    const planning = isPlanning(spec.status);
    const started = isStarted(spec.status);

    // --- dates ---
    let plannedStart: string;
    let plannedCompletion: string;
    let actualStart: string | null = null;
    let actualCompletion: string | null = null;
    const buildMonths = spec.category === 'urban_renewal' ? intBetween(rp, 26, 44) : intBetween(rp, 16, 34);
    switch (spec.status) {
      case 'C': {
        // Continuing: started one to two years ago, a few weeks late or on time; finishing this year or later.
        actualStart = pickDate(r, iso(year - 2, 3, 1), iso(year - 1, 11, 30));
        plannedStart = addDays(actualStart, -intBetween(r, 0, 40));
        plannedCompletion = maxDate(addDays(plannedStart, buildMonths * 30), addDays(today, intBetween(r, 30, 240)));
        break;
      }
      case 'D': {
        actualStart = pickDate(r, iso(year - 2, 3, 1), iso(year - 1, 6, 30));
        plannedStart = addDays(actualStart, -intBetween(r, 0, 30));
        actualCompletion = clampDate(pickDate(r, iso(year, 3, 1), addDays(today, -10)), jan1, today);
        plannedCompletion = addDays(actualCompletion, intBetween(r, -20, 30));
        break;
      }
      case 'S': {
        actualStart = clampDate(pickDate(r, iso(year, 2, 10), addDays(today, -7)), jan1, today);
        plannedStart = clampDate(addDays(actualStart, intBetween(r, -30, 20)), jan1, dec31);
        plannedCompletion = addDays(plannedStart, buildMonths * 30);
        break;
      }
      case 'A': {
        // Advancing: planned to start this year; a few should have started already (overdue), most are ahead.
        plannedStart = clampDate(pickDate(r, addDays(today, -45), iso(year, 12, 20)), jan1, dec31);
        plannedCompletion = addDays(plannedStart, buildMonths * 30);
        break;
      }
      case 'P': {
        plannedStart = clampDate(pickDate(r, maxDate(addDays(today, 45), iso(year, 6, 1)), iso(year, 12, 28)), jan1, dec31);
        plannedCompletion = addDays(plannedStart, buildMonths * 30);
        break;
      }
      default: {
        plannedStart = pickDate(r, iso(year + 1, 3, 1), iso(year + 1, 9, 30));
        plannedCompletion = addDays(plannedStart, buildMonths * 30);
      }
    }

    // --- place, land, scale ---
    const area = (spec.park ? district.parkAreas[spec.park] : undefined) ?? district.streetAreas[spec.streetKey];
    if (!area) throw new Error(`no area for ${spec.name}`);
    const longitude = Number((area[0] + between(rp, -1, 1) * area[2]).toFixed(6));
    const latitude = Number((area[1] + between(rp, -1, 1) * area[3]).toFixed(6));
    const yi = total / YI;
    const renovation = /改造提升|提升工程|提升项目|整治|改造工程/.test(spec.name) || spec.fixedYi !== null;
    const needsLand = !renovation && spec.category !== 'infrastructure' && spec.category !== 'eco_env' && chance(rp, 0.85);
    const landAreaMu = needsLand
      ? Math.round(Math.min(1800, yi * (spec.category === 'industrial' ? between(rp, 18, 40) : between(rp, 6, 16))) * 100) / 100
      : null;
    const buildingLike = spec.category !== 'infrastructure' && spec.category !== 'eco_env' && spec.category !== 'agri_rural';
    const floorAreaM2 = spec.fixedYi !== null ? 1_600_000 : buildingLike ? Math.round(total / between(rp, 4500, 9000) / 100) * 100 : null;
    const renewal = spec.category === 'urban_renewal' && spec.fixedYi === null;
    const demolitionM2 = renewal ? Math.round(yi * between(rp, 0.8, 1.6)) * 10_000 : null;
    const housing = /安置/.test(spec.name + spec.content);
    const resettlementUnits =
      housing || (renewal && chance(rp, 0.6)) ? Math.round((total * between(rp, 0.35, 0.6)) / between(rp, 900_000, 1_300_000)) : null;
    const scale: string[] = [];
    if (landAreaMu) scale.push(`总用地约${Math.round(landAreaMu)}亩`);
    if (floorAreaM2 && spec.fixedYi === null) scale.push(`总建筑面积约${(floorAreaM2 / 10_000).toFixed(1)}万平方米`);
    if (resettlementUnits) scale.push(`可提供安置住房约${resettlementUnits}套`);
    const content = scale.length > 0 ? `${spec.content}。${scale.join('，')}。` : `${spec.content}。`;

    // --- responsibility ---
    const leadKey = spec.park
      ? (district.parkUnits[spec.park] ?? 'industry')
      : ({
          urban_renewal: spec.streetKey,
          livelihood: spec.streetKey,
          agri_rural: spec.streetKey,
          modern_service: spec.streetKey,
          infrastructure: 'housing',
          eco_env: 'housing',
          industrial: 'industry',
          sci_innovation: 'industry',
        }[spec.category] ?? spec.streetKey);
    const coKeys = new Set<string>();
    if (leadKey !== spec.streetKey) coKeys.add(spec.streetKey);
    if (spec.category === 'urban_renewal' || spec.category === 'livelihood') coKeys.add('housing');
    if (needsLand && chance(rp, 0.5)) coKeys.add('land');
    if (spec.category === 'industrial' && leadKey !== 'industry' && chance(rp, 0.4)) coKeys.add('industry');
    if (spec.level !== '-') coKeys.add('drc');
    coKeys.delete(leadKey);

    const leaders = new Set<number>([LEADER_BY_CATEGORY[spec.category] ?? 0]);
    if (spec.level === 'prov' || (spec.level === 'city' && total >= 15 * YI)) leaders.add(PRINCIPAL_LEADER);
    const withLeader = !planning || chance(rp, 0.5);

    // --- plan, approvals, code, pool moves ---
    const behind = started ? chance(rp, spec.status === 'D' ? 0 : 0.3) : chance(rp, 0.35);
    const plan = planning
      ? []
      : buildPlan(
          templateFor(spec.category),
          { projectId, plannedStart, plannedCompletion, actualStart, actualCompletion, behind, today },
          r,
          ids,
        );
    const byName = new Map(plan.map((m) => [m.name, m]));
    const startMilestone = plan.find((m) => m.kind === 'start');

    const approvalTypes = new Set<string>(DEFAULT_GATE_CONFIG.requiredApprovals[approvalType] ?? []);
    if (needsLand) for (const t of ['land_presite', 'land_plan_permit', 'land_contract']) approvalTypes.add(t);
    approvalTypes.add('drawing_review');
    if (spec.status === 'D') approvalTypes.add('completion');
    const approvals: (typeof approvalItems.$inferInsert)[] = [];
    let landSecured = false;
    for (const typeCode of planning ? [] : [...approvalTypes]) {
      // A milestone bound to the type is reached on the day the approval was given (one fact in one place).
      const boundTo = plan.find((m) => m.row.approvalTypeCode === typeCode);
      const anchor = boundTo ?? (APPROVAL_ANCHORS[typeCode] ?? []).map((n) => byName.get(n)).find(Boolean) ?? startMilestone;
      if (!anchor) continue;
      const anchorRow = anchor.row;
      let status: 'pending' | 'in_progress' | 'done' = 'pending';
      let appliedOn: string | null = null;
      let approvedOn: string | null = null;
      if (anchor.reached && anchorRow.actualFinish) {
        status = 'done';
        const lead =
          anchor.kind === 'start' ? intBetween(r, 3, 15) : typeCode === 'land_presite' ? intBetween(r, 8, 25) : intBetween(r, 0, 5);
        approvedOn = boundTo ? anchorRow.actualFinish : minDate(addDays(anchorRow.actualFinish, -lead), yesterday);
        appliedOn = addDays(approvedOn, -intBetween(r, 7, 30));
      } else if (anchorRow.actualStart || (anchor.kind === 'start' && plan.some((m) => m.reached) && chance(r, 0.7))) {
        status = 'in_progress';
        appliedOn = minDate(anchorRow.actualStart ?? addDays(today, -intBetween(r, 5, 40)), yesterday);
      }
      if (typeCode === 'land_contract' && status === 'done') landSecured = true;
      approvals.push({
        id: seededUuid(ids),
        projectId,
        typeCode,
        status,
        appliedOn,
        approvedOn,
        documentNumber: null,
        note: null,
      });
    }
    if (!needsLand) landSecured = false;

    // The code is issued before the first application; the project entered the advancing pool about then.
    const firstApplied = approvals.map((a) => a.appliedOn).filter((d): d is string => !!d);
    const codeIssued = planning ? null : addDays(minDate(yesterday, ...firstApplied), -intBetween(r, 2, 15));
    let code: string | null = null;
    const codeFor = (issued: string) => {
      for (;;) {
        const candidate = `${issued.slice(2, 4)}${issued.slice(5, 7)}-${district.code}-04-${CODE_TYPE[approvalType]}-${String(intBetween(ids, 0, 999_999)).padStart(6, '0')}`;
        if (!usedCodes.has(candidate)) {
          usedCodes.add(candidate);
          return candidate;
        }
      }
    };
    const moves: (typeof poolMoves.$inferInsert)[] = [];
    const move = (fromPool: string, toPool: string, date: string, reason: string) =>
      moves.push({
        id: seededUuid(ids),
        projectId,
        fromPool,
        toPool,
        reason,
        actorId: officeUserId,
        actorName: POOL_MOVE_ACTOR,
        at: at(date, r),
      });
    let createdOn = addDays(today, -intBetween(r, 20, 120));
    if (codeIssued) {
      const firstCode = codeFor(codeIssued);
      code = firstCode;
      rows.codeHistory.push({
        id: seededUuid(ids),
        projectId,
        previousCode: null,
        code: firstCode,
        reason: '首次赋码',
        actorId: officeUserId,
        at: at(codeIssued, r),
      });
      // A few projects had their code re-issued after a change of content (代码变更), to show the history.
      if (district.recoded.has(spec.name)) {
        const reissued = minDate(yesterday, addDays(codeIssued, intBetween(r, 20, 90)));
        code = codeFor(reissued);
        rows.codeHistory.push({
          id: seededUuid(ids),
          projectId,
          previousCode: firstCode,
          code,
          reason: '建设内容调整，重新赋码',
          actorId: officeUserId,
          at: at(reissued, r),
        });
      }
      const advancedOn = addDays(codeIssued, -intBetween(r, 0, 20));
      createdOn = addDays(advancedOn, -intBetween(r, 30, 150));
      move('planning', 'advancing', advancedOn, '项目业主、总投资、行业、责任单位和包挂领导已明确，转入推进库');
      if (started && actualStart)
        move('advancing', 'implementing', addDays(actualStart, -intBetween(r, 0, 2)), '手续办结，具备开工条件，转入实施库');
      if (actualCompletion)
        move('implementing', 'completed', minDate(today, addDays(actualCompletion, intBetween(r, 1, 10))), '竣工验收备案完成');
    }
    for (const a of approvals)
      if (a.status === 'done' && a.approvedOn) a.documentNumber = documentNumber(district, a.typeCode, code ?? '', a.approvedOn, r);

    const pool = planning ? 'planning' : spec.status === 'A' ? 'advancing' : spec.status === 'D' ? 'completed' : 'implementing';
    const lastMove = moves[moves.length - 1];
    const contact = `${pickOne(rp, [...SURNAMES])}${pickOne(rp, GIVEN)}${chance(rp, 0.5) ? pickOne(rp, GIVEN) : ''}`;
    const leadUnit = unitByKey.get(leadKey);
    rows.projects.push({
      id: projectId,
      regionCode: district.code,
      name: spec.name,
      namePinyin: initials(spec.name),
      code,
      codeRegionCode: code ? district.code : null,
      ownerName: owner,
      constructionContent: content,
      categoryCode: spec.category,
      industryCode: spec.industry,
      leadingIndustryCode: spec.leading,
      isProvincialKey: spec.level === 'prov',
      isCityKey: spec.level === 'city',
      isDistrictKey: true,
      namedLists: spec.level === 'prov' ? [GREEN_LIST] : [],
      nature: spec.status === 'C' || spec.status === 'D' ? 'continuing' : spec.status === 'R' ? 'reserve' : 'new_start',
      approvalType: planning ? null : approvalType,
      streetCode: unitByKey.get(spec.streetKey)?.regionCode ?? null,
      clusterCode:
        (spec.park ? PARK_CLUSTER.get(spec.park) : null) ??
        (spec.leading ? LEADING_CLUSTER[spec.leading] : null) ??
        CATEGORY_CLUSTER[spec.category] ??
        null,
      parkCode: spec.park,
      longitude,
      latitude,
      totalInvestmentYuan: total,
      fixedAssetInvestmentYuan: roundTo(total * between(rp, 0.82, 1), 100 * WAN),
      // Set for the projects started before this year once the year's plans are known (demo-opening.ts).
      openingCompletedYuan: null,
      openingCompletedAsOf: null,
      needsLand,
      landSecured,
      landAreaMu,
      floorAreaM2,
      demolitionM2,
      resettlementUnits,
      plannedStart,
      plannedCompletion,
      actualStart,
      actualCompletion,
      leadUnitId: unitId(leadKey),
      contactName: contact,
      contactPhone: `0531-8${String(intBetween(rp, 0, 9_999_999)).padStart(7, '0')}`,
      taskForce:
        spec.level !== '-'
          ? `${leadUnit?.shortName ?? leadUnit?.name ?? ''}牵头，${[...coKeys].map((k) => unitByKey.get(k)?.shortName ?? unitByKey.get(k)?.name).join('、')}配合，实行专班推进`
          : null,
      ...planningTrackFor({
        name: spec.name,
        category: spec.category,
        leading: spec.leading,
        planning,
        approvalType,
        totalYuan: total,
        createdOn,
        yesterday,
      }),
      pool,
      poolChangedAt: lastMove?.at ?? at(createdOn, r),
      customValues: {},
      createdBy: officeUserId,
      createdAt: at(createdOn, r),
    });
    // A district with fewer leaders than portfolios has one leader in charge of several: each named once.
    if (withLeader) for (const userId of new Set([...leaders].map(leaderId))) rows.leaders.push({ projectId, userId });
    if (!planning) for (const k of coKeys) rows.coUnits.push({ projectId, unitId: unitId(k) });
    rows.milestones.push(...plan.map((m) => m.row));
    rows.approvalItems.push(...approvals);
    rows.poolMoves.push(...moves);

    // --- funding (融资) for about two projects in three beyond planning ---
    if (!planning && chance(rf, 0.65)) rows.fundingLines.push(...fundingFor(spec, projectId, total, pool, approvalType, rf, ids));

    // --- the year's planned investment, before scaling to the district's total ---
    if (pool === 'implementing' || pool === 'completed') {
      const elapsed = actualStart ? Math.max(0, daysBetween(actualStart, jan1)) : 0;
      const length = Math.max(1, daysBetween(actualStart ?? plannedStart, plannedCompletion));
      const remaining = total * (1 - Math.min(0.85, elapsed / length));
      if (elapsed > 0) doneBefore.set(projectId, Math.min(0.85, elapsed / length));
      const finishing = compareDates(plannedCompletion, dec31) <= 0 || pool === 'completed';
      const raw = finishing
        ? remaining * between(r, 0.75, 0.95)
        : spec.status === 'S'
          ? total * between(r, 0.15, 0.3)
          : remaining * between(r, 0.3, 0.5);
      const firstMonth = spec.status === 'S' && plannedStart.startsWith(String(year)) ? Number(plannedStart.slice(5, 7)) : 1;
      const endDate = actualCompletion ?? plannedCompletion;
      const lastMonth = compareDates(endDate, dec31) <= 0 && endDate.startsWith(String(year)) ? Number(endDate.slice(5, 7)) : 12;
      const weights = SEASON.map((w, m) =>
        m + 1 >= firstMonth && m + 1 <= Math.max(firstMonth, lastMonth) ? w * between(r, 0.8, 1.2) : 0,
      );
      annualRaw.push({ projectId, raw, cap: Math.min(total, remaining), weights });
    }
  }

  rows.annualPlans = annualPlansFrom(annualRaw, { year, today, officeUserId, district });
  setOpeningAmounts(rows, doneBefore, year);
  return rows;
}

function fundingFor(
  spec: Spec,
  projectId: string,
  total: number,
  pool: string,
  approvalType: string,
  r: Rng,
  ids: Rng,
): (typeof fundingLines.$inferInsert)[] {
  const government = approvalType === 'approval';
  const shares: [string, number][] = government
    ? [
        ['special_bond', between(r, 0.3, 0.5)],
        ['fiscal', between(r, 0.1, 0.25)],
        ...(chance(r, 0.4) ? ([['ultra_lt_bond', between(r, 0.05, 0.15)]] as [string, number][]) : []),
        ...(chance(r, 0.3) ? ([['central_budget', between(r, 0.03, 0.1)]] as [string, number][]) : []),
        ['bank_loan', 0],
      ]
    : [
        ['self_raised', between(r, 0.4, 0.7)],
        ...(spec.category === 'industrial' && chance(r, 0.3) ? ([['policy_fin_tool', between(r, 0.05, 0.15)]] as [string, number][]) : []),
        ...(chance(r, 0.3) ? ([['social_capital', between(r, 0.05, 0.2)]] as [string, number][]) : []),
        ['bank_loan', 0],
      ];
  const step = 100 * WAN;
  const planned = shares.map(([, s]) => roundTo(total * s, step));
  const used = planned.slice(0, -1).reduce((a, b) => a + b, 0);
  planned[planned.length - 1] = Math.max(0, total - used);
  const progress = pool === 'completed' ? 1 : pool === 'implementing' ? between(r, 0.3, 0.8) : between(r, 0, 0.15);
  return shares
    .map(([sourceCode], i) => {
      const plannedYuan = planned[i] ?? 0;
      const appliedYuan = Math.round((plannedYuan * Math.min(1, progress + between(r, 0.1, 0.4))) / WAN) * WAN;
      const approvedYuan = Math.round((appliedYuan * (pool === 'completed' ? 1 : between(r, 0.7, 1))) / WAN) * WAN;
      const receivedYuan = Math.round((approvedYuan * Math.min(1, progress + between(r, 0, 0.2))) / WAN) * WAN;
      return { id: seededUuid(ids), projectId, sourceCode, plannedYuan, appliedYuan, approvedYuan, receivedYuan, note: null };
    })
    .filter((line) => line.plannedYuan > 0);
}

/** Scales the raw annual plans so that together they make the district's target, and spreads each by month. */
function annualPlansFrom(
  raw: { projectId: string; raw: number; cap: number; weights: number[] }[],
  ctx: { year: number; today: string; officeUserId: string; district: DemoDistrictProfile },
): (typeof annualPlans.$inferInsert)[] {
  const step = 100 * WAN;
  const planTotal = ctx.district.annualPlanTotalYuan;
  let scale = planTotal / raw.reduce((a, p) => a + p.raw, 0);
  // A few passes: projects capped at what remains of their investment leave the rest to the others.
  let amounts = raw.map((p) => Math.min(p.cap, p.raw * scale));
  for (let pass = 0; pass < 5; pass += 1) {
    const sum = amounts.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - planTotal) < step) break;
    scale *= planTotal / sum;
    amounts = raw.map((p) => Math.min(p.cap, p.raw * scale));
  }
  const rounded = amounts.map((a) => roundTo(a, step));
  const largest = rounded.reduce((best, a, i) => (a > (rounded[best] ?? 0) ? i : best), 0);
  rounded[largest] = (rounded[largest] ?? 0) + planTotal - rounded.reduce((a, b) => a + b, 0);

  // Frozen as the baseline on 31 January; before then the year's plan is still a draft.
  const freezeDay = iso(ctx.year, 1, 31);
  const frozen = compareDates(ctx.today, freezeDay) >= 0;
  const r = rngFor('annual-plans', ctx.year, ...districtSeed(ctx.district.code));
  return raw.map((p, i) => {
    const plannedYuan = rounded[i] ?? 0;
    return {
      id: seededUuid(r),
      projectId: p.projectId,
      year: ctx.year,
      versionNo: 1,
      plannedYuan,
      monthlyYuan: spreadMonthly(plannedYuan, p.weights),
      reason: null,
      frozenAt: frozen ? new Date(`${freezeDay}T17:30:00+08:00`) : null,
      frozenBy: frozen ? ctx.officeUserId : null,
      createdBy: ctx.officeUserId,
      createdAt: new Date(`${minDate(ctx.today, iso(ctx.year, 1, 20))}T10:00:00+08:00`),
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Loading.
// ---------------------------------------------------------------------------------------------------------------

/**
 * Inserts rows of one table a chunk per statement, the rows travelling as one JSON parameter: PGlite binds
 * thousands of parameters slowly, and json_populate_recordset turns them back into the table's types (dates,
 * arrays, jsonb) on both PGlite and PostgreSQL. Columns left undefined keep their defaults.
 */
export async function insertRows<T extends PgTable>(tx: Executor, table: T, rows: T['$inferInsert'][], chunkSize = 2000) {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const records = rows as Record<string, unknown>[];
  const keys = Object.keys(columns).filter((key) => records[0]?.[key] !== undefined);
  for (const record of records)
    for (const key of Object.keys(columns))
      if ((record[key] !== undefined) !== keys.includes(key))
        throw new Error(`demo rows of ${getTableName(table)} differ in column ${key}`);
  const names = sql.join(
    keys.map((key) => sql.identifier(columns[key]?.name ?? key)),
    sql`, `,
  );
  for (let i = 0; i < records.length; i += chunkSize) {
    const payload = records
      .slice(i, i + chunkSize)
      .map((record) => Object.fromEntries(keys.map((key) => [columns[key]?.name ?? key, record[key]])));
    await tx.execute(
      sql`insert into ${table} (${names}) select ${names} from json_populate_recordset(null::${table}, ${JSON.stringify(payload)}::json)`,
    );
  }
}

/** Inserts the built rows, parents first; run it inside the seed's transaction. */
export async function insertDemoProjects(tx: Executor, rows: DemoProjectRows) {
  await insertRows(tx, projects, rows.projects);
  await insertRows(tx, projectLeaders, rows.leaders);
  await insertRows(tx, projectCoUnits, rows.coUnits);
  await insertRows(tx, projectCodeHistory, rows.codeHistory);
  await insertRows(tx, poolMoves, rows.poolMoves);
  await insertRows(tx, milestones, rows.milestones);
  await insertRows(tx, approvalItems, rows.approvalItems);
  await insertRows(tx, fundingLines, rows.fundingLines);
  await insertRows(tx, annualPlans, rows.annualPlans);
}
