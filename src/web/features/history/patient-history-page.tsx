import { useParams } from 'react-router';
import { NotFoundPage } from '../../components/not-found-page.tsx';
import { Page } from '../../components/page.tsx';
import { ApiError } from '../../lib/api-error.ts';
import { usePatientHistory, VisitHistory } from './visit-history.tsx';

export function PatientHistoryPage() {
  const { id = '' } = useParams();
  const query = usePatientHistory(id);
  if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400))
    return <NotFoundPage />;
  return (
    <Page title={query.data ? `History of ${query.data.patient.name}` : 'Patient history'}>
      <VisitHistory patientId={id} />
    </Page>
  );
}
