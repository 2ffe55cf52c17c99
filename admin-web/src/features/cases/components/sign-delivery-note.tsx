import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { WorkOrderSignBodySchema } from '@portico/shared/contracts/cases';
import { type PointerEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { maxLengthOf } from '@/lib/form';
import { uploadAttachment } from '@/lib/upload-attachment';
import { useSignWorkOrder } from '../api/sign-work-order';

const WIDTH = 900;
const HEIGHT = 300;

function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('canvas.toBlob gave nothing'))), 'image/png');
  });
}

/**
 * Seed 003's signed delivery note: the customer signs on the screen (pointer events, so a finger,
 * a pen and a mouse all work) and the drawing is uploaded as a PNG. Keyboard users, or anyone with
 * a signed paper copy, upload a file instead.
 */
export function SignDeliveryNote({ caseId, workOrderId }: { caseId: string; workOrderId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const sign = useSignWorkOrder(caseId);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [hasInk, setHasInk] = useState(false);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const [drawError, setDrawError] = useState<string | undefined>();
  const [fileError, setFileError] = useState<string | undefined>();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<'drawn' | 'file' | null>(null);
  const [error, setError] = useState<unknown>(null);

  const clear = useCallback(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.lineWidth = 4;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#111111';
    setHasInk(false);
  }, []);

  useEffect(() => clear(), [clear]);

  const point = (event: PointerEvent<HTMLCanvasElement>) => {
    const canvas = event.currentTarget;
    const rect = canvas.getBoundingClientRect();
    return {
      x: ((event.clientX - rect.left) * canvas.width) / rect.width,
      y: ((event.clientY - rect.top) * canvas.height) / rect.height,
    };
  };

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    const ctx = event.currentTarget.getContext('2d');
    if (!ctx) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = true;
    const { x, y } = point(event);
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + 0.1, y + 0.1);
    ctx.stroke();
    setHasInk(true);
    setDrawError(undefined);
  };

  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const ctx = event.currentTarget.getContext('2d');
    if (!ctx) return;
    event.preventDefault();
    const events = event.nativeEvent.getCoalescedEvents?.() ?? [];
    const rect = event.currentTarget.getBoundingClientRect();
    const scaleX = event.currentTarget.width / rect.width;
    const scaleY = event.currentTarget.height / rect.height;
    for (const e of events.length > 0 ? events : [event.nativeEvent]) {
      ctx.lineTo((e.clientX - rect.left) * scaleX, (e.clientY - rect.top) * scaleY);
    }
    ctx.stroke();
  };

  const stop = () => {
    drawing.current = false;
  };

  const signedBy = () => {
    const trimmed = name.trim();
    if (!trimmed) setNameError(t('cases.sign.nameRequired'));
    return trimmed;
  };

  async function submit(kind: 'drawn' | 'file', blob: Blob, filename: string, who: string) {
    setBusy(kind);
    setError(null);
    try {
      const attachment = await uploadAttachment(blob, filename);
      await sign.mutateAsync({ workOrderId, signedBy: who, attachmentId: attachment.id, kind });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  }

  const saveDrawing = async () => {
    const who = signedBy();
    const canvas = canvasRef.current;
    if (!hasInk) setDrawError(t('cases.sign.drawFirst'));
    if (!who || !hasInk || !canvas) return;
    try {
      await submit('drawn', await canvasBlob(canvas), 'signature.png', who);
    } catch (caught) {
      setError(caught);
    }
  };

  const saveFile = () => {
    const who = signedBy();
    if (!file) setFileError(t('cases.sign.chooseFile'));
    if (!who || !file) return;
    void submit('file', file, file.name, who);
  };

  const headingId = `${id}-heading`;
  const hintId = `${id}-hint`;
  const drawErrorId = `${id}-draw-error`;
  const fileId = `${id}-file`;
  const fileErrorId = `${id}-file-error`;

  return (
    <Paper withBorder p="sm" radius="sm" component="section" aria-labelledby={headingId} mt="sm">
      <Stack gap="sm">
        <Title order={4} size="h6" id={headingId}>
          {t('cases.sign.heading')}
        </Title>
        <ErrorAlert error={error} />
        <TextInput
          label={t('cases.sign.name')}
          required
          maxLength={maxLengthOf(WorkOrderSignBodySchema.shape.signedBy)}
          autoComplete="off"
          value={name}
          error={nameError}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setNameError(undefined);
          }}
        />
        <div>
          <Text id={hintId} size="sm" mb={4}>
            {t('cases.sign.hint')}
          </Text>
          <canvas
            ref={canvasRef}
            width={WIDTH}
            height={HEIGHT}
            role="img"
            aria-label={t('cases.sign.area')}
            aria-describedby={drawError ? `${hintId} ${drawErrorId}` : hintId}
            className="signature-canvas"
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={stop}
            onPointerCancel={stop}
            onLostPointerCapture={stop}
          />
          <div aria-live="polite" id={drawErrorId}>
            {drawError && (
              <Text size="sm" c="red.9">
                {drawError}
              </Text>
            )}
          </div>
        </div>
        <Group gap="xs">
          <Button variant="default" onClick={clear} disabled={busy !== null}>
            {t('cases.sign.clear')}
          </Button>
          <Button onClick={() => void saveDrawing()} loading={busy === 'drawn'} disabled={busy === 'file'}>
            {t('cases.sign.save')}
          </Button>
        </Group>
        <Stack gap={6}>
          <Text component="label" htmlFor={fileId} fw={500} size="sm">
            {t('cases.sign.upload')}
          </Text>
          <Text size="xs" c="dimmed" id={`${fileId}-hint`}>
            {t('cases.sign.uploadHint')}
          </Text>
          <input
            id={fileId}
            className="file-input"
            type="file"
            accept="image/*,application/pdf"
            aria-describedby={fileError ? `${fileId}-hint ${fileErrorId}` : `${fileId}-hint`}
            onChange={(event) => {
              setFile(event.currentTarget.files?.[0] ?? null);
              setFileError(undefined);
            }}
          />
          <div aria-live="polite" id={fileErrorId}>
            {fileError && (
              <Text size="sm" c="red.9">
                {fileError}
              </Text>
            )}
          </div>
          <Group>
            <Button variant="default" onClick={saveFile} loading={busy === 'file'} disabled={busy === 'drawn'}>
              {t('cases.sign.saveFile')}
            </Button>
          </Group>
        </Stack>
      </Stack>
    </Paper>
  );
}
