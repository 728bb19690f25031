// The first fields of a PU programme for a KPU secretariat on the programme form, as Disnaker fills them in the
// journeys of wage-earner cohorts (pu.e2e.ts, election.e2e.ts); each journey goes on with its own fields.
import type { Page } from 'playwright-core';
import type { RunningLindung } from './support.ts';

export async function startKpuProgramForm(
  page: Page,
  lindung: RunningLindung,
  program: { name: string; dpa: string },
): Promise<void> {
  await page.goto(`${lindung.url}/program/baru`);
  await page.getByRole('heading', { name: 'Buat program' }).waitFor();
  await page.getByLabel('Nama program').fill(program.name);
  await page.getByLabel('Nomor DPA atau dokumen anggaran').fill(program.dpa);
  await page.getByText('Wilayah terpilih: Kab. Bantul').waitFor();
  await page.getByLabel(/^PU — iuran dari upah tiap orang/).check();
  await page.getByLabel('Nama pemberi kerja').fill('Sekretariat KPU Kab. Bantul');
  await page.getByLabel('Jenis pemberi kerja').click();
  await page.getByRole('option', { name: 'Sekretariat KPU' }).click();
}
