export { CostCalculatorRoute } from './routes/cost-calculator-route';
