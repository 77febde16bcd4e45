// Public face of the context module (4.1, 4.2, Amd 1:2024): others import only this file.
export { contextOf, saveContext } from './isms-context.service.ts';
