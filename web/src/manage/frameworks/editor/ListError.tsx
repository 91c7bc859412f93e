import { Text } from '@mantine/core';

/** An error about a whole list (« Au moins un critère. »), under the list. */
export function ListError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <Text size="sm" c="var(--mantine-color-error)">
      {message}
    </Text>
  );
}
