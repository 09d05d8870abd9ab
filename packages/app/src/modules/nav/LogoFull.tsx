import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  svg: { width: 'auto', height: 34 },
});

/** The portal's wordmark, shown in the open sidebar. */
export const LogoFull = () => {
  const classes = useStyles();
  return (
    <svg
      className={classes.svg}
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 220 48"
      role="img"
      aria-label="Portail Amue Cloud"
    >
      <path
        d="M10 34a9 9 0 0 1 1.5-17.9A12 12 0 0 1 34.6 18 8 8 0 0 1 34 34z"
        fill="#ffffff"
      />
      <text x="46" y="24" fill="#ffffff" fontFamily="Marianne, Arial, sans-serif" fontSize="20" fontWeight="700">
        Amue
      </text>
      <text x="106" y="24" fill="#8ec5ff" fontFamily="Marianne, Arial, sans-serif" fontSize="20" fontWeight="400">
        Cloud
      </text>
      <text x="46" y="40" fill="#dbe7f5" fontFamily="Marianne, Arial, sans-serif" fontSize="10">
        Portail du mode service
      </text>
    </svg>
  );
};
