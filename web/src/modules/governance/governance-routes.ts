// The paths of the governance pages (also listed in app/routes.ts and lib/access/navigation.ts).
export const GOV_ROUTES = {
  home: '/tata-kelola',
  regulations: '/tata-kelola/regulasi',
  agreements: '/tata-kelola/perjanjian',
  plans: '/tata-kelola/rencana-kerja' as string | null,
  meetings: '/tata-kelola/rapat' as string | null,
  channels: '/tata-kelola/saluran' as string | null,
  openRegulations: '/data-terbuka/regulasi',
};
