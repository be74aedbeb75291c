export { AdminRoute } from './routes/admin-route';
