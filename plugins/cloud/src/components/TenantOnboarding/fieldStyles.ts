import { makeStyles } from '@material-ui/core/styles';

/**
 * Text fields whose error state keeps a contrast of at least 4.5:1: the
 * theme's error red is too light for the label and the message on white.
 */
export const useFieldStyles = makeStyles(theme => {
  const error =
    theme.palette.type === 'dark' ? theme.palette.error.light : '#8a1c1c';
  return {
    field: {
      '& .Mui-error': { color: error },
      '& .Mui-error .MuiOutlinedInput-notchedOutline': { borderColor: error },
    },
  };
});
