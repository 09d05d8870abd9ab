import { Link, Progress } from '@backstage/core-components';
import {
  useApi,
  useRouteRef,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import { Alert, Flex, Text } from '@backstage/ui';
import type { CSSProperties } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { cloudApiRef } from '../../api';
import { adoptionRouteRef } from '../../routes';
import { cloudTranslationRef } from '../../translation';
import { AdoptionBar } from '../Adoption/AdoptionBar';
import { AdoptionStatePill } from '../Adoption/states';
import type { AdoptionState } from '@amue/plugin-cloud-common';
import { useAdoptionLabels } from '../Adoption/useAdoptionLabels';
import { useCanReadCloudReports } from '../Adoption/useCanReadReports';

const FIGURES: CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  gap: 'var(--bui-space-2) var(--bui-space-4)',
  listStyle: 'none',
  margin: 0,
  padding: 0,
};

/**
 * The adoption of the Application shown: member establishments live, in
 * progress and not started, out of all. Counts only, readable by every
 * signed-in user (`getAdoptionSummary`); Amue users also get a link to the
 * Adoption page.
 */
export function ApplicationAdoptionCard() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(cloudTranslationRef);
  const labels = useAdoptionLabels();
  const cloudApi = useApi(cloudApiRef);
  const access = useCanReadCloudReports();
  const adoptionRoute = useRouteRef(adoptionRouteRef);
  const state = useAsync(() => cloudApi.getAdoptionSummary(), [cloudApi]);

  const name = entity.metadata.name.toLocaleLowerCase('en-US');
  const adoption = state.value?.applications.find(
    a => a.application.toLocaleLowerCase('en-US') === name,
  );
  const title = entity.metadata.title ?? entity.metadata.name;

  let body;
  if (state.loading) {
    body = <Progress />;
  } else if (state.error) {
    body = (
      <Alert
        status="danger"
        icon
        role="alert"
        title={t('adoption.card.error', { message: state.error.message })}
      />
    );
  } else if (!adoption || adoption.total === 0) {
    body = <Text as="p">{t('adoption.card.empty')}</Text>;
  } else {
    const stateLabels = {
      live: labels.state('live'),
      inProgress: labels.state('in_progress'),
      notStarted: labels.state('not_started'),
    };
    const figures: Array<[AdoptionState, number]> = [
      ['live', adoption.live],
      ['in_progress', adoption.inProgress],
      ['not_started', adoption.notStarted],
    ];
    body = (
      <Flex direction="column" gap="3">
        <Text as="p" variant="title-small">
          {t('adoption.card.headline', {
            live: labels.integer(adoption.live),
            total: labels.integer(adoption.total),
            percent: labels.percent(adoption.live / adoption.total),
          })}
        </Text>
        <AdoptionBar
          adoption={adoption}
          labels={stateLabels}
          summary={t('adoption.applications.summaryItem', {
            application: title,
            live: labels.integer(adoption.live),
            inProgress: labels.integer(adoption.inProgress),
            notStarted: labels.integer(adoption.notStarted),
          })}
        />
        <ul style={FIGURES} aria-label={t('adoption.card.figures')}>
          {figures.map(([s, count]) => (
            <li key={s}>
              <AdoptionStatePill
                state={s}
                label={t('adoption.card.figure', {
                  state: labels.state(s),
                  number: labels.integer(count),
                })}
              />
            </li>
          ))}
        </ul>
        <Text as="p" variant="body-small" color="secondary">
          {t('adoption.card.note', { total: labels.integer(adoption.total) })}
        </Text>
      </Flex>
    );
  }

  return (
    <EntityInfoCard
      // A stable hook for the accessibility checks of the browser tests.
      className="amue-application-adoption-card"
      title={t('adoption.card.title')}
      footerActions={
        access.allowed && adoptionRoute ? (
          <Link to={adoptionRoute()}>{t('adoption.card.link')}</Link>
        ) : undefined
      }
    >
      {body}
    </EntityInfoCard>
  );
}
