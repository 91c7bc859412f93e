/**
 * SIRET (14 digits) and SIREN (9) carry a Luhn key. La Poste's establishments
 * (SIREN 356 000 000) are the one documented exception: their SIRET's digits add up to a
 * multiple of 5 instead (INSEE).
 */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const LA_POSTE_SIREN = '356000000';

export function normaliseSiret(value: string): string {
  return value.replace(/[\s\t.-]/g, '');
}

export function siretProblem(value: string): string | null {
  const siret = normaliseSiret(value);
  if (!/^\d{14}$/.test(siret)) return 'Un SIRET compte 14 chiffres.';
  if (!luhnValid(siret.slice(0, 9))) return 'Le SIREN (9 premiers chiffres) a une clé de contrôle invalide.';
  if (siret.startsWith(LA_POSTE_SIREN)) {
    const sum = [...siret].reduce((s, c) => s + Number(c), 0);
    return sum % 5 === 0 ? null : 'Clé de contrôle du SIRET invalide.';
  }
  return luhnValid(siret) ? null : 'Clé de contrôle du SIRET invalide.';
}
