import { useRouteRef, useTranslationRef } from '@backstage/frontend-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { Button, Flex, Text } from '@backstage/ui';
import { makeStyles } from '@material-ui/core/styles';
import TextField from '@material-ui/core/TextField';
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
}));

/**
 * Rows drawn at a time: the whole matrix (about 230 rows of 14 cells)
 * takes several hundred milliseconds to draw on a modest machine, and the
 * filters find an establishment faster than scrolling does.
 */
export const MATRIX_PAGE_SIZE = 50;

/** The value of a filter that lets every establishment through. */
const ALL = '';

type Option = { value: string; label: string; count: number };

/** The distinct values of a field of the rows, by label, with their counts. */
function optionsOf(
  rows: readonly EstablishmentAdoption[],
  field: 'region' | 'type',
  label: (slug: string | null) => string,
  compare: (a: string, b: string) => number,
): Option[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const value = row[field] ?? '';
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([value, count]) => ({ value, label: label(value || null), count }))
    .sort((a, b) => compare(a.label, b.label));
}

/** `Bordeaux`, `bordeaux`, `BORDEAUX` and `Bordéaux` match each other. */
function normalize(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr');
}

/**
 * The establishments × applications matrix of the adoption report, filtered
 * in the browser by région, establishment type and name or UAI (about two
 * hundred rows, aggregated by the backend). Each cell says its state in
 * words, beside an icon.
 */
export function MatrixSection(props: { report: AdoptionReport }) {
  const { report } = props;
  const { t } = useTranslationRef(cloudTranslationRef);
  const labels = useAdoptionLabels();
  const entityRoute = useRouteRef(entityRouteRef);
  const classes = useStyles();
  const [region, setRegion] = useState(ALL);
  const [type, setType] = useState(ALL);
  const [search, setSearch] = useState('');

  const applications = useMemo(
    () =>
      [...report.applications].sort((a, b) => labels.compare(a.title, b.title)),
    [report.applications, labels],
  );
  const establishments = useMemo(
    () =>
      [...report.establishments].sort((a, b) =>
        labels.compare(a.title, b.title),
      ),
    [report.establishments, labels],
  );
  const regions = useMemo(
    () => optionsOf(establishments, 'region', labels.region, labels.compare),
    [establishments, labels],
  );
  const types = useMemo(
    () =>
      optionsOf(
        establishments,
        'type',
        labels.establishmentType,
        labels.compare,
      ),
    [establishments, labels],
  );

  const rows = useMemo(() => {
    const words = normalize(search).split(/\s+/).filter(Boolean);
    return establishments.filter(row => {
      if (region !== ALL && (row.region ?? '') !== region) {
        return false;
      }
      if (type !== ALL && (row.type ?? '') !== type) {
        return false;
      }
      if (words.length === 0) {
        return true;
      }
      const text = normalize(`${row.title} ${row.uai} ${row.establishment}`);
      return words.every(word => text.includes(word));
    });
  }, [establishments, region, type, search]);

  // How many rows to draw, for the current filters (back to one page when
  // they change).
  const filterKey = `${region}\u0000${type}\u0000${search}`;
  const [page, setPage] = useState({ key: filterKey, limit: MATRIX_PAGE_SIZE });
  const limit = page.key === filterKey ? page.limit : MATRIX_PAGE_SIZE;
  const visible = useMemo(() => rows.slice(0, limit), [rows, limit]);
  const filtered = region !== ALL || type !== ALL || search.trim() !== '';

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
          header: application.title,
          cell: row => {
            const state = row.cells[application.application] ?? 'not_started';
            return (
              <AdoptionStatePill state={state} label={stateLabels[state]} />
            );
          },
        }),
      ),
    ];
  }, [applications, entityRoute, labels, t, classes.link]);

  const title = t('adoption.matrix.title');
  const choices = (options: Option[]) =>
    options.map(o => ({
      value: o.value,
      label: t('adoption.matrix.option', {
        label: o.label,
        number: labels.integer(o.count),
      }),
    }));

  return (
    <ReportSection
      title={title}
      description={t('adoption.matrix.description')}
      actions={<CsvExportButton report="adoption" view={title} />}
    >
      <Flex gap="4" align="end" style={{ flexWrap: 'wrap' }}>
        <FilterSelect
          id="adoption-matrix-region"
          label={t('adoption.matrix.region')}
          allLabel={t('adoption.matrix.allRegions')}
          value={region}
          options={choices(regions)}
          onChange={setRegion}
          width="15rem"
        />
        <FilterSelect
          id="adoption-matrix-type"
          label={t('adoption.matrix.type')}
          allLabel={t('adoption.matrix.allTypes')}
          value={type}
          options={choices(types)}
          onChange={setType}
          width="15rem"
        />
        <TextField
          id="adoption-matrix-search"
          type="search"
          label={t('adoption.matrix.search')}
          value={search}
          onChange={event => setSearch(event.target.value)}
          variant="outlined"
          size="small"
          style={{ minWidth: 240 }}
        />
      </Flex>
      <Text as="p" variant="body-medium" aria-live="polite">
        {filtered
          ? t('adoption.matrix.shownFiltered', {
              shown: labels.integer(visible.length),
              matching: labels.integer(rows.length),
              total: labels.integer(establishments.length),
            })
          : t('adoption.matrix.shown', {
              shown: labels.integer(visible.length),
              total: labels.integer(establishments.length),
            })}
      </Text>
      {rows.length === 0 ? (
        <Text as="p">{t('adoption.matrix.empty')}</Text>
      ) : (
        <DataTable
          caption={title}
          columns={columns}
          rows={visible}
          rowKey={row => row.establishment}
          maxHeight="70vh"
          stickyRowHeaders
        />
      )}
      {visible.length < rows.length && (
        <Flex gap="2" style={{ flexWrap: 'wrap' }}>
          <Button
            variant="secondary"
            size="small"
            onPress={() =>
              setPage({ key: filterKey, limit: limit + MATRIX_PAGE_SIZE })
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
            onPress={() => setPage({ key: filterKey, limit: rows.length })}
          >
            {t('adoption.matrix.all', { number: labels.integer(rows.length) })}
          </Button>
        </Flex>
      )}
    </ReportSection>
  );
}
