import type { ReactNode } from 'react';

/**
 * A table's frame, scrolling sideways on narrow screens. Focusable, so that a keyboard can scroll it too
 * (a scrollable region without focusable content is out of keyboard reach: WCAG 2.1.1).
 */
export function TableWrap({ children }: { children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0}>
      {children}
    </div>
  );
}
