export { UserMenu } from './components/user-menu';
export { InvitationRoute } from './routes/invitation-route';
export { SessionExpiredRoute } from './routes/session-expired-route';
export { SignInRoute } from './routes/sign-in-route';
