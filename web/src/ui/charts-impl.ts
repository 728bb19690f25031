// The chart code and its styles, loaded on demand by Charts.tsx.
import '@mantine/charts/styles.css';

export { BarChart, LineChart } from '@mantine/charts';
