import { RefusalPage } from './RefusalPage';

/** Any address that matches no page. */
export function NotFoundPage() {
  return <RefusalPage reason="notFound" />;
}
