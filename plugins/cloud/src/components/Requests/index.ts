export { RequestsPage } from './RequestsPage';
