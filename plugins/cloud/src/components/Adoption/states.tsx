import { useTheme } from '@material-ui/core/styles';
import type { CSSProperties } from 'react';
import type { AdoptionState } from '@amue/plugin-cloud-common';

/**
 * Colours of the adoption states in charts. Each fill has a contrast ratio
 * of at least 3:1 with the page background of its theme (WCAG 1.4.11), and
 * the segments of a stacked bar are separated by a line of the background
 * colour, so no two fills touch. Colour is never the only cue: every chart
 * has a legend, an accessible summary and a table of its figures.
 */
const CHART_FILLS: Record<'light' | 'dark', Record<AdoptionState, string>> = {
  light: { live: '#2e7d32', in_progress: '#1565c0', not_started: '#5f6e76' },
  dark: { live: '#81c784', in_progress: '#64b5f6', not_started: '#b0bec5' },
};

/** Chart colours of the current theme, and the colours around them. */
export function useChartColors() {
  const theme = useTheme();
  const mode = theme.palette.type === 'dark' ? 'dark' : 'light';
  return {
    states: CHART_FILLS[mode],
    /** Line between the segments of a bar: the page background. */
    separator: theme.palette.background.paper,
    text: theme.palette.text.primary,
    grid: theme.palette.divider,
    /** Other series (funnel, durations). */
    primary: CHART_FILLS[mode].in_progress,
    secondary: CHART_FILLS[mode].live,
    danger: mode === 'dark' ? '#ef9a9a' : '#c62828',
  };
}

/**
 * Dark text on a light tint, as the status chips of the portal: a contrast
 * ratio of at least 7:1 in either theme. The styles are built once: the
 * matrix draws thousands of pills.
 */
const PILL_BASE: CSSProperties = {
  display: 'inline-flex',
  alignItems: 'center',
  gap: '0.3rem',
  padding: '0.125rem 0.5rem',
  borderRadius: '999px',
  whiteSpace: 'nowrap',
  fontSize: '0.8125rem',
  lineHeight: 1.4,
};
const PILL_STYLES: Record<AdoptionState, CSSProperties> = {
  live: { ...PILL_BASE, color: '#17561b', backgroundColor: '#e3f3e6' },
  in_progress: { ...PILL_BASE, color: '#0b3d91', backgroundColor: '#e3eefb' },
  // Quiet: in a matrix of mostly "not started", what has started stands out.
  not_started: {
    ...PILL_BASE,
    color: '#455a64',
    backgroundColor: 'transparent',
  },
};

const GLYPH_STYLE: CSSProperties = { flexShrink: 0 };

/**
 * The mark of an adoption state, decorative (the text says the state): a
 * ring (not started), a half disc (in progress), a full disc (live), so the
 * states differ by shape as well as by colour. Plain SVG, cheap to draw by
 * the thousand.
 */
export function AdoptionStateIcon(props: { state: AdoptionState }) {
  const { state } = props;
  return (
    <svg
      width="12"
      height="12"
      viewBox="0 0 12 12"
      aria-hidden="true"
      focusable="false"
      style={GLYPH_STYLE}
    >
      <circle
        cx="6"
        cy="6"
        r="5"
        fill={state === 'live' ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth="1.5"
      />
      {state === 'in_progress' && (
        <path d="M6 1 A5 5 0 0 1 6 11 Z" fill="currentColor" />
      )}
    </svg>
  );
}

/** An adoption state as its mark and its name, on a tinted pill. */
export function AdoptionStatePill(props: {
  state: AdoptionState;
  label: string;
}) {
  const { state, label } = props;
  return (
    <span data-state={state} style={PILL_STYLES[state]}>
      <AdoptionStateIcon state={state} />
      {label}
    </span>
  );
}
