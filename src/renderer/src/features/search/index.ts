export { GlobalSearch, globalSearch } from './GlobalSearch';
