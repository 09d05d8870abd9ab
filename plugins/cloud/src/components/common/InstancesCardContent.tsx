import { Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Alert, Flex, Text } from '@backstage/ui';
import type { CSSProperties } from 'react';
import { cloudTranslationRef } from '../../translation';
import { TenantColumn, TenantTable } from './TenantTable';
import type { RelatedTenants } from './useRelatedTenants';

const SUMMARY_STYLE: CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  gap: 'var(--bui-space-2) var(--bui-space-6)',
  listStyle: 'none',
  margin: 0,
  padding: 0,
};

/**
 * The body of an "instances" card: loading, error, empty state, or the
 * summary figures above the table of tenants.
 */
export function InstancesCardContent(props: {
  state: { loading: boolean; error?: Error; value?: RelatedTenants };
  columns: TenantColumn[];
  tableLabel: string;
  summary: (tenants: RelatedTenants['tenants']) => string[];
}) {
  const { state, columns, tableLabel, summary } = props;
  const { t } = useTranslationRef(cloudTranslationRef);

  if (state.loading) {
    return <Progress />;
  }
  if (state.error || !state.value) {
    return (
      <Alert
        status="danger"
        icon
        role="alert"
        title={t('instances.error', {
          message: state.error?.message ?? '',
        })}
      />
    );
  }

  const { tenants } = state.value;
  if (tenants.length === 0) {
    return <Text as="p">{t('instances.empty')}</Text>;
  }
  return (
    <Flex direction="column" gap="3">
      <ul style={SUMMARY_STYLE}>
        {summary(tenants).map(line => (
          <li key={line}>
            <Text weight="bold">{line}</Text>
          </li>
        ))}
      </ul>
      <TenantTable tenants={tenants} columns={columns} label={tableLabel} />
    </Flex>
  );
}
