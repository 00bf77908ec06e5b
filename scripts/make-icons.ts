/**
 * `npm run icons`: redraws manifest/color.png and manifest/outline.png. The PNGs are committed, so
 * packaging needs no drawing step; a test checks that the committed pixels still match this code.
 */
import * as fs from 'fs';
import * as path from 'path';
import { drawColorIcon, drawOutlineIcon, checkIcons } from './lib/icons';
import { findRepoRoot } from './lib/appPackage';

function main(): void {
  const dir = path.join(findRepoRoot(process.cwd()), 'manifest');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'color.png'), drawColorIcon());
  fs.writeFileSync(path.join(dir, 'outline.png'), drawOutlineIcon());
  const problems = checkIcons(dir);
  if (problems.length) {
    console.error(`The drawn icons fail the checks:\n${problems.map((p, i) => `  ${i + 1}. ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`Wrote ${path.join(dir, 'color.png')} and ${path.join(dir, 'outline.png')}.`);
}

main();
