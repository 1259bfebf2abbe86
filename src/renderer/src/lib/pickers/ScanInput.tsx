// The box a scanner types into: a serial number, then Enter (what a barcode scanner sends) or the button.
// The screen says what the serial is; the box clears once the screen took it, and keeps it otherwise so the
// user can correct a mistyped one. A message (not found, held by someone) shows under it.
import { Alert, Button, Group, TextInput } from '@mantine/core';
import { IconScan } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';

interface Props {
  label: string;
  description?: ReactNode;
  buttonLabel: string;
  /** Handles one scanned serial (trimmed, never empty); false keeps it in the box. */
  onScan: (serial: string) => boolean | Promise<boolean>;
  message?: string | null;
  testId?: string;
  autoFocus?: boolean;
}

export function ScanInput({ label, description, buttonLabel, onScan, message, testId, autoFocus = true }: Props) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const serial = text.trim();
    if (!serial || busy) return;
    setBusy(true);
    try {
      if (await onScan(serial)) setText('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          label={label}
          description={description}
          leftSection={<IconScan size={16} />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void submit();
            }
          }}
          style={{ flex: 1 }}
          data-testid={testId}
          data-autofocus={autoFocus || undefined}
        />
        <Button variant="default" loading={busy} onClick={() => void submit()}>
          {buttonLabel}
        </Button>
      </Group>
      {message && <Alert color="orange">{message}</Alert>}
    </>
  );
}
