// A row's "more actions" menu that costs one button until it is opened: a menu mounts a popover, its
// positioning and a transition, and a list of 50 rows would mount 50 of them that nobody opens. The
// first click (or Enter/Space) mounts the menu and opens it; from then on it is an ordinary Mantine menu.
// Its button is a plain one styled as a subtle ActionIcon (app.css), for the same reason as the list's
// cells (lib/list/columns.tsx): one per row.
//   <RowMenu label={t('items.rowActions', …)}><Menu.Item …/>…</RowMenu>
import { Menu } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';

interface RowMenuProps {
  /** The button's accessible name: which row's actions (e.g. "Actions for SKU-1 at Main warehouse"). */
  label: string;
  /** Menu.Item, Menu.Divider… (rendered only while the menu is open). */
  children: ReactNode;
  iconSize?: number;
}

export function RowMenu({ label, children, iconSize = 18 }: RowMenuProps) {
  const [armed, setArmed] = useState(false);
  const [opened, setOpened] = useState(false);
  const target = useRef<HTMLButtonElement>(null);
  const hadFocus = useRef(false);
  // The menu's own button replaced the one clicked: it takes the focus first, then the menu opens, so
  // that closing the menu returns the focus to it as any Mantine menu does.
  useEffect(() => {
    if (!armed) return;
    if (hadFocus.current) target.current?.focus();
    setOpened(true);
  }, [armed]);
  const button = (
    <button
      ref={target}
      type="button"
      className="app-row-menu-button mantine-focus-auto"
      aria-label={label}
      aria-haspopup="menu"
      onClick={(event) => {
        // A click on the row (when rows open something) is not a click on its menu.
        event.stopPropagation();
        if (armed) return;
        hadFocus.current = document.activeElement === event.currentTarget;
        setArmed(true);
      }}
    >
      <IconDots size={iconSize} aria-hidden />
    </button>
  );
  if (!armed) return button;
  return (
    <Menu opened={opened} onChange={setOpened} position="bottom-end" withinPortal>
      <Menu.Target>{button}</Menu.Target>
      <Menu.Dropdown>{children}</Menu.Dropdown>
    </Menu>
  );
}
