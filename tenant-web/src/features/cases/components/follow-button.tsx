import { Button, Stack, Text } from '@mantine/core';
import type { CaseDetail } from '@portico/shared/contracts/cases';
import { useTranslation } from 'react-i18next';
import { errorText } from '@/lib/errors';
import { useFollowCase } from '../api/follow-case';

/** Seed 002: several people in the organisation can follow the same case and are told about news in it. */
export function FollowButton({ customerId, detail }: { customerId: string; detail: CaseDetail }) {
  const { t } = useTranslation();
  const follow = useFollowCase(customerId);

  return (
    <Stack gap={4}>
      <div>
        <Button
          variant={detail.following ? 'default' : 'filled'}
          loading={follow.isPending}
          onClick={() => follow.mutate({ caseId: detail.id, follow: !detail.following })}
        >
          {detail.following ? t('case.follow.stop') : t('case.follow.start')}
        </Button>
      </div>
      <Text size="sm" c="gray.7" aria-live="polite">
        {detail.following && `${t('case.follow.youFollow')} `}
        {t('case.follow.count', { count: detail.followerCount })}
      </Text>
      {follow.isError && (
        <Text size="sm" c="red.9" role="alert">
          {errorText(t, follow.error)}
        </Text>
      )}
    </Stack>
  );
}
