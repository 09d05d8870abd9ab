import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { Alert, Button, Flex } from '@backstage/ui';
import { makeStyles } from '@material-ui/core/styles';
import TextField from '@material-ui/core/TextField';
import { useId, useState } from 'react';
import { cloudApiRef } from '../../api';
import { cloudTranslationRef } from '../../translation';
import type { ListedTenant } from '../MyInstances/useTenantList';
import { errorMessage } from '../TenantOnboarding/errors';
import { remainingCharacters, textLength } from '../TenantOnboarding/TextLimit';
import { hasStatus } from '../TenantOnboarding/useTenantDetails';
import { useFieldStyles } from '../TenantOnboarding/fieldStyles';

const useStyles = makeStyles(theme => ({
  // Readable on a hovered row too (MUI's grey is not), errors kept red.
  readable: {
    '&:not(.Mui-error):not(.Mui-focused)': {
      color: theme.palette.text.primary,
    },
  },
}));

/** A decision recorded: on which tenants, and the versions to undo it. */
export interface RecordedDecision {
  decision: 'approve' | 'reject';
  /** Each tenant decided, with its qualification's row version after it. */
  tenants: { tenant: ListedTenant; rowVersion: number }[];
}

/**
 * Approve or reject one request, with a comment (required to reject): one
 * decision for all the tenants of the request (the environments asked for
 * in one submission of the form), each sent with the row version of its
 * qualification step as shown.
 */
export function DecisionForm(props: {
  tenants: ListedTenant[];
  /** How the buttons name the request ("SIFAC — test, production"). */
  name: string;
  /**
   * Called once the decision is recorded (with what was decided), or
   * without argument to see the current version.
   */
  onDecided: (decided?: RecordedDecision) => void;
}) {
  const { tenants, name, onDecided } = props;
  const { t } = useTranslationRef(cloudTranslationRef);
  const cloudApi = useApi(cloudApiRef);
  const id = useId();
  const fieldClasses = useFieldStyles();
  const classes = useStyles();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [conflict, setConflict] = useState(false);
  const [missingReason, setMissingReason] = useState(false);

  const qualifications = tenants.map(tenant =>
    tenant.steps?.find(s => s.id === 'qualification'),
  );
  const ready = qualifications.every(Boolean);
  const remaining = remainingCharacters(comment);
  const blank = textLength(comment) === 0;
  const count = tenants.length;

  const decide = async (decision: 'approve' | 'reject') => {
    if (!ready) {
      return;
    }
    if (decision === 'reject' && blank) {
      setMissingReason(true);
      return;
    }
    setBusy(true);
    setError(undefined);
    const decided: RecordedDecision['tenants'] = [];
    try {
      for (const [index, tenant] of tenants.entries()) {
        const updated = await cloudApi.decideRequest(tenant.name, {
          decision,
          reason: blank ? undefined : comment.trim(),
          rowVersion: qualifications[index]!.rowVersion,
        });
        const after = updated.steps.find(s => s.id === 'qualification');
        decided.push({ tenant, rowVersion: after?.rowVersion ?? 0 });
      }
      onDecided({ decision, tenants: decided });
    } catch (e) {
      if (decided.length > 0) {
        // Part of the request decided: say so, and let it be undone.
        onDecided({ decision, tenants: decided });
      }
      if (hasStatus(e, 409)) {
        setConflict(true);
      } else {
        setError(t('onboarding.actionError', { message: errorMessage(e, t) }));
      }
    } finally {
      setBusy(false);
    }
  };

  let helper: string = t('onboarding.comments.remaining', {
    count: remaining,
  });
  if (remaining < 0) {
    helper = t('onboarding.comments.tooLong', { count: -remaining });
  } else if (missingReason && blank) {
    helper = t('requests.rejectNeedsReason');
  }

  return (
    <Flex direction="column" gap="2" style={{ minWidth: '16rem' }}>
      <TextField
        className={fieldClasses.field}
        id={`${id}-comment`}
        label={t('requests.comment')}
        inputProps={{
          'aria-label': t('requests.commentLabel', { name }),
        }}
        InputLabelProps={{ className: classes.readable }}
        FormHelperTextProps={{ className: classes.readable }}
        value={comment}
        onChange={event => {
          setComment(event.target.value);
          setMissingReason(false);
        }}
        error={remaining < 0 || (missingReason && blank)}
        helperText={helper}
        multiline
        minRows={2}
        variant="outlined"
        size="small"
        fullWidth
      />
      <Flex gap="2" style={{ flexWrap: 'wrap' }}>
        <Button
          variant="primary"
          size="small"
          isDisabled={busy || !ready || remaining < 0}
          aria-label={
            count > 1
              ? t('requests.approveAllLabel', { number: String(count), name })
              : t('requests.approveLabel', { name })
          }
          onPress={() => decide('approve')}
        >
          {count > 1
            ? t('requests.approveAll', { count })
            : t('requests.approve')}
        </Button>
        <Button
          variant="secondary"
          size="small"
          isDisabled={busy || !ready || remaining < 0}
          aria-label={
            count > 1
              ? t('requests.rejectAllLabel', { number: String(count), name })
              : t('requests.rejectLabel', { name })
          }
          onPress={() => decide('reject')}
        >
          {count > 1
            ? t('requests.rejectAll', { count })
            : t('requests.reject')}
        </Button>
      </Flex>
      {conflict && (
        <Alert
          status="warning"
          role="alert"
          title={t('onboarding.conflict')}
          customActions={
            <Button
              size="small"
              variant="secondary"
              onPress={() => {
                setConflict(false);
                onDecided();
              }}
            >
              {t('onboarding.reload')}
            </Button>
          }
        />
      )}
      {error && <Alert status="danger" role="alert" title={error} />}
    </Flex>
  );
}
