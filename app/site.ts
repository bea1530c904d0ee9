/** The site's name and one-line description: the page metadata and the web app manifest both show them. */
export const SITE_NAME = "Backend Paths";
export const SITE_DESCRIPTION = "Learn backend development in Node.js, Python, Go and Rust, and how to choose between them.";
