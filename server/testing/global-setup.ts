import { prepareTemplate } from './pg-server.ts';

export default async function setup(): Promise<void> {
  await prepareTemplate();
}
