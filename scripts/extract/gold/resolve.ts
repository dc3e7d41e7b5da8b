/**
 * Annotation helper: what a written place form meant on a date, straight from the gazetteer (no extraction).
 * Usage: npx tsx scripts/extract/gold/resolve.ts 2014-01-20 南昌 赣州经开区 …
 */
import { loadGazetteer } from '../../gazetteer/index.ts';

const [date = '2014-01-20', ...forms] = process.argv.slice(2);
const gazetteer = loadGazetteer();
for (const form of forms) {
  const place = gazetteer.resolve(form, date);
  console.log(`${form}\t${place ? `${place.id}\t${place.zh}\t${place.level}` : '—'}`);
}
