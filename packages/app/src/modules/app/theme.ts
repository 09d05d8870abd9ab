import {
  createUnifiedTheme,
  genPageTheme,
  palettes,
  shapes,
} from '@backstage/theme';

/** Amue blue and its companions; contrasts checked against white text. */
const AMUE_BLUE = '#1d4f91';
const AMUE_NAVY = '#0b2a55';

const pageTheme = genPageTheme({
  colors: [AMUE_NAVY, AMUE_BLUE],
  shape: shapes.wave,
});

/** The portal's light theme. */
export const amueLightTheme = createUnifiedTheme({
  palette: {
    ...palettes.light,
    primary: { main: AMUE_BLUE },
    secondary: { main: '#b3003c' },
    // Error messages of forms readable on white (5.6:1; MUI's red is 3.7:1).
    error: { main: '#c62828' },
    errorText: '#c62828',
    link: AMUE_BLUE,
    navigation: {
      ...palettes.light.navigation,
      background: AMUE_NAVY,
      indicator: '#8ec5ff',
      selectedColor: '#ffffff',
      color: '#dbe7f5',
      navItem: { hoverBackground: '#16407a' },
    },
  },
  defaultPageTheme: 'home',
  components: {
    // Room for the French sidebar labels (Backstage's default is 110px,
    // cut with an ellipsis): the whole width beside the icon, and a second
    // line rather than "Nouvelle dem…".
    BackstageSidebarItem: {
      styleOverrides: {
        label: {
          width: '148px',
          whiteSpace: 'normal',
          overflow: 'visible',
          lineHeight: 1.2,
        },
      },
    },
  },
  pageTheme: {
    home: pageTheme,
    documentation: pageTheme,
    tool: pageTheme,
    service: pageTheme,
    website: pageTheme,
    library: pageTheme,
    other: pageTheme,
    app: pageTheme,
    apis: pageTheme,
  },
});
