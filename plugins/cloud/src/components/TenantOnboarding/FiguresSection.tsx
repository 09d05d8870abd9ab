import type { OnboardingActorSide } from '@amue/plugin-cloud-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Button, Flex, Text } from '@backstage/ui';
import { makeStyles } from '@material-ui/core/styles';
import TextField from '@material-ui/core/TextField';
import { FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { TenantWithEvents } from '../../api';
import { cloudTranslationRef } from '../../translation';
import { Field, FieldList } from '../common/FieldList';
import { useOnboardingLabels } from './labels';
import { useFieldStyles } from './fieldStyles';

const useStyles = makeStyles(theme => ({
  columns: {
    display: 'grid',
    gap: theme.spacing(3),
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 20rem), 1fr))',
  },
  fieldset: {
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(2),
    margin: 0,
  },
  legend: {
    padding: theme.spacing(0, 0.5),
    fontWeight: 600,
  },
}));

/** A whole number of at least 0, or undefined. */
function count(value: string): number | undefined {
  return /^\s*\d{1,12}\s*$/.test(value) ? Number(value) : undefined;
}

type Pair = [number, number];

/**
 * A form of two counts (funding granted and paid; training sessions and
 * people), opened by a button. Resolves `onSave` to true when recorded.
 */
function CountsForm(props: {
  title: string;
  labels: [string, string];
  values: Pair;
  busy: boolean;
  /** Extra rule on both values; returns the error to show, if any. */
  check?: (values: Pair) => string | undefined;
  onSave: (values: Pair) => Promise<boolean>;
}) {
  const { title, labels, values, busy, check, onSave } = props;
  const classes = useStyles();
  const fieldClasses = useFieldStyles();
  const { t } = useTranslationRef(cloudTranslationRef);
  const id = useId();
  const [open, setOpen] = useState(false);
  const [first, setFirst] = useState(String(values[0]));
  const [second, setSecond] = useState(String(values[1]));
  const [submitted, setSubmitted] = useState(false);
  const firstField = useRef<HTMLInputElement>(null);
  // The form replaces its button: the focus goes to its first field.
  useEffect(() => {
    if (open) {
      firstField.current?.focus();
    }
  }, [open]);

  const parsed: [number | undefined, number | undefined] = [
    count(first),
    count(second),
  ];
  const invalid = t('onboarding.figures.invalid');
  const errors = [
    parsed[0] === undefined ? invalid : undefined,
    parsed[1] === undefined ? invalid : undefined,
  ];
  const ruleError =
    parsed[0] !== undefined && parsed[1] !== undefined
      ? check?.([parsed[0], parsed[1]])
      : undefined;

  if (!open) {
    return (
      <Button
        variant="secondary"
        size="small"
        onPress={() => {
          setFirst(String(values[0]));
          setSecond(String(values[1]));
          setSubmitted(false);
          setOpen(true);
        }}
      >
        {title}
      </Button>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (parsed[0] === undefined || parsed[1] === undefined || ruleError) {
      return;
    }
    if (await onSave([parsed[0], parsed[1]])) {
      setOpen(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <fieldset className={classes.fieldset}>
        <legend className={classes.legend}>{title}</legend>
        <Flex direction="column" gap="3">
          {[0, 1].map(index => (
            <TextField
              className={fieldClasses.field}
              key={index}
              id={`${id}-${index}`}
              label={labels[index]}
              value={index === 0 ? first : second}
              onChange={event =>
                (index === 0 ? setFirst : setSecond)(event.target.value)
              }
              inputProps={{ inputMode: 'numeric' }}
              error={submitted && Boolean(errors[index])}
              helperText={submitted ? errors[index] : undefined}
              inputRef={index === 0 ? firstField : undefined}
              required
              variant="outlined"
              size="small"
            />
          ))}
          {submitted && ruleError && (
            <Text as="p" role="alert" color="danger" variant="body-small">
              {ruleError}
            </Text>
          )}
          <Flex gap="2">
            <Button type="submit" variant="primary" isDisabled={busy}>
              {t('onboarding.figures.save')}
            </Button>
            <Button
              variant="secondary"
              isDisabled={busy}
              onPress={() => setOpen(false)}
            >
              {t('onboarding.figures.cancel')}
            </Button>
          </Flex>
        </Flex>
      </fieldset>
    </form>
  );
}

/**
 * Incentive funding and training figures of a tenant, with the forms to
 * record them for those allowed: funding by Amue (the owners of the
 * application and the administrators), training by whoever acts on the
 * tenant.
 */
export function FiguresSection(props: {
  tenant: TenantWithEvents;
  side: OnboardingActorSide | undefined;
  busy: boolean;
  onFunding: (values: {
    grantedEur: number;
    paidEur: number;
  }) => Promise<boolean>;
  onTraining: (values: {
    sessionsHeld: number;
    staffTrained: number;
  }) => Promise<boolean>;
}) {
  const { tenant, side, busy } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(cloudTranslationRef);
  const labels = useOnboardingLabels();
  const open = !tenant.decommissioned;
  const amue = side === 'amue' || side === 'any';

  return (
    <div className={classes.columns}>
      <Flex direction="column" gap="3">
        <FieldList>
          <Field label={t('onboarding.figures.granted')}>
            {labels.euros(tenant.funding.grantedEur)}
          </Field>
          <Field label={t('onboarding.figures.paid')}>
            {labels.euros(tenant.funding.paidEur)}
          </Field>
        </FieldList>
        {open && amue && (
          <CountsForm
            // Reopened with the recorded values after each change.
            key={tenant.funding.rowVersion}
            title={t('onboarding.figures.fundingForm')}
            labels={[
              t('onboarding.figures.grantedInput'),
              t('onboarding.figures.paidInput'),
            ]}
            values={[tenant.funding.grantedEur, tenant.funding.paidEur]}
            busy={busy}
            check={([granted, paid]) =>
              paid > granted
                ? t('onboarding.figures.paidOverGranted')
                : undefined
            }
            onSave={([grantedEur, paidEur]) =>
              props.onFunding({ grantedEur, paidEur })
            }
          />
        )}
      </Flex>
      <Flex direction="column" gap="3">
        <FieldList>
          <Field label={t('onboarding.figures.sessions')}>
            {labels.integer(tenant.training.sessionsHeld)}
          </Field>
          <Field label={t('onboarding.figures.staff')}>
            {labels.integer(tenant.training.staffTrained)}
          </Field>
        </FieldList>
        {open && side && (
          <CountsForm
            key={tenant.training.rowVersion}
            title={t('onboarding.figures.trainingForm')}
            labels={[
              t('onboarding.figures.sessions'),
              t('onboarding.figures.staff'),
            ]}
            values={[
              tenant.training.sessionsHeld,
              tenant.training.staffTrained,
            ]}
            busy={busy}
            onSave={([sessionsHeld, staffTrained]) =>
              props.onTraining({ sessionsHeld, staffTrained })
            }
          />
        )}
      </Flex>
    </div>
  );
}
