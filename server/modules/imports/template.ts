import ExcelJS from 'exceljs';
import type { Locale } from '../../../common/locale';
import type { ImportKind } from '../../../common/schemas/imports';
import { MAX_IMPORT_ROWS } from '../../../common/schemas/imports';
import { columnLetter } from '../../lib/spreadsheets/sheet-reader';
import type { Column, Lookups } from '../../lib/spreadsheets/columns/types';
import { safeCellText } from '../../lib/spreadsheets/safe-text';
import { HEADER_STYLE } from '../../lib/spreadsheets/workbook';

// The downloadable import template: the data sheet (header, widths, formats, drop-downs, frozen header), a sheet of
// instructions, and a hidden sheet holding the lists the drop-downs draw from.

/** Rows of the data sheet given drop-downs; more rows may be typed, checked all the same on import. */
const ROWS_WITH_DROPDOWNS = 2_000;
const LISTS_SHEET = 'lists';

const SHEET_NAMES: Record<ImportKind, Record<Locale, string>> = {
  projects: { 'zh-CN': '项目', 'en-US': 'Projects' },
  approval_items: { 'zh-CN': '审批事项', 'en-US': 'Approval items' },
  funding_lines: { 'zh-CN': '资金来源', 'en-US': 'Funding' },
  enterprises: { 'zh-CN': '企业', 'en-US': 'Enterprises' },
  leads: { 'zh-CN': '招商线索', 'en-US': 'Leads' },
  parcels: { 'zh-CN': '地块', 'en-US': 'Parcels' },
  visits: { 'zh-CN': '走访', 'en-US': 'Visits' },
  land_figures: { 'zh-CN': '亩均效益', 'en-US': 'Land efficiency' },
};

// Columns whose cells often name several (co-units, leaders): a list validation holds one value per cell, so their
// drop-down offers single names, says how to write several (an input message) and never objects to what is typed;
// the import checks every name all the same.
const MULTI_VALUED = new Set(['coUnitIds', 'leaderIds']);
const SEVERAL_NAMES: Record<Locale, { title: string; prompt: string }> = {
  'zh-CN': { title: '可填多个', prompt: '从下拉列表选一个；填多个时用顿号“、”分隔，如：张三、李四' },
  'en-US': { title: 'Several allowed', prompt: 'Pick one from the list; for several, separate them with 、 or commas' },
};

const INSTRUCTIONS: Record<Locale, string[]> = {
  'zh-CN': [
    '填写说明',
    '1. 第一个工作表是数据表，第一行为表头，请勿修改表头；从第二行起每行一条记录。列的顺序可以调整，不需要的非必填列可以删除。',
    '2. 带 * 的列为必填。下拉列请从列表中选择（也可填写代码）；配合单位、包挂领导可从下拉列表选一个，填多个时用顿号“、”或逗号分隔（如：张三、李四）。',
    '3. 金额单位为万元，可保留两位以上小数；日期可写 2026-03-01、2026/3/1 或 2026年3月1日，也可使用 Excel 日期。',
    '4. 已有项目按项目代码匹配，没有项目代码时按项目名称在本区内匹配：匹配到的项目将被更新，其余新建。',
    '   “所属库”决定新项目进入哪个库：留空为策划库；推进库、实施库、竣工只能由重点项目办导入，且须满足沿途各库的准入条件中表格能填写的部分（项目业主、总投资、行业、责任单位、包挂领导、项目代码、用地等；审批事项、推进方案节点不在此检查）。已有项目的所属库不因导入改变：留空或与现状相同，移库请在项目页办理。',
    '5. 导入时先检查整个文件：有任何错误都不会写入，可下载标注文件（错误单元格标红并附批注）修改后重新导入。',
    `6. 单个文件不超过 20 MB、${MAX_IMPORT_ROWS.toLocaleString('zh-CN')} 行。`,
    '7. “期初累计完成投资”填项目在蓝图开始填报以前已完成的投资（万元，不超过总投资），“期初累计截至日期”填它截至的月底（可写 2025年12月）；截至日期留空时按上年底计。开工以来累计完成投资 = 期初累计 + 其后各月已审核的月度填报。由重点项目办维护。',
  ],
  'en-US': [
    'How to fill in this template',
    '1. The first sheet holds the data: keep the header row; one record per row from row 2. Columns may be reordered; optional columns you do not need may be removed.',
    '2. Columns marked * are required. Choose drop-down values from the list (codes are accepted too); for co-operating units and leaders pick one from the list, or type several names separated by 、 or commas.',
    '3. Money is in 10k yuan (万元); dates may be written 2026-03-01, 2026/3/1 or 2026年3月1日, or be Excel dates.',
    '4. Existing projects are matched by project code, else by name within the district: matched projects are updated, others created.',
    '   "Pool" (所属库) says where a new project goes: empty means Planning; Advancing, Implementing and Completed are for the project office only, and the row must meet what a sheet can tell of every gate on the way (owner, total investment, industry, lead unit, leader, project code, land …; approval items and plan milestones are not checked here). An import never changes the pool of an existing project: leave the cell empty or as it is, and move projects on the project page.',
    '5. The whole file is checked first: nothing is written while any problem remains; download the marked file (bad cells in red with a comment), fix it and import again.',
    `6. At most 20 MB and ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows per file.`,
    '7. "Completed before Lantu" (期初累计完成投资) is the investment completed before the project\'s reports in Lantu began (10k yuan, no more than the total investment); "as of" is the month-end it stands at (2025年12月 will do), the end of last year when left empty. Completed since start = that amount + the approved monthly reports after it. Kept by the project office.',
  ],
};

/** The enterprise sheet's own instructions: what it matches on and what the USCC check says. */
const ENTERPRISE_INSTRUCTIONS: Record<Locale, string[]> = {
  'zh-CN': [
    '填写说明（企业库）',
    '1. 第一个工作表是数据表，第一行为表头，请勿修改表头；从第二行起每行一家企业。带 * 的列为必填。',
    '2. 企业类型、上市进程、国民经济行业请从下拉列表选择；企业标签可填多个，用顿号“、”或逗号分隔。“拟上市”企业才能填写上市进程。',
    '3. 统一社会信用代码为 18 位（GB 32100），本地企业和境内企业必填；境外目标企业“境外注册”填“是”时可不填。代码有误时，错误说明会指出第几位不对。',
    '4. 已在本区企业库中的企业按统一社会信用代码匹配并更新，其余新建；同一代码在文件中只能出现一次。联系人一列填写时替换该企业的联系人。',
    '5. 导入时先检查整个文件：有任何错误都不会写入，可下载标注文件（错误单元格标红并附批注）修改后重新导入。',
    `6. 单个文件不超过 20 MB、${MAX_IMPORT_ROWS.toLocaleString('zh-CN')} 行。`,
  ],
  'en-US': [
    'How to fill in this template (enterprise register)',
    '1. The first sheet holds the data: keep the header row; one enterprise per row from row 2. Columns marked * are required.',
    '2. Choose kind, listing stage and industry from the drop-downs; tags may list several separated by 、 or commas. Only an enterprise tagged 拟上市 (pre-listing) may have a listing stage.',
    '3. The unified social credit code has 18 characters (GB 32100) and is required of local enterprises and enterprises in China; a target enterprise registered abroad (Abroad = Yes) may leave it empty. A wrong code is explained naming the character at fault.',
    '4. Enterprises already in the district register are matched by their code and updated, others added; a code may appear only once in the file. A filled contact column replaces the enterprise’s contacts.',
    '5. The whole file is checked first: nothing is written while any problem remains; download the marked file (bad cells in red with a comment), fix it and import again.',
    `6. At most 20 MB and ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows per file.`,
  ],
};

/** The leads sheet's own instructions: what it matches on, what it names by name, and that it never moves a stage. */
const LEAD_INSTRUCTIONS: Record<Locale, string[]> = {
  'zh-CN': [
    '填写说明（招商线索）',
    '1. 第一个工作表是数据表，第一行为表头，请勿修改表头；从第二行起每行一条线索。带 * 的列为必填。',
    '2. 招商方式、责任单位、包挂领导、行业、产业链请从下拉列表选择（也可填写名称或代码）。',
    '3. 意向企业须已在本区企业库中：填统一社会信用代码（优先）或企业名称；来源活动填本区已登记的外出招商或展会名称；跟进人填本区人员姓名或账号，留空为导入人。',
    '4. 预计投资单位为万元；资金占比填 0–100 的整数，且境外 ≤ 省外 ≤ 市外；用地需求单位为亩，空间需求单位为平方米；接洽日期留空为今天。',
    '5. 本区已有同名线索的行更新该线索（名称在文件中只能出现一次；没有变化的行不会写入），其余行登记为“线索”阶段的新线索。导入不改变线索的阶段：阶段列留空或保持原样，转阶段、签约请在线索页办理。',
    '6. 导入时先检查整个文件：有任何错误都不会写入，可下载标注文件（错误单元格标红并附批注）修改后重新导入。',
    `7. 单个文件不超过 20 MB、${MAX_IMPORT_ROWS.toLocaleString('zh-CN')} 行。`,
  ],
  'en-US': [
    'How to fill in this template (leads)',
    '1. The first sheet holds the data: keep the header row; one lead per row from row 2. Columns marked * are required.',
    '2. Choose method, unit, leader, industry and chain from the drop-downs (names or codes are accepted too).',
    '3. The enterprise must be in the district register: give its credit code (preferred) or its name. The source event is the name of a trip or fair recorded for the district; the owner a person of the district by name or account (empty: you).',
    '4. Estimated investment is in 10k yuan (万元); shares are whole numbers 0–100 with foreign ≤ out-of-province ≤ out-of-city; land in mu (亩), floor space in m²; an empty received date means today.',
    '5. A row named as a lead of the district updates that lead (a name may appear only once in the file; rows that change nothing are not written); other rows are recorded as new leads at the first stage (线索). An import never changes a stage: leave the stage cell empty or as it is, and move or sign leads on the leads page.',
    '6. The whole file is checked first: nothing is written while any problem remains; download the marked file (bad cells in red with a comment), fix it and import again.',
    `7. At most 20 MB and ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows per file.`,
  ],
};

/** The parcels sheet's own instructions: matched by number, standards in 万元/亩, status never moved. */
const PARCEL_INSTRUCTIONS: Record<Locale, string[]> = {
  'zh-CN': [
    '填写说明（地块）',
    '1. 第一个工作表是数据表，第一行为表头，请勿修改表头；从第二行起每行一个地块。带 * 的列为必填。',
    '2. 规划用途、适宜产业、状态请从下拉列表选择；适宜产业可填多个，用顿号“、”或逗号分隔。所在园区填本区已登记的园区名称，留空为不属于园区。',
    '3. 面积单位为亩（也可写“2.5公顷”“1.2万平方米”）。标准地指标：投资强度、亩均产出、亩均税收的单位均为万元/亩（直接填数字，不是金额换算），容积率为数字，单位能耗为吨标准煤/万元；填写了任一指标即为标准地，须填写投资强度；各项都留空则不是标准地。',
    '4. 本区已有同一地块编号的行更新该地块（编号在文件中只能出现一次；没有变化的行不会写入），其余行新建地块。新地块的状态只能是“储备”（留空即为储备）或“待供”。',
    '5. 导入不改变地块的状态：状态列留空或保持原样，转为待供、供地请在地块页办理。已供地块的编号、面积和规划用途不能修改。地块红线（范围）请在地图上绘制。',
    '6. 导入时先检查整个文件：有任何错误都不会写入，可下载标注文件（错误单元格标红并附批注）修改后重新导入。',
    `7. 单个文件不超过 20 MB、${MAX_IMPORT_ROWS.toLocaleString('zh-CN')} 行。`,
  ],
  'en-US': [
    'How to fill in this template (parcels)',
    '1. The first sheet holds the data: keep the header row; one parcel per row from row 2. Columns marked * are required.',
    '2. Choose planned use, suited industries and status from the drop-downs; industries may list several separated by 、 or commas. The park is the name of a park recorded for the district (empty: none).',
    '3. Area is in mu (亩; 2.5公顷 or 1.2万平方米 are read too). 标准地 standards: investment intensity, output and tax per mu in 10k yuan per mu (plain numbers), plot ratio a number, energy per unit in tce per 10k yuan; any standard makes the parcel a 标准地 and then needs its investment intensity; leave them all empty otherwise.',
    '4. A row whose number is a parcel of the district updates it (a number may appear only once in the file; rows that change nothing are not written); other rows add parcels, in the reserve (empty status) or available.',
    '5. An import never changes a parcel’s status: leave the status cell empty or as it is, and make parcels available or supply them on the parcels page. A supplied parcel keeps its number, area and planned use. Outlines are drawn on the map.',
    '6. The whole file is checked first: nothing is written while any problem remains; download the marked file (bad cells in red with a comment), fix it and import again.',
    `7. At most 20 MB and ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows per file.`,
  ],
};

/** The visits sheet's own instructions: only records visits, names enterprises and visitors, demands one a line. */
const VISIT_INSTRUCTIONS: Record<Locale, string[]> = {
  'zh-CN': [
    '填写说明（走访）',
    '1. 第一个工作表是数据表，第一行为表头，请勿修改表头；从第二行起每行一次走访。带 * 的列为必填。',
    '2. 企业须已在本区企业库中：填统一社会信用代码（优先）或企业名称。走访单位留空为导入人所在单位；走访人可填多人，用顿号“、”或逗号分隔，本区人员按姓名识别，其他人按所填姓名记录。',
    '3. 企业诉求每行一条（单元格内换行：Alt+Enter）；每条诉求作为“企业诉求”问题交办，按本行的诉求类别、诉求承办单位和诉求办结时限办理，三列在填写诉求时必填。',
    '4. 导入只登记新的走访：与本区已登记的走访企业、日期、走访单位、走访目的都相同的行视为已登记，不再写入（导出的走访表重新导入不会重复登记）。',
    '5. 导入时先检查整个文件：有任何错误都不会写入，可下载标注文件（错误单元格标红并附批注）修改后重新导入。',
    `6. 单个文件不超过 20 MB、${MAX_IMPORT_ROWS.toLocaleString('zh-CN')} 行。`,
  ],
  'en-US': [
    'How to fill in this template (visits)',
    '1. The first sheet holds the data: keep the header row; one visit per row from row 2. Columns marked * are required.',
    '2. The enterprise must be in the district register: give its credit code (preferred) or its name. An empty visiting unit means yours; visitors may list several names separated by 、 or commas: people of the district are recognised by name, other names are kept as written.',
    '3. Demands: one a line (a line break within the cell: Alt+Enter); each is assigned as an enterprise demand with the row’s demand category, lead unit and deadline, which are then required.',
    '4. An import only records new visits: a row with the enterprise, date, visiting unit and purpose of a visit already recorded is left out (an exported visits sheet goes back in without recording anything twice).',
    '5. The whole file is checked first: nothing is written while any problem remains; download the marked file (bad cells in red with a comment), fix it and import again.',
    `6. At most 20 MB and ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows per file.`,
  ],
};

/** The 亩均效益 sheet's own instructions: who is assessed, the units, a year entered already is corrected. */
const LAND_FIGURE_INSTRUCTIONS: Record<Locale, string[]> = {
  'zh-CN': [
    '填写说明（亩均效益）',
    '1. 第一个工作表是数据表，第一行为表头，请勿修改表头；从第二行起每行一家企业一个年度的数据。带 * 的列为必填。',
    '2. 企业须已在本区企业库中：填统一社会信用代码（优先）或企业名称。只有本地的工业企业（国民经济行业属于采矿业、制造业或电力、热力、燃气及水生产和供应业）参与亩均效益评价，其他企业的行会被指出。',
    '3. 年度填 4 位数字（如 2025）。用地面积单位为亩（也可写“2.5公顷”“1.2万平方米”），须大于 0；税收、营业收入/产值单位为万元；综合能耗单位为吨标准煤，可不填。用地面积和综合能耗最多保留两位小数，各项都不能为负数。',
    '4. 企业该年度已有数据的行更正该年度（没有变化的行不会写入；没有综合能耗一列时保留原能耗），其余行新增该年度。同一企业同一年度在文件中只能出现一次。',
    '5. 导入时先检查整个文件：有任何错误都不会写入，可下载标注文件（错误单元格标红并附批注）修改后重新导入。',
    `6. 单个文件不超过 20 MB、${MAX_IMPORT_ROWS.toLocaleString('zh-CN')} 行。`,
  ],
  'en-US': [
    'How to fill in this template (land efficiency)',
    '1. The first sheet holds the data: keep the header row; one enterprise and year per row from row 2. Columns marked * are required.',
    '2. The enterprise must be in the district register: give its credit code (preferred) or its name. Only local industrial enterprises (industry in mining, manufacturing, or electricity, heat, gas and water supply) are assessed; rows of other enterprises are pointed out.',
    '3. The year has four digits (2025). Land used is in mu (亩; 2.5公顷 or 1.2万平方米 are read too) and must be more than 0; tax and revenue/output in 10k yuan (万元); energy in tonnes of standard coal (tce), optional. Land and energy take at most two decimals; nothing may be negative.',
    '4. A row for a year the enterprise has already corrects that year (rows that change nothing are not written; without an energy column the energy is kept); other rows add the year. An enterprise and year may appear only once in the file.',
    '5. The whole file is checked first: nothing is written while any problem remains; download the marked file (bad cells in red with a comment), fix it and import again.',
    `6. At most 20 MB and ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows per file.`,
  ],
};

/** Each kind's instructions sheet (the project sheets share one). */
const INSTRUCTIONS_OF: Record<ImportKind, Record<Locale, string[]>> = {
  projects: INSTRUCTIONS,
  approval_items: INSTRUCTIONS,
  funding_lines: INSTRUCTIONS,
  enterprises: ENTERPRISE_INSTRUCTIONS,
  leads: LEAD_INSTRUCTIONS,
  parcels: PARCEL_INSTRUCTIONS,
  visits: VISIT_INSTRUCTIONS,
  land_figures: LAND_FIGURE_INSTRUCTIONS,
};

// ExcelJS keeps a sheet's validations by address, ranges included, but its typings only show the per-cell form.
const rangeValidations = (sheet: ExcelJS.Worksheet) =>
  (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;

/** A header cell: the Chinese header (the import reads either language), with the user's language below it. */
function headerText(column: Column<string, unknown>, locale: Locale) {
  const zh = `${column.header['zh-CN']}${column.required ? ' *' : ''}`;
  return locale === 'zh-CN' ? zh : `${zh}\n${column.header[locale]}`;
}

/** What a column's drop-down offers, and under which name the lists sheet keeps it; null when it has none. */
function dropDownOf(column: Column<string, unknown>, lookups: Lookups): { id: string; names: readonly string[] } | null {
  if (column.options) return { id: column.key, names: column.options };
  if (column.list) return { id: column.list, names: lookups.names(column.list) };
  return null;
}

/** Writes the lists sheet (one list per column, hidden) and answers each list's range for a drop-down. */
function writeLists(workbook: ExcelJS.Workbook, lists: Map<string, readonly string[]>): Map<string, string> {
  const sheet = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  const ranges = new Map<string, string>();
  [...lists].forEach(([id, names], i) => {
    const letter = columnLetter(i + 1);
    sheet.getCell(`${letter}1`).value = safeCellText(id);
    names.forEach((name, j) => {
      sheet.getCell(`${letter}${j + 2}`).value = safeCellText(name);
    });
    if (names.length) ranges.set(id, `${LISTS_SHEET}!$${letter}$2:$${letter}$${names.length + 1}`);
  });
  return ranges;
}

/** The import template of a kind as an .xlsx buffer, headed in Chinese and the user's language. */
export async function buildImportTemplate(kind: ImportKind, columns: readonly Column<string, unknown>[], lookups: Lookups, locale: Locale) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lantu 蓝图';
  workbook.created = new Date();
  const data = workbook.addWorksheet(SHEET_NAMES[kind][locale], { views: [{ state: 'frozen', ySplit: 1 }] });
  const instructions = workbook.addWorksheet(locale === 'zh-CN' ? '填写说明' : 'Instructions');
  const dropDowns = columns.map((c) => dropDownOf(c, lookups));
  const ranges = writeLists(workbook, new Map(dropDowns.flatMap((d) => (d ? [[d.id, d.names] as const] : []))));

  data.columns = columns.map((c) => ({ key: c.key, width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  const header = data.getRow(1);
  columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = headerText(column, locale);
    cell.style = HEADER_STYLE;
  });
  header.height = locale === 'zh-CN' ? 24 : 40;
  columns.forEach((column, i) => {
    const dropDown = dropDowns[i];
    const range = dropDown ? ranges.get(dropDown.id) : undefined;
    if (!range) return;
    const letter = columnLetter(i + 1);
    const several = MULTI_VALUED.has(column.key);
    rangeValidations(data).add(`${letter}2:${letter}${ROWS_WITH_DROPDOWNS + 1}`, {
      type: 'list',
      allowBlank: !column.required,
      formulae: [range],
      ...(several
        ? {
            showInputMessage: true,
            promptTitle: SEVERAL_NAMES[locale].title,
            prompt: SEVERAL_NAMES[locale].prompt,
            showErrorMessage: false,
          }
        : {
            showErrorMessage: true,
            errorStyle: 'warning',
            error: locale === 'zh-CN' ? '请从下拉列表中选择' : 'Please choose a value from the list',
          }),
    });
  });

  instructions.getColumn(1).width = 120;
  INSTRUCTIONS_OF[kind][locale].forEach((line, i) => {
    const cell = instructions.getCell(`A${i + 1}`);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) cell.font = { bold: true, size: 14 };
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The template's file name, in the user's language. */
export const templateFileName = (kind: ImportKind, locale: Locale) =>
  locale === 'zh-CN' ? `${SHEET_NAMES[kind][locale]}导入模板.xlsx` : `${SHEET_NAMES[kind][locale]} import template.xlsx`;
