import { Link } from 'react-router';
import { Page } from '../../components/page.tsx';
import { QueryView } from '../../components/states.tsx';
import { useToast } from '../../components/toasts.tsx';
import { describeError } from '../../lib/api-error.ts';
import { useClinic } from '../clinic/clinic-context.tsx';
import { useMarkRead, useNotifications } from './notification-queries.ts';

export function InboxPage() {
  const clinic = useClinic();
  const query = useNotifications();
  const markRead = useMarkRead();
  const toast = useToast();
  return (
    <Page title="Inbox">
      <QueryView
        query={query}
        label="your messages"
        isEmpty={(data) => data.items.length === 0}
        empty="No messages yet. You will hear here when the doctor answers a request."
      >
        {(data) => (
          <>
            <p className="mb-4 text-muted">
              {data.unreadCount === 0 ? 'All messages read.' : `${data.unreadCount} unread`}
            </p>
            <ul className="space-y-3" aria-label="Messages">
              {data.items.map((notice) => (
                <li
                  key={notice.id}
                  className={`card ${notice.readAt ? '' : 'border-l-8 border-l-accent'}`}
                  data-testid="notification"
                >
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <h2 className="text-lg font-semibold">
                      {!notice.readAt && <span className="sr-only">Unread: </span>}
                      {notice.title}
                    </h2>
                    <p className="text-sm text-muted">{clinic.dateTime(notice.createdAt)}</p>
                  </div>
                  <p className="mt-1 whitespace-pre-line">{notice.message}</p>
                  <div className="mt-3 flex flex-wrap gap-3">
                    {notice.appointmentId && (
                      <Link to={`/appointments/${notice.appointmentId}`}>View the appointment</Link>
                    )}
                    {!notice.readAt && (
                      <button
                        type="button"
                        className="btn btn-secondary min-h-10 px-3 text-sm"
                        disabled={markRead.isPending}
                        onClick={() =>
                          markRead.mutate(notice.id, { onError: (error) => toast(describeError(error)) })
                        }
                      >
                        Mark as read<span className="sr-only">: {notice.title}</span>
                      </button>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}
      </QueryView>
    </Page>
  );
}
