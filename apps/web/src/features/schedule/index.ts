export { ScheduleRoute } from './routes/schedule-route';
