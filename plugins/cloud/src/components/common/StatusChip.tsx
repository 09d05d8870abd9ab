import { Badge } from '@backstage/ui';
import type { CSSProperties } from 'react';
import type { StatusTone, ValueLabel } from './labels';

/**
 * Dark text on a light tint: every pair has a contrast ratio of at least
 * 7:1 (WCAG AAA), in the light and the dark theme alike. The label, not the
 * colour, carries the meaning.
 */
const TONES: Record<StatusTone, CSSProperties> = {
  success: { color: '#17561b', backgroundColor: '#e3f3e6' },
  info: { color: '#0b3d91', backgroundColor: '#e3eefb' },
  warning: { color: '#663c00', backgroundColor: '#fff1d6' },
  danger: { color: '#8a1c1c', backgroundColor: '#fde7e9' },
  neutral: { color: '#37474f', backgroundColor: '#eceff1' },
};

/** A status shown as a coloured chip, e.g. "En service". */
export function StatusChip(props: { value: ValueLabel }) {
  const { label, tone } = props.value;
  return (
    <Badge
      data-tone={tone}
      style={{
        ...TONES[tone],
        border: `1px solid ${TONES[tone].color}33`,
        whiteSpace: 'nowrap',
      }}
    >
      {label}
    </Badge>
  );
}
