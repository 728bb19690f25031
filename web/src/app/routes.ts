/** Route paths, Indonesian where people type or read them. */
export const ROUTES = {
  signIn: '/masuk',
  home: '/',
  users: '/admin/users',
  userCreate: '/admin/users/baru',
  userEdit: (id: string) => `/admin/users/${id}`,
  audit: '/admin/audit',
  regions: '/admin/regions',
  system: '/admin/system',
  contributionRules: '/admin/aturan-iuran',
  calculator: '/kalkulator',
  workers: '/pekerja',
  workerCreate: '/pekerja/baru',
  workerDetail: (id: string) => `/pekerja/${id}`,
} as const;
