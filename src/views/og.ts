/**
 * The link-preview image (Open Graph) of the site's pages: public/og-image.png,
 * drawn by `npm run og-image` and served by Cloudflare as a static asset.
 */
export const OG_IMAGE_PATH = "/og-image.png";
export const OG_IMAGE_SIZE = { width: 1200, height: 630 };
export const OG_IMAGE_ALT = "Undersigned: open letters and their signatories.";
