import type { CSSProperties, ReactNode } from 'react';

type ShellTextProps = { children: ReactNode; strong?: boolean; secondary?: boolean; style?: CSSProperties; 'data-testid'?: string };

/**
 * A line of text in the frame (brand, user name) in Ant Design's colours, read from the CSS variables its
 * ConfigProvider sets. Neither Typography (its in-place editor and copy button) nor `theme.useToken` (the dark and
 * compact algorithms with it) in the first page's JavaScript.
 */
export function ShellText({ children, strong, secondary, style, 'data-testid': testId }: ShellTextProps) {
  return (
    <span
      data-testid={testId}
      style={{
        color: secondary ? 'var(--ant-color-text-secondary)' : 'var(--ant-color-text)',
        fontWeight: strong ? 'var(--ant-font-weight-strong)' : undefined,
        ...style,
      }}
    >
      {children}
    </span>
  );
}
