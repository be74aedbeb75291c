export { CostRoute } from './routes/cost-route';
