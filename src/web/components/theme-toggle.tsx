import { useState } from 'react';
import { applyTheme, storedTheme, type Theme } from '../lib/theme.ts';

export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(storedTheme);
  const contrast = theme === 'contrast';
  return (
    <button
      type="button"
      className="btn btn-secondary min-h-10 px-3 text-sm aria-pressed:bg-accent aria-pressed:text-accent-ink"
      aria-pressed={contrast}
      onClick={() => {
        const next = contrast ? 'standard' : 'contrast';
        applyTheme(next);
        setTheme(next);
      }}
    >
      High contrast
    </button>
  );
}
