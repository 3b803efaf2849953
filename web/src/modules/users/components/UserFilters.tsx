import { Flex, Input, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { ROLE_CODES, type RoleCode } from '../../../../../common/permissions';
import type { Unit } from '../../../../../common/schemas/organisation';
import { useI18n } from '../../../i18n';
import { USER_STATUSES, type UserStatus } from '../../../lib/enums';
import { buildUnitTree } from '../../units/utils/unit-tree';

export type UserFilterValues = { q?: string; unitId?: string; roleCode?: RoleCode; status?: UserStatus };

type UserFiltersProps = { value: UserFilterValues; units: Unit[]; onChange: (value: UserFilterValues) => void };

/** Search by name, and filter by unit, role and status. */
export function UserFilters({ value, units, onChange }: UserFiltersProps) {
  const { t } = useI18n();
  const unitTree = useMemo(() => buildUnitTree(units), [units]);
  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        placeholder={t('user.searchPlaceholder')}
        onSearch={(q) => onChange({ ...value, q: q.trim() || undefined })}
        style={{ maxWidth: 260 }}
        data-testid="user-search"
      />
      <TreeSelect
        allowClear
        treeData={unitTree}
        value={value.unitId}
        onChange={(unitId?: string) => onChange({ ...value, unitId })}
        placeholder={t('user.unit')}
        showSearch={{ treeNodeFilterProp: 'title' }}
        style={{ width: 220 }}
        data-testid="user-unit-filter"
      />
      <Select
        allowClear
        value={value.roleCode}
        onChange={(roleCode?: RoleCode) => onChange({ ...value, roleCode })}
        placeholder={t('user.role')}
        options={ROLE_CODES.map((code) => ({ value: code, label: t(`role.${code}`) }))}
        style={{ width: 160 }}
        data-testid="user-role-filter"
      />
      <Select
        allowClear
        value={value.status}
        onChange={(status?: UserStatus) => onChange({ ...value, status })}
        placeholder={t('user.status')}
        options={USER_STATUSES.map((status) => ({ value: status, label: t(`userStatus.${status}`) }))}
        style={{ width: 120 }}
        data-testid="user-status-filter"
      />
    </Flex>
  );
}
