import { Box, Button, FileButton, Group, Image, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { PropertyDetail } from '@portico/shared/contracts/properties';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { uploadAttachment } from '@/lib/upload-attachment';
import { usePropertyImage } from '../api/save-property';
import { ConfirmButton } from './confirm-button';

const ACCEPT = 'image/jpeg,image/png,image/gif,image/webp';

/** The property's images as thumbnails; managers add (upload, then attach) and remove them. */
export function PropertyImages({ property, canEdit }: { property: PropertyDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const { add, remove } = usePropertyImage(property.id);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function onFile(file: File | null) {
    if (!file) return;
    setError(null);
    setUploading(true);
    try {
      const uploaded = await uploadAttachment(file);
      await add.mutateAsync(uploaded.id);
    } catch (err) {
      setError(err);
    } finally {
      setUploading(false);
    }
  }

  return (
    <Stack gap="sm">
      <ErrorAlert error={error ?? remove.error} />
      {property.images.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('properties.noImages')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 4 }} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {property.images.map((image) => (
            <Paper component="li" key={image.id} withBorder p={4}>
              <Box component="a" href={`/api/v1/attachments/${image.id}`} target="_blank" rel="noopener" display="block">
                <Image src={`/api/v1/attachments/${image.id}`} alt={image.filename} h={96} fit="cover" radius="sm" />
              </Box>
              <Text size="xs" truncate mt={4}>
                {image.filename}
              </Text>
              {canEdit && (
                <ConfirmButton
                  size="xs"
                  label={t('properties.removeImage')}
                  question={t('properties.removeImageQuestion', { name: image.filename })}
                  confirmLabel={t('properties.removeImage')}
                  loading={remove.isPending}
                  onConfirm={() => remove.mutate(image.id)}
                />
              )}
            </Paper>
          ))}
        </SimpleGrid>
      )}
      {canEdit && (
        <Group>
          <FileButton onChange={(file) => void onFile(file)} accept={ACCEPT}>
            {(props) => (
              <Button variant="default" loading={uploading} {...props}>
                {t('properties.addImage')}
              </Button>
            )}
          </FileButton>
        </Group>
      )}
    </Stack>
  );
}
