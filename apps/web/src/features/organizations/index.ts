export { OrganizationSwitcher } from './components/organization-switcher';
export { NewOrganizationRoute } from './routes/new-organization-route';
export { OrganizationHomeRoute } from './routes/organization-home-route';
export { OrganizationsHomeRoute } from './routes/organizations-home-route';
