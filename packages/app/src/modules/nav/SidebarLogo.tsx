import {
  Link,
  sidebarConfig,
  useSidebarOpenState,
} from '@backstage/core-components';
import { makeStyles } from '@material-ui/core';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { cloudTranslationRef } from '@amue/plugin-cloud';
import { LogoFull } from './LogoFull';
import { LogoIcon } from './LogoIcon';

const useSidebarLogoStyles = makeStyles({
  root: {
    width: sidebarConfig.drawerWidthClosed,
    height: 3 * sidebarConfig.logoHeight,
    display: 'flex',
    flexFlow: 'row nowrap',
    alignItems: 'center',
    marginBottom: -14,
  },
  link: {
    width: sidebarConfig.drawerWidthClosed,
    marginLeft: 24,
  },
});

export const SidebarLogo = () => {
  const classes = useSidebarLogoStyles();
  const { isOpen } = useSidebarOpenState();
  const { t } = useTranslationRef(cloudTranslationRef);

  return (
    <div className={classes.root}>
      {/* The link's name holds the wordmark's visible words (RGAA, WCAG
          2.5.3 "label in name"), then where it leads. */}
      <Link
        to="/"
        underline="none"
        className={classes.link}
        aria-label={t('nav.logo')}
      >
        {isOpen ? <LogoFull /> : <LogoIcon />}
      </Link>
    </div>
  );
};
