import { makeStyles } from '@material-ui/core/styles';
import TextField from '@material-ui/core/TextField';

const useStyles = makeStyles(theme => ({
  // The label sits on the page's background: in the text colour, for
  // contrast (the secondary colour is too light there).
  label: {
    color: theme.palette.text.primary,
  },
}));

/** An option of a {@link FilterSelect}. */
export interface FilterOption {
  value: string;
  label: string;
}

/**
 * A labelled filter: a native select (keyboard and screen reader friendly)
 * whose first option, of value `''`, means "all".
 */
export function FilterSelect(props: {
  id: string;
  label: string;
  allLabel: string;
  value: string;
  options: FilterOption[];
  onChange: (value: string) => void;
  /** CSS width; the list of options shows them in full. */
  width?: string;
}) {
  const { id, label, allLabel, value, options, onChange } = props;
  const classes = useStyles();
  return (
    <TextField
      select
      id={id}
      label={label}
      value={value}
      onChange={event => onChange(event.target.value)}
      SelectProps={{ native: true }}
      // A native select always shows a value: its label stays above it.
      InputLabelProps={{ shrink: true, className: classes.label }}
      variant="outlined"
      size="small"
      fullWidth
      style={{ width: props.width ?? '16rem', maxWidth: '100%' }}
    >
      <option value="">{allLabel}</option>
      {options.map(option => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
      {value && !options.some(option => option.value === value) && (
        // A value of the URL not among the options stays visible.
        <option value={value}>{value}</option>
      )}
    </TextField>
  );
}
