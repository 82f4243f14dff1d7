import { type ComponentProps, type ReactNode, useId } from 'react';

type FieldShell = { label: ReactNode; error?: string | undefined; hint?: ReactNode };

function describedBy(hintId: string, errorId: string, hint: unknown, error: unknown) {
  return [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
}

function Messages({
  hintId,
  errorId,
  hint,
  error,
}: {
  hintId: string;
  errorId: string;
  hint: ReactNode;
  error?: string | undefined;
}) {
  return (
    <>
      {hint && (
        <p id={hintId} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="mt-1 text-sm font-semibold text-danger">
          {error}
        </p>
      )}
    </>
  );
}

type ControlProps = {
  id: string;
  className: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
};

/** Label above, hint and error below, and the control wired to all three for screen readers. */
function FieldFrame({
  label,
  error,
  hint,
  className,
  control,
}: FieldShell & { className?: string | undefined; control: (props: ControlProps) => ReactNode }) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block font-medium">
        {label}
      </label>
      {control({
        id,
        className: 'input',
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy(`${id}-hint`, `${id}-error`, hint, error),
      })}
      <Messages hintId={`${id}-hint`} errorId={`${id}-error`} hint={hint} error={error} />
    </div>
  );
}

export function TextField({ label, error, hint, className, ...input }: FieldShell & ComponentProps<'input'>) {
  return (
    <FieldFrame
      label={label}
      error={error}
      hint={hint}
      className={className}
      control={(props) => <input {...props} {...input} />}
    />
  );
}

export function TextAreaField({
  label,
  error,
  hint,
  className,
  ...input
}: FieldShell & ComponentProps<'textarea'>) {
  return (
    <FieldFrame
      label={label}
      error={error}
      hint={hint}
      className={className}
      control={(props) => <textarea rows={4} {...props} {...input} />}
    />
  );
}

export function SelectField({
  label,
  error,
  hint,
  className,
  children,
  ...select
}: FieldShell & ComponentProps<'select'>) {
  return (
    <FieldFrame
      label={label}
      error={error}
      hint={hint}
      className={className}
      control={(props) => (
        <select {...props} {...select}>
          {children}
        </select>
      )}
    />
  );
}

export function CheckboxField({ label, hint, className, ...input }: FieldShell & ComponentProps<'input'>) {
  const id = useId();
  return (
    <div className={`flex items-start gap-3 ${className ?? ''}`}>
      <input
        id={id}
        type="checkbox"
        className="mt-1 size-5 accent-accent"
        aria-describedby={hint ? `${id}-hint` : undefined}
        {...input}
      />
      <div>
        <label htmlFor={id} className="font-medium">
          {label}
        </label>
        {hint && (
          <p id={`${id}-hint`} className="text-sm text-muted">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}

/** The server's reason a form was refused, read out when it appears. */
export function FormAlert({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <div
      role="alert"
      className="rounded-lg border-2 border-danger bg-danger-soft p-3 font-medium text-danger"
    >
      {message}
    </div>
  );
}
