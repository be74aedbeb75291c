export { GapAssessmentRoute } from './routes/gap-assessment-route';
