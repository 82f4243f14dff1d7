import { useNotifications } from './notification-queries.ts';

export function UnreadBadge() {
  const query = useNotifications(true, 1);
  const count = query.data?.unreadCount ?? 0;
  if (count === 0) return null;
  return (
    <span
      className="rounded-full bg-danger px-2 py-0.5 text-sm font-bold text-white"
      data-testid="unread-badge"
    >
      {count}
      <span className="sr-only"> unread</span>
    </span>
  );
}
