import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { makeStyles } from '@material-ui/core/styles';
import type { Key, ReactNode } from 'react';
import { cloudTranslationRef } from '../../translation';

const useStyles = makeStyles(theme => ({
  region: {
    overflow: 'auto',
    maxWidth: '100%',
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: 2,
    },
  },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    fontSize: '0.875rem',
    color: theme.palette.text.primary,
    '& th, & td': {
      padding: '0.375rem 0.75rem',
      borderBottom: `1px solid ${theme.palette.divider}`,
      textAlign: 'left',
      verticalAlign: 'middle',
    },
    '& thead th': {
      position: 'sticky',
      top: 0,
      zIndex: 1,
      backgroundColor: theme.palette.background.paper,
      fontWeight: 600,
      whiteSpace: 'nowrap',
    },
    '& tbody th': {
      fontWeight: 500,
    },
    '& tbody tr:hover': {
      backgroundColor: theme.palette.action.hover,
    },
  },
  stickyRowHeaders: {
    '& tbody th, & thead th:first-child': {
      position: 'sticky',
      left: 0,
      backgroundColor: theme.palette.background.paper,
      minWidth: '14rem',
    },
    '& thead th:first-child': {
      zIndex: 2,
    },
  },
  // Narrow columns: the headers wrap, the cells keep tight padding, so
  // that a dozen applications fit a laptop's width.
  compact: {
    '& th, & td': {
      padding: '0.3rem 0.4rem',
    },
    '& thead th:not(:first-child)': {
      whiteSpace: 'normal',
      minWidth: '5.5rem',
      verticalAlign: 'bottom',
    },
  },
  numeric: {
    textAlign: 'right !important' as 'right',
    fontVariantNumeric: 'tabular-nums',
    whiteSpace: 'nowrap',
  },
  caption: {
    captionSide: 'top',
    textAlign: 'left',
    fontWeight: 600,
    padding: '0.5rem 0',
  },
  hiddenCaption: {
    position: 'absolute',
    width: 1,
    height: 1,
    margin: -1,
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
}));

/** A column of a {@link DataTable}. */
export interface DataColumn<T> {
  id: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** The column that names the row: its cells are row headers. */
  rowHeader?: boolean;
  numeric?: boolean;
}

/**
 * A plain HTML data table: a caption, column headers (`th scope="col"`) and
 * a row header per row (`th scope="row"`), so that screen readers announce
 * both headers of each cell. It scrolls within a focusable region named
 * after the caption ("Table: …"), so that a keyboard can scroll it too.
 */
export function DataTable<T>(props: {
  caption: string;
  /** Show the caption above the table (otherwise for screen readers only). */
  showCaption?: boolean;
  columns: DataColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => Key;
  /** Maximum height of the scrolling region (CSS length). */
  maxHeight?: string;
  /** Keep the row headers in view when the table scrolls sideways. */
  stickyRowHeaders?: boolean;
  /** Narrow columns (many of them). */
  compact?: boolean;
}) {
  const { caption, showCaption, columns, rows, rowKey, maxHeight } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(cloudTranslationRef);
  return (
    <div
      className={classes.region}
      role="region"
      // Named apart from the section around it (unique landmarks).
      aria-label={t('adoption.tableRegion', { caption })}
      // A scrolling region must take the focus, so that a keyboard can
      // scroll it (WCAG 2.1.1; axe rule scrollable-region-focusable).
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      style={maxHeight ? { maxHeight } : undefined}
    >
      <table
        className={[
          classes.table,
          props.stickyRowHeaders ? classes.stickyRowHeaders : '',
          props.compact ? classes.compact : '',
        ].join(' ')}
      >
        <caption
          className={showCaption ? classes.caption : classes.hiddenCaption}
        >
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map(column => (
              <th
                key={column.id}
                scope="col"
                className={column.numeric ? classes.numeric : undefined}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(row => (
            <tr key={rowKey(row)}>
              {columns.map(column =>
                column.rowHeader ? (
                  <th key={column.id} scope="row">
                    {column.cell(row)}
                  </th>
                ) : (
                  <td
                    key={column.id}
                    className={column.numeric ? classes.numeric : undefined}
                  >
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
