import type { Actor } from '../../context.ts';
import type { LiveEvent } from './publish.ts';

export type Subscriber = { actor: Pick<Actor, 'id' | 'role'>; send(event: LiveEvent): void };

/** Who may hear of a change: its patient, its doctor, and the front desk and managers unless private. */
export function mayReceive(actor: Subscriber['actor'], event: LiveEvent): boolean {
  switch (actor.role) {
    case 'PATIENT':
      return event.patientId === actor.id;
    case 'DOCTOR':
      return event.doctorId === actor.id;
    case 'RECEPTIONIST':
    case 'ADMIN':
      return event.staff === true;
  }
}

/** The connected streams of one server process; the database's NOTIFY feeds it. */
export class EventHub {
  private readonly subscribers = new Set<Subscriber>();

  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  get size(): number {
    return this.subscribers.size;
  }

  dispatch(event: LiveEvent): void {
    for (const subscriber of this.subscribers) {
      if (mayReceive(subscriber.actor, event)) subscriber.send(event);
    }
  }
}

const eventTypes = new Set(['appointment.updated', 'bill.updated', 'notification.created']);

/** A NOTIFY payload as an event, or undefined when it is not one of ours. */
export function parseLiveEvent(payload: string): LiveEvent | undefined {
  try {
    const value = JSON.parse(payload) as Partial<LiveEvent>;
    if (typeof value.type !== 'string' || !eventTypes.has(value.type)) return undefined;
    if (typeof value.id !== 'string' || typeof value.patientId !== 'string') return undefined;
    return value as LiveEvent;
  } catch {
    return undefined;
  }
}
