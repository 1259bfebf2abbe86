// The height a list's table may take so that the whole table — its sticky header, its horizontal
// scroll bar and its pager — fits the window: from the table's top to the window's bottom when that
// leaves room for a useful table, else the window's height below the app header (the page then
// scrolls once to bring the whole table into view). Measured again when the window or the page changes.
import { useLayoutEffect, useState, type RefObject } from 'react';

/** Below this the table is too short to read: it takes the window's height instead. */
const MIN_HEIGHT = 320;
/** The space kept under the table (the page's padding). */
const BOTTOM_GAP = 16;

/** Where the app's fixed header ends (0 outside the shell): a table scrolled into view starts below it. */
function headerBottom(): number {
  return document.querySelector('.mantine-AppShell-header')?.getBoundingClientRect().bottom ?? 0;
}

/** The pure rule, given where the table starts on the page and the window's height. */
export function fitHeight(tableTop: number, windowHeight: number, header: number): number {
  const belowTop = windowHeight - tableTop - BOTTOM_GAP;
  if (belowTop >= MIN_HEIGHT) return Math.floor(belowTop);
  return Math.floor(Math.max(MIN_HEIGHT, windowHeight - header - 2 * BOTTOM_GAP));
}

export function useFitHeight(ref: RefObject<HTMLElement | null>, enabled = true): number | undefined {
  const [height, setHeight] = useState<number>();
  useLayoutEffect(() => {
    const element = ref.current;
    if (!enabled || !element) return;
    const measure = () => setHeight(fitHeight(element.getBoundingClientRect().top + window.scrollY, window.innerHeight, headerBottom()));
    measure();
    // What is above the table may change height (a filter bar that wraps, a notice that appears): the
    // body's size changes with it. The table's own growth leaves its top where it is, so this settles.
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [ref, enabled]);
  return height;
}
