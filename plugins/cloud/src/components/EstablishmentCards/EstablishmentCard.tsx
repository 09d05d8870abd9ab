import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import { Link } from '@backstage/ui';
import {
  ESTABLISHMENT_LABELS,
  FORMER_UAIS_ANNOTATION,
  UAI_ANNOTATION,
} from '@amue/plugin-cloud-common';
import { cloudTranslationRef } from '../../translation';
import { Field, FieldList } from '../common/FieldList';
import { placeName } from './places';

/**
 * An establishment Group's identity: UAI code and former codes, région,
 * académie and website.
 */
export function EstablishmentCard() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(cloudTranslationRef);
  const { annotations = {}, labels = {}, links = [] } = entity.metadata;

  const uai = annotations[UAI_ANNOTATION];
  const formerUais = (annotations[FORMER_UAIS_ANNOTATION] ?? '')
    .split(/[,;]/)
    .map(code => code.trim())
    .filter(Boolean);
  const place = (kind: 'region' | 'academie') => {
    const slug = labels[ESTABLISHMENT_LABELS[kind]];
    if (!slug) {
      return t('values.notProvided');
    }
    const name = placeName(kind, slug);
    return 'name' in name
      ? name.name
      : t(`establishmentCard.${name.translate}`);
  };
  const website = links.find(link => /^https?:\/\//i.test(link.url));

  return (
    <EntityInfoCard title={t('establishmentCard.title')}>
      <FieldList>
        <Field label={t('establishmentCard.uai')}>
          {uai ?? t('values.notProvided')}
        </Field>
        <Field label={t('establishmentCard.formerUais')}>
          {formerUais.length
            ? formerUais.join(', ')
            : t('establishmentCard.noFormerUais')}
        </Field>
        <Field label={t('establishmentCard.region')}>{place('region')}</Field>
        <Field label={t('establishmentCard.academie')}>
          {place('academie')}
        </Field>
        <Field label={t('establishmentCard.website')} wide>
          {website ? (
            <Link
              href={website.url}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={`${website.url}${t('links.newWindow')}`}
            >
              {website.url}
            </Link>
          ) : (
            t('values.notProvided')
          )}
        </Field>
      </FieldList>
    </EntityInfoCard>
  );
}
