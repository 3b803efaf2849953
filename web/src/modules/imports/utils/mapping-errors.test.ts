import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import { splitMappingErrors } from './mapping-errors';

describe('splitMappingErrors', () => {
  it('puts each column detail on its row and keeps the others on the error', () => {
    const error = new ApiError(400, 'validation_failed', '请求内容有误', [
      { path: 'columns.3.field', message: '“项目名称”已用于 B 列' },
      { path: 'columns.3.column', message: '文件中没有 Z 列' },
      { path: 'columns.9.field', message: '超出' },
      { path: 'columns', message: '至少一列' },
    ]);
    const { byRow, rest } = splitMappingErrors(error, 5);
    expect([...byRow]).toEqual([[3, '“项目名称”已用于 B 列; 文件中没有 Z 列']]);
    expect(rest).toBeInstanceOf(ApiError);
    expect((rest as ApiError).details.map((d) => d.path)).toEqual(['columns.9.field', 'columns']);
    expect((rest as ApiError).message).toBe('请求内容有误');
  });

  it('leaves an error without details as it is', () => {
    const error = new ApiError(409, 'conflict', '导入任务正在检查');
    expect(splitMappingErrors(error, 3)).toEqual({ byRow: new Map(), rest: error });
    const crash = new Error('boom');
    expect(splitMappingErrors(crash, 3).rest).toBe(crash);
  });
});
