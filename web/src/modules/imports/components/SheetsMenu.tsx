import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useNavigate } from 'react-router';
import { useCan } from '../../auth/hooks/use-me';
import { useDownload } from '../../projects/hooks/use-download';
import { type ImportKind, importsApi } from '../api/imports-api';
import { importPath, importPermission } from '../import-kinds';

type SheetsMenuProps = {
  /** The import kind the template and the import page are for. */
  kind: ImportKind;
  /** The words of the button and its three items, in the reader's language. */
  labels: { button: string; export: string; template: string; import: string };
  /** Downloads the page's records as the page's filters show them (answers the file's name). */
  exportSheet: () => Promise<string>;
  testId: string;
  iconOnly?: boolean | undefined;
};

/**
 * A register's Excel menu: export what the filters show (the file imports back as updates), and for its keepers the
 * template and the import page set to the kind (problems per row, the marked file, one commit).
 */
export function SheetsMenu({ kind, labels, exportSheet, testId, iconOnly }: SheetsMenuProps) {
  const navigate = useNavigate();
  const can = useCan();
  const { busy, download } = useDownload();
  const items = [
    { key: 'export', label: labels.export },
    // The template and the import for whoever may import the kind; everyone who sees the page may export.
    ...(can(importPermission(kind))
      ? [
          { key: 'template', label: labels.template },
          { key: 'import', label: labels.import },
        ]
      : []),
  ];
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items,
        onClick: ({ key }) => {
          if (key === 'import') navigate(importPath(kind));
          else download(() => (key === 'template' ? importsApi.template(kind) : exportSheet()));
        },
      }}
    >
      <Button icon={<FileExcelOutlined />} loading={busy} aria-label={labels.button} data-testid={testId}>
        {iconOnly ? null : labels.button}
      </Button>
    </Dropdown>
  );
}
