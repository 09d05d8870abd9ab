import {
  ApplicationEntityV1alpha1,
  isApplicationEntity,
} from '@amue/plugin-cloud-common';
import { Content, Header, Page, Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  Alert,
  ButtonLink,
  Card,
  CardBody,
  CardFooter,
  CardHeader,
  Flex,
  Grid,
  Link,
  Text,
} from '@backstage/ui';
import type { CSSProperties } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { cloudTranslationRef } from '../../translation';
import { EnvironmentChips } from '../common/EnvironmentChips';
import { useCloudLabels, useFormatDate } from '../common/labels';
import { StatusChip } from '../common/StatusChip';
import { errorMessage } from '../TenantOnboarding/errors';
import { requestFormPath } from '../TenantOnboarding/paths';

/** Availabilities shown on the offer, in this order. */
const OFFERED = ['available', 'pilot', 'planned'] as const;

const LIST: CSSProperties = { margin: 0, paddingInlineStart: '1.25rem' };

/** The Application entities offered as a service, in the offer's order. */
function useOffer() {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'application', 'spec.saas.status': [...OFFERED] },
    });
    return items
      .filter(isApplicationEntity)
      .sort(
        (a, b) =>
          OFFERED.indexOf(a.spec.saas.status as (typeof OFFERED)[number]) -
            OFFERED.indexOf(b.spec.saas.status as (typeof OFFERED)[number]) ||
          (a.metadata.title ?? a.metadata.name).localeCompare(
            b.metadata.title ?? b.metadata.name,
          ),
      );
  }, [catalogApi]);
}

function Section(props: { title: string; children: React.ReactNode }) {
  return (
    <section>
      <Text as="h4" variant="body-medium" weight="bold">
        {props.title}
      </Text>
      {props.children}
    </section>
  );
}

/** One application of the offer, with its "Demander une instance" button. */
function OfferCard(props: { application: ApplicationEntityV1alpha1 }) {
  const { application } = props;
  const { spec, metadata } = application;
  const { t } = useTranslationRef(cloudTranslationRef);
  const labels = useCloudLabels();
  const formatDate = useFormatDate();
  const title = metadata.title ?? metadata.name;
  const requestable =
    spec.saas.status === 'available' || spec.saas.status === 'pilot';
  const supported = (spec.versions ?? []).filter(
    v => v.status !== 'end-of-life',
  );
  const headingId = `offer-${metadata.name}`;
  return (
    // A Card is an <article>, named by its title.
    <Card aria-labelledby={headingId} style={{ height: '100%' }}>
      <CardHeader>
        <Flex justify="between" align="start" gap="2">
          <Text as="h3" variant="title-small" id={headingId}>
            {title}
          </Text>
          <StatusChip value={labels.saasStatus(spec.saas.status)} />
        </Flex>
        {spec.saas.since && spec.saas.status !== 'planned' && (
          <Text as="p" variant="body-small" color="secondary">
            {t('offer.since', { date: formatDate(spec.saas.since) })}
          </Text>
        )}
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="3">
          {metadata.description && (
            <Text as="p" variant="body-medium">
              {metadata.description}
            </Text>
          )}
          <Section title={t('offer.environments')}>
            <EnvironmentChips environments={spec.environments} />
          </Section>
          <Section title={t('offer.versions')}>
            {supported.length ? (
              <ul style={LIST}>
                {supported.map(v => (
                  <li key={v.version}>
                    <Text as="span" variant="body-medium">
                      {t('offer.version', {
                        version: v.version,
                        status: labels.versionStatus(v.status).label,
                      })}
                    </Text>
                  </li>
                ))}
              </ul>
            ) : (
              <Text as="p" variant="body-medium">
                {t('offer.noVersion')}
              </Text>
            )}
          </Section>
          <Section title={t('offer.prerequisites')}>
            {spec.prerequisites?.length ? (
              <ul style={LIST}>
                {spec.prerequisites.map(item => (
                  <li key={item}>
                    <Text as="span" variant="body-medium">
                      {item}
                    </Text>
                  </li>
                ))}
              </ul>
            ) : (
              <Text as="p" variant="body-medium">
                {t('offer.noPrerequisites')}
              </Text>
            )}
          </Section>
        </Flex>
      </CardBody>
      <CardFooter>
        <Flex gap="3" align="center" style={{ flexWrap: 'wrap' }}>
          {requestable ? (
            <ButtonLink
              href={requestFormPath(undefined, metadata.name)}
              variant="primary"
              aria-label={t('offer.requestOf', { application: title })}
            >
              {t('offer.request')}
            </ButtonLink>
          ) : (
            <Text as="span" variant="body-small" color="secondary">
              {t('offer.notYet')}
            </Text>
          )}
          <Link
            href={`/docs/default/application/${encodeURIComponent(
              metadata.name,
            )}`}
            aria-label={t('offer.docsOf', { application: title })}
          >
            {t('offer.docs')}
          </Link>
          <Link
            href={`/catalog/default/application/${encodeURIComponent(
              metadata.name,
            )}`}
            aria-label={t('offer.detailsOf', { application: title })}
          >
            {t('offer.details')}
          </Link>
        </Flex>
      </CardFooter>
    </Card>
  );
}

/**
 * `/cloud/offer`: the applications Amue offers as a service (available,
 * pilot, then planned), as cards, each with "Demander une instance"
 * opening the request form with the application filled in.
 *
 * @internal
 */
export function OfferPage() {
  const { t } = useTranslationRef(cloudTranslationRef);
  const offer = useOffer();
  let body: React.ReactNode;
  if (offer.loading) {
    body = <Progress />;
  } else if (offer.error) {
    body = (
      <Alert
        status="danger"
        title={t('offer.loadError', { reason: errorMessage(offer.error, t) })}
      />
    );
  } else if (!offer.value?.length) {
    body = <Text as="p">{t('offer.empty')}</Text>;
  } else {
    body = (
      <Grid.Root columns={{ initial: '1', md: '2', xl: '3' }} gap="4">
        {offer.value.map(application => (
          <Grid.Item key={application.metadata.name}>
            <OfferCard application={application} />
          </Grid.Item>
        ))}
      </Grid.Root>
    );
  }
  return (
    <Page themeId="home">
      <Header title={t('offer.title')} subtitle={t('offer.subtitle')} />
      <Content>{body}</Content>
    </Page>
  );
}
