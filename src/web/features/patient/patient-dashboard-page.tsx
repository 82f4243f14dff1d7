import { useState } from 'react';
import { Link } from 'react-router';
import { Page, Section } from '../../components/page.tsx';
import { QueryView } from '../../components/states.tsx';
import { AppointmentCard } from '../appointments/appointment-card.tsx';
import { useAppointments } from '../appointments/appointment-queries.ts';
import { useUser } from '../auth/use-session.ts';
import { useClinic } from '../clinic/clinic-context.tsx';
import { useNotifications } from '../notifications/notification-queries.ts';

export function PatientDashboardPage() {
  const user = useUser();
  const clinic = useClinic();
  // Fixed at first render: a fresh timestamp on every render would be a new query each time.
  const [from] = useState(() => new Date().toISOString());
  const upcoming = useAppointments({ status: ['REQUESTED', 'APPROVED'], from, order: 'asc', limit: 3 });
  const unread = useNotifications(true, 3);
  return (
    <Page
      title={`Hello, ${user.name.split(' ')[0]}`}
      actions={
        <Link className="btn btn-primary" to="/book">
          Book a visit
        </Link>
      }
    >
      <div className="grid gap-6 md:grid-cols-2">
        <Section title="Coming up">
          <QueryView
            query={upcoming}
            label="your next visits"
            isEmpty={(data) => data.items.length === 0}
            empty={
              <>
                No visits booked. <Link to="/book">Book a visit</Link>
              </>
            }
          >
            {(data) => (
              <ul className="space-y-3">
                {data.items.map((appointment) => (
                  <AppointmentCard key={appointment.id} appointment={appointment} />
                ))}
              </ul>
            )}
          </QueryView>
          <p className="mt-3">
            <Link to="/appointments">All my appointments</Link>
          </p>
        </Section>
        <Section title="New messages">
          <QueryView
            query={unread}
            label="your messages"
            isEmpty={(data) => data.unreadCount === 0}
            empty="No unread messages."
          >
            {(data) => (
              <ul className="space-y-3">
                {data.items.map((notice) => (
                  <li key={notice.id} className="card">
                    <p className="font-semibold">{notice.title}</p>
                    <p className="text-sm text-muted">{clinic.dateTime(notice.createdAt)}</p>
                  </li>
                ))}
              </ul>
            )}
          </QueryView>
          <p className="mt-3">
            <Link to="/inbox">Open the inbox</Link>
          </p>
        </Section>
      </div>
    </Page>
  );
}
