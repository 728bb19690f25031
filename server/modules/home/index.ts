// Public API of the home module: the home page's to-do list, counted by the modules that own each piece of work.
export { registerHomeRoutes } from './home.routes.ts';
export { homeTodo } from './home.service.ts';
