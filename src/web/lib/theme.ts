export type Theme = 'standard' | 'contrast';
const storageKey = 'ecms-theme';

export function storedTheme(): Theme {
  try {
    return localStorage.getItem(storageKey) === 'contrast' ? 'contrast' : 'standard';
  } catch {
    return 'standard';
  }
}

export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  try {
    localStorage.setItem(storageKey, theme);
  } catch {
    // Private modes may refuse storage; the theme then lasts for this page only.
  }
}
