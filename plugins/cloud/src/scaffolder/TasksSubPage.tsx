import {
  Content,
  Link,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import {
  appLanguageApiRef,
  TranslationFunction,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import {
  scaffolderApiRef,
  ScaffolderTask,
  useTaskEventStream,
} from '@backstage/plugin-scaffolder-react';
import {
  DefaultTemplateOutputs,
  TaskLogStream,
} from '@backstage/plugin-scaffolder-react/alpha';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { useMemo, useState } from 'react';
import { Route, Routes, useNavigate, useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { cloudTranslationRef } from '../translation';
import { taskFailureKey } from './taskFailure';

/** A task's or a step's status in the reader's language. */
function statusLabel(
  t: TranslationFunction<(typeof cloudTranslationRef)['T']>,
  status?: string,
): string {
  switch (status) {
    case 'processing':
      return t('scaffolder.tasks.statuses.processing');
    case 'completed':
      return t('scaffolder.tasks.statuses.completed');
    case 'failed':
      return t('scaffolder.tasks.statuses.failed');
    case 'cancelled':
      return t('scaffolder.tasks.statuses.cancelled');
    case 'skipped':
      return t('scaffolder.tasks.statuses.skipped');
    default:
      return t('scaffolder.tasks.statuses.open');
  }
}

function TaskList() {
  const { t } = useTranslationRef(cloudTranslationRef);
  const scaffolderApi = useApi(scaffolderApiRef);
  const language = useApi(appLanguageApiRef).getLanguage().language;
  const { value, loading, error } = useAsync(
    () => scaffolderApi.listTasks!({ filterByOwnership: 'owned', limit: 100 }),
    [scaffolderApi],
  );
  const date = (iso: string) =>
    new Intl.DateTimeFormat(language, {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(iso));
  const columns: TableColumn<ScaffolderTask>[] = [
    {
      title: t('scaffolder.tasks.template'),
      render: task => (
        <Link to={task.id}>
          {task.spec.templateInfo?.entity?.metadata?.title ??
            task.spec.templateInfo?.entity?.metadata?.name ??
            task.id}
        </Link>
      ),
    },
    {
      title: t('scaffolder.tasks.created'),
      render: task => date(task.createdAt),
    },
    {
      title: t('scaffolder.tasks.status'),
      render: task => statusLabel(t, task.status),
    },
  ];
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <Alert severity="error">
        {t('scaffolder.tasks.error', { message: error.message })}
      </Alert>
    );
  }
  return (
    <Table<ScaffolderTask>
      title={t('scaffolder.tasks.title')}
      columns={columns}
      data={value?.tasks ?? []}
      options={{ paging: false, search: false }}
      localization={{
        body: { emptyDataSourceMessage: t('scaffolder.tasks.empty') },
      }}
    />
  );
}

type StepView = {
  id: string;
  name: string;
  status?: string;
  startedAt?: string;
  endedAt?: string;
};

/** Colours of a step's state, readable on white. */
const STEP_TONES: Record<string, string> = {
  completed: '#1b5e20',
  failed: '#c62828',
  processing: '#1d4f91',
};

/**
 * The steps of a task, each with its state and duration in the reader's
 * language (an ordered list, readable by screen readers).
 */
function TaskStepList(props: { steps: StepView[] }) {
  const { t } = useTranslationRef(cloudTranslationRef);
  const language = useApi(appLanguageApiRef).getLanguage().language;
  const duration = (step: StepView) => {
    if (!step.startedAt || !step.endedAt) {
      return undefined;
    }
    const seconds = Math.max(
      0,
      Math.round(
        (new Date(step.endedAt).getTime() -
          new Date(step.startedAt).getTime()) /
          1000,
      ),
    );
    return new Intl.NumberFormat(language, {
      style: 'unit',
      unit: seconds < 60 ? 'second' : 'minute',
      unitDisplay: 'long',
    }).format(seconds < 60 ? seconds : Math.round(seconds / 60));
  };
  return (
    <Box component="ol" m={0} pl={3}>
      {props.steps.map(step => {
        const took = duration(step);
        return (
          <li key={step.id} style={{ marginBottom: 4 }}>
            <Typography component="span" variant="body1">
              {step.name}
            </Typography>
            {' — '}
            <Typography
              component="span"
              variant="body2"
              style={{
                color: STEP_TONES[step.status ?? ''] ?? '#555555',
                fontWeight: 600,
              }}
            >
              {statusLabel(t, step.status)}
            </Typography>
            {took && (
              <Typography component="span" variant="body2">
                {` (${took})`}
              </Typography>
            )}
          </li>
        );
      })}
    </Box>
  );
}

function TaskDetail() {
  const { taskId = '' } = useParams();
  const { t } = useTranslationRef(cloudTranslationRef);
  const stream = useTaskEventStream(taskId);
  const navigate = useNavigate();
  const [logsVisible, setLogsVisible] = useState(false);
  const steps = useMemo(
    () =>
      stream.task?.spec.steps.map(step => ({
        ...step,
        ...stream.steps?.[step.id],
      })) ?? [],
    [stream],
  );
  const failedStep = steps.find(step => step.status === 'failed');
  const title =
    stream.task?.spec.templateInfo?.entity?.metadata?.title ??
    stream.task?.spec.templateInfo?.entity?.metadata?.name;
  const startOver = () => {
    const metadata = stream.task?.spec.templateInfo?.entity?.metadata;
    if (!metadata?.name) {
      return;
    }
    const formData = encodeURIComponent(
      JSON.stringify(stream.task?.spec.parameters ?? {}),
    );
    navigate(
      `../../templates/${metadata.namespace ?? 'default'}/${
        metadata.name
      }?formData=${formData}`,
      { relative: 'path' },
    );
  };

  return (
    <Content>
      <div id="cloud-task">
        {title && (
          <Typography variant="h5" component="h2" gutterBottom>
            {title}
          </Typography>
        )}
        {stream.error && (
          <Box mb={2}>
            <Alert severity="error" role="alert">
              <AlertTitle>{t('scaffolder.task.failedTitle')}</AlertTitle>
              {t(taskFailureKey(stream.error), {
                step: failedStep?.name ?? '',
              })}
            </Alert>
          </Box>
        )}
        <Box mb={2}>
          <Paper>
            <Box p={2}>
              <TaskStepList steps={steps} />
            </Box>
          </Paper>
        </Box>
        <DefaultTemplateOutputs output={stream.output} />
        <Box mb={2}>
          <Paper>
            <Box p={2} display="flex" justifyContent="flex-end">
              {stream.error && (
                <Box mr={1}>
                  <Button
                    variant="contained"
                    color="primary"
                    onClick={startOver}
                  >
                    {t('scaffolder.task.startOver')}
                  </Button>
                </Box>
              )}
              <Button
                variant="outlined"
                onClick={() => setLogsVisible(visible => !visible)}
                aria-expanded={logsVisible}
              >
                {logsVisible
                  ? t('scaffolder.task.hideLogs')
                  : t('scaffolder.task.showLogs')}
              </Button>
            </Box>
          </Paper>
        </Box>
        {logsVisible && (
          <Paper style={{ height: 400 }}>
            <TaskLogStream logs={stream.stepLogs} />
          </Paper>
        )}
      </div>
    </Content>
  );
}

/**
 * The "Tâches" sub-page of /create: the person's tasks, and one task as it
 * runs. A failure is told as a sentence in the reader's language (from the
 * kind of error: refused, already existing, invalid, unavailable) naming
 * the step that failed; the technical log stays behind a button.
 */
export function TasksSubPage() {
  return (
    <Routes>
      <Route
        index
        element={
          <Content>
            <TaskList />
          </Content>
        }
      />
      <Route path=":taskId" element={<TaskDetail />} />
    </Routes>
  );
}
