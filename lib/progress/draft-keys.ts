// The key an exercise's code is kept under as a draft, without the progress model that applies it: exercise pages
// need it when they render. lib/progress/model.ts writes drafts under the same key (a unit test holds them equal).

export const exerciseDraftKey = (exerciseId: string) => `exercise/${exerciseId}`;
