import { Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { AdoptionReport } from '@amue/plugin-cloud-common';
import { lazy, Suspense } from 'react';
import { cloudTranslationRef } from '../../translation';
import { CsvExportButton } from './CsvExportButton';
import { ReportSection } from './ReportSection';

// The map and its shapes (about 700 kB of geometry) load in a chunk of
// their own, not with the portal.
const loadFranceMap = () => import('./FranceMap');
const FranceMap = lazy(loadFranceMap);

/**
 * Starts loading the map's chunk ahead of the section (the Adoption page
 * calls it while the reports drawn with the map are computed).
 */
export function preloadFranceMap(): void {
  loadFranceMap().catch(() => {
    // the section's own import reports the failure when it renders
  });
}

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
