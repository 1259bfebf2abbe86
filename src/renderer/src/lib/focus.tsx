// Where keyboard focus goes when the screen changes under it, so it never drops to <body> (a screen
// reader would start again from the top of the page, a keyboard user from the first link):
//  - a new screen (route change, sign-in): its heading, the h1 of PageHeader (usePageHeadingFocus);
//  - a dialog closing: back to what opened it (useDialogFocusReturn), also when the dialog was
//    unmounted while open, which Mantine's own returnFocus does not see;
//  - the skip link: the heading of the screen, past header and navigation (focusMainContent).
import { createContext, useContext, useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { useLocation } from 'react-router';

export const MAIN_CONTENT_ID = 'main-content';

/** The shell's memory of which screen's heading has taken focus already, reset with each sign-in. */
const HeadingFocusContext = createContext<{ focusedFor: string | null } | null>(null);

export function HeadingFocusProvider({ children }: { children: ReactNode }) {
  const tracker = useRef({ focusedFor: null as string | null });
  return <HeadingFocusContext.Provider value={tracker.current}>{children}</HeadingFocusContext.Provider>;
}

/** Focus is nowhere a user would look for it. */
function isLost(active: Element | null): boolean {
  return !active || active === document.body || !active.isConnected;
}

/**
 * Focuses `heading` when its screen is new (another path) — unless the user or the screen already put
 * focus inside the page (an autofocused field, a click): only focus left on <body>, in the header, the
 * navigation or a closing dialog is moved. Filters that change the URL's query leave focus alone.
 */
export function usePageHeadingFocus(heading: RefObject<HTMLElement | null>): void {
  const tracker = useContext(HeadingFocusContext);
  const { pathname } = useLocation();
  useEffect(() => {
    if (!tracker || tracker.focusedFor === pathname) return;
    tracker.focusedFor = pathname;
    const element = heading.current;
    const active = document.activeElement;
    if (!element || (!isLost(active) && element.closest('main')?.contains(active))) return;
    element.focus({ preventScroll: true });
  }, [heading, pathname, tracker]);
}

/** The skip link's target: the screen's heading when there is one, else the main region itself. */
export function focusMainContent(): void {
  const main = document.getElementById(MAIN_CONTENT_ID);
  const heading = main?.querySelector<HTMLElement>('h1[tabindex]');
  (heading ?? main)?.focus();
}

const MODAL = '[role="dialog"][aria-modal="true"]';
/** Where focus goes inside an open popup; what opened the popup is the element focused before. */
const POPUP = `${MODAL}, [role="menu"], [role="listbox"]`;

/**
 * Gives focus back to what opened a dialog when the dialog closes and focus is left nowhere. Mantine
 * does this for a dialog that closes while mounted; a dialog rendered only while needed
 * (`{open && <Modal opened />}`) unmounts instead, and one opened from a menu item would return focus
 * to the item, gone with its menu. The opener is the last element focused (or clicked) outside any
 * dialog or menu: for a menu item, the menu's button. When the opener is gone too (the action removed
 * its row), the screen's heading takes focus.
 */
export function useDialogFocusReturn(): void {
  useEffect(() => {
    let opener: HTMLElement | null = null;
    let open = document.querySelector(MODAL) !== null;
    let timer = 0;
    const remember = (target: EventTarget | null) => {
      if (open || !(target instanceof HTMLElement) || target.closest(POPUP)) return;
      opener = target.closest<HTMLElement>('a[href], button, input, select, textarea, [tabindex]') ?? opener;
    };
    const onFocusIn = (event: FocusEvent) => remember(event.target);
    const onPointerDown = (event: PointerEvent) => remember(event.target);
    const observer = new MutationObserver(() => {
      const nowOpen = document.querySelector(MODAL) !== null;
      if (open && !nowOpen) {
        window.clearTimeout(timer);
        // After Mantine's own attempt (10 ms) and any navigation the dialog's action started.
        timer = window.setTimeout(() => {
          if (document.querySelector(MODAL) || !isLost(document.activeElement)) return;
          if (opener?.isConnected) opener.focus({ preventScroll: true });
          else focusMainContent();
        }, 50);
      }
      open = nowOpen;
    });
    document.addEventListener('focusin', onFocusIn, true);
    document.addEventListener('pointerdown', onPointerDown, true);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      window.clearTimeout(timer);
      observer.disconnect();
      document.removeEventListener('focusin', onFocusIn, true);
      document.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, []);
}
