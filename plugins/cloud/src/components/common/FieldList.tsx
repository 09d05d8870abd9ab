import { makeStyles } from '@material-ui/core/styles';
import type { ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(13rem, 1fr))',
    gap: theme.spacing(2, 3),
    margin: 0,
  },
  wide: {
    gridColumn: '1 / -1',
  },
  label: {
    color: theme.palette.text.secondary,
    textTransform: 'uppercase',
    fontSize: '0.75rem',
    fontWeight: 'bold',
    letterSpacing: 0.5,
    marginBottom: theme.spacing(0.5),
  },
  value: {
    margin: 0,
    fontSize: theme.typography.body2.fontSize,
    overflowWrap: 'anywhere',
  },
}));

/** Label/value pairs of a card, as a description list. */
export function FieldList(props: { children: ReactNode }) {
  const classes = useStyles();
  return <dl className={classes.list}>{props.children}</dl>;
}

/** One label/value pair of a {@link FieldList}. */
export function Field(props: {
  label: string;
  children: ReactNode;
  /** Spans the whole width of the card. */
  wide?: boolean;
}) {
  const classes = useStyles();
  return (
    <div className={props.wide ? classes.wide : undefined}>
      <dt className={classes.label}>{props.label}</dt>
      <dd className={classes.value}>{props.children}</dd>
    </div>
  );
}
