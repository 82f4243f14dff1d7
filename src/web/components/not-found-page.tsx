import { Link } from 'react-router';
import { Page } from './page.tsx';

/** Shown for unknown addresses and for records this person may not see: the two look the same. */
export function NotFoundPage() {
  return (
    <Page title="Not found">
      <p className="mb-4">
        This page or record was not found. It may have been removed, or the address may be mistyped.
      </p>
      <Link to="/">Back to your dashboard</Link>
    </Page>
  );
}
