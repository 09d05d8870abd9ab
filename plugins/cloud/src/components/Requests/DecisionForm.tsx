import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { Alert, Button, Flex } from '@backstage/ui';
import TextField from '@material-ui/core/TextField';
import { useId, useState } from 'react';
import { cloudApiRef } from '../../api';
import { cloudTranslationRef } from '../../translation';
import type { ListedTenant } from '../MyInstances/useTenantList';
import { errorMessage } from '../TenantOnboarding/errors';
import { remainingCharacters, textLength } from '../TenantOnboarding/TextLimit';
import { hasStatus } from '../TenantOnboarding/useTenantDetails';
import { useFieldStyles } from '../TenantOnboarding/fieldStyles';

/**
 * Approve or reject one request, with a comment (required to reject): the
 * decision is sent with the row version of the qualification step shown.
 */
export function DecisionForm(props: {
  tenant: ListedTenant;
  /** Called once the decision is recorded, or to see the current version. */
  onDecided: (message?: string) => void;
}) {
  const { tenant, onDecided } = props;
  const { t } = useTranslationRef(cloudTranslationRef);
  const cloudApi = useApi(cloudApiRef);
  const id = useId();
  const fieldClasses = useFieldStyles();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [conflict, setConflict] = useState(false);
  const [missingReason, setMissingReason] = useState(false);

  const qualification = tenant.steps?.find(s => s.id === 'qualification');
  const remaining = remainingCharacters(comment);
  const blank = textLength(comment) === 0;

  const decide = async (decision: 'approve' | 'reject') => {
    if (!qualification) {
      return;
    }
    if (decision === 'reject' && blank) {
      setMissingReason(true);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await cloudApi.decideRequest(tenant.name, {
        decision,
        reason: blank ? undefined : comment.trim(),
        rowVersion: qualification.rowVersion,
      });
      onDecided(
        t(decision === 'approve' ? 'requests.approved' : 'requests.rejected', {
          name: tenant.name,
        }),
      );
    } catch (e) {
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
          'aria-label': t('requests.commentLabel', { name: tenant.name }),
        }}
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
      <Flex gap="2">
        <Button
          variant="primary"
          size="small"
          isDisabled={busy || !qualification || remaining < 0}
          aria-label={t('requests.approveLabel', { name: tenant.name })}
          onPress={() => decide('approve')}
        >
          {t('requests.approve')}
        </Button>
        <Button
          variant="secondary"
          size="small"
          isDisabled={busy || !qualification || remaining < 0}
          aria-label={t('requests.rejectLabel', { name: tenant.name })}
          onPress={() => decide('reject')}
        >
          {t('requests.reject')}
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
