import { z } from "zod";
import { CODE_LANGUAGES, EXERCISE_ID_PATTERN, LANGUAGE_TRACKS, LESSON_ID_PATTERN, SLUG_PATTERN, TRACKS } from "./vocabulary";

// The zod schemas of the course's words (./vocabulary.ts): every boundary that takes a language, a track or an id
// validates it with one of these, and only here are their messages written.

export const codeLanguageSchema = z.enum(CODE_LANGUAGES);
export const languageTrackSchema = z.enum(LANGUAGE_TRACKS);
export const trackSchema = z.enum(TRACKS);

export const lessonIdSchema = z.string().max(120).regex(LESSON_ID_PATTERN, "A lesson id looks like <track>/<nn>-<slug>, e.g. go/03-goroutines.");
export const quizIdSchema = lessonIdSchema;
export const exerciseIdSchema = z.string().max(200).regex(EXERCISE_ID_PATTERN, "An exercise id looks like <track>/<nn>-<slug>/<name>.");

/** A kebab-case tag a quiz question tests, e.g. "event-loop". */
export const topicSchema = z.string().max(60).regex(SLUG_PATTERN, "A topic is a kebab-case tag like event-loop.");
