import { Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { AdoptionReport } from '@amue/plugin-cloud-common';
import { lazy, Suspense } from 'react';
import { cloudTranslationRef } from '../../translation';
import { CsvExportButton } from './CsvExportButton';
import { ReportSection } from './ReportSection';

// The map and its shapes (about 700 kB of geometry) load with the section,
// in a chunk of their own, not with the portal.
const FranceMap = lazy(() => import('./FranceMap'));

/**
 * The map of France of the Adoption page: the member establishments at
 * their location, coloured by their state, with the totals of each region;
 * its CSV gives the same rows.
 */
export function MapSection(props: { report: AdoptionReport }) {
  const { report } = props;
  const { t } = useTranslationRef(cloudTranslationRef);
  const title = t('adoption.map.title');
  return (
    <ReportSection
      title={title}
      description={t('adoption.map.description')}
      actions={<CsvExportButton report="adoption" csvView="map" view={title} />}
    >
      <Suspense fallback={<Progress aria-label={t('adoption.map.loading')} />}>
        <FranceMap report={report} />
      </Suspense>
    </ReportSection>
  );
}
