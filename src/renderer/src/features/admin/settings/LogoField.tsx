import { Button, FileInput, Group, Image, Input, Paper, Text } from '@mantine/core';
import { IconPhoto, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '@shared/contract/settings';
import { useFormat } from '@renderer/lib/useFormat';

type Logo = NonNullable<Settings['companyLogo']>;

/** The settings keep at most 400,000 base64 characters, which is 300,000 bytes of image. */
export const LOGO_MAX_BYTES = 300_000;
const MIMES: readonly string[] = ['image/png', 'image/jpeg'];

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read'));
    reader.readAsDataURL(file);
  });
}

/** The letterhead logo: a PNG or JPEG chosen from disk, kept as base64 in the settings, with its preview. */
export function LogoField({ value, onChange }: { value: Logo | null; onChange: (logo: Logo | null) => void }) {
  const { t } = useTranslation('admin');
  const f = useFormat();
  const [error, setError] = useState<string | null>(null);

  const choose = async (file: File | null) => {
    setError(null);
    if (!file) return;
    if (!MIMES.includes(file.type)) return setError(t('letterhead.logoType'));
    if (file.size > LOGO_MAX_BYTES) {
      const size = f.qty(Math.round(file.size / 1000));
      return setError(t('letterhead.logoTooLarge', { size }));
    }
    try {
      onChange({ mime: file.type as Logo['mime'], base64: await readBase64(file) });
    } catch {
      setError(t('letterhead.logoUnreadable'));
    }
  };

  return (
    <Input.Wrapper label={t('letterhead.logo')} description={t('letterhead.logoHint')} error={error} inputWrapperOrder={['label', 'description', 'input', 'error']}>
      <Group align="center" gap="md" mt={6} wrap="wrap">
        <Paper withBorder radius="sm" p="xs" w={220} h={88} style={{ display: 'flex', alignItems: 'center', justifyContent: 'center' }} data-testid="logo-preview">
          {value ? (
            <Image src={`data:${value.mime};base64,${value.base64}`} alt={t('letterhead.logoPreview')} mah={68} maw={200} w="auto" fit="contain" />
          ) : (
            <Text size="sm" c="dimmed">
              {t('letterhead.noLogo')}
            </Text>
          )}
        </Paper>
        <FileInput
          aria-label={value ? t('letterhead.replaceLogo') : t('letterhead.chooseLogo')}
          placeholder={value ? t('letterhead.replaceLogo') : t('letterhead.chooseLogo')}
          accept="image/png,image/jpeg"
          leftSection={<IconPhoto size={16} />}
          value={null}
          onChange={(file) => void choose(file)}
          w={240}
        />
        {value && (
          <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => onChange(null)}>
            {t('letterhead.removeLogo')}
          </Button>
        )}
      </Group>
    </Input.Wrapper>
  );
}
