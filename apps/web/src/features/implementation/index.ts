export { ImplementationRoute } from './routes/implementation-route';
