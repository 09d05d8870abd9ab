import { useEffect, useMemo, useState } from 'react';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { Select } from '@backstage/core-components';
import {
  EntityKindFilter,
  catalogApiRef,
  useEntityList,
} from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import useAsync from 'react-use/esm/useAsync';
import { cloudTranslationRef } from '../../translation';

/** The kind a first visit of the catalog lists: the offer. */
export const DEFAULT_KIND = 'application';

/** Kinds people of the portal look for first, in this order. */
const FIRST_KINDS = ['application', 'tenant', 'group', 'user', 'domain'];

/**
 * Catalog index filter on the kind, with the kinds named in the user's
 * language ("Applications", "Instances hébergées"...) rather than by their
 * code, the applications offered as a service first and by default.
 */
export function EntityKindPicker() {
  const { t } = useTranslationRef(cloudTranslationRef);
  const catalogApi = useApi(catalogApiRef);
  const {
    filters,
    queryParameters: { kind: kindParameter },
    updateFilters,
  } = useEntityList();
  const queryKind = [kindParameter].flat()[0]?.toLowerCase();
  const [selected, setSelected] = useState<string>(
    queryKind ?? filters.kind?.value ?? DEFAULT_KIND,
  );
  useEffect(() => {
    if (queryKind) {
      setSelected(queryKind);
    }
  }, [queryKind]);

  const kinds = useAsync(async () => {
    const { facets } = await catalogApi.getEntityFacets({ facets: ['kind'] });
    return (facets.kind ?? []).map(facet => facet.value.toLowerCase());
  }, [catalogApi]);

  const labels: Record<string, string> = useMemo(
    () => ({
      application: t('kindPicker.kinds.application'),
      tenant: t('kindPicker.kinds.tenant'),
      group: t('kindPicker.kinds.group'),
      user: t('kindPicker.kinds.user'),
      domain: t('kindPicker.kinds.domain'),
      component: t('kindPicker.kinds.component'),
      template: t('kindPicker.kinds.template'),
      location: t('kindPicker.kinds.location'),
      system: t('kindPicker.kinds.system'),
      api: t('kindPicker.kinds.api'),
      resource: t('kindPicker.kinds.resource'),
    }),
    [t],
  );
  useEffect(() => {
    updateFilters({
      kind: selected
        ? new EntityKindFilter(selected, labels[selected] ?? selected)
        : undefined,
    });
  }, [selected, labels, updateFilters]);

  const items = useMemo(() => {
    const all = new Set([...(kinds.value ?? []), selected]);
    const rank = (kind: string) => {
      const index = FIRST_KINDS.indexOf(kind);
      return index < 0 ? FIRST_KINDS.length : index;
    };
    return [...all]
      .sort(
        (a, b) =>
          rank(a) - rank(b) || (labels[a] ?? a).localeCompare(labels[b] ?? b),
      )
      .map(kind => ({ value: kind, label: labels[kind] ?? kind }));
  }, [kinds.value, selected, labels]);

  return (
    <Box pb={1} pt={1}>
      <Select
        label={t('kindPicker.title')}
        items={items}
        selected={selected}
        onChange={value => setSelected(String(value))}
      />
    </Box>
  );
}
