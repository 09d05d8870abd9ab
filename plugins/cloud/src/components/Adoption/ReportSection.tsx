import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Card, CardBody, Flex, Text } from '@backstage/ui';
import { makeStyles } from '@material-ui/core/styles';
import { ReactElement, ReactNode, useId, useState } from 'react';
import { ResponsiveContainer } from 'recharts';
import { cloudTranslationRef } from '../../translation';

const useStyles = makeStyles(theme => ({
  details: {
    marginTop: theme.spacing(1),
    '& > summary': {
      cursor: 'pointer',
      width: 'fit-content',
      padding: theme.spacing(0.5, 0),
      color: theme.palette.text.primary,
      textDecoration: 'underline',
    },
    '& > summary:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: 2,
    },
  },
  chart: {
    width: '100%',
  },
}));

/**
 * A view of the dashboard: a card with a level-2 heading, an optional
 * description and actions (the CSV export), labelled by its heading.
 */
export function ReportSection(props: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { title, description, actions, children } = props;
  const headingId = useId();
  return (
    <Card>
      <CardBody>
        <section aria-labelledby={headingId}>
          <Flex direction="column" gap="3">
            <Flex
              justify="between"
              align="center"
              gap="3"
              style={{ flexWrap: 'wrap' }}
            >
              <Text as="h2" variant="title-small" id={headingId}>
                {title}
              </Text>
              {actions}
            </Flex>
            {description && (
              <Text as="p" variant="body-medium" color="secondary">
                {description}
              </Text>
            )}
            {children}
          </Flex>
        </section>
      </CardBody>
    </Card>
  );
}

/**
 * A chart with its text alternatives: the chart itself is an image named by
 * `summary` (every figure in words), and its data is offered as a table in
 * a disclosure that any keyboard opens.
 */
export function ChartFigure(props: {
  summary: string;
  height: number;
  chart: ReactElement;
  table: ReactNode;
}) {
  const { summary, height, chart, table } = props;
  const classes = useStyles();
  return (
    <div>
      <div
        role="img"
        aria-label={summary}
        className={classes.chart}
        style={{ height }}
      >
        <ResponsiveContainer
          width="100%"
          height={height}
          // The size used until the container is measured (and in tests).
          initialDimension={{ width: 800, height }}
        >
          {chart}
        </ResponsiveContainer>
      </div>
      <TableDisclosure>{table}</TableDisclosure>
    </div>
  );
}

/**
 * The data of a view as a table, in a disclosure ("Show the figures as a
 * table") that any keyboard opens. With `drawnWhenOpened`, the table is
 * drawn the first time it is opened, not with the page: the table of the
 * map has a row per establishment (3,500 in the whole of French higher
 * education), which only those who open it should pay for.
 */
export function TableDisclosure(props: {
  children: ReactNode;
  drawnWhenOpened?: boolean;
}) {
  const { children, drawnWhenOpened } = props;
  const { t } = useTranslationRef(cloudTranslationRef);
  const classes = useStyles();
  const [opened, setOpened] = useState(false);
  return (
    <details
      className={classes.details}
      onToggle={event => {
        if (event.currentTarget.open) {
          setOpened(true);
        }
      }}
    >
      <summary>{t('adoption.showTable')}</summary>
      {(opened || !drawnWhenOpened) && children}
    </details>
  );
}
