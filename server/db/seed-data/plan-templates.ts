import { MILESTONE_APPROVAL_BINDINGS } from '../../../common/domain/milestone-bindings';

/** A milestone of a plan template; predecessors are indexes of earlier items; bound to an approval item type or not. */
export type TemplateItem = {
  name: string;
  kind: 'start' | 'completion' | 'other';
  durationDays: number;
  predecessors: number[];
  approvalTypeCode?: string;
};
export type PlanTemplateSeed = { name: string; categoryCode: string | null; items: TemplateItem[] };

const chain = (steps: [string, TemplateItem['kind'], number][]): TemplateItem[] =>
  steps.map(([name, kind, durationDays], i) => ({ name, kind, durationDays, predecessors: i === 0 ? [] : [i - 1] }));

const bound = (template: PlanTemplateSeed): PlanTemplateSeed => ({
  ...template,
  items: template.items.map((item) => {
    const approvalTypeCode = MILESTONE_APPROVAL_BINDINGS[item.name];
    return approvalTypeCode ? { ...item, approvalTypeCode } : item;
  }),
});

/** The plan templates every installation starts with (一项目一方案), one per project category, bound to approvals. */
export const PLAN_TEMPLATES: PlanTemplateSeed[] = (<PlanTemplateSeed[]>[
  {
    name: '产业项目标准计划',
    categoryCode: 'industrial',
    items: [
      { name: '签约', kind: 'other', durationDays: 0, predecessors: [] },
      { name: '立项备案', kind: 'other', durationDays: 30, predecessors: [0] },
      { name: '供地', kind: 'other', durationDays: 90, predecessors: [1] },
      { name: '规划许可', kind: 'other', durationDays: 45, predecessors: [2] },
      { name: '施工许可', kind: 'other', durationDays: 30, predecessors: [3] },
      { name: '开工', kind: 'start', durationDays: 0, predecessors: [4] },
      { name: '主体封顶', kind: 'other', durationDays: 240, predecessors: [5] },
      { name: '竣工', kind: 'completion', durationDays: 120, predecessors: [6] },
      { name: '投产', kind: 'other', durationDays: 60, predecessors: [7] },
    ],
  },
  {
    name: '城市更新项目计划',
    categoryCode: 'urban_renewal',
    items: chain([
      ['立项', 'other', 30],
      ['征收补偿方案', 'other', 60],
      ['房屋征收与拆迁', 'other', 180],
      ['土地出让', 'other', 60],
      ['规划许可', 'other', 45],
      ['施工许可', 'other', 30],
      ['开工', 'start', 0],
      ['主体封顶', 'other', 300],
      ['竣工', 'completion', 180],
    ]),
  },
  {
    name: '基础设施项目计划',
    categoryCode: 'infrastructure',
    items: chain([
      ['立项审批', 'other', 45],
      ['可行性研究批复', 'other', 60],
      ['初步设计批复', 'other', 45],
      ['招标', 'other', 45],
      ['开工', 'start', 0],
      ['主体完工', 'other', 300],
      ['竣工', 'completion', 90],
    ]),
  },
  {
    name: '社会民生项目计划',
    categoryCode: 'livelihood',
    items: chain([
      ['立项审批', 'other', 30],
      ['可行性研究批复', 'other', 45],
      ['初步设计批复', 'other', 45],
      ['规划许可', 'other', 30],
      ['施工招标', 'other', 45],
      ['施工许可', 'other', 20],
      ['开工', 'start', 0],
      ['主体封顶', 'other', 240],
      ['竣工', 'completion', 150],
      ['交付使用', 'other', 30],
    ]),
  },
  {
    name: '生态环保项目计划',
    categoryCode: 'eco_env',
    items: chain([
      ['立项审批', 'other', 30],
      ['环境影响评价', 'other', 60],
      ['初步设计批复', 'other', 45],
      ['施工招标', 'other', 45],
      ['开工', 'start', 0],
      ['主体工程完工', 'other', 240],
      ['竣工', 'completion', 60],
      ['竣工环保验收', 'other', 60],
    ]),
  },
  {
    name: '现代服务业项目计划',
    categoryCode: 'modern_service',
    items: chain([
      ['签约', 'other', 0],
      ['立项备案', 'other', 30],
      ['供地', 'other', 90],
      ['规划许可', 'other', 45],
      ['施工许可', 'other', 30],
      ['开工', 'start', 0],
      ['主体封顶', 'other', 300],
      ['竣工', 'completion', 150],
      ['开业运营', 'other', 90],
    ]),
  },
  {
    name: '农业农村项目计划',
    categoryCode: 'agri_rural',
    items: chain([
      ['立项备案', 'other', 30],
      ['土地流转', 'other', 60],
      ['设施农用地备案', 'other', 30],
      ['开工', 'start', 0],
      ['主体工程完工', 'other', 180],
      ['竣工', 'completion', 60],
      ['投产', 'other', 60],
    ]),
  },
  {
    name: '科技创新项目计划',
    categoryCode: 'sci_innovation',
    items: chain([
      ['签约', 'other', 0],
      ['立项备案', 'other', 30],
      ['场地落实', 'other', 60],
      ['开工', 'start', 0],
      ['装修改造完成', 'other', 150],
      ['设备安装调试', 'other', 90],
      ['竣工', 'completion', 30],
      ['投入运营', 'other', 30],
    ]),
  },
]).map(bound);
