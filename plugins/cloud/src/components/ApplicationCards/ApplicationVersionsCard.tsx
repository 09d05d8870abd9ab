import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  EntityInfoCard,
  EntityRefLink,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  Cell,
  CellText,
  Column,
  Row,
  TableBody,
  TableHeader,
  TableRoot,
  ButtonLink,
  Text,
} from '@backstage/ui';
import {
  ApplicationEntityV1alpha1,
  isApplicationEntity,
} from '@amue/plugin-cloud-common';
import type { CSSProperties } from 'react';
import { cloudTranslationRef } from '../../translation';
import { EnvironmentChips } from '../common/EnvironmentChips';
import { Field, FieldList } from '../common/FieldList';
import { useCloudLabels, useFormatDate } from '../common/labels';
import { StatusChip } from '../common/StatusChip';
import { tenantFieldRef } from '../common/useRelatedTenants';
import { requestFormPath } from '../TenantOnboarding/paths';

const BULLET_LIST: CSSProperties = {
  margin: 0,
  paddingInlineStart: '1.25rem',
};

function VersionsTable(props: { application: ApplicationEntityV1alpha1 }) {
  const { application } = props;
  const { t } = useTranslationRef(cloudTranslationRef);
  const labels = useCloudLabels();
  const formatDate = useFormatDate();
  const rows = (application.spec.versions ?? []).map(v => ({
    ...v,
    id: v.version,
  }));
  const columns = [
    { id: 'version', label: t('applicationCard.version') },
    { id: 'status', label: t('applicationCard.status') },
    { id: 'releaseDate', label: t('applicationCard.releaseDate') },
  ];
  return (
    <TableRoot
      aria-label={t('applicationCard.versionsTable', {
        application: application.metadata.title ?? application.metadata.name,
      })}
    >
      <TableHeader columns={columns}>
        {column => (
          <Column id={column.id} isRowHeader={column.id === 'version'}>
            {column.label}
          </Column>
        )}
      </TableHeader>
      <TableBody items={rows}>
        {row => (
          <Row id={row.id}>
            <CellText title={row.version} />
            <Cell>
              <StatusChip value={labels.versionStatus(row.status)} />
            </Cell>
            <Cell>
              <time dateTime={row.releaseDate}>
                {formatDate(row.releaseDate)}
              </time>
            </Cell>
          </Row>
        )}
      </TableBody>
    </TableRoot>
  );
}

/**
 * The offer of an Application: lifecycle, availability as a service,
 * environments, versions with their support status and release date,
 * prerequisites and the application that replaces it.
 */
export function ApplicationVersionsCard() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(cloudTranslationRef);
  const labels = useCloudLabels();
  const formatDate = useFormatDate();

  if (!isApplicationEntity(entity)) {
    return null;
  }
  const { spec } = entity;
  const prerequisites = spec.prerequisites ?? [];
  const requestable =
    spec.saas?.status === 'available' || spec.saas?.status === 'pilot';

  return (
    <EntityInfoCard title={t('applicationCard.title')}>
      {requestable && (
        <div style={{ marginBottom: 'var(--bui-space-4)' }}>
          <ButtonLink
            href={requestFormPath(undefined, entity.metadata.name)}
            variant="primary"
          >
            {t('applicationCard.request')}
          </ButtonLink>
        </div>
      )}
      <FieldList>
        <Field label={t('applicationCard.lifecycle')}>
          <StatusChip value={labels.lifecycle(spec.lifecycle)} />
        </Field>
        <Field label={t('applicationCard.saas')}>
          <StatusChip value={labels.saasStatus(spec.saas?.status)} />
          {spec.saas?.since && (
            <Text as="span" variant="body-small">
              {' '}
              {t('applicationCard.saasSince', {
                date: formatDate(spec.saas.since),
              })}
            </Text>
          )}
        </Field>
        {spec.replacedBy && (
          <Field label={t('applicationCard.replacedBy')}>
            <EntityRefLink
              entityRef={tenantFieldRef(entity, spec.replacedBy, 'application')}
            />
          </Field>
        )}
        <Field label={t('applicationCard.environments')} wide>
          <EnvironmentChips environments={spec.environments} />
        </Field>
        <Field label={t('applicationCard.versions')} wide>
          <VersionsTable application={entity} />
        </Field>
        <Field label={t('applicationCard.prerequisites')} wide>
          {prerequisites.length ? (
            <ul style={BULLET_LIST}>
              {prerequisites.map(item => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          ) : (
            t('applicationCard.noPrerequisites')
          )}
        </Field>
      </FieldList>
    </EntityInfoCard>
  );
}
