export { FilePicker } from './FilePicker';
