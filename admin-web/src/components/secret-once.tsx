import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef } from 'react';

/**
 * A secret Portico shows only once (an API key, a webhook signing secret): a warning, the value in a
 * read-only field that selects itself (a long token never widens the page on a phone), a copy
 * button and, where the page has one, a button that dismisses it. Focus moves here so a screen
 * reader hears it at once.
 */
export function SecretOnce(props: {
  secret: string;
  title: string;
  warning: string;
  label: string;
  copy: string;
  copied: string;
  testId: string;
  done?: { label: string; onClick: () => void };
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Alert ref={ref} tabIndex={-1} color="yellow" variant="light" title={props.title} role="status" aria-live="polite">
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {props.warning}
        </Text>
        <TextInput
          label={props.label}
          readOnly
          value={props.secret}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          onFocus={(event) => event.currentTarget.select()}
          data-testid={props.testId}
        />
        <Group gap="xs">
          <CopyButton value={props.secret} timeout={3000}>
            {({ copied, copy }) => <Button onClick={copy}>{copied ? props.copied : props.copy}</Button>}
          </CopyButton>
          {props.done && (
            <Button variant="default" onClick={props.done.onClick}>
              {props.done.label}
            </Button>
          )}
        </Group>
      </Stack>
    </Alert>
  );
}
