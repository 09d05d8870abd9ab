import { cloudCatalogColumns, useCloudCatalogTitle } from '@amue/plugin-cloud';
import { TableColumn } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/frontend-plugin-api';
import { CatalogTable, CatalogTableRow } from '@backstage/plugin-catalog';
import { catalogTranslationRef } from '@backstage/plugin-catalog/alpha';
import {
  CatalogFilterLayout,
  EntityListContextProps,
  EntityListProvider,
  EntityRefLink,
  useEntityList,
} from '@backstage/plugin-catalog-react';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Container, Header } from '@backstage/ui';
import { ReactNode } from 'react';

/** A text whose hyphenated words never break at their hyphen. */
function WholeWords(props: { text: string }) {
  return (
    <>
      {props.text.split(/(\S*-\S*)/).map((part, index) =>
        part.includes('-') ? (
          <span key={index} style={{ whiteSpace: 'nowrap' }}>
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

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
      // A name is never broken in the middle of a word, nor at the hyphen
      // of a word ("Pré-production").
      cellStyle: { wordBreak: 'normal', overflowWrap: 'normal', minWidth: 140 },
      render: ({ entity }) => (
        <EntityRefLink entityRef={entity} defaultKind={kind}>
          <WholeWords text={entity.metadata.title ?? entity.metadata.name} />
        </EntityRefLink>
      ),
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
