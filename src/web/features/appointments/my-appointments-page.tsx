import { Link } from 'react-router';
import type { Appointment } from '../../../shared/schemas/appointments.ts';
import { Page, Section } from '../../components/page.tsx';
import { Empty, QueryView } from '../../components/states.tsx';
import { useUser } from '../auth/use-session.ts';
import { useClinic } from '../clinic/clinic-context.tsx';
import { AppointmentCard } from './appointment-card.tsx';
import { useAppointments } from './appointment-queries.ts';
import { CancelAppointment, canCancel } from './cancel-appointment.tsx';

const isUpcoming = (appointment: Appointment, now: Date) =>
  (appointment.status === 'REQUESTED' || appointment.status === 'APPROVED') &&
  new Date(appointment.endAt) > now;

export function MyAppointmentsPage() {
  const user = useUser();
  const clinic = useClinic();
  const query = useAppointments({ order: 'desc' });
  const now = new Date();
  return (
    <Page
      title="My appointments"
      actions={
        <Link className="btn btn-primary" to="/book">
          Book a visit
        </Link>
      }
    >
      <QueryView
        query={query}
        label="your appointments"
        isEmpty={(data) => data.items.length === 0}
        empty="You have no appointments yet."
      >
        {(data) => {
          const upcoming = data.items.filter((a) => isUpcoming(a, now)).reverse();
          const past = data.items.filter((a) => !isUpcoming(a, now));
          return (
            <>
              <Section title="Upcoming">
                {upcoming.length === 0 ? (
                  <Empty>Nothing booked ahead.</Empty>
                ) : (
                  <ul className="space-y-3">
                    {upcoming.map((appointment) => (
                      <AppointmentCard
                        key={appointment.id}
                        appointment={appointment}
                        actions={
                          canCancel(appointment, user.role, now) && (
                            <CancelAppointment
                              appointment={appointment}
                              label={`${clinic.dateTime(appointment.startAt)} with ${appointment.doctor.name}`}
                            />
                          )
                        }
                      />
                    ))}
                  </ul>
                )}
              </Section>
              <Section title="Past and closed">
                {past.length === 0 ? (
                  <Empty>No past appointments.</Empty>
                ) : (
                  <ul className="space-y-3">
                    {past.map((appointment) => (
                      <AppointmentCard key={appointment.id} appointment={appointment} />
                    ))}
                  </ul>
                )}
              </Section>
            </>
          );
        }}
      </QueryView>
    </Page>
  );
}
