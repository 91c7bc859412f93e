import { type CSSProperties, type ReactNode, useEffect, useRef, useState } from 'react';

type TableScrollProps = {
  /** What the table holds, for screen readers when its frame scrolls: « Versions du référentiel ». */
  label: string;
  /** Below this width the table scrolls sideways inside its frame, never the page. */
  minWidth?: number;
  /** The `<Table>`. */
  children: ReactNode;
};

/**
 * The frame of every table: on a narrow screen the table scrolls sideways inside it, never
 * the page (styles in app/global.css). While it does scroll, the frame is a named region
 * that takes keyboard focus, so that arrow keys scroll it (WCAG 2.1.1).
 */
export function TableScroll({ label, minWidth, children }: TableScrollProps) {
  const frame = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);

  // Measured after each render (rows arrive) and whenever the frame changes size.
  useEffect(() => {
    const element = frame.current;
    if (element) setScrolls(element.scrollWidth > element.clientWidth + 1);
  });
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setScrolls(element.scrollWidth > element.clientWidth + 1));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const style = minWidth ? ({ '--table-min-width': `${minWidth}px` } as CSSProperties) : undefined;
  return (
    <div
      ref={frame}
      className="table-scroll"
      style={style}
      {...(scrolls ? { role: 'region', 'aria-label': `Tableau : ${label}`, tabIndex: 0 } : {})}
    >
      {children}
    </div>
  );
}
