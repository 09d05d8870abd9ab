import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityCatalogGraphCard } from '@backstage/plugin-catalog-graph';
import { cloudTranslationRef } from '../../translation';

type RelationKey =
  | 'relations.ownedBy'
  | 'relations.ownerOf'
  | 'relations.memberOf'
  | 'relations.hasMember'
  | 'relations.parentOf'
  | 'relations.childOf'
  | 'relations.partOf'
  | 'relations.hasPart'
  | 'relations.dependsOn'
  | 'relations.dependencyOf'
  | 'relations.providesApi'
  | 'relations.apiProvidedBy'
  | 'relations.consumesApi'
  | 'relations.apiConsumedBy'
  | 'relations.instanceOf'
  | 'relations.hasInstance';

const KEYS: Record<string, RelationKey> = {
  ownedBy: 'relations.ownedBy',
  ownerOf: 'relations.ownerOf',
  memberOf: 'relations.memberOf',
  hasMember: 'relations.hasMember',
  parentOf: 'relations.parentOf',
  childOf: 'relations.childOf',
  partOf: 'relations.partOf',
  hasPart: 'relations.hasPart',
  dependsOn: 'relations.dependsOn',
  dependencyOf: 'relations.dependencyOf',
  providesApi: 'relations.providesApi',
  apiProvidedBy: 'relations.apiProvidedBy',
  consumesApi: 'relations.consumesApi',
  apiConsumedBy: 'relations.apiConsumedBy',
  instanceOf: 'relations.instanceOf',
  hasInstance: 'relations.hasInstance',
};

/** The relations of an edge of the graph, in the reader's language. */
function RelationLabel(props: { edge: { relations: string[] } }) {
  const { t } = useTranslationRef(cloudTranslationRef);
  const words = props.edge.relations.map(relation =>
    KEYS[relation] ? t(KEYS[relation]) : relation,
  );
  return (
    <text textAnchor="middle" fill="currentColor">
      {words.map((word, index) => (
        <tspan key={`${word}-${index}`} opacity={index % 2 ? 0.7 : 1}>
          {index > 0 ? ' / ' : ''}
          {word}
        </tspan>
      ))}
    </text>
  );
}

/**
 * The catalog graph card of entity pages, its relations named in the
 * reader's language ("membre de / a pour membre" rather than
 * `memberOf / hasMember`).
 */
export function RelationsCard() {
  return <EntityCatalogGraphCard renderLabel={RelationLabel as any} />;
}
