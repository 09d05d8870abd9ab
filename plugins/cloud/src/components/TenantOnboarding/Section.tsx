import { makeStyles } from '@material-ui/core/styles';
import { ReactNode, useId } from 'react';

const useStyles = makeStyles(theme => ({
  section: {
    backgroundColor: theme.palette.background.paper,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(2, 3, 3),
    minWidth: 0,
  },
  heading: {
    margin: theme.spacing(0, 0, 2),
    fontSize: '1.25rem',
    fontWeight: 600,
  },
}));

/** A titled region of the onboarding pages (a level-2 heading). */
export function Section(props: {
  title: string;
  children: ReactNode;
  className?: string;
}) {
  const classes = useStyles();
  const id = useId();
  return (
    <section
      className={`${classes.section} ${props.className ?? ''}`}
      aria-labelledby={id}
    >
      <h2 id={id} className={classes.heading}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}
