import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  svg: { width: 'auto', height: 28 },
});

/** The portal's cloud mark, shown in the collapsed sidebar. */
export const LogoIcon = () => {
  const classes = useStyles();
  return (
    <svg
      className={classes.svg}
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 40 40"
      role="img"
      aria-label="Portail Amue Cloud"
    >
      <path
        d="M10 30a9 9 0 0 1 1.5-17.9A12 12 0 0 1 34.6 14 8 8 0 0 1 34 30z"
        fill="#ffffff"
      />
      <text
        x="20"
        y="27"
        textAnchor="middle"
        fill="#1d4f91"
        fontFamily="Arial, sans-serif"
        fontSize="10"
        fontWeight="700"
      >
        A
      </text>
    </svg>
  );
};
