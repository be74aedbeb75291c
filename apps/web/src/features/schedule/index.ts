/** The schedule page and its timeline library load only when someone opens it (route-level code splitting). */
export const loadScheduleRoute = () => import('./routes/schedule-route');
