/** The clinic's name with a drawn eye (an emoji would depend on the machine's fonts). */
export function ClinicName({ name }: { name: string }) {
  return (
    <p className="flex items-center gap-2 text-lg font-bold">
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="size-7 text-accent"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      >
        <path d="M1.5 12S5.5 4.5 12 4.5 22.5 12 22.5 12 18.5 19.5 12 19.5 1.5 12 1.5 12Z" />
        <circle cx="12" cy="12" r="3.5" fill="currentColor" />
      </svg>
      {name}
    </p>
  );
}
