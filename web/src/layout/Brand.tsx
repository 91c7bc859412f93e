import { Anchor } from '@mantine/core';
import { Link } from 'react-router';

/** The product name in the header, leading home. */
export function Brand() {
  return (
    <Anchor component={Link} to="/" fw={700} fz="xl" c="blue.9" underline="never">
      Qualif
    </Anchor>
  );
}
