import type { CSSProperties } from 'react';
import { ENVIRONMENT_ORDER, useCloudLabels } from './labels';
import { StatusChip } from './StatusChip';

const INLINE_LIST: CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  gap: 'var(--bui-space-2)',
  listStyle: 'none',
  margin: 0,
  padding: 0,
};

/**
 * The environments an application offers, in words, production first, as
 * a list of chips.
 */
export function EnvironmentChips(props: { environments?: string[] }) {
  const labels = useCloudLabels();
  const environments = [...(props.environments ?? [])].sort(
    (a, b) => ENVIRONMENT_ORDER.indexOf(a) - ENVIRONMENT_ORDER.indexOf(b),
  );
  return (
    <ul style={INLINE_LIST}>
      {environments.map(environment => (
        <li key={environment}>
          <StatusChip
            value={{ label: labels.environment(environment), tone: 'neutral' }}
          />
        </li>
      ))}
    </ul>
  );
}
