/**
 * A column title allowed to wrap onto two lines ("Back ordered"), so narrow numeric columns fit a
 * laptop screen. mantine-datatable keeps titles on one line with an ellipsis; the title's own element
 * may wrap inside that, and the column's `width` decides where.
 */
export function wrapping(title: string) {
  return (
    <span style={{ whiteSpace: 'normal', display: 'block', lineHeight: 1.25 }} title={title}>
      {title}
    </span>
  );
}
