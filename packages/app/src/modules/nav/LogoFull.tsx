import { makeStyles } from '@material-ui/core';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { cloudTranslationRef } from '@amue/plugin-cloud';

const useStyles = makeStyles({
  svg: { width: 'auto', height: 34 },
});

/** The portal's wordmark, shown in the open sidebar. */
export const LogoFull = () => {
  const classes = useStyles();
  const { t } = useTranslationRef(cloudTranslationRef);
  return (
    <svg
      className={classes.svg}
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 220 48"
      role="img"
      aria-label={t('app.title')}
    >
      <path
        d="M10 34a9 9 0 0 1 1.5-17.9A12 12 0 0 1 34.6 18 8 8 0 0 1 34 34z"
        fill="#ffffff"
      />
      {/* One text element, words apart, so that the visible text reads
          "Amue Cloud" and the tagline (the link's name holds it). */}
      <text fontFamily="Marianne, Arial, sans-serif">
        <tspan x="46" y="24" fill="#ffffff" fontSize="20" fontWeight="700">
          Amue
        </tspan>{' '}
        <tspan x="106" y="24" fill="#8ec5ff" fontSize="20" fontWeight="400">
          Cloud
        </tspan>{' '}
        <tspan x="46" y="40" fill="#dbe7f5" fontSize="10">
          {t('nav.logoTagline')}
        </tspan>
      </text>
    </svg>
  );
};
