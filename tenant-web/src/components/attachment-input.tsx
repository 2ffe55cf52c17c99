import { Button, CloseButton, Group, Input, Loader, Stack, Text } from '@mantine/core';
import { ALLOWED_UPLOAD_TYPES, type Attachment, MAX_ATTACHMENTS, MAX_UPLOAD_BYTES } from '@portico/shared/contracts/messaging';
import { type ChangeEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorParams, errorText } from '@/lib/errors';
import { useUploadAttachment } from '@/lib/upload-attachment';

const allowedTypes: readonly string[] = ALLOWED_UPLOAD_TYPES;

interface Pending {
  key: string;
  name: string;
}

/**
 * A native file input for images and PDFs: each chosen file is uploaded at once and shown as a
 * removable chip; the parent keeps the uploaded attachments (their ids go into `attachmentIds`).
 * With `camera`, a "Take a photo" button opens the rear camera on a phone (seed 001: "if you
 * report from your phone it is easy to take a photo"); elsewhere it opens the file picker.
 * `texts` names the catalogue keys: `label`, `hint`, `tooMany` and (with the camera) `takePhoto`.
 */
export function AttachmentInput({
  value,
  onChange,
  onBusyChange,
  texts = 'attachments',
  withCamera = false,
}: {
  texts?: 'attachments' | 'caseFiles';
  withCamera?: boolean;
  value: Attachment[];
  onChange: (next: Attachment[]) => void;
  onBusyChange?: (busy: boolean) => void;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const cameraInput = useRef<HTMLInputElement>(null);
  const upload = useUploadAttachment();
  const [pending, setPending] = useState<Pending[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const latest = useRef(value);
  latest.current = value;

  useEffect(() => {
    onBusyChange?.(pending.length > 0);
  }, [pending.length, onBusyChange]);

  const handleFiles = async (files: File[]) => {
    const found: string[] = [];
    const accepted: File[] = [];
    const room = MAX_ATTACHMENTS - latest.current.length - pending.length;
    for (const file of files) {
      if (file.size > MAX_UPLOAD_BYTES) {
        found.push(t('attachments.fileError', { name: file.name, error: t('errors:upload_too_large', errorParams()) }));
      } else if (file.type && !allowedTypes.includes(file.type)) {
        found.push(t('attachments.fileError', { name: file.name, error: t('errors:upload_type_not_allowed', errorParams()) }));
      } else if (accepted.length >= room) {
        found.push(t('attachments.fileError', { name: file.name, error: t(`${texts}.tooMany`, { max: MAX_ATTACHMENTS }) }));
      } else {
        accepted.push(file);
      }
    }
    setProblems(found);
    await Promise.all(
      accepted.map(async (file) => {
        const key = `${file.name}-${Math.random().toString(36).slice(2)}`;
        setPending((p) => [...p, { key, name: file.name }]);
        try {
          const attachment = await upload.mutateAsync(file);
          latest.current = [...latest.current, attachment];
          onChange(latest.current);
        } catch (error) {
          setProblems((p) => [...p, t('attachments.fileError', { name: file.name, error: errorText(t, error) })]);
        } finally {
          setPending((p) => p.filter((x) => x.key !== key));
        }
      }),
    );
  };

  const onFiles = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.currentTarget.files ?? []);
    event.currentTarget.value = '';
    if (files.length) void handleFiles(files);
  };

  const remove = (id: string) => {
    latest.current = latest.current.filter((a) => a.id !== id);
    onChange(latest.current);
  };

  const describedBy = [hintId, problems.length ? errorId : null].filter(Boolean).join(' ');

  return (
    <Stack gap={4}>
      <Input.Label htmlFor={inputId}>{t(`${texts}.label`)}</Input.Label>
      <Text id={hintId} size="xs" c="gray.7">
        {t(`${texts}.hint`, { ...errorParams(), max: MAX_ATTACHMENTS })}
      </Text>
      <Group gap="sm" align="center" wrap="wrap">
        <input
          id={inputId}
          className="file-input"
          type="file"
          accept="image/*,application/pdf"
          multiple
          aria-describedby={describedBy}
          aria-invalid={problems.length > 0 || undefined}
          onChange={onFiles}
        />
        {withCamera && (
          <>
            <Button type="button" variant="default" size="sm" onClick={() => cameraInput.current?.click()}>
              {t(`${texts}.takePhoto`)}
            </Button>
            {/* Opened by the button above: on a phone it goes straight to the rear camera. */}
            <input
              ref={cameraInput}
              type="file"
              accept="image/*"
              capture="environment"
              hidden
              tabIndex={-1}
              aria-hidden="true"
              onChange={onFiles}
            />
          </>
        )}
      </Group>
      <div id={errorId} role="alert">
        {problems.map((p) => (
          <Text key={p} size="sm" c="red.9">
            {p}
          </Text>
        ))}
      </div>
      {(value.length > 0 || pending.length > 0) && (
        <Group gap="xs" component="ul" aria-label={t('attachments.listLabel')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {value.map((a) => (
            <li key={a.id} className="attachment-chip">
              <span>{a.filename}</span>
              <CloseButton size="sm" aria-label={t('attachments.remove', { name: a.filename })} onClick={() => remove(a.id)} />
            </li>
          ))}
          {pending.map((p) => (
            <li key={p.key} className="attachment-chip" aria-busy="true">
              <span>{t('attachments.uploading', { name: p.name })}</span>
              <Loader size="xs" aria-hidden="true" />
            </li>
          ))}
        </Group>
      )}
    </Stack>
  );
}
