import { textColumn } from '../../../lib/spreadsheets/columns/define';

/**
 * The columns that say which project a row of a track sheet belongs to: its 项目代码, else its name within the
 * district (the same matching a projects import uses).
 */
export const projectKeyColumns = [
  textColumn(
    'projectCode',
    { 'zh-CN': '项目代码', 'en-US': 'Project code' },
    { width: 28, synonyms: ['项目编码', '统一项目代码', '投资项目代码', 'code'] },
  ),
  textColumn(
    'projectName',
    { 'zh-CN': '项目名称', 'en-US': 'Project name' },
    { width: 36, synonyms: ['项目', '项目名', '建设项目名称', 'project', 'name'] },
  ),
];
