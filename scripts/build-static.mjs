// Copies the NL Design System component CSS, and the font the site and the certificates
// use, from node_modules into static/vendor/, where Django's staticfiles finds them. The
// design tokens are Spil's own, in static/css/spil-theme.css. Run by `npm run build`.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const target = join(root, "static", "vendor", "utrecht");
mkdirSync(target, { recursive: true });

const files = {
  "node_modules/@utrecht/component-library-css/dist/index.css": "component-library.css",
};
for (const [source, name] of Object.entries(files)) {
  copyFileSync(join(root, source), join(target, name));
  console.log(`static/vendor/utrecht/${name}`);
}

const fonts = join(root, "static", "vendor", "fonts");
mkdirSync(fonts, { recursive: true });
for (const weight of ["400", "700"]) {
  const name = `source-sans-3-latin-${weight}-normal.woff`;
  copyFileSync(join(root, "node_modules/@fontsource/source-sans-3/files", name), join(fonts, name));
  console.log(`static/vendor/fonts/${name}`);
}
