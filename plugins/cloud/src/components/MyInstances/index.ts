export { MyInstancesPage } from './MyInstancesPage';
