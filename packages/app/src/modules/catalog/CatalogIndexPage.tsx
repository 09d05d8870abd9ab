import { cloudCatalogColumns, useCloudCatalogTitle } from '@amue/plugin-cloud';
import { TableColumn } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/frontend-plugin-api';
import { CatalogTable, CatalogTableRow } from '@backstage/plugin-catalog';
import { catalogTranslationRef } from '@backstage/plugin-catalog/alpha';
import {
  CatalogFilterLayout,
  EntityListContextProps,
  EntityListProvider,
  useEntityList,
} from '@backstage/plugin-catalog-react';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Container, Header } from '@backstage/ui';
import { ReactNode } from 'react';

/**
 * The columns of the list: the portal's for Applications and Tenants (no
 * empty System, Type or Tags column, values in words), Backstage's for the
 * other kinds.
 */
export function columnsOf(
  context: EntityListContextProps,
): TableColumn<CatalogTableRow>[] {
  const kind = context.filters.kind?.value;
  const portal = cloudCatalogColumns(kind);
  if (!portal) {
    return CatalogTable.defaultColumnsFunc(context);
  }
  const name = CatalogTable.columns.createNameColumn({ defaultKind: kind });
  return [
    {
      ...name,
      // A name is never broken in the middle of a word.
      cellStyle: { wordBreak: 'normal', overflowWrap: 'normal', minWidth: 140 },
    },
    ...(portal as unknown as TableColumn<CatalogTableRow>[]),
  ];
}

/** The list, titled with the kind in the reader's language. */
function CatalogList() {
  const { filters, totalItems } = useEntityList();
  const title = useCloudCatalogTitle(filters.kind?.value, totalItems);
  return <CatalogTable columns={columnsOf} title={title} />;
}

/** The catalog's index page, with the portal's columns. */
export function CatalogIndexPage(props: {
  filters: ReactNode;
  pagination?: boolean | { mode: 'cursor' | 'offset'; limit?: number };
}) {
  const orgName =
    useApi(configApiRef).getOptionalString('organization.name') ?? 'Backstage';
  const { t } = useTranslationRef(catalogTranslationRef);
  return (
    <EntityListProvider pagination={props.pagination}>
      <Header title={t('indexPage.title', { orgName })} />
      <Container>
        <CatalogFilterLayout>
          <CatalogFilterLayout.Filters>
            {props.filters}
          </CatalogFilterLayout.Filters>
          <CatalogFilterLayout.Content>
            <CatalogList />
          </CatalogFilterLayout.Content>
        </CatalogFilterLayout>
      </Container>
    </EntityListProvider>
  );
}
