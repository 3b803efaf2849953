import { theme } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

type ShellTextProps = { children: ReactNode; strong?: boolean; secondary?: boolean; style?: CSSProperties; 'data-testid'?: string };

/**
 * A line of text in the frame (brand, user name) in Ant Design's colours. Not Typography: that brings its in-place
 * editor (Input, TextArea) and copy button into the first page's JavaScript.
 */
export function ShellText({ children, strong, secondary, style, 'data-testid': testId }: ShellTextProps) {
  const { token } = theme.useToken();
  return (
    <span
      data-testid={testId}
      style={{
        color: secondary ? token.colorTextSecondary : token.colorText,
        fontWeight: strong ? token.fontWeightStrong : undefined,
        ...style,
      }}
    >
      {children}
    </span>
  );
}
