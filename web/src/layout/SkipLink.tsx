export const MAIN_ID = 'contenu';

/** The first focusable element: jumps over the header and navigation to the page content. */
export function SkipLink() {
  return (
    <a
      className="skip-link"
      href={`#${MAIN_ID}`}
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(MAIN_ID)?.focus();
      }}
    >
      Aller au contenu
    </a>
  );
}
