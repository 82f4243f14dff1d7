import { type ReactNode, useEffect } from 'react';
import { ClinicName } from '../../components/clinic-name.tsx';
import { ThemeToggle } from '../../components/theme-toggle.tsx';
import { useClinic } from '../clinic/clinic-context.tsx';

export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const clinic = useClinic();
  useEffect(() => {
    document.title = `${title} — ${clinic.name}`;
  }, [title, clinic.name]);
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-line bg-surface">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3">
          <ClinicName name={clinic.name} />
          <ThemeToggle />
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-md flex-1 px-4 py-8">
        <h1 className="mb-6 text-3xl font-bold">{title}</h1>
        {children}
      </main>
    </div>
  );
}
