// The signed-in user. The session itself is the HttpOnly cookie the server set; this store keeps
// who it belongs to, and the CSRF token goes to the request wrapper.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import * as auth from '@/api/auth';
import { ApiError, setCsrfToken } from '@/api/http';
import type { Role, SessionUser } from '@/api/auth';
import { isRole } from '@/api/auth';

// Set while signed in, so that a visitor who never signed in does not probe /auth/me (a 401
// there is expected, but the browser reports it on the console). It holds no secret.
const SIGNED_IN_HINT = 'tb.signedIn';

function hint(on: boolean): void {
  try {
    if (on) localStorage.setItem(SIGNED_IN_HINT, '1');
    else localStorage.removeItem(SIGNED_IN_HINT);
  } catch {
    // Storage disabled: /auth/me is simply probed every time.
  }
}

function hasHint(): boolean {
  try {
    return localStorage.getItem(SIGNED_IN_HINT) !== null;
  } catch {
    return true;
  }
}

/** The page each role lands on after signing in. */
export function homeOf(role: Role | null): string {
  switch (role) {
    case 'enterprise_recruiter':
      return '/my-organization';
    case 'student':
      return '/my-profile';
    case null:
      return '/login';
    default:
      return '/dashboard';
  }
}

export const useSessionStore = defineStore('session', () => {
  const user = ref<SessionUser | null>(null);
  let restoring: Promise<void> | null = null;

  const role = computed<Role | null>(() =>
    user.value && isRole(user.value.role) ? user.value.role : null,
  );
  const home = computed(() => homeOf(role.value));
  /** Staff of the platform, an institution or a unit: campaigns, visits, students. */
  const isOfficer = computed(
    () =>
      role.value === 'platform_admin' ||
      role.value === 'institution_admin' ||
      role.value === 'unit_staff',
  );

  function apply(session: { user: SessionUser; csrf_token?: string | null } | null): void {
    user.value = session?.user ?? null;
    setCsrfToken(session?.csrf_token ?? null);
    hint(session !== null);
  }

  /** Once per page load: asks the server who the cookie belongs to. */
  function restore(): Promise<void> {
    restoring ??= (async () => {
      if (!hasHint()) return;
      try {
        apply(await auth.me());
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) apply(null);
        else throw e;
      }
    })().catch((e: unknown) => {
      restoring = null; // a network failure: try again on the next navigation
      throw e;
    });
    return restoring;
  }

  async function login(email: string, password: string): Promise<void> {
    apply(await auth.login({ email, password }));
  }

  /** Ends the session on the server; on failure (other than an already ended session) the
   *  user stays signed in here too, so that the error is seen rather than the cookie left valid. */
  async function logout(): Promise<void> {
    try {
      await auth.logout();
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) throw e;
    }
    apply(null);
  }

  /** The server said 401 on a call: the session has ended (expired, or signed out elsewhere). */
  function forget(): void {
    apply(null);
  }

  return { user, role, home, isOfficer, restore, login, logout, forget };
});
