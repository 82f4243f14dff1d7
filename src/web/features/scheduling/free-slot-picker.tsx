import type { Slot } from '../../../shared/schemas/scheduling.ts';
import { ErrorState, Loading } from '../../components/states.tsx';
import { useClinic } from '../clinic/clinic-context.tsx';
import { useSlots } from './scheduling-queries.ts';

/** The free times of one doctor on one day as radio buttons: arrow keys move, Space chooses. */
export function FreeSlotPicker({
  doctorId,
  date,
  value,
  onChange,
}: {
  doctorId: string;
  date: string;
  value: string;
  onChange: (slot: Slot) => void;
}) {
  const clinic = useClinic();
  const slots = useSlots(doctorId, date);
  return (
    <fieldset>
      <legend className="mb-2 font-medium">Free times</legend>
      {slots.isPending ? (
        <Loading label="Finding free times" />
      ) : slots.isError ? (
        <ErrorState error={slots.error} onRetry={() => void slots.refetch()} />
      ) : slots.data.length === 0 ? (
        <p className="text-muted">No free times on this day. Try another day.</p>
      ) : (
        <div className="flex flex-wrap gap-2">
          {slots.data.map((slot) => (
            <label
              key={slot.startAt}
              className={`cursor-pointer rounded-lg border-2 px-3 py-2 font-medium has-[:focus-visible]:outline-4 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-focus ${
                value === slot.startAt ? 'border-accent bg-accent text-accent-ink' : 'border-line bg-surface'
              }`}
            >
              <input
                type="radio"
                name={`slot-${doctorId}`}
                value={slot.startAt}
                checked={value === slot.startAt}
                onChange={() => onChange(slot)}
                className="sr-only"
              />
              {clinic.time(slot.startAt)}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
