// How the scaffold's column options become the table's columns: wrapped titles, truncated
// cells with their full text on hover, and the identifying cell as a real link. Cells are plain
// elements styled by app.css (app-cell-truncate, app-row-link), not Mantine components: see there.
import type { ReactNode } from 'react';
import { AppLink } from '../AppLink';
import { cellContent, type TableColumn } from './TableView';
import type { ListColumn } from './useListView';

/**
 * A column title allowed to wrap onto two lines ("Back ordered"), so narrow numeric columns fit a
 * laptop screen. Titles stay on one line unless wrapped so; the column's `width` decides where.
 */
export function wrapping(title: string) {
  return (
    <span style={{ whiteSpace: 'normal', display: 'block', lineHeight: 1.25 }} title={title}>
      {title}
    </span>
  );
}

/** The text a truncated cell shows on hover. */
function fullTextOf<T>(column: ListColumn<T>, row: T, content: ReactNode): string | undefined {
  const text = column.fullText ? column.fullText(row) : typeof content === 'string' || typeof content === 'number' ? String(content) : undefined;
  return text ? text : undefined;
}

/** The columns on screen as the table takes them; `rowHref` makes the `link` column a link. */
export function tableColumns<T>(columns: ListColumn<T>[], rowHref?: (row: T) => string): TableColumn<T>[] {
  return columns.map((column) => {
    const { alwaysShown: _a, label: _l, wrapTitle, truncate, fullText: _f, link, sortKey: _s, ...rest } = column;
    const out: TableColumn<T> = { ...rest };
    if (wrapTitle && typeof column.title === 'string') out.title = wrapping(column.title);
    const linked = link && rowHref;
    if (truncate || linked) {
      out.render = (row, index) => {
        let content = cellContent(column, row, index);
        if (truncate) {
          content = (
            <span className="app-cell-truncate" style={{ maxWidth: truncate }} title={fullTextOf(column, row, content)}>
              {content}
            </span>
          );
        }
        if (linked) {
          content = (
            // A real link: Tab reaches it, Enter opens it, Ctrl/middle-click opens a new tab (a new window in the desktop app).
            // mantine-focus-auto: Mantine's keyboard focus ring, as on its own links.
            <AppLink className="app-row-link mantine-focus-auto" to={rowHref(row)} onClick={(e) => e.stopPropagation()} data-row-link>
              {content}
            </AppLink>
          );
        }
        return content;
      };
    }
    return out;
  });
}
