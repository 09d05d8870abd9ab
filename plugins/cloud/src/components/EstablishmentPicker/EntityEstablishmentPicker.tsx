import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  EntityAutocompletePicker,
  catalogApiRef,
  useEntityList,
} from '@backstage/plugin-catalog-react';
import { uaiOfEstablishment } from '@amue/plugin-cloud-common';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import { useCallback } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { cloudTranslationRef } from '../../translation';
import {
  CloudEntityFilters,
  EntityEstablishmentFilter,
  establishmentRef,
} from './EntityEstablishmentFilter';

const FACET = 'spec.establishment';

/**
 * Names of the establishments the listed Tenants point to, keyed by the
 * value of their `spec.establishment`: two small catalog calls (facets of
 * the Tenants, then the Groups by ref), only while Tenants are listed.
 */
function useEstablishmentTitles(active: boolean) {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async (): Promise<Record<string, string>> => {
    if (!active) {
      return {};
    }
    const { facets } = await catalogApi.getEntityFacets({
      facets: [FACET],
      filter: { kind: 'tenant' },
    });
    const values = (facets[FACET] ?? []).map(facet => facet.value);
    if (!values.length) {
      return {};
    }
    const refs = values.map(establishmentRef);
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs: refs,
      fields: ['metadata.name', 'metadata.title', 'spec.profile.displayName'],
    });
    return Object.fromEntries(
      values.flatMap((value, index) => {
        const group = items[index];
        const title =
          group?.metadata.title ??
          (group?.spec?.profile as { displayName?: string } | undefined)
            ?.displayName;
        return title ? [[value, title]] : [];
      }),
    );
  }, [catalogApi, active]);
}

/**
 * Catalog index filter: the establishment of the listed Tenants, shown
 * while the kind picker lists Tenants. Options read "Université de Bordeaux
 * (0333298F)" and can be searched by name or UAI; the choice is kept in the
 * page's URL (`filters[establishment]=...`).
 *
 * @public
 */
export function EntityEstablishmentPicker() {
  const { t } = useTranslationRef(cloudTranslationRef);
  const { filters } = useEntityList<CloudEntityFilters>();
  const listsTenants = filters.kind?.value?.toLowerCase() === 'tenant';
  const { value: titles } = useEstablishmentTitles(listsTenants);

  const label = useCallback(
    (value: string) => {
      const title = titles?.[value] ?? value;
      const uai = uaiOfEstablishment(value);
      return uai ? t('establishmentFilter.option', { title, uai }) : title;
    },
    [titles, t],
  );

  return (
    <EntityAutocompletePicker<CloudEntityFilters, 'establishment'>
      label={t('establishmentFilter.label')}
      name="establishment"
      path={FACET}
      Filter={EntityEstablishmentFilter}
      getOptionLabel={label}
      renderOption={(option, { selected }) => (
        <FormControlLabel
          control={
            <Checkbox
              size="small"
              color="primary"
              checked={selected}
              inputProps={{ 'aria-hidden': true, tabIndex: -1 }}
            />
          }
          label={label(option)}
          onClick={event => event.preventDefault()}
        />
      )}
    />
  );
}
