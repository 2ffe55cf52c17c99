import { Button, Group, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A button that asks once more, inline, before it acts (archive, remove). */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  loading,
  color = 'red',
  size = 'sm',
}: {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  loading?: boolean;
  color?: string;
  size?: 'xs' | 'sm';
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <Button variant="default" size={size} onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  return (
    <Paper withBorder p="xs" role="alertdialog" aria-label={question}>
      <Text size="sm" mb="xs">
        {question}
      </Text>
      <Group gap="xs">
        <Button
          color={color}
          size={size}
          loading={loading}
          onClick={() => {
            onConfirm();
            setAsking(false);
          }}
        >
          {confirmLabel}
        </Button>
        <Button variant="default" size={size} onClick={() => setAsking(false)}>
          {t('properties.cancel')}
        </Button>
      </Group>
    </Paper>
  );
}
