import { useParams } from 'react-router';
import { NotFoundPage } from '../../components/not-found-page.tsx';
import { Page, Section } from '../../components/page.tsx';
import { QueryView } from '../../components/states.tsx';
import { ApiError } from '../../lib/api-error.ts';
import { useUser } from '../auth/use-session.ts';
import { useClinic } from '../clinic/clinic-context.tsx';
import { VisitRecord } from '../history/visit-record.tsx';
import { MoveMyVisit } from '../scheduling/move-my-visit.tsx';
import { AppointmentCard } from './appointment-card.tsx';
import { useAppointment } from './appointment-queries.ts';
import { CancelAppointment, canCancel } from './cancel-appointment.tsx';

/** Another patient's appointment answers 404 from the server, and reads here exactly like a wrong address. */
export function AppointmentPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const clinic = useClinic();
  const query = useAppointment(id);
  if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400))
    return <NotFoundPage />;
  return (
    <Page title="Appointment">
      <QueryView query={query} label="the appointment">
        {(appointment) => (
          <>
            <ul className="mb-6">
              <AppointmentCard
                appointment={appointment}
                actions={
                  <>
                    {canCancel(appointment, user.role, new Date()) && (
                      <CancelAppointment
                        appointment={appointment}
                        label={`${clinic.dateTime(appointment.startAt)} with ${appointment.doctor.name}`}
                      />
                    )}
                    <MoveMyVisit appointment={appointment} />
                  </>
                }
              />
            </ul>
            <Section title="Visit record">
              <VisitRecord appointment={appointment} />
            </Section>
          </>
        )}
      </QueryView>
    </Page>
  );
}
