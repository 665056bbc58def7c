/** Classification metrics: top-k accuracy, confusion matrix, per-class precision/recall/F1. */

export interface ClassStats {
  name: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ClassificationMetrics {
  count: number;
  accuracy: number;
  /** Top-k accuracy by k (as a string key, for JSON). */
  topK: Record<string, number>;
  classes: string[];
  /** confusion[true][predicted] counts. */
  confusion: number[][];
  perClass: ClassStats[];
  macroF1: number;
}

/** Indices of the k largest scores, ties to the lower index (as argmax). */
export function topIndices(scores: readonly number[], k: number): number[] {
  return scores
    .map((v, i) => [v, i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .slice(0, k)
    .map(([, i]) => i);
}

export const argmax = (scores: readonly number[]): number => topIndices(scores, 1)[0] ?? -1;

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

function perClassStats(confusion: number[][], classes: string[]): ClassStats[] {
  return classes.map((name, c) => {
    const tp = confusion[c][c];
    const predicted = confusion.reduce((s, row) => s + row[c], 0);
    const support = confusion[c].reduce((s, v) => s + v, 0);
    const precision = ratio(tp, predicted);
    const recall = ratio(tp, support);
    return { name, precision, recall, f1: ratio(2 * precision * recall, precision + recall), support };
  });
}

/**
 * `scores[i]` are the model outputs of sample i, `labels[i]` its class. Class names default to
 * indices; there are as many classes as outputs (or labels, if a label exceeds them).
 */
export function classificationMetrics(
  scores: readonly (readonly number[])[],
  labels: readonly number[],
  topK: readonly number[],
  names?: readonly string[] | null,
): ClassificationMetrics {
  const width = Math.max(0, ...scores.map((s) => s.length), ...labels.map((l) => l + 1));
  const classes = Array.from({ length: width }, (_, i) => names?.[i] ?? String(i));
  const confusion = classes.map(() => new Array<number>(width).fill(0));
  const hits = new Map(topK.map((k) => [k, 0]));
  scores.forEach((s, i) => {
    const top = topIndices(s, Math.max(1, ...topK));
    confusion[labels[i]][top[0]]++;
    for (const k of topK) if (top.slice(0, k).includes(labels[i])) hits.set(k, hits.get(k)! + 1);
  });
  const n = scores.length;
  const perClass = perClassStats(confusion, classes);
  const present = perClass.filter((c) => c.support > 0);
  return {
    count: n,
    accuracy: ratio(
      confusion.reduce((s, row, c) => s + row[c], 0),
      n,
    ),
    topK: Object.fromEntries([...hits].map(([k, h]) => [String(k), ratio(h, n)])),
    classes,
    confusion,
    perClass,
    macroF1: ratio(
      present.reduce((s, c) => s + c.f1, 0),
      present.length,
    ),
  };
}
