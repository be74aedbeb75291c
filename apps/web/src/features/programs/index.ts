export { ProgramList } from './components/program-list';
export { CreateProgramRoute } from './routes/create-program-route';
export { ProgramDetailRoute } from './routes/program-detail-route';
