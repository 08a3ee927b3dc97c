const TOKEN_KEY = 'shuliu.token';

/** The session token lives in localStorage so that a reload keeps the user logged in. */
export const tokenStore = {
  get: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (token: string): void => localStorage.setItem(TOKEN_KEY, token),
  clear: (): void => localStorage.removeItem(TOKEN_KEY),
};
