import type { Entity } from '@backstage/catalog-model';
import type { TableColumn } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Fragment } from 'react';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { cloudTranslationRef } from '../../translation';
import { useCloudLabels, useFormatDate } from '../common/labels';
import { StatusChip } from '../common/StatusChip';
import { tenantFieldRef } from '../common/useRelatedTenants';

/**
 * A row of the catalog's list, as the portal's columns read it.
 *
 * @public
 */
export type CloudCatalogRow = { entity: Entity };
type Spec = Record<string, any>;

const specOf = (entity: Entity): Spec => (entity.spec ?? {}) as Spec;

const NOWRAP = { whiteSpace: 'nowrap' } as const;
/** Words are never broken in the middle (Backstage's table breaks them). */
const WORDS = { wordBreak: 'normal', overflowWrap: 'normal' } as const;

type TitleKey =
  | 'catalogColumns.availability'
  | 'catalogColumns.lifecycle'
  | 'catalogColumns.environments'
  | 'catalogColumns.domain'
  | 'catalogColumns.environment'
  | 'catalogColumns.version'
  | 'catalogColumns.status';

function Title(props: { k: TitleKey }) {
  const { t } = useTranslationRef(cloudTranslationRef);
  return <>{t(props.k)}</>;
}

function Availability(props: { entity: Entity }) {
  const { t } = useTranslationRef(cloudTranslationRef);
  const labels = useCloudLabels();
  const formatDate = useFormatDate();
  const saas = specOf(props.entity).saas ?? {};
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <StatusChip value={labels.saasStatus(saas.status)} />
      {saas.since && saas.status !== 'planned' && (
        <span style={{ display: 'block', fontSize: '0.8rem' }}>
          {t('applicationCard.saasSince', { date: formatDate(saas.since) })}
        </span>
      )}
    </span>
  );
}

function Lifecycle(props: { entity: Entity }) {
  const labels = useCloudLabels();
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <StatusChip value={labels.lifecycle(specOf(props.entity).lifecycle)} />
    </span>
  );
}

function Environments(props: { entity: Entity }) {
  const labels = useCloudLabels();
  const environments: string[] = specOf(props.entity).environments ?? [];
  return (
    <>
      {environments.map((e, index) => (
        <Fragment key={e}>
          {index > 0 && ', '}
          <span style={NOWRAP}>{labels.environment(e)}</span>
        </Fragment>
      ))}
    </>
  );
}

function Environment(props: { entity: Entity }) {
  const labels = useCloudLabels();
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {labels.environment(specOf(props.entity).environment)}
    </span>
  );
}

function TenantStatus(props: { entity: Entity }) {
  const labels = useCloudLabels();
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <StatusChip value={labels.tenantStatus(specOf(props.entity).status)} />
    </span>
  );
}

function Ref(props: { entity: Entity; value?: string; kind: string }) {
  if (!props.value) {
    return null;
  }
  let ref: string;
  try {
    ref = tenantFieldRef(props.entity, props.value, props.kind);
  } catch {
    return <>{props.value}</>;
  }
  return <EntityRefLink entityRef={ref} />;
}

/**
 * The columns of the catalog's list for the portal's kinds, after the name
 * column: for Applications their domain, availability as a service (with
 * its date), lifecycle and environments in words; for Tenants (whose
 * title names the application and the establishment) their environment,
 * version and status. Undefined
 * for the other kinds (Backstage's columns apply).
 *
 * @public
 */
export function cloudCatalogColumns(
  kind: string | undefined,
): TableColumn<CloudCatalogRow>[] | undefined {
  switch (kind?.toLocaleLowerCase('en-US')) {
    case 'application':
      return [
        {
          title: <Title k="catalogColumns.domain" />,
          field: 'entity.spec.domain',
          cellStyle: WORDS,
          render: ({ entity }) => (
            <Ref entity={entity} value={specOf(entity).domain} kind="domain" />
          ),
        },
        {
          title: <Title k="catalogColumns.availability" />,
          field: 'entity.spec.saas.status',
          cellStyle: NOWRAP,
          render: ({ entity }) => <Availability entity={entity} />,
        },
        {
          title: <Title k="catalogColumns.lifecycle" />,
          field: 'entity.spec.lifecycle',
          cellStyle: NOWRAP,
          render: ({ entity }) => <Lifecycle entity={entity} />,
        },
        {
          title: <Title k="catalogColumns.environments" />,
          cellStyle: WORDS,
          render: ({ entity }) => <Environments entity={entity} />,
        },
      ];
    case 'tenant':
      return [
        {
          title: <Title k="catalogColumns.environment" />,
          field: 'entity.spec.environment',
          cellStyle: NOWRAP,
          render: ({ entity }) => <Environment entity={entity} />,
        },
        {
          title: <Title k="catalogColumns.version" />,
          field: 'entity.spec.version',
          cellStyle: NOWRAP,
        },
        {
          title: <Title k="catalogColumns.status" />,
          field: 'entity.spec.status',
          cellStyle: NOWRAP,
          render: ({ entity }) => <TenantStatus entity={entity} />,
        },
      ];
    default:
      return undefined;
  }
}

/**
 * The title of the catalog's list: the kind in the reader's language and
 * the number of entities ("Applications (13)"), instead of Backstage's
 * "All Applications".
 *
 * @public
 */
export function useCloudCatalogTitle(kind?: string, count?: number): string {
  const { t } = useTranslationRef(cloudTranslationRef);
  let label: string;
  switch (kind?.toLocaleLowerCase('en-US')) {
    case 'application':
      label = t('kindPicker.kinds.application');
      break;
    case 'tenant':
      label = t('kindPicker.kinds.tenant');
      break;
    case 'group':
      label = t('kindPicker.kinds.group');
      break;
    case 'user':
      label = t('kindPicker.kinds.user');
      break;
    case 'domain':
      label = t('kindPicker.kinds.domain');
      break;
    case 'component':
      label = t('kindPicker.kinds.component');
      break;
    case 'template':
      label = t('kindPicker.kinds.template');
      break;
    case 'location':
      label = t('kindPicker.kinds.location');
      break;
    case 'system':
      label = t('kindPicker.kinds.system');
      break;
    case 'api':
      label = t('kindPicker.kinds.api');
      break;
    case 'resource':
      label = t('kindPicker.kinds.resource');
      break;
    default:
      label = kind ?? '';
  }
  return typeof count === 'number' ? `${label} (${count})` : label;
}
