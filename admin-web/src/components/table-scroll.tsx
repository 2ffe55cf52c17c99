import type { ReactNode } from 'react';

/** A wide table scrolls sideways on small screens; the region is focusable so keyboard users can scroll it too. */
export function TableScroll({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-scroll" tabIndex={0} aria-label={label}>
      <div style={{ minWidth }}>{children}</div>
    </section>
  );
}
