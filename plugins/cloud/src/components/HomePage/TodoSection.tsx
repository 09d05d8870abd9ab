import type { TodoItem, TodoRole } from '@amue/plugin-cloud-common';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { Alert, Button, Flex, Text } from '@backstage/ui';
import { makeStyles } from '@material-ui/core/styles';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cloudApiRef } from '../../api';
import {
  useApplications,
  useEstablishments,
  useTenantSignal,
} from '../../hooks';
import { cloudTranslationRef } from '../../translation';
import { DueDate } from '../common/DueDate';
import { useCloudLabels } from '../common/labels';
import { useOnboardingLabels } from '../TenantOnboarding/labels';
import { REQUESTS_PATH, tenantPagePath } from '../TenantOnboarding/paths';

const DAY_MS = 24 * 60 * 60 * 1000;

const useStyles = makeStyles(theme => ({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    gap: theme.spacing(0.5, 2),
    padding: theme.spacing(1.5, 0),
    borderBottom: `1px solid ${theme.palette.divider}`,
    '&:last-child': {
      borderBottom: 'none',
    },
  },
  what: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
    minWidth: 0,
    flex: '1 1 24rem',
  },
  reason: {
    overflowWrap: 'anywhere',
  },
  title: {
    fontWeight: 600,
  },
}));

/** Where the action of a line is done. */
export function todoLinkOf(item: Pick<TodoItem, 'kind' | 'tenant' | 'step'>) {
  return item.kind === 'request'
    ? REQUESTS_PATH
    : `${tenantPagePath(item.tenant)}#step-${item.step}`;
}

const INTROS: Record<
  TodoRole,
  | 'todo.introEstablishment'
  | 'todo.introProductOwner'
  | 'todo.introAdministrator'
> = {
  establishment: 'todo.introEstablishment',
  'product-owner': 'todo.introProductOwner',
  administrator: 'todo.introAdministrator',
};

const EMPTY: Record<
  TodoRole,
  | 'todo.emptyEstablishment'
  | 'todo.emptyProductOwner'
  | 'todo.emptyAdministrator'
> = {
  establishment: 'todo.emptyEstablishment',
  'product-owner': 'todo.emptyProductOwner',
  administrator: 'todo.emptyAdministrator',
};

function TodoLine(props: {
  item: TodoItem;
  showEstablishment: boolean;
  establishmentTitle: (name: string) => string;
  applicationTitle: (name: string) => string;
}) {
  const { item, showEstablishment, establishmentTitle, applicationTitle } =
    props;
  const { t } = useTranslationRef(cloudTranslationRef);
  const classes = useStyles();
  const labels = useOnboardingLabels();
  const cloudLabels = useCloudLabels();
  const application = applicationTitle(item.application);
  const environment = cloudLabels.environment(item.environment);
  const title =
    item.kind === 'request'
      ? t('todo.request', { application, environment })
      : t('todo.step', {
          step: labels.step(item.step),
          application,
          environment,
        });
  const ageDays = Math.floor((Date.now() - Date.parse(item.since)) / DAY_MS);

  return (
    <li
      className={classes.item}
      data-tenant={item.tenant}
      data-step={item.step}
    >
      <div className={classes.what}>
        <Link
          className={classes.title}
          to={todoLinkOf(item)}
          aria-label={`${title} — ${
            item.kind === 'request'
              ? t('todo.openRequests')
              : t('todo.openStep')
          }`}
        >
          {title}
        </Link>
        {showEstablishment && (
          <Text variant="body-small" color="secondary">
            {establishmentTitle(item.establishment)}
          </Text>
        )}
        {item.status === 'blocked' && (
          <Text variant="body-small" className={classes.reason}>
            {item.reason
              ? t('todo.blocked', { reason: item.reason })
              : t('todo.blockedNoReason')}
          </Text>
        )}
      </div>
      <Flex direction="column" gap="1" align="end">
        <DueDate step={item} hideNone={item.kind === 'request'} />
        {item.kind === 'request' && (
          <Text variant="body-small" color="secondary">
            {ageDays < 1
              ? t('todo.requestedToday')
              : t('todo.requestedAgo', { count: ageDays })}
          </Text>
        )}
      </Flex>
    </li>
  );
}

/**
 * "À faire", at the top of the home page: what the signed-in person must do
 * next, as the backend decides it per role (`GET /todo`), the overdue
 * lines first, read again when a tenant changes (signals). Each line links
 * to where the action is done: the tenant's onboarding page at the step,
 * or "Requests" for a request to qualify.
 */
export function TodoSection() {
  const { t } = useTranslationRef(cloudTranslationRef);
  const classes = useStyles();
  const cloudApi = useApi(cloudApiRef);
  const todo = useAsyncRetry(() => cloudApi.listTodo(), [cloudApi]);
  // A tenant changed (someone acted, here or elsewhere): read the list
  // again, keeping the current one on screen meanwhile.
  useTenantSignal(() => todo.retry());
  const role = todo.value?.role;
  const showEstablishment = Boolean(role) && role !== 'establishment';
  const applications = useApplications();
  const establishments = useEstablishments(showEstablishment);

  let body;
  if (todo.loading && !todo.value) {
    body = <Progress />;
  } else if (todo.error || !todo.value) {
    body = (
      <Alert
        status="danger"
        icon
        role="alert"
        title={t('todo.error', { message: todo.error?.message ?? '' })}
        customActions={
          <Button variant="secondary" size="small" onPress={todo.retry}>
            {t('todo.retry')}
          </Button>
        }
      />
    );
  } else {
    const { items, total } = todo.value;
    body = (
      <Flex direction="column" gap="2">
        <Text as="p" color="secondary">
          {t(INTROS[todo.value.role])}
        </Text>
        {items.length === 0 ? (
          <Text as="p">{t(EMPTY[todo.value.role])}</Text>
        ) : (
          <ul className={classes.list} aria-label={t('todo.title')}>
            {items.map(item => (
              <TodoLine
                key={`${item.kind}:${item.tenant}:${item.step}`}
                item={item}
                showEstablishment={showEstablishment}
                applicationTitle={name =>
                  applications.value?.get(name)?.title ?? name
                }
                establishmentTitle={name =>
                  establishments.value?.get(name)?.title ?? name
                }
              />
            ))}
          </ul>
        )}
        {total > items.length && (
          <Text as="p" variant="body-small" color="secondary">
            {t('todo.truncated', {
              shown: String(items.length),
              total: String(total),
            })}
          </Text>
        )}
      </Flex>
    );
  }

  return (
    <section aria-label={t('todo.title')}>
      <InfoCard title={t('todo.title')}>{body}</InfoCard>
    </section>
  );
}
