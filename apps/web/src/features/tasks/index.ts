export { MyTasksRoute } from './routes/my-tasks-route';
