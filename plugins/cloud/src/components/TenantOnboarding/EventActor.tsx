import { isDeploymentActor } from '@amue/plugin-cloud-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { cloudTranslationRef } from '../../translation';

/**
 * Who made a change of the timeline: a link to the user, or the
 * deployment engine (Argo CD) in words, for the changes it makes by itself.
 */
export function EventActor(props: { actor: string }) {
  const { t } = useTranslationRef(cloudTranslationRef);
  if (isDeploymentActor(props.actor)) {
    return <span>{t('onboarding.events.deploymentActor')}</span>;
  }
  return <EntityRefLink entityRef={props.actor} defaultKind="user" hideIcon />;
}
