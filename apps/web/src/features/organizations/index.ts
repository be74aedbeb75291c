export { OrganizationSwitcher } from './components/organization-switcher';
export { OrganizationsHomeRoute } from './routes/organizations-home-route';
