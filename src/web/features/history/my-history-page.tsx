import { Page } from '../../components/page.tsx';
import { useUser } from '../auth/use-session.ts';
import { VisitHistory } from './visit-history.tsx';

export function MyHistoryPage() {
  const user = useUser();
  return (
    <Page title="My visit history">
      <VisitHistory patientId={user.id} />
    </Page>
  );
}
