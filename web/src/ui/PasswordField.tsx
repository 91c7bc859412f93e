import { PasswordInput, type PasswordInputProps } from '@mantine/core';

/** A password input whose show/hide button is reachable and named for assistive technology. */
export function PasswordField(props: PasswordInputProps) {
  return (
    <PasswordInput
      {...props}
      visibilityToggleButtonProps={{ 'aria-label': 'Afficher le mot de passe en clair', tabIndex: 0 }}
    />
  );
}
