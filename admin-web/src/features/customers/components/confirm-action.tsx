import { Alert, Button, Group, Text } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * An inline "are you sure" for a destructive step: the question, then Confirm / Cancel. Focus moves
 * to it when it opens so keyboard and screen-reader users meet it at once.
 */
export function ConfirmAction({
  message,
  confirmLabel,
  pending,
  onConfirm,
  onCancel,
  color = 'red',
  children,
}: {
  message: string;
  confirmLabel: string;
  pending?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  color?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Alert color={color === 'red' ? 'red' : 'blue'} variant="light" ref={ref} tabIndex={-1} role="alertdialog" aria-label={message}>
      <Text size="sm" mb="xs">
        {message}
      </Text>
      {children}
      <Group gap="xs">
        <Button size="xs" color={color === 'red' ? 'red.8' : undefined} loading={pending} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button size="xs" variant="default" onClick={onCancel}>
          {t('customerForm.cancel')}
        </Button>
      </Group>
    </Alert>
  );
}
