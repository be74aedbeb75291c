export { SoaRoute } from './routes/soa-route';
