import type { MetadataRoute } from "next";

// The course is public; the API and the per-learner pages have nothing for a search engine.
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/account", "/dashboard", "/onboarding"] },
  };
}
