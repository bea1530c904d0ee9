"use client";

import { useState } from "react";
import type { PublicQuestion } from "@/lib/content/quiz-schema";

export type AnswerValue = string | boolean | string[];

type Props = {
  idPrefix: string;
  number: number;
  question: PublicQuestion;
  value: AnswerValue | undefined;
  disabled: boolean;
  onChange: (value: AnswerValue) => void;
};

/** One question as a fieldset; every kind is operable with the keyboard alone. */
export function QuestionField({ idPrefix, number, question, value, disabled, onChange }: Props) {
  const id = `${idPrefix}-${question.id}`;
  const legend = (
    <legend id={`${id}-legend`}>
      <span className="quiz-number">Question {number}.</span> {question.prompt}
    </legend>
  );
  switch (question.kind) {
    case "single":
    case "multiple": {
      const multiple = question.kind === "multiple";
      const chosen = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
      return (
        <fieldset id={id} tabIndex={-1} disabled={disabled}>
          {legend}
          {multiple && <p className="muted quiz-hint">Choose every answer that applies.</p>}
          {question.choices.map((choice) => (
            <label key={choice.id} className="quiz-choice">
              <input
                type={multiple ? "checkbox" : "radio"}
                name={id}
                value={choice.id}
                checked={chosen.includes(choice.id)}
                onChange={(e) =>
                  onChange(multiple ? (e.target.checked ? [...chosen, choice.id] : chosen.filter((c) => c !== choice.id)) : choice.id)
                }
              />
              <span>{choice.text}</span>
            </label>
          ))}
        </fieldset>
      );
    }
    case "true-false":
      return (
        <fieldset id={id} tabIndex={-1} disabled={disabled}>
          {legend}
          {[true, false].map((option) => (
            <label key={String(option)} className="quiz-choice">
              <input type="radio" name={id} checked={value === option} onChange={() => onChange(option)} />
              <span>{option ? "True" : "False"}</span>
            </label>
          ))}
        </fieldset>
      );
    case "numeric":
      return (
        <fieldset id={id} tabIndex={-1} disabled={disabled}>
          {legend}
          <div className="quiz-numeric">
            <label htmlFor={`${id}-input`} className="visually-hidden">
              Your answer{question.unit ? ` in ${question.unit}` : ""}
            </label>
            <input
              id={`${id}-input`}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={typeof value === "string" ? value : ""}
              onChange={(e) => onChange(e.target.value)}
              aria-describedby={question.unit ? `${id}-unit` : undefined}
            />
            {question.unit && (
              <span id={`${id}-unit`} className="quiz-unit">
                {question.unit}
              </span>
            )}
          </div>
        </fieldset>
      );
    case "order":
      return (
        <fieldset id={id} tabIndex={-1} disabled={disabled}>
          {legend}
          <OrderField id={id} items={question.items} value={Array.isArray(value) ? value : undefined} onChange={onChange} disabled={disabled} />
        </fieldset>
      );
    case "output":
      return (
        <fieldset id={id} tabIndex={-1} disabled={disabled}>
          {legend}
          {/* Focusable, so a keyboard can scroll code wider than a phone (axe: scrollable-region-focusable). */}
          <pre className="quiz-code" aria-label={`${question.language} code`} tabIndex={0}>
            <code>{question.code}</code>
          </pre>
          <label htmlFor={`${id}-output`}>What does it print?</label>
          <textarea
            id={`${id}-output`}
            className="quiz-mono"
            rows={Math.min(8, Math.max(3, question.code.split("\n").length))}
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            value={typeof value === "string" ? value : ""}
            onChange={(e) => onChange(e.target.value)}
          />
        </fieldset>
      );
    case "fill-blank": {
      const parts = question.code.split("___");
      const blanks = Array.isArray(value) ? value : [];
      return (
        <fieldset id={id} tabIndex={-1} disabled={disabled}>
          {legend}
          {/* Its blanks make it reachable by keyboard; once graded they are disabled, so the code itself takes focus. */}
          <pre
            className="quiz-code"
            aria-label={`${question.language} code with ${question.blanks} blank${question.blanks === 1 ? "" : "s"}`}
            tabIndex={disabled ? 0 : undefined}
          >
            <code>
              {parts.map((part, i) => (
                <span key={i}>
                  {part}
                  {i < parts.length - 1 && (
                    <input
                      className="quiz-blank quiz-mono"
                      aria-label={`Blank ${i + 1} of ${parts.length - 1}`}
                      spellCheck={false}
                      autoCapitalize="off"
                      autoCorrect="off"
                      autoComplete="off"
                      size={Math.max(4, (blanks[i] ?? "").length + 1)}
                      value={blanks[i] ?? ""}
                      onChange={(e) => {
                        const next = Array.from({ length: parts.length - 1 }, (_, j) => blanks[j] ?? "");
                        next[i] = e.target.value;
                        onChange(next);
                      }}
                    />
                  )}
                </span>
              ))}
            </code>
          </pre>
        </fieldset>
      );
    }
  }
}

/** A stable shuffle (the same on server and client), so the items never start in the answer's order by accident. */
export function initialOrder(id: string, items: { id: string }[]): string[] {
  let seed = [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  const order = items.map((i) => i.id);
  for (let i = order.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const j = seed % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

function OrderField(props: { id: string; items: { id: string; text: string }[]; value: string[] | undefined; disabled: boolean; onChange: (v: string[]) => void }) {
  const { id, items, disabled, onChange } = props;
  const order = props.value ?? items.map((i) => i.id);
  const [announcement, setAnnouncement] = useState("");
  const text = (itemId: string) => items.find((i) => i.id === itemId)?.text ?? itemId;

  function move(index: number, delta: -1 | 1) {
    const target = index + delta;
    if (target < 0 || target >= order.length) return;
    const next = [...order];
    [next[index], next[target]] = [next[target]!, next[index]!];
    onChange(next);
    setAnnouncement(`${text(order[index]!)} moved to position ${target + 1} of ${order.length}.`);
    // Focus follows the moved item; at either end its button in that direction is disabled, so the other one takes it.
    const atEnd = target === 0 || target === order.length - 1;
    const direction = (delta < 0) !== atEnd ? "up" : "down";
    requestAnimationFrame(() => document.getElementById(`${id}-${order[index]}-${direction}`)?.focus());
  }

  return (
    <>
      <p className="muted quiz-hint">Put the items in order with the Move up and Move down buttons.</p>
      <ol className="quiz-order">
        {order.map((itemId, index) => (
          <li key={itemId} className="quiz-order-item">
            <div className="quiz-order-row">
              <span>{text(itemId)}</span>
              <span className="quiz-order-buttons">
                <button
                  type="button"
                  id={`${id}-${itemId}-up`}
                  className="button button-ghost button-small"
                  disabled={disabled || index === 0}
                  onClick={() => move(index, -1)}
                  aria-label={`Move ${text(itemId)} up`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  id={`${id}-${itemId}-down`}
                  className="button button-ghost button-small"
                  disabled={disabled || index === order.length - 1}
                  onClick={() => move(index, 1)}
                  aria-label={`Move ${text(itemId)} down`}
                >
                  ↓
                </button>
              </span>
            </div>
          </li>
        ))}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
