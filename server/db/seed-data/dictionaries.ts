/**
 * Default dictionary values for a district installation (demo: 济南市天桥区).
 * Codes are short ASCII (^[A-Za-z0-9_.-]{1,16}$); every item is top-level (parentCode null).
 * Pure data: no database code.
 */
import type { SeedItem } from './industries';

export type DictionaryType =
  | 'project_category'
  | 'leading_industry'
  | 'problem_category'
  | 'funding_source'
  | 'enterprise_tag'
  | 'approval_item_type'
  | 'cluster'
  | 'park'
  | 'industry_chain';

const item = (code: string, name: string, nameEn: string): SeedItem => ({
  code,
  name,
  nameEn,
  parentCode: null,
});

const child = (code: string, name: string, nameEn: string, parentCode: string): SeedItem => ({ code, name, nameEn, parentCode });

export const DICTIONARY_SEEDS: Record<DictionaryType, SeedItem[]> = {
  // 天桥区's five clusters (组团) and its parks, each park in its cluster.
  cluster: [
    item('smart_mfg', '新型智造组团', 'New smart manufacturing cluster'),
    item('innovation', '高科创新组团', 'High-tech innovation cluster'),
    item('trade', '特色商贸组团', 'Specialty trade cluster'),
    item('services', '高端服务组团', 'High-end services cluster'),
    item('agriculture', '现代农业组团', 'Modern agriculture cluster'),
  ],
  park: [
    child('materials', '新材料产业园', 'New materials industrial park', 'smart_mfg'),
    child('smart_equip', '智能制造产业园', 'Intelligent manufacturing industrial park', 'smart_mfg'),
    child('medical', '医疗器械产业园', 'Medical devices industrial park', 'innovation'),
    child('testing', '检验检测产业园', 'Inspection and testing industrial park', 'innovation'),
    child('tech_transfer', '技术转移转化产业园', 'Technology transfer industrial park', 'innovation'),
    child('agri_equip', '农业装备产业园', 'Agricultural equipment industrial park', 'agriculture'),
  ],
  /** 项目类别 */
  project_category: [
    item('industrial', '产业项目', 'Industrial project'),
    item('urban_renewal', '城市更新', 'Urban renewal'),
    item('infrastructure', '基础设施', 'Infrastructure'),
    item('livelihood', '社会民生', 'Social welfare and livelihood'),
    item('eco_env', '生态环保', 'Ecology and environmental protection'),
    item('modern_service', '现代服务业', 'Modern services'),
    item('agri_rural', '农业农村', 'Agriculture and rural development'),
    item('sci_innovation', '科技创新', 'Science and technology innovation'),
  ],

  /** 主导产业 (天桥区) */
  leading_industry: [
    item('new_materials', '新型功能材料', 'New functional materials'),
    item('smart_equip', '智能制造装备', 'Intelligent manufacturing equipment'),
    item('med_devices', '医疗器械与生物医药', 'Medical devices and biomedicine'),
    item('logistics_trade', '现代物流与商贸', 'Modern logistics and commerce'),
    item('testing', '检验检测', 'Testing, inspection and certification'),
    item('digital_economy', '数字经济', 'Digital economy'),
    item('agri_machinery', '现代农业装备', 'Modern agricultural equipment'),
    item('tech_transfer', '技术转移转化', 'Technology transfer and commercialization'),
    item('culture_tourism', '文化旅游', 'Culture and tourism'),
  ],

  /** 产业链 (天桥区's chains, the planning track's industry-chain position; the chain maps come with attraction) */
  industry_chain: [
    item('med_devices', '医疗器械', 'Medical devices'),
    item('smart_equip', '智能制造装备', 'Intelligent manufacturing equipment'),
    item('new_materials', '新型功能材料', 'New functional materials'),
    item('testing', '检验检测', 'Testing, inspection and certification'),
    item('agri_machinery', '农机装备', 'Agricultural machinery'),
    item('logistics', '现代物流', 'Modern logistics'),
  ],

  /** 问题类别 (问题协调) */
  problem_category: [
    item('land', '用地', 'Land'),
    item('funding', '资金', 'Funding'),
    item('approval', '审批', 'Approvals'),
    item('demolition', '拆迁征收', 'Expropriation and demolition'),
    item('utilities', '水电气暖', 'Water, power, gas and heating'),
    item('planning', '规划', 'Urban planning'),
    item('environment', '环保', 'Environmental protection'),
    item('talent', '人才', 'Talent'),
    item('other', '其他', 'Other'),
  ],

  /** 资金来源 (融资) */
  funding_source: [
    item('fiscal', '财政资金', 'Fiscal funds'),
    item('central_budget', '中央预算内投资', 'Central government budget investment'),
    item('special_bond', '地方政府专项债', 'Local government special-purpose bonds'),
    item('ultra_lt_bond', '超长期特别国债', 'Ultra-long-term special treasury bonds'),
    item('policy_fin_tool', '政策性开发性金融工具', 'Policy-based and development-oriented financial instruments'),
    item('bank_loan', '银行贷款', 'Bank loans'),
    item('self_raised', '企业自筹', 'Enterprise self-raised funds'),
    item('social_capital', '社会资本', 'Private (social) capital'),
  ],

  /** 企业标签 (招商) */
  enterprise_tag: [
    item('fortune500', '世界500强', 'Fortune Global 500'),
    item('china500', '中国500强', 'China Top 500 Enterprises'),
    item('private500', '民营500强', 'China Top 500 Private Enterprises'),
    item('central_soe', '央企', 'Central state-owned enterprise'),
    item('provincial_soe', '省企', 'Provincial state-owned enterprise'),
    item('listed', '上市公司', 'Listed company'),
    item('pre_listing', '拟上市', 'Preparing to list'),
    item('srdi', '专精特新', 'Specialized, refined, distinctive and innovative (SRDI) SME'),
    item('little_giant', '专精特新“小巨人”', 'SRDI "Little Giant" enterprise'),
    item('gazelle', '瞪羚企业', 'Gazelle enterprise'),
    item('unicorn', '独角兽企业', 'Unicorn enterprise'),
    item('hnte', '高新技术企业', 'High and new technology enterprise'),
  ],

  /** 审批事项类型 (立项) */
  approval_item_type: [
    item('approval', '立项审批', 'Project approval (government-invested)'),
    item('ratification', '项目核准', 'Project ratification'),
    item('filing', '项目备案', 'Project filing'),
    item('land_presite', '用地预审与选址意见书', 'Land-use pre-examination and site-selection opinion'),
    item('land_plan_permit', '建设用地规划许可证', 'Construction land planning permit'),
    item('land_contract', '国有建设用地使用权出让合同', 'State-owned construction land use right grant contract'),
    item('proj_plan_permit', '建设工程规划许可证', 'Construction project planning permit'),
    item('eia', '环境影响评价', 'Environmental impact assessment'),
    item('energy_review', '节能审查', 'Energy conservation review'),
    item('drawing_review', '施工图审查', 'Construction drawing review'),
    item('construct_permit', '建筑工程施工许可证', 'Construction permit'),
    item('property_cert', '不动产权证', 'Real estate title certificate'),
    item('completion', '竣工验收备案', 'Completion acceptance filing'),
  ],
};
