import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import { Link } from '@backstage/ui';
import type { CSSProperties } from 'react';
import { cloudTranslationRef } from '../../translation';

const LIST: CSSProperties = {
  margin: 0,
  paddingInlineStart: '1.25rem',
};

/**
 * The entity's links (`metadata.links`), each opening in a new window and
 * saying so in the reader's language. Replaces the catalog's links card,
 * whose link component says ", Opens in a new window" in English whatever
 * the language.
 */
export function LinksCard() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(cloudTranslationRef);
  const links = (entity.metadata.links ?? []).filter(link =>
    /^https?:\/\//i.test(link.url),
  );
  if (!links.length) {
    return null;
  }
  return (
    <EntityInfoCard title={t('links.title')}>
      <ul style={LIST}>
        {links.map(link => (
          <li key={link.url}>
            <Link
              href={link.url}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={`${link.title ?? link.url}${t('links.newWindow')}`}
            >
              {link.title ?? link.url}
            </Link>
          </li>
        ))}
      </ul>
    </EntityInfoCard>
  );
}
