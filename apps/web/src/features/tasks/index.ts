export { MyTasksRoute } from './routes/my-tasks-route';
export { TaskRoute } from './routes/task-route';
