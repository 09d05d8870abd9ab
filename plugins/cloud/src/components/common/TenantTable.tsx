import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  useApiHolder,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityRefLink,
  defaultEntityPresentation,
  entityPresentationApiRef,
} from '@backstage/plugin-catalog-react';
import {
  Cell,
  CellText,
  Column,
  Row,
  SortDescriptor,
  TableBody,
  TableHeader,
  TableRoot,
  Text,
  VisuallyHidden,
} from '@backstage/ui';
import {
  TenantEntityV1alpha1,
  uaiOfEstablishment,
} from '@amue/plugin-cloud-common';
import { ReactElement, useMemo, useState } from 'react';
import { cloudTranslationRef } from '../../translation';
import { ENVIRONMENT_ORDER, useCloudLabels } from './labels';
import { StatusChip } from './StatusChip';
import { tenantFieldRef } from './useRelatedTenants';

/** The columns an instance table may show. */
export type TenantColumn =
  | 'application'
  | 'establishment'
  | 'environment'
  | 'version'
  | 'status';

/** Rows are listed by establishment, application, environment, then name. */
const DEFAULT_ORDER: TenantColumn[] = [
  'establishment',
  'application',
  'environment',
];

type TenantRow = TenantEntityV1alpha1 & { id: string };

type ColumnDef = {
  id: TenantColumn;
  label: string;
  isRowHeader?: boolean;
  cell: (tenant: TenantRow) => ReactElement;
  sortValue: (tenant: TenantRow) => string;
};

/**
 * A sortable table of tenants (hosted instances). The first column is the
 * row header; every column has a header; links lead to the entities, the
 * environment to the instance itself.
 */
export function TenantTable(props: {
  tenants: TenantEntityV1alpha1[];
  columns: TenantColumn[];
  /** Accessible name of the table. */
  label: string;
}) {
  const { tenants, columns, label } = props;
  const { t } = useTranslationRef(cloudTranslationRef);
  const labels = useCloudLabels();
  const presentation = useApiHolder().get(entityPresentationApiRef);

  const { all, definitions } = useMemo(() => {
    const title = (ref: string) =>
      (presentation?.forEntity(ref).snapshot ?? defaultEntityPresentation(ref))
        .primaryTitle;
    const byId: Record<TenantColumn, Omit<ColumnDef, 'id'>> = {
      application: {
        label: t('instances.application'),
        cell: tenant => (
          <Cell>
            <EntityRefLink
              entityRef={tenantFieldRef(
                tenant,
                tenant.spec.application,
                'application',
              )}
            />
          </Cell>
        ),
        sortValue: tenant =>
          title(tenantFieldRef(tenant, tenant.spec.application, 'application')),
      },
      establishment: {
        label: t('instances.establishment'),
        cell: tenant => {
          const uai = uaiOfEstablishment(tenant.spec.establishment);
          return (
            <Cell>
              <EntityRefLink
                entityRef={tenantFieldRef(
                  tenant,
                  tenant.spec.establishment,
                  'group',
                )}
              />
              {uai && (
                <Text as="div" variant="body-small" color="secondary">
                  {t('instances.uai', { uai })}
                </Text>
              )}
            </Cell>
          );
        },
        sortValue: tenant =>
          title(tenantFieldRef(tenant, tenant.spec.establishment, 'group')),
      },
      environment: {
        label: t('instances.environment'),
        // The link to the instance: its environment, named in full for
        // assistive technologies.
        cell: tenant => (
          <Cell>
            <EntityRefLink entityRef={tenant} hideIcon disableTooltip>
              {labels.environment(tenant.spec.environment)}
              <VisuallyHidden>
                {` — ${tenant.metadata.title ?? tenant.metadata.name}`}
              </VisuallyHidden>
            </EntityRefLink>
          </Cell>
        ),
        sortValue: tenant =>
          String(ENVIRONMENT_ORDER.indexOf(tenant.spec.environment) + 10),
      },
      version: {
        label: t('instances.version'),
        cell: tenant => <CellText title={tenant.spec.version} />,
        sortValue: tenant => tenant.spec.version,
      },
      status: {
        label: t('instances.status'),
        cell: tenant => (
          <Cell>
            <StatusChip value={labels.tenantStatus(tenant.spec.status)} />
          </Cell>
        ),
        sortValue: tenant => labels.tenantStatus(tenant.spec.status).label,
      },
    };
    return {
      all: byId,
      definitions: columns.map(
        (id, index): ColumnDef => ({
          id,
          isRowHeader: index === 0,
          ...byId[id],
        }),
      ),
    };
  }, [columns, t, labels, presentation]);

  const [sort, setSort] = useState<SortDescriptor | undefined>();

  const rows = useMemo(() => {
    // Sort keys are computed once per row, not once per comparison.
    const keyed = tenants.map(tenant => {
      const row: TenantRow = { ...tenant, id: stringifyEntityRef(tenant) };
      const keys = Object.fromEntries(
        (Object.keys(all) as TenantColumn[]).map(id => [
          id,
          all[id].sortValue(row),
        ]),
      ) as Record<TenantColumn, string>;
      return { row, keys };
    });
    // One collator for the whole sort: `localeCompare` with options sets
    // one up per comparison, 10 to 20 times slower over thousands of rows.
    const collator = new Intl.Collator(undefined, {
      numeric: true,
      sensitivity: 'base',
    });
    const compare =
      (id: TenantColumn) => (a: (typeof keyed)[0], b: (typeof keyed)[0]) =>
        collator.compare(a.keys[id], b.keys[id]);
    const chosen = definitions.find(d => d.id === sort?.column)?.id;
    const byDefault = DEFAULT_ORDER.map(compare);
    return keyed
      .sort((a, b) => {
        if (chosen) {
          const order = compare(chosen)(a, b);
          if (order !== 0) {
            return sort?.direction === 'descending' ? -order : order;
          }
        }
        for (const step of byDefault) {
          const order = step(a, b);
          if (order !== 0) {
            return order;
          }
        }
        return a.row.metadata.name.localeCompare(b.row.metadata.name);
      })
      .map(({ row }) => row);
  }, [tenants, all, definitions, sort]);

  return (
    <TableRoot aria-label={label} sortDescriptor={sort} onSortChange={setSort}>
      <TableHeader columns={definitions}>
        {column => (
          <Column id={column.id} isRowHeader={column.isRowHeader} allowsSorting>
            {column.label}
          </Column>
        )}
      </TableHeader>
      <TableBody items={rows} dependencies={[definitions]}>
        {row => (
          <Row id={row.id} columns={definitions}>
            {column => column.cell(row)}
          </Row>
        )}
      </TableBody>
    </TableRoot>
  );
}
