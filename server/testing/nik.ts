/** A valid NIK for a birth date and sex (women: day + 40); `serial` keeps it unique, `district` its 6-digit prefix. */
export function nikFor(birth: string, sex: 'L' | 'P', serial: number, district = '340208'): string {
  const [y = '', m = '', d = ''] = birth.split('-');
  const day = Number(d) + (sex === 'P' ? 40 : 0);
  return `${district}${String(day).padStart(2, '0')}${m}${y.slice(2)}${String(serial).padStart(4, '0')}`;
}
