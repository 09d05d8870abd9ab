import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  REPORT_FILTER_NONE,
  type ReportFilterOptions,
  type ReportFilters,
} from '@amue/plugin-cloud-common';
import { Button, Card, CardBody, Flex, Text } from '@backstage/ui';
import TextField from '@material-ui/core/TextField';
import { useEffect, useId, useState } from 'react';
import { cloudTranslationRef } from '../../translation';
import { FilterSelect } from '../common/FilterSelect';
import { hasReportFilters } from './filters';
import { useAdoptionLabels } from './useAdoptionLabels';

/** How long the words filter waits for the typing to stop. */
const SEARCH_DELAY_MS = 350;

/**
 * The filters of the Adoption page: region, establishment type, words of a
 * name or UAI, application. They narrow every section and every CSV export
 * of the page (the backend computes each report for them), and live in the
 * page's address so that a filtered page can be shared.
 */
export function FiltersSection(props: {
  filters: ReportFilters;
  options?: ReportFilterOptions;
  onChange: (filters: ReportFilters) => void;
}) {
  const { filters, options, onChange } = props;
  const { t } = useTranslationRef(cloudTranslationRef);
  const labels = useAdoptionLabels();
  const headingId = useId();
  const [words, setWords] = useState(filters.q ?? '');

  // The words reach the filters once the typing stops.
  useEffect(() => {
    if ((filters.q ?? '') === words) {
      return undefined;
    }
    const timer = setTimeout(
      () => onChange({ ...filters, q: words || undefined }),
      SEARCH_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [words, filters, onChange]);

  const choices = (
    values: ReportFilterOptions['regions'],
    label: (slug: string | null) => string,
  ) =>
    values
      .map(o => ({
        value: o.value,
        label: t('adoption.matrix.option', {
          label: label(o.value === REPORT_FILTER_NONE ? null : o.value),
          number: labels.integer(o.count),
        }),
      }))
      .sort((a, b) => labels.compare(a.label, b.label));

  return (
    <Card>
      <CardBody>
        <section aria-labelledby={headingId}>
          <Flex direction="column" gap="3">
            <Text as="h2" variant="title-small" id={headingId}>
              {t('adoption.filters.title')}
            </Text>
            <Text as="p" variant="body-medium" color="secondary">
              {t('adoption.filters.description')}
            </Text>
            <Flex gap="4" align="end" style={{ flexWrap: 'wrap' }}>
              <FilterSelect
                id="adoption-filter-region"
                label={t('adoption.matrix.region')}
                allLabel={t('adoption.matrix.allRegions')}
                value={filters.region ?? ''}
                options={choices(options?.regions ?? [], labels.region)}
                onChange={region =>
                  onChange({ ...filters, region: region || undefined })
                }
                width="15rem"
              />
              <FilterSelect
                id="adoption-filter-type"
                label={t('adoption.matrix.type')}
                allLabel={t('adoption.matrix.allTypes')}
                value={filters.type ?? ''}
                options={choices(
                  options?.types ?? [],
                  labels.establishmentType,
                )}
                onChange={type =>
                  onChange({ ...filters, type: type || undefined })
                }
                width="15rem"
              />
              <TextField
                id="adoption-filter-search"
                type="search"
                label={t('adoption.matrix.search')}
                value={words}
                onChange={event => setWords(event.target.value)}
                variant="outlined"
                size="small"
                style={{ minWidth: 240 }}
              />
              <FilterSelect
                id="adoption-filter-application"
                label={t('adoption.filters.application')}
                allLabel={t('adoption.filters.allApplications')}
                value={filters.application ?? ''}
                options={(options?.applications ?? []).map(a => ({
                  value: a.application,
                  label: a.title,
                }))}
                onChange={application =>
                  onChange({
                    ...filters,
                    application: application || undefined,
                  })
                }
                width="15rem"
              />
              {hasReportFilters(filters) && (
                <Button
                  variant="tertiary"
                  size="small"
                  onPress={() => {
                    setWords('');
                    onChange({});
                  }}
                >
                  {t('adoption.filters.reset')}
                </Button>
              )}
            </Flex>
          </Flex>
        </section>
      </CardBody>
    </Card>
  );
}
