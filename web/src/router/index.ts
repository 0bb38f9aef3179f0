// History-mode routes; the server answers index.html for every non-API path.
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import type { Role } from '@/api/auth';
import { i18n } from '@/locales';
import type { MessageSchema } from '@/locales/zh-CN';
import { useSessionStore } from '@/stores/session';

type TitleKey =
  | `nav.${keyof MessageSchema['nav'] & string}`
  | `officer.nav.${keyof MessageSchema['officer']['nav'] & string}`
  | `recruit.nav.${keyof MessageSchema['recruit']['nav'] & string}`
  | 'login.title'
  | 'notFound.title';

declare module 'vue-router' {
  interface RouteMeta {
    /** Public page (no session needed). */
    public?: boolean;
    /** Roles that may open the page; any signed-in user when absent. */
    roles?: readonly Role[];
    titleKey?: TitleKey;
  }
}

export const OFFICERS: readonly Role[] = ['platform_admin', 'institution_admin', 'unit_staff'];

const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/login/index.vue'),
    meta: { public: true, titleKey: 'login.title' },
  },
  {
    path: '/',
    component: () => import('@/components/AppLayout.vue'),
    children: [
      { path: '', name: 'home', redirect: () => useSessionStore().home },
      {
        path: 'dashboard',
        name: 'dashboard',
        component: () => import('@/views/dashboard/index.vue'),
        meta: { roles: [...OFFICERS, 'observer'], titleKey: 'nav.dashboard' },
      },
      {
        path: 'campaigns',
        name: 'campaigns',
        component: () => import('@/views/campaigns/index.vue'),
        meta: { roles: [...OFFICERS, 'observer'], titleKey: 'nav.campaigns' },
      },
      {
        path: 'campaigns/:id(\\d+)',
        name: 'campaign',
        component: () => import('@/views/campaigns/CampaignPage.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { roles: [...OFFICERS, 'observer'], titleKey: 'nav.campaigns' },
      },
      {
        path: 'agreements',
        name: 'agreements',
        component: () => import('@/views/agreements/index.vue'),
        meta: { roles: OFFICERS, titleKey: 'officer.nav.agreements' },
      },
      {
        path: 'agreements/new',
        name: 'agreement-new',
        component: () => import('@/views/agreements/AgreementForm.vue'),
        meta: { roles: OFFICERS, titleKey: 'officer.nav.agreements' },
      },
      {
        path: 'agreements/:id(\\d+)',
        name: 'agreement',
        component: () => import('@/views/agreements/AgreementPage.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { roles: OFFICERS, titleKey: 'officer.nav.agreements' },
      },
      {
        path: 'agreements/:id(\\d+)/edit',
        name: 'agreement-edit',
        component: () => import('@/views/agreements/AgreementForm.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { roles: OFFICERS, titleKey: 'officer.nav.agreements' },
      },
      {
        path: 'events',
        name: 'events',
        component: () => import('@/views/events/index.vue'),
        meta: { roles: OFFICERS, titleKey: 'officer.nav.events' },
      },
      {
        path: 'events/new',
        name: 'event-new',
        component: () => import('@/views/edit/EventEditPage.vue'),
        meta: { roles: OFFICERS, titleKey: 'officer.nav.events' },
      },
      {
        path: 'events/:id(\\d+)/edit',
        name: 'event-edit',
        component: () => import('@/views/edit/EventEditPage.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { roles: OFFICERS, titleKey: 'officer.nav.events' },
      },
      {
        path: 'events/:id(\\d+)',
        name: 'event',
        component: () => import('@/views/events/EventPage.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { roles: OFFICERS, titleKey: 'officer.nav.events' },
      },
      {
        path: 'destinations',
        name: 'destinations',
        component: () => import('@/views/destinations/index.vue'),
        meta: { roles: OFFICERS, titleKey: 'officer.nav.destinations' },
      },
      {
        path: 'employment',
        name: 'employment',
        component: () => import('@/views/employment/index.vue'),
        meta: { roles: [...OFFICERS, 'observer'], titleKey: 'officer.nav.employment' },
      },
      {
        path: 'activities',
        name: 'activities',
        component: () => import('@/views/activities/index.vue'),
        meta: { roles: OFFICERS, titleKey: 'nav.activities' },
      },
      {
        path: 'activities/new',
        name: 'log-visit',
        component: () => import('@/views/visit/index.vue'),
        meta: { roles: OFFICERS, titleKey: 'nav.logVisit' },
      },
      {
        path: 'activities/:id(\\d+)/edit',
        name: 'activity-edit',
        component: () => import('@/views/edit/VisitEditPage.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { roles: OFFICERS, titleKey: 'nav.activities' },
      },
      {
        path: 'activities/:id(\\d+)',
        name: 'activity',
        component: () => import('@/views/activities/ActivityPage.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { roles: OFFICERS, titleKey: 'nav.activities' },
      },
      {
        path: 'organizations',
        name: 'organizations',
        component: () => import('@/views/organizations/index.vue'),
        meta: { roles: OFFICERS, titleKey: 'nav.organizations' },
      },
      {
        path: 'students',
        name: 'students',
        component: () => import('@/views/students/index.vue'),
        meta: { roles: OFFICERS, titleKey: 'nav.students' },
      },
      {
        path: 'posts',
        name: 'posts',
        component: () => import('@/views/posts/index.vue'),
        meta: { roles: [...OFFICERS, 'enterprise_recruiter', 'student'], titleKey: 'nav.posts' },
      },
      {
        path: 'users',
        name: 'users',
        component: () => import('@/views/users/index.vue'),
        meta: { roles: ['platform_admin'], titleKey: 'nav.users' },
      },
      {
        path: 'my-organization',
        name: 'my-organization',
        component: () => import('@/views/my-organization/index.vue'),
        meta: { roles: ['enterprise_recruiter'], titleKey: 'nav.myOrganization' },
      },
      {
        path: 'my-profile',
        name: 'my-profile',
        component: () => import('@/views/my-profile/index.vue'),
        meta: { roles: ['student'], titleKey: 'nav.myProfile' },
      },
      {
        path: 'me',
        name: 'me',
        component: () => import('@/views/me/index.vue'),
        meta: { titleKey: 'nav.me' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('@/views/not-found/index.vue'),
        meta: { titleKey: 'notFound.title' },
      },
      {
        path: 'recruit/board',
        name: 'recruit-board',
        component: () => import('@/views/recruit/BoardPage.vue'),
        meta: { roles: ['enterprise_recruiter'], titleKey: 'recruit.nav.applicants' },
      },
      {
        path: 'student/recommendations',
        name: 'student-recommendations',
        component: () => import('@/views/student/RecommendationsPage.vue'),
        meta: { roles: ['student'], titleKey: 'recruit.nav.recommendations' },
      },
      {
        path: 'student/applications',
        name: 'student-applications',
        component: () => import('@/views/student/ApplicationsPage.vue'),
        meta: { roles: ['student'], titleKey: 'recruit.nav.myApplications' },
      },
      {
        path: 'recruit/events',
        name: 'recruit-events',
        component: () => import('@/views/recruit/EventsPage.vue'),
        meta: { roles: ['enterprise_recruiter', 'student'], titleKey: 'recruit.nav.events' },
      },
      {
        path: 'student/destination',
        name: 'student-destination',
        component: () => import('@/views/student/DestinationPage.vue'),
        meta: { roles: ['student'], titleKey: 'recruit.nav.destination' },
      },
    ],
  },
  {
    path: '/events/:id(\\d+)/screen',
    name: 'event-screen',
    component: () => import('@/views/bigscreen/EventScreen.vue'),
    props: (route) => ({ id: Number(route.params.id) }),
    meta: { titleKey: 'recruit.nav.screen' },
  },
];

export const router = createRouter({
  history: createWebHistory(),
  routes,
});

router.beforeEach(async (to) => {
  const session = useSessionStore();
  // A server that cannot be reached leaves the visitor signed out; the login form says why.
  await session.restore().catch(() => undefined);
  if (to.meta.public) {
    return session.user && to.name === 'login' ? session.home : true;
  }
  if (!session.user) {
    return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  }
  if (to.meta.roles && (!session.role || !to.meta.roles.includes(session.role))) {
    return session.home;
  }
  return true;
});

/** The document title follows the page and the language. */
export function pageTitle(): string {
  const route = router.currentRoute.value;
  const key =
    route.name === 'dashboard' && useSessionStore().role === 'observer'
      ? 'nav.reports'
      : route.meta.titleKey;
  const app = i18n.global.t('app.name');
  return key ? `${i18n.global.t(key)} · ${app}` : app;
}
