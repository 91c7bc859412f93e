/**
 * Ends the visit after signing out: a full page load on the login page, so that nothing
 * the session displayed stays in memory (cached data, forms).
 */
export function leaveToLogin(): void {
  window.location.assign('/connexion');
}
