const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(timezone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timezone}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, ...options });
    cache.set(key, format);
  }
  return format;
}

/** "Mon 7 Dec 2026, 09:20" in the clinic's zone. */
export function formatDateTime(iso: string, timezone: string): string {
  return formatter(timezone, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

export function formatDate(iso: string, timezone: string): string {
  return formatter(timezone, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(iso),
  );
}

export function formatTime(iso: string, timezone: string): string {
  return formatter(timezone, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** The calendar day (YYYY-MM-DD) of an instant in the clinic's zone. */
export function clinicDay(at: Date, timezone: string): string {
  const parts = formatter(timezone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
