import type { ReactNode } from 'react';

/**
 * A wide table scrolls sideways on a phone. Keyboard users scroll it too, so it takes focus and has a
 * name; it is positioned so that screen-reader-only text inside cannot widen the page.
 */
export function TableScroll({
  label,
  framed = true,
  children,
}: {
  label: string;
  framed?: boolean;
  children: ReactNode;
}) {
  return (
    <section
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
      tabIndex={0}
      className={`relative overflow-x-auto ${framed ? 'rounded-xl border border-line bg-surface' : ''}`}
    >
      {children}
    </section>
  );
}
