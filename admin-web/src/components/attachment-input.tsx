import { Box, CloseButton, Group, Loader, Stack, Text } from '@mantine/core';
import { ALLOWED_UPLOAD_TYPES, type Attachment, MAX_ATTACHMENTS, MAX_UPLOAD_BYTES } from '@portico/shared/contracts/messaging';
import { type Dispatch, type SetStateAction, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, MAX_UPLOAD_MB } from '@/lib/errors';
import { uploadAttachment } from '@/lib/upload-attachment';

type Pending = { key: string; name: string };
type Failure = { key: string; name: string; message: string };

const allowed: readonly string[] = ALLOWED_UPLOAD_TYPES;

/** Uploads each chosen file at once; the parent keeps the uploaded attachments and sends their ids. */
export function AttachmentInput({
  label,
  value,
  onChange,
  onBusyChange,
  disabled,
}: {
  /** Defaults to "Attachments". */
  label?: string;
  value: Attachment[];
  onChange: Dispatch<SetStateAction<Attachment[]>>;
  onBusyChange?: (busy: boolean) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [pending, setPending] = useState<Pending[]>([]);
  const [failures, setFailures] = useState<Failure[]>([]);

  useEffect(() => {
    onBusyChange?.(pending.length > 0);
  }, [pending.length, onBusyChange]);

  function handleFiles(files: File[]) {
    const errors: Failure[] = [];
    let room = MAX_ATTACHMENTS - value.length - pending.length;
    for (const file of files) {
      const key = `${file.name}-${file.size}-${Math.random().toString(36).slice(2)}`;
      if (room <= 0) {
        errors.push({ key, name: file.name, message: t('attachments.tooMany', { max: MAX_ATTACHMENTS }) });
        continue;
      }
      if (file.size > MAX_UPLOAD_BYTES) {
        errors.push({ key, name: file.name, message: t('errors:upload_too_large', { maxMb: MAX_UPLOAD_MB }) });
        continue;
      }
      if (file.type && !allowed.includes(file.type)) {
        errors.push({ key, name: file.name, message: t('errors:upload_type_not_allowed') });
        continue;
      }
      room -= 1;
      setPending((p) => [...p, { key, name: file.name }]);
      uploadAttachment(file)
        .then((attachment) => onChange((current) => [...current, attachment]))
        .catch((error: unknown) => setFailures((f) => [...f, { key, name: file.name, message: errorMessage(t, error) }]))
        .finally(() => setPending((p) => p.filter((item) => item.key !== key)));
    }
    setFailures(errors);
  }

  const hintId = `${id}-hint`;
  const errorsId = `${id}-errors`;

  return (
    <Stack gap={6}>
      <Text component="label" htmlFor={id} fw={500} size="sm">
        {label ?? t('attachments.label')}
      </Text>
      <Text id={hintId} size="xs" c="dimmed">
        {t('attachments.hint', { maxMb: MAX_UPLOAD_MB, max: MAX_ATTACHMENTS })}
      </Text>
      <input
        id={id}
        className="file-input"
        type="file"
        multiple
        accept="image/*,application/pdf"
        disabled={disabled}
        aria-describedby={failures.length > 0 ? `${hintId} ${errorsId}` : hintId}
        onChange={(event) => {
          const files = Array.from(event.currentTarget.files ?? []);
          event.currentTarget.value = '';
          handleFiles(files);
        }}
      />
      <Box id={errorsId} aria-live="polite">
        {failures.map((failure) => (
          <Text key={failure.key} size="sm" c="red.9">
            {failure.name}: {failure.message}
          </Text>
        ))}
      </Box>
      {(value.length > 0 || pending.length > 0) && (
        <Group component="ul" gap="xs" p={0} m={0} aria-label={t('attachments.chosen')} style={{ listStyle: 'none' }}>
          {value.map((attachment) => (
            <Group component="li" key={attachment.id} gap={2} wrap="nowrap" className="chip">
              <Text size="sm" className="chip-label">
                {attachment.filename}
              </Text>
              {!disabled && (
                <CloseButton
                  size="sm"
                  aria-label={t('attachments.remove', { name: attachment.filename })}
                  onClick={() => onChange((current) => current.filter((a) => a.id !== attachment.id))}
                />
              )}
            </Group>
          ))}
          {pending.map((item) => (
            <Group component="li" key={item.key} gap={6} wrap="nowrap" className="chip">
              <Loader size={12} aria-hidden />
              <Text size="sm" className="chip-label">
                {t('attachments.uploading', { name: item.name })}
              </Text>
            </Group>
          ))}
        </Group>
      )}
    </Stack>
  );
}
