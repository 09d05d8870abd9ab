import { makeStyles, Theme } from '@material-ui/core/styles';
import useMediaQuery from '@material-ui/core/useMediaQuery';
import type { Key } from 'react';
import { DataColumn, DataTable } from '../Adoption/DataTable';

const useStyles = makeStyles(theme => ({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1.5),
  },
  card: {
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    backgroundColor: theme.palette.background.paper,
    padding: theme.spacing(1.5, 2),
  },
  title: {
    margin: 0,
    fontSize: '1rem',
    fontWeight: 600,
    overflowWrap: 'anywhere',
  },
  facts: {
    margin: theme.spacing(1, 0, 0),
    display: 'grid',
    gridTemplateColumns: 'minmax(7rem, max-content) 1fr',
    gap: theme.spacing(0.75, 1.5),
    fontSize: '0.875rem',
    '& dt': { fontWeight: 600, color: theme.palette.text.secondary },
    '& dd': { margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
  },
}));

/**
 * A {@link DataTable} on a wide screen; on a phone (below MUI's `sm`
 * breakpoint, 600 px) the same rows as a list of cards, each column a
 * "header: value" line, so that no column is pushed out of the screen.
 */
export function ResponsiveTable<T>(props: {
  caption: string;
  columns: DataColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => Key;
}) {
  const { caption, columns, rows, rowKey } = props;
  const classes = useStyles();
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('xs'));
  if (!narrow) {
    return <DataTable {...props} />;
  }
  const title = columns.find(c => c.rowHeader) ?? columns[0];
  return (
    <ul className={classes.list} aria-label={caption}>
      {rows.map(row => (
        <li key={rowKey(row)} className={classes.card}>
          <h3 className={classes.title}>{title.cell(row)}</h3>
          <dl className={classes.facts}>
            {columns
              .filter(column => column !== title)
              .map(column => (
                <div key={column.id} style={{ display: 'contents' }}>
                  <dt>{column.header}</dt>
                  <dd>{column.cell(row)}</dd>
                </div>
              ))}
          </dl>
        </li>
      ))}
    </ul>
  );
}
