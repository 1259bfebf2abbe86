import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { parseTypedDay } from './days';

type Props = Omit<DateInputProps, 'value' | 'onChange'> & { value: string | null; onChange: (day: string | null) => void };

/**
 * A calendar day ('YYYY-MM-DD') picked from a calendar or typed day first (31/12/2025); shown as
 * "31 Dec 2025" / "31 dic 2025", which reads the same in both languages without day/month doubt.
 * Enter takes the typed day and stays in the form: it never submits it half filled in.
 */
export function DayInput({ value, onChange, onKeyDown, ...props }: Props) {
  return (
    <DateInput
      valueFormat="DD MMM YYYY"
      dateParser={parseTypedDay}
      clearable
      leftSection={<IconCalendar size={16} />}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.preventDefault();
        onKeyDown?.(event);
      }}
      {...props}
      value={value}
      onChange={(day) => onChange(day ?? null)}
    />
  );
}
