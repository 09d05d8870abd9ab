import { useRouteRef, useTranslationRef } from '@backstage/frontend-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { Button, Flex, Text } from '@backstage/ui';
import { makeStyles } from '@material-ui/core/styles';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { cloudTranslationRef } from '../../translation';
import { FilterSelect } from '../common/FilterSelect';
import { CsvExportButton } from './CsvExportButton';
import { DataColumn, DataTable } from './DataTable';
import { ReportSection } from './ReportSection';
import { AdoptionStatePill } from './states';
import type {
  AdoptionReport,
  EstablishmentAdoption,
} from '@amue/plugin-cloud-common';
import { useAdoptionLabels } from './useAdoptionLabels';

const useStyles = makeStyles(theme => ({
  // A plain router link: the matrix holds one per establishment.
  link: {
    color:
      (theme.palette as { link?: string }).link ?? theme.palette.primary.main,
    textDecoration: 'none',
    '&:hover': { textDecoration: 'underline' },
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: 2,
    },
  },
  // An application's header: a button that looks like a link.
  headerButton: {
    font: 'inherit',
    fontWeight: 600,
    color:
      (theme.palette as { link?: string }).link ?? theme.palette.primary.main,
    background: 'none',
    border: 'none',
    padding: 0,
    cursor: 'pointer',
    textAlign: 'left',
    textDecoration: 'underline',
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: 2,
    },
  },
}));

/**
 * Rows drawn at a time: the whole matrix (about 230 rows of 14 cells)
 * takes several hundred milliseconds to draw on a modest machine, and the
 * filters find an establishment faster than scrolling does.
 */
export const MATRIX_PAGE_SIZE = 50;

/** How far an establishment got: applications live, then under way. */
function activityOf(row: EstablishmentAdoption): [number, number] {
  let live = 0;
  let inProgress = 0;
  for (const state of Object.values(row.cells)) {
    if (state === 'live') {
      live += 1;
    } else if (state === 'in_progress') {
      inProgress += 1;
    }
  }
  return [live, inProgress];
}

/** How the rows are sorted. */
type MatrixOrder = 'activity' | 'name';

/**
 * The establishments × applications matrix of the adoption report, for the
 * page's filters (applied by the backend). The most active establishments
 * come first (applications live, then under way), and those with nothing
 * started are hidden until asked for; each cell says its state in words
 * beside a mark; the establishment column stays in view when the table
 * scrolls sideways. An application's header narrows the whole page to it
 * (its funnel and durations).
 */
export function MatrixSection(props: {
  report: AdoptionReport;
  /** Narrows the page to one application (the drill-down). */
  onSelectApplication?: (application: string) => void;
}) {
  const { report, onSelectApplication } = props;
  const { t } = useTranslationRef(cloudTranslationRef);
  const labels = useAdoptionLabels();
  const entityRoute = useRouteRef(entityRouteRef);
  const classes = useStyles();
  const [order, setOrder] = useState<MatrixOrder>('activity');
  const [hideInactive, setHideInactive] = useState(true);

  const applications = useMemo(
    () =>
      [...report.applications].sort((a, b) => labels.compare(a.title, b.title)),
    [report.applications, labels],
  );
  const establishments = useMemo(() => {
    const withActivity = report.establishments.map(row => ({
      row,
      activity: activityOf(row),
    }));
    withActivity.sort(
      (a, b) =>
        (order === 'activity'
          ? b.activity[0] - a.activity[0] || b.activity[1] - a.activity[1]
          : 0) || labels.compare(a.row.title, b.row.title),
    );
    return withActivity;
  }, [report.establishments, labels, order]);

  const rows = useMemo(
    () =>
      establishments
        .filter(
          ({ activity }) => !hideInactive || activity[0] + activity[1] > 0,
        )
        .map(({ row }) => row),
    [establishments, hideInactive],
  );
  const hidden = establishments.length - rows.length;

  // How many rows to draw, for the current choices (back to one page when
  // they change).
  const viewKey = `${order}\u0000${hideInactive}\u0000${report.establishments.length}`;
  const [page, setPage] = useState({ key: viewKey, limit: MATRIX_PAGE_SIZE });
  const limit = page.key === viewKey ? page.limit : MATRIX_PAGE_SIZE;
  const visible = useMemo(() => rows.slice(0, limit), [rows, limit]);

  const columns = useMemo((): DataColumn<EstablishmentAdoption>[] => {
    const stateLabels = {
      live: labels.state('live'),
      in_progress: labels.state('in_progress'),
      not_started: labels.state('not_started'),
    };
    return [
      {
        id: 'establishment',
        header: t('adoption.matrix.establishment'),
        rowHeader: true,
        cell: row => {
          let path: string | undefined;
          try {
            path = entityRoute?.({
              kind: 'group',
              namespace: 'default',
              name: row.establishment,
            });
          } catch {
            path = undefined;
          }
          return (
            <>
              {path ? (
                <Link to={path} className={classes.link}>
                  {row.title}
                </Link>
              ) : (
                row.title
              )}
              {row.uai && (
                <Text as="div" variant="body-small" color="secondary">
                  {t('adoption.matrix.uai', { uai: row.uai })}
                </Text>
              )}
            </>
          );
        },
      },
      ...applications.map(
        (application): DataColumn<EstablishmentAdoption> => ({
          id: application.application,
          header:
            onSelectApplication && applications.length > 1 ? (
              <button
                type="button"
                className={classes.headerButton}
                aria-label={t('adoption.matrix.drillDown', {
                  application: application.title,
                })}
                onClick={() => onSelectApplication(application.application)}
              >
                {application.title}
              </button>
            ) : (
              application.title
            ),
          cell: row => {
            const state = row.cells[application.application] ?? 'not_started';
            return (
              <AdoptionStatePill state={state} label={stateLabels[state]} />
            );
          },
        }),
      ),
    ];
  }, [applications, entityRoute, labels, t, classes, onSelectApplication]);

  const title = t('adoption.matrix.title');

  return (
    <ReportSection
      title={title}
      description={t('adoption.matrix.description')}
      actions={<CsvExportButton report="adoption" view={title} />}
    >
      <Flex gap="4" align="end" style={{ flexWrap: 'wrap' }}>
        <FilterSelect
          id="adoption-matrix-order"
          label={t('adoption.matrix.order')}
          allLabel={t('adoption.matrix.byActivity')}
          value={order === 'activity' ? '' : order}
          options={[{ value: 'name', label: t('adoption.matrix.byName') }]}
          onChange={value => setOrder(value === 'name' ? 'name' : 'activity')}
          width="18rem"
        />
        <FormControlLabel
          control={
            <Checkbox
              color="primary"
              checked={hideInactive}
              onChange={event => setHideInactive(event.target.checked)}
            />
          }
          label={t('adoption.matrix.hideInactive')}
        />
      </Flex>
      <Text as="p" variant="body-medium" aria-live="polite">
        {t('adoption.matrix.shownOf', {
          shown: labels.integer(visible.length),
          total: labels.integer(establishments.length),
        })}
        {hideInactive && hidden > 0
          ? ` ${t('adoption.matrix.hiddenInactive', {
              number: labels.integer(hidden),
            })}`
          : ''}
      </Text>
      {rows.length === 0 ? (
        <Text as="p">
          {establishments.length === 0
            ? t('adoption.matrix.empty')
            : t('adoption.matrix.noneStarted')}
        </Text>
      ) : (
        <DataTable
          caption={title}
          columns={columns}
          rows={visible}
          rowKey={row => row.establishment}
          maxHeight="70vh"
          stickyRowHeaders
          compact
        />
      )}
      {visible.length < rows.length && (
        <Flex gap="2" style={{ flexWrap: 'wrap' }}>
          <Button
            variant="secondary"
            size="small"
            onPress={() =>
              setPage({ key: viewKey, limit: limit + MATRIX_PAGE_SIZE })
            }
          >
            {t('adoption.matrix.more', {
              number: labels.integer(
                Math.min(MATRIX_PAGE_SIZE, rows.length - visible.length),
              ),
            })}
          </Button>
          <Button
            variant="tertiary"
            size="small"
            onPress={() => setPage({ key: viewKey, limit: rows.length })}
          >
            {t('adoption.matrix.all', { number: labels.integer(rows.length) })}
          </Button>
        </Flex>
      )}
    </ReportSection>
  );
}
