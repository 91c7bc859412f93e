import { Burger, type MantineBreakpoint } from '@mantine/core';

type MenuButtonProps = {
  opened: boolean;
  onClick: () => void;
  /** From this breakpoint up, the links are shown and the button is not. */
  hiddenFrom: MantineBreakpoint;
  /** The id of the menu it opens, when it is always in the page. */
  controls?: string;
};

/** The small screens' menu button. */
export function MenuButton({ opened, onClick, hiddenFrom, controls }: MenuButtonProps) {
  return (
    <Burger
      opened={opened}
      onClick={onClick}
      hiddenFrom={hiddenFrom}
      size="sm"
      aria-label={opened ? 'Fermer le menu' : 'Ouvrir le menu'}
      aria-expanded={opened}
      aria-controls={controls}
    />
  );
}
