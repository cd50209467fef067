import { type ReactNode, useLayoutEffect, useRef } from 'react';

/**
 * A table's frame. Wide screens: the table, scrolling sideways if it must. Phone-sized screens (styles.css):
 * each row becomes a card whose cells carry their column's name (data-label, copied here from the header),
 * so no column is squeezed to a few characters. Focusable, so that a keyboard can scroll it too (a scrollable
 * region without focusable content is out of keyboard reach: WCAG 2.1.1).
 */
export function TableWrap({ children }: { children: ReactNode }) {
  const frame = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    for (const table of frame.current?.querySelectorAll('table') ?? []) {
      const labels = [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
      for (const row of table.querySelectorAll('tbody tr')) {
        [...row.children].forEach((cell, index) => cell.setAttribute('data-label', labels[index] ?? ''));
      }
    }
  });
  return (
    <div className="table-wrap" tabIndex={0} ref={frame}>
      {children}
    </div>
  );
}
