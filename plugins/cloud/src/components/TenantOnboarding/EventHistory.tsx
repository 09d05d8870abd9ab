import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Text } from '@backstage/ui';
import { makeStyles } from '@material-ui/core/styles';
import type { TenantEvent } from '@amue/plugin-cloud-common';
import { cloudTranslationRef } from '../../translation';
import { EventActor } from './EventActor';
import { useOnboardingLabels } from './labels';

const useStyles = makeStyles(theme => ({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    maxHeight: '32rem',
    overflowY: 'auto',
  },
  item: {
    padding: theme.spacing(1, 0),
    borderBottom: `1px solid ${theme.palette.divider}`,
    '&:last-child': { borderBottom: 'none' },
  },
  comment: {
    margin: theme.spacing(0.5, 0, 0),
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
}));

/** Newest first. */
export function newestFirst(events: readonly TenantEvent[]): TenantEvent[] {
  return [...events].sort((a, b) =>
    a.at === b.at ? b.id - a.id : b.at.localeCompare(a.at),
  );
}

/**
 * Events of a tenant, newest first: what happened, to which step, who did
 * it and when, with the comment or reason given.
 */
export function EventList(props: {
  events: readonly TenantEvent[];
  /** Shown when there is no event. */
  empty: string;
  /** Accessible name of the list. */
  label: string;
}) {
  const { events, empty, label } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(cloudTranslationRef);
  const labels = useOnboardingLabels();

  if (events.length === 0) {
    return <Text as="p">{empty}</Text>;
  }
  return (
    // The list scrolls: it takes the focus so a keyboard can scroll it.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <ol className={classes.list} aria-label={label} tabIndex={0}>
      {newestFirst(events).map(event => (
        <li key={event.id} className={classes.item}>
          <Text as="p" variant="body-small">
            <Text as="strong" variant="body-small" weight="bold">
              {labels.eventType(event.type)}
            </Text>
            {event.stepId &&
              ` · ${t('onboarding.events.step', {
                step: labels.step(event.stepId),
              })}`}
            {' · '}
            <EventActor actor={event.actor} />
            {' · '}
            <time dateTime={event.at}>{labels.dateTime(event.at)}</time>
          </Text>
          {event.comment && (
            <Text as="p" variant="body-medium" className={classes.comment}>
              {event.comment}
            </Text>
          )}
        </li>
      ))}
    </ol>
  );
}
