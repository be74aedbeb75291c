export { OverviewRoute } from './routes/overview-route';
