// The box a scanner types into: a serial number, then Enter (what a barcode scanner sends) or the button.
// The box clears at once for the next scan; the screen says what each serial is, in order, and one it
// refuses comes back into the box to be corrected. A message (not found, held by someone) shows under it.
import { Alert, Button, Group, TextInput } from '@mantine/core';
import { IconScan } from '@tabler/icons-react';
import { useRef, useState, type ReactNode } from 'react';

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
  const [busy, setBusy] = useState(0);
  // Scans are handled one after the other, in the order they came: a scanner fires the next serial
  // before the screen has answered the last one.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  // Each scan is handled by the screen as it is when its turn comes, not as it was when it was typed.
  const handler = useRef(onScan);
  handler.current = onScan;
  const submit = () => {
    const serial = text.trim();
    if (!serial) return;
    setText('');
    setBusy((n) => n + 1);
    queue.current = queue.current.then(async () => {
      try {
        // Refused: back in the box to correct, unless the next serial is already being typed there.
        if (!(await handler.current(serial))) setText((now) => (now === '' ? serial : now));
      } finally {
        setBusy((n) => n - 1);
      }
    });
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
              submit();
            }
          }}
          style={{ flex: 1 }}
          data-testid={testId}
          data-autofocus={autoFocus || undefined}
        />
        <Button variant="default" loading={busy > 0} onClick={submit}>
          {buttonLabel}
        </Button>
      </Group>
      {message && <Alert color="orange">{message}</Alert>}
    </>
  );
}
