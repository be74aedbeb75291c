export { HealthBadge } from './components/health-badge';
