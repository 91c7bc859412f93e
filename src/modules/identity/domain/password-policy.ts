/** ANSSI / NIST-style: length over composition rules. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères.`;
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return `Le mot de passe ne doit pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`;
  }
  if (email && password.toLowerCase() === email.toLowerCase()) {
    return 'Le mot de passe ne doit pas être votre adresse e-mail.';
  }
  if (/^(.)\1*$/.test(password)) {
    return 'Le mot de passe ne doit pas répéter un seul caractère.';
  }
  return null;
}
